package assess

import (
	"reflect"
	"testing"
)

func TestCompare(t *testing.T) {
	set := testSet()
	allYes := map[string]Answer{"stable-home": Yes, "manageable-needs": Yes, "can-commit": Yes, "responsibilities": Yes}
	with := func(m map[string]Answer, id string, a Answer) map[string]Answer {
		out := map[string]Answer{}
		for k, v := range m {
			out[k] = v
		}
		if a == "" {
			delete(out, id)
		} else {
			out[id] = a
		}
		return out
	}
	tests := []struct {
		name    string
		today   map[string]Answer
		earlier Earlier
		want    Since
	}{
		{
			name:    "nothing changed",
			today:   allYes,
			earlier: Earlier{Version: set.Version, Answers: allYes, Recommendation: IOP},
			want:    Since{Before: IOP, After: IOP, BeforeHeadline: "iop head", AfterHeadline: "iop head", Version: set.Version, Changes: []Change{}},
		},
		{
			name:    "a step down: residential then, IOP now",
			today:   allYes,
			earlier: Earlier{Version: set.Version, Answers: with(with(allYes, "manageable-needs", No), "responsibilities", Unsure), Recommendation: Residential},
			want: Since{Before: Residential, After: IOP, BeforeHeadline: "res head", AfterHeadline: "iop head", Version: set.Version, Changes: []Change{
				{ID: "manageable-needs", Topic: "your manageable-needs", Question: "manageable-needs?", Before: No, After: Yes},
				// A question without a topic is named by its prompt.
				{ID: "responsibilities", Question: "responsibilities?", Before: Unsure, After: Yes},
			}},
		},
		{
			// Each headline is the one the person read: today's result's,
			// and the earlier one's, which the file showed.
			name:    "answers changed, the recommendation did not",
			today:   with(allYes, "can-commit", No),
			earlier: Earlier{Version: set.Version, Answers: with(allYes, "can-commit", Unsure), Recommendation: Residential, Headline: "can-commit unsure head"},
			want: Since{Before: Residential, After: Residential, BeforeHeadline: "can-commit unsure head", AfterHeadline: "can-commit no head", Version: set.Version, Changes: []Change{
				{ID: "can-commit", Topic: "your can-commit", Question: "can-commit?", Before: Unsure, After: No},
			}},
		},
		{
			// Another version of the set: a question only one of the two
			// has is left out, and one the earlier result has but today's
			// set does not is too. The earlier headline is the outcome's.
			name:    "questions in only one of the two",
			today:   with(allYes, "stable-home", No),
			earlier: Earlier{Version: "0.9", Answers: with(with(allYes, "stable-home", ""), "old-question", No), Recommendation: IOP},
			want:    Since{Before: IOP, After: Residential, BeforeHeadline: "iop head", AfterHeadline: "stable-home no head", OtherVersion: true, Version: "0.9", Changes: []Change{}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Evaluate(set, tt.today)
			if err != nil {
				t.Fatal(err)
			}
			got := Compare(set, res, tt.earlier)
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("Compare =\n%+v\nwant\n%+v", *got, tt.want)
			}
			if got.Changed() != (len(tt.want.Changes) > 0 || tt.want.Before != tt.want.After) {
				t.Errorf("Changed() = %v", got.Changed())
			}
			if res.Recommendation != got.After {
				t.Errorf("today's recommendation %q is not After %q", res.Recommendation, got.After)
			}
		})
	}
}

// TestCompareNeverChangesTheResult: the recommendation comes from today's
// answers alone, whatever the earlier result said.
func TestCompareNeverChangesTheResult(t *testing.T) {
	set := testSet()
	today := map[string]Answer{"stable-home": Yes, "manageable-needs": Yes, "can-commit": Yes, "responsibilities": No}
	for _, rec := range []Recommendation{IOP, Residential} {
		res, err := Evaluate(set, today)
		if err != nil {
			t.Fatal(err)
		}
		before := res
		s := Compare(set, res, Earlier{Answers: map[string]Answer{"stable-home": No}, Recommendation: rec})
		if s.After != IOP || !reflect.DeepEqual(res, before) {
			t.Errorf("earlier %s: today's result changed: %+v", rec, s)
		}
	}
}
