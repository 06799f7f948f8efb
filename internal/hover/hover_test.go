package hover

import (
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
	"github.com/httpcode-lsp/httpcode-lsp/internal/yamldoc"
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
			[]string{"### 777 Lucky Day", "custom code of this project", "`codes:`"}, []string{"IANA registered", "handle it as"}, false},
		{"unregistered code", occurrence.Occurrence{Code: 480, Kind: occurrence.ResponseKey, Context: "POST /jobs"}, "", nil,
			[]string{"### 480\n", "**4xx Client Error** · not registered", "handles it as 400 Bad Request",
				"**4xx Client Error:** The server blames the request", "`codes:`", "**Response of:** `POST /jobs`"},
			[]string{"IANA registered", "custom code"}, false},
		{"unregistered 1xx code has no body", occurrence.Occurrence{Code: 199, Kind: occurrence.Literal}, "http", nil,
			[]string{"### 199\n", "not registered", "handles it as 100 Continue", "**Content:** none"}, nil, false},
		{"unregistered code with a custom phrase", occurrence.Occurrence{Code: 480, Kind: occurrence.ResponseKey}, "", map[int]string{480: "Temporary Redirect Loop"},
			[]string{"### 480 Temporary Redirect Loop", "custom code of this project, not registered", "handle it as 400 Bad Request",
				"**4xx Client Error:** The server blames the request"}, []string{"IANA registered"}, false},
		{"custom phrase for a catalog code", occurrence.Occurrence{Code: 499, Kind: occurrence.Literal}, "http", map[int]string{499: "Request Abandoned"},
			[]string{"### 499 Client Closed Request", `**This project:** its configuration declares 499 as "Request Abandoned".`}, nil, false},
		{"class boundary that starts a class", occurrence.Occurrence{Code: 400, Kind: occurrence.Literal, Role: occurrence.Observe, Boundary: true}, "http", nil,
			[]string{"### Class boundary: 400", "where the **4xx Client Error** class starts (400–499)", "`>= 400` reads as \"4xx or above\"", "### 4xx Client Error"},
			[]string{"### 400", "StatusBadRequest"}, false},
		{"class boundary that ends a class", occurrence.Occurrence{Code: 299, Kind: occurrence.Literal, Role: occurrence.Observe, Boundary: true}, "http", nil,
			[]string{"### Class boundary: 299", "where the **2xx Successful** class ends (200–299)", "`> 299` as \"above 2xx\""}, nil, false},
		{"end of the last class", occurrence.Occurrence{Code: 600, Kind: occurrence.Literal, Role: occurrence.Observe, Boundary: true}, "http", nil,
			[]string{"### Class boundary: 600", "**5xx Server Error** (500–599)"}, nil, false},
		{"a code compared in order is not a boundary", occurrence.Occurrence{Code: 418, Kind: occurrence.Literal, Role: occurrence.Observe}, "http", nil,
			[]string{"### 418"}, []string{"boundary"}, false},
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

// Hover serves every role a Go code has, and a class boundary found in
// an ordering comparison hovers as the class.
func TestMarkdownRoles(t *testing.T) {
	src := []byte(`package p

import "net/http"

func h(w http.ResponseWriter, resp *http.Response) {
	code := 418
	w.WriteHeader(code)
	if resp.StatusCode >= 500 || resp.StatusCode == 404 {
		return
	}
	_ = http.StatusText(409)
}
`)
	for _, tc := range []struct {
		at   string
		want string
	}{
		{"418", "### 418 (Unused)"},
		{"500", "### Class boundary: 500"},
		{"404", "### 404 Not Found"},
		{"409", "### 409 Conflict"},
	} {
		at := strings.Index(string(src), tc.at)
		occ, ok := occurrence.At(golang.Scan(src).Occurrences, at)
		if !ok {
			t.Errorf("%s: no occurrence", tc.at)
			continue
		}
		md, ok := Markdown(occ, src, "http", nil)
		if !ok || !strings.Contains(md, tc.want) {
			t.Errorf("%s: hover lacks %q:\n%s", tc.at, tc.want, md)
		}
	}
}

// Unregistered codes get a hover wherever the scanners find them: an
// OpenAPI response key, a plain YAML value and a Go literal.
func TestMarkdownUnregisteredFromSources(t *testing.T) {
	spec := []byte("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /jobs:\n    post:\n      responses:\n        '201': {description: Created}\n        '480': {description: Throttled}\n")
	plain := []byte("probe:\n  status: 299\n")
	goSrc := []byte("package p\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(209) }\n")
	custom := map[int]string{299: "Partly Done"}
	for _, tc := range []struct {
		name string
		occs []occurrence.Occurrence
		src  []byte
		code int
		want []string
	}{
		{"OpenAPI key", openapi.Parse(spec).Occurrences, spec, 480,
			[]string{"### 480\n", "not registered", "**4xx Client Error:**", "**Response of:** `POST /jobs`"}},
		{"YAML value with a custom phrase", openapi.StatusValues(yamldoc.Parse(plain), nil), plain, 299,
			[]string{"### 299 Partly Done", "custom code of this project, not registered", "**2xx Successful:**"}},
		{"Go literal", golang.Scan(goSrc).Occurrences, goSrc, 209,
			[]string{"### 209\n", "not registered", "handles it as 200 OK", "**2xx Successful:**"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var occ occurrence.Occurrence
			found := false
			for _, o := range tc.occs {
				if o.Code == tc.code {
					occ, found = o, true
				}
			}
			if !found {
				t.Fatalf("no occurrence of %d in %+v", tc.code, tc.occs)
			}
			md, ok := Markdown(occ, tc.src, "http", custom)
			if !ok {
				t.Fatal("no hover")
			}
			for _, w := range tc.want {
				if !strings.Contains(md, w) {
					t.Errorf("lacks %q:\n%s", w, md)
				}
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	for md, want := range map[string]string{
		"### 404 Not Found\n\n**4xx Client Error** · `http.StatusNotFound` · [RFC 9110 §15.5.5](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5)\n": "404 Not Found\n\n4xx Client Error · http.StatusNotFound · RFC 9110 §15.5.5 (https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5)\n",
		"**Related:**\n- **410 Gone**: removed on purpose\n":          "Related:\n- 410 Gone: removed on purpose\n",
		"> **Note:** OpenAPI spells range keys in upper case: `4XX`.": "Note: OpenAPI spells range keys in upper case: 4XX.",
		"#hashtag and http.Status* stay":                              "#hashtag and http.Status* stay",
	} {
		if got := PlainText(md); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", md, got, want)
		}
	}
}
