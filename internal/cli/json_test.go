package cli

import (
	"bytes"
	"encoding/json"
	"testing"
)

// encodeJSON writes what json.Encoder writes for the same value with the
// array whole, with the array at the top, nested at any depth or empty.
func TestEncodeJSONStreams(t *testing.T) {
	type elem struct {
		Text string `json:"text"`
		List []int  `json:"list,omitempty"`
	}
	elems := []any{elem{Text: "a <b> & c"}, elem{Text: "d", List: []int{1, 2}}, []string{"e"}, map[string]int{"f": 1}}
	type streamed struct {
		Name  string           `json:"name"`
		Runs  []map[string]any `json:"runs"`
		After string           `json:"after"`
	}
	for n := range len(elems) + 1 {
		a := &jsonArray{n: n, elem: func(i int) any { return elems[i] }}
		whole := append([]any{}, elems[:n]...)
		for _, tc := range []struct {
			name      string
			got, want any
		}{
			{"top", a, whole},
			{"nested", streamed{Name: "x", Runs: []map[string]any{{"tool": 1, "results": a, "z": "<"}}, After: "y"},
				streamed{Name: "x", Runs: []map[string]any{{"tool": 1, "results": whole, "z": "<"}}, After: "y"}},
		} {
			var got, want bytes.Buffer
			if err := encodeJSON(&got, tc.got, a); err != nil {
				t.Fatal(err)
			}
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(tc.want); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s, %d elements:\n%s\nwant\n%s", tc.name, n, got.String(), want.String())
			}
		}
	}
}
