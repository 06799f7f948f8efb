package hover

import (
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

func TestMarkdown(t *testing.T) {
	src := []byte(`'404': 4xx: 4XX: default: 777`)
	for _, tc := range []struct {
		name    string
		occ     occurrence.Occurrence
		qual    string
		want    []string
		notWant []string
		none    bool
	}{
		{"code with operation", occurrence.Occurrence{Start: 0, End: 5, Code: 404, Kind: occurrence.ResponseKey, Context: "DELETE /items/{id}"}, "",
			[]string{"### 404 Not Found", "`StatusNotFound`", "**Response of:** `DELETE /items/{id}`"}, nil, false},
		{"Go constant spelled with the import name", occurrence.Occurrence{Code: 404, Kind: occurrence.Literal, Context: "WriteHeader"}, "web",
			[]string{"`web.StatusNotFound`"}, []string{"Response of"}, false},
		{"lowercase range key", occurrence.Occurrence{Start: 7, End: 10, Class: 4, Kind: occurrence.ResponseKey}, "",
			[]string{"### 4xx Client Error", "upper case: `4XX`, not `4xx`"}, nil, false},
		{"range key", occurrence.Occurrence{Start: 12, End: 15, Class: 4, Kind: occurrence.ResponseKey}, "",
			[]string{"### 4xx Client Error", "**Most used:**"}, []string{"upper case"}, false},
		{"default", occurrence.Occurrence{Start: 17, End: 24, Default: true, Kind: occurrence.ResponseKey}, "",
			[]string{"### default", "every status code"}, nil, false},
		{"unknown code", occurrence.Occurrence{Start: 26, End: 29, Code: 777, Kind: occurrence.ResponseKey}, "", nil, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			md, ok := Markdown(tc.occ, src, tc.qual)
			if ok == tc.none {
				t.Fatalf("ok = %v, want %v", ok, !tc.none)
			}
			for _, w := range tc.want {
				if !strings.Contains(md, w) {
					t.Errorf("lacks %q:\n%s", w, md)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(md, w) {
					t.Errorf("has %q:\n%s", w, md)
				}
			}
		})
	}
}
