//go:build fhirspec

package report

import (
	"sync"
	"testing"

	"github.com/google/fhir/go/fhirversion"
	"github.com/google/fhir/go/jsonformat"
)

// r4 reads FHIR R4 JSON as the specification defines it; one is enough for
// every output the tests check.
var r4 = sync.OnceValues(func() (*jsonformat.Unmarshaller, error) {
	return jsonformat.NewUnmarshaller("UTC", fhirversion.R4)
})

// readAsSpec reads data with google/fhir's R4 parser: nil if it is a valid
// resource.
func readAsSpec(data []byte) error {
	um, err := r4()
	if err != nil {
		return err
	}
	_, err = um.Unmarshal(data)
	return err
}

// TestSpecReaderRefusesWhatR4Forbids: the spec step would pass anything if
// the reader did; it takes a minimal Questionnaire and refuses one with a
// status R4 does not have, or a field it does not define.
func TestSpecReaderRefusesWhatR4Forbids(t *testing.T) {
	for _, c := range []struct {
		name, json string
		valid      bool
	}{
		{"minimal", `{"resourceType":"Questionnaire","status":"active"}`, true},
		{"unknown status", `{"resourceType":"Questionnaire","status":"maybe"}`, false},
		{"no status", `{"resourceType":"Questionnaire"}`, false},
		{"unknown field", `{"resourceType":"Questionnaire","status":"active","mood":"calm"}`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := readAsSpec([]byte(c.json)); (err == nil) != c.valid {
				t.Errorf("valid = %v, want %v (%v)", err == nil, c.valid, err)
			}
		})
	}
}
