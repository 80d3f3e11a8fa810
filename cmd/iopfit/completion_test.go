package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBashCompletionWithoutBashCompletion: the bash script completes a
// question's answers in a bash with nothing loaded, as on a machine
// without the bash-completion package, where cobra's script alone failed
// with "_get_comp_words_by_ref: command not found" at every Tab.
func TestBashCompletionWithoutBashCompletion(t *testing.T) {
	t.Parallel()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash here")
	}
	bin := binary(t, "")
	script := `source <("$IOPFIT" completion bash)
iopfit() { "$IOPFIT" "$@"; }
COMP_WORDS=(iopfit check --stable-home "")
COMP_CWORD=3
COMP_LINE="iopfit check --stable-home "
COMP_POINT=${#COMP_LINE}
__start_iopfit 2>/dev/null
echo "${COMPREPLY[*]}"`
	cmd := exec.Command(bash, "--norc", "--noprofile", "-c", script)
	cmd.Env = append(baseEnv(), "IOPFIT="+bin)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "yes") || strings.Contains(string(out), "not found") {
		t.Fatalf("completion without bash-completion: %v\n%s", err, out)
	}
}
