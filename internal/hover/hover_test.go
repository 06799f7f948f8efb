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
		custom  map[int]string
		want    []string
		notWant []string
		none    bool
	}{
		{"code with operation", occurrence.Occurrence{Start: 0, End: 5, Code: 404, Kind: occurrence.ResponseKey, Context: "DELETE /items/{id}"}, "", nil,
			[]string{"### 404 Not Found", "`StatusNotFound`", "**Response of:** `DELETE /items/{id}`"}, nil, false},
		{"Go constant spelled with the import name", occurrence.Occurrence{Code: 404, Kind: occurrence.Literal, Context: "WriteHeader"}, "web", nil,
			[]string{"`web.StatusNotFound`"}, []string{"Response of"}, false},
		{"lowercase range key", occurrence.Occurrence{Start: 7, End: 10, Class: 4, Kind: occurrence.ResponseKey}, "", nil,
			[]string{"### 4xx Client Error", "upper case: `4XX`, not `4xx`"}, nil, false},
		{"range key", occurrence.Occurrence{Start: 12, End: 15, Class: 4, Kind: occurrence.ResponseKey}, "", nil,
			[]string{"### 4xx Client Error", "**Most used:**"}, []string{"upper case"}, false},
		{"default", occurrence.Occurrence{Start: 17, End: 24, Default: true, Kind: occurrence.ResponseKey}, "", nil,
			[]string{"### default", "every status code"}, nil, false},
		{"unknown code", occurrence.Occurrence{Start: 26, End: 29, Code: 777, Kind: occurrence.ResponseKey}, "", nil, nil, nil, true},
		{"custom code", occurrence.Occurrence{Start: 26, End: 29, Code: 777, Kind: occurrence.ResponseKey}, "", map[int]string{777: "Lucky Day"},
			[]string{"### 777 Lucky Day", "custom code of this project", "`codes:`"}, []string{"IANA registered"}, false},
		{"custom phrase for a catalog code", occurrence.Occurrence{Code: 499, Kind: occurrence.Literal}, "http", map[int]string{499: "Request Abandoned"},
			[]string{"### 499 Client Closed Request", `**This project:** its configuration declares 499 as "Request Abandoned".`}, nil, false},
		{"custom code with the catalog's phrase", occurrence.Occurrence{Code: 499, Kind: occurrence.Literal}, "http", map[int]string{499: "Client Closed Request"},
			[]string{"### 499 Client Closed Request"}, []string{"This project"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			md, ok := Markdown(tc.occ, src, tc.qual, tc.custom)
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
