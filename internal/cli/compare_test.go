package cli

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/iopfit/iopfit/internal/assess"
	"github.com/iopfit/iopfit/internal/load"
)

// TestCompareFromStdin: stdin can carry the earlier result only when
// nothing else reads it (the answers, plain prompts or a person typing).
func TestCompareFromStdin(t *testing.T) {
	set, err := load.Embedded("en")
	if err != nil {
		t.Fatal(err)
	}
	earlier := `{"schema_version": 1, "question_set": {"id": "` + set.ID + `"}, "answers": [{"id": "stable-home", "answer": "no"}], "recommendation": "residential"}`
	tests := []struct {
		name       string
		answers    string
		accessible bool
		inTTY      bool
		asking     bool
		want       string // a catalog id, or "" when stdin is read
	}{
		{"every answer given", "", false, false, false, ""},
		{"answers missing, no one to ask", "", false, false, true, ""},
		{"stdin carries the answers", "-", false, false, false, "cli.compare_stdin"},
		{"plain prompts read stdin", "", true, false, true, "cli.compare_prompts"},
		{"plain prompts with nothing to ask", "", true, false, false, ""},
		{"stdin is a terminal", "", false, true, false, "cli.compare_tty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := &checkOptions{IO: &Streams{In: strings.NewReader(earlier), InTTY: tt.inTTY}, Set: set, Compare: "-", AnswersFile: tt.answers, Accessible: tt.accessible}
			err := o.compareFlags(true)
			if err == nil {
				err = o.readEarlier(context.Background(), tt.asking)
			}
			var ue *UsageError
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.want == "" && (o.earlier == nil || o.earlier.Answers["stable-home"] != assess.No):
				t.Fatalf("read %+v", o.earlier)
			case tt.want != "" && (!errors.As(err, &ue) || ue.Msg.ID != tt.want):
				t.Fatalf("got %v, want %s", err, tt.want)
			case tt.want != "" && exitCode(err) != ExitUsage:
				t.Fatalf("exit %d", exitCode(err))
			}
		})
	}
}
