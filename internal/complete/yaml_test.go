package complete

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

// at parses a document with a | cursor marker and returns its completion
// context.
func at(t *testing.T, marked string) (openapi.Completion, []byte) {
	t.Helper()
	i := strings.Index(marked, "|")
	if i < 0 {
		t.Fatalf("no | in %q", marked)
	}
	src := []byte(marked[:i] + marked[i+1:])
	c := openapi.CompletionAt(openapi.Parse(src), i, nil)
	if c.Kind == openapi.NoCompletion {
		t.Fatalf("no completion in %q", marked)
	}
	return c, src
}

func labels(items []Item, n int) []string {
	var out []string
	for _, it := range sorted(items)[:min(n, len(items))] {
		out = append(out, it.Label)
	}
	return out
}

func TestResponseKeyRanking(t *testing.T) {
	for _, tc := range []struct {
		method, path string
		top          []string
	}{
		{"POST", "/items", []string{"201 Created", "400 Bad Request", "409 Conflict", "422 Unprocessable Content", "200 OK"}},
		{"GET", "/items/{id}", []string{"200 OK", "404 Not Found", "204 No Content"}},
		{"GET", "/items", []string{"200 OK", "400 Bad Request", "404 Not Found", "204 No Content"}},
		{"PUT", "/items/{id}", []string{"200 OK", "204 No Content", "404 Not Found", "400 Bad Request", "422 Unprocessable Content", "201 Created"}},
		{"PATCH", "/items/{id}", []string{"200 OK", "204 No Content", "404 Not Found", "400 Bad Request", "422 Unprocessable Content"}},
		{"DELETE", "/items/{id}", []string{"204 No Content", "404 Not Found", "200 OK"}},
		{"", "", []string{"200 OK", "201 Created", "204 No Content"}},
	} {
		items := YAML(openapi.Completion{Kind: openapi.ResponseKeyCompletion, Method: tc.method, Path: tc.path, DocKind: openapi.OpenAPI30}, nil)
		if got := labels(items, len(tc.top)); strings.Join(got, ", ") != strings.Join(tc.top, ", ") {
			t.Errorf("%s %s: %v, want %v", tc.method, tc.path, got, tc.top)
		}
		all := sorted(items)
		// method-status-mismatch flags 201 on GET and DELETE: it sorts
		// after every registered code that fits.
		if tc.method == "GET" || tc.method == "DELETE" {
			if i := slices.IndexFunc(all, func(it Item) bool { return it.Label == "201 Created" }); i < 40 {
				t.Errorf("%s %s: 201 Created ranks %d, want after the registered codes", tc.method, tc.path, i)
			}
		}
		if last := all[len(all)-1]; last.Label != "default" {
			t.Errorf("%s: last item %q, want default", tc.method, last.Label)
		}
		ranges := all[len(all)-5 : len(all)-1]
		for i, it := range ranges {
			if want := string(rune('2'+i)) + "XX"; !strings.HasPrefix(it.Label, want) {
				t.Errorf("%s: range item %q, want %s", tc.method, it.Label, want)
			}
		}
	}
}

func TestResponseKeyItems(t *testing.T) {
	c, _ := at(t, "swagger: '2.0'\npaths:\n  /a:\n    post:\n      responses:\n        '201': {description: x}\n        default: {description: y}\n        |\n")
	items := YAML(c, nil)
	if _, ok := find(items, "201 Created"); ok {
		t.Error("present code offered")
	}
	if _, ok := find(items, "default"); ok {
		t.Error("present default offered")
	}
	for _, it := range items {
		if strings.Contains(it.Label, "XX") {
			t.Errorf("range %q offered in Swagger 2.0", it.Label)
		}
		if it.Label == "418 (Unused)" || strings.HasPrefix(it.Label, "306") || strings.HasPrefix(it.Label, "418") {
			t.Errorf("unused code %q offered", it.Label)
		}
	}
	if top := labels(items, 1); top[0] != "400 Bad Request" {
		t.Errorf("POST without 201: top %v", top)
	}

	c, _ = at(t, "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '4XX': {description: x}\n        |\n")
	if _, ok := find(YAML(c, nil), "4XX Client Error"); ok {
		t.Error("present range offered")
	}
	if _, ok := find(YAML(c, nil), "5XX Server Error"); !ok {
		t.Error("range missing in 3.0")
	}
}

func TestResponseKeySnippets(t *testing.T) {
	c, _ := at(t, "openapi: 3.0.0\npaths:\n  /a:\n    post:\n      responses:\n        |\n")
	items := YAML(c, nil)
	for code, want := range map[string][]string{
		"201 Created": {"'201':\n          description: ${1:Created}\n          headers:\n            Location:\n              description: ${2:",
			"\n              schema:\n                type: string\n          content:\n            application/json:\n              schema:\n                type: ${3:object}$0"},
		"204 No Content":            {"'204':\n          description: ${1:No Content}$0"},
		"304 Not Modified":          {"'304':\n          description: ${1:Not Modified}$0"},
		"100 Continue":              {"'100':\n          description: ${1:Continue}$0"},
		"401 Unauthorized":          {"WWW-Authenticate:"},
		"405 Method Not Allowed":    {"Allow:"},
		"429 Too Many Requests":     {"Retry-After:"},
		"301 Moved Permanently":     {"Location:"},
		"default":                   {"default:\n          description: ${1:Unexpected error}$0"},
		"4XX Client Error":          {"'4XX':\n          description: ${1:Client Error}$0"},
		"500 Internal Server Error": {"content:"},
	} {
		it, ok := find(items, code)
		if !ok {
			t.Fatalf("no %q", code)
		}
		if !it.Snippet || it.Start != c.Start || it.End != c.End {
			t.Errorf("%s: snippet %v range [%d,%d)", code, it.Snippet, it.Start, it.End)
		}
		for _, w := range want {
			if !strings.Contains(it.NewText, w) {
				t.Errorf("%s: %q lacks %q", code, it.NewText, w)
			}
		}
		if code == "204 No Content" || code == "304 Not Modified" || strings.HasPrefix(code, "1") {
			if strings.Contains(it.NewText, "content") {
				t.Errorf("%s: content in %q", code, it.NewText)
			}
		}
	}

	// Swagger 2.0 headers have their type inline; content is a schema.
	// The quote typed stays: the item replaces what follows it.
	c, _ = at(t, "swagger: '2.0'\npaths:\n  /a:\n    post:\n      responses:\n        \"|\n")
	it, _ := find(YAML(c, nil), "201 Created")
	if want := "201\":\n          description: ${1:Created}\n          headers:\n            Location:\n              description: ${2:URL of the resource}\n              type: string\n          schema:\n            type: ${3:object}$0"; it.NewText != want {
		t.Errorf("2.0 201:\n%s\nwant\n%s", it.NewText, want)
	}
	if it.Start != c.Start+1 || it.End != c.End || it.FilterText != "201 Created" || it.PlainText != `201":` || it.Detail != `response "201"` {
		t.Errorf("after a typed quote: range [%d,%d) of [%d,%d), filter %q, plain %q, detail %q",
			it.Start, it.End, c.Start, c.End, it.FilterText, it.PlainText, it.Detail)
	}
	if it, _ := find(YAML(c, nil), "default"); it.FilterText != "default" || it.NewText != "default\":\n          description: ${1:Unexpected error}$0" {
		t.Errorf("default: filter %q text %q", it.FilterText, it.NewText)
	}

	// An existing key being edited: the key alone, after its quote.
	c, _ = at(t, "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '4|04':\n          description: x\n")
	it, _ = find(YAML(c, nil), "401 Unauthorized")
	if it.Snippet || it.NewText != "401'" || it.Start != c.Start+1 || it.End != c.End {
		t.Errorf("key only: %q snippet %v range [%d,%d) of [%d,%d)", it.NewText, it.Snippet, it.Start, it.End, c.Start, c.End)
	}
}

// A client without snippet support inserts one line: the key and its
// colon in YAML, the key and an empty object in JSON.
func TestResponseKeyPlainText(t *testing.T) {
	for _, tc := range []struct{ marked, want string }{
		{"openapi: 3.0.0\npaths:\n  /a:\n    post:\n      responses:\n        |\n", "'201':"},
		{"openapi: 3.0.0\npaths:\n  /a:\n    post:\n      responses:\n        '|\n", "201':"},
		{`{"openapi": "3.0.0", "paths": {"/a": {"post": {"responses": {|}}}}}`, `"201": {}`},
		{`{"openapi": "3.0.0", "paths": {"/a": {"post": {"responses": {"|}}}}}`, `201": {}`},
		{`{"openapi": "3.0.0", "paths": {"/a": {"post": {"responses": {| "400": {}}}}}}`, `"201": {},`},
	} {
		c, _ := at(t, tc.marked)
		it, ok := find(YAML(c, nil), "201 Created")
		if !ok || it.PlainText != tc.want {
			t.Errorf("%s: plain text %q, want %q", tc.marked, it.PlainText, tc.want)
		}
	}
}

// expand turns a snippet into the text it inserts with its defaults.
func expand(s string) string {
	s = regexp.MustCompile(`\$\{\d+:((?:[^}\\]|\\.)*)\}`).ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "$0", "")
	return regexp.MustCompile(`\\([$}\\])`).ReplaceAllString(s, "$1")
}

// TestInsertedDocumentsParse applies every item and reads the document
// back: it must parse without error and hold the new key with its
// description.
func TestInsertedDocumentsParse(t *testing.T) {
	for _, marked := range []string{
		"openapi: 3.0.0\npaths:\n  /a:\n    post:\n      responses:\n        '200':\n          description: ok\n        |\n    get:\n      responses: {}\n",
		"openapi: 3.1.0\npaths:\n  /a:\n    post:\n      responses:\n        '4|\n",
		"swagger: '2.0'\npaths:\n  /a:\n    post:\n      responses:\n          |\n",
		"openapi: 3.0.0\r\npaths:\r\n  /é:\r\n    get:\r\n      responses:\r\n        40|\r\n",
		"{\"openapi\": \"3.0.0\", \"paths\": {\"/a\": {\"post\": {\"responses\": {\n    \"200\": {\"description\": \"ok\"}\n    |\n}}}}}",
		"{\"openapi\": \"3.0.0\", \"paths\": {\"/a\": {\"post\": {\"responses\": {\n    \"200\": {\"description\": \"ok\"},\n    \"4|\n    \"500\": {\"description\": \"e\"}\n}}}}}",
		"{\"swagger\": \"2.0\", \"paths\": {\"/a\": {\"post\": {\"responses\": {|}}}}}",
	} {
		c, src := at(t, marked)
		crlf := strings.Contains(string(src), "\r\n")
		for _, it := range YAML(c, nil) {
			text := expand(it.NewText)
			if crlf && strings.Count(text, "\n") != strings.Count(text, "\r\n") {
				t.Fatalf("%s: LF in a CRLF document: %q", it.Label, text)
			}
			edits := append([]Edit{{Start: it.Start, End: it.End, NewText: text}}, it.AdditionalEdits...)
			out := string(src)
			// Apply from the end so that offsets stay valid.
			for len(edits) > 0 {
				k := 0
				for i, e := range edits {
					if e.Start > edits[k].Start {
						k = i
					}
				}
				e := edits[k]
				out = out[:e.Start] + e.NewText + out[e.End:]
				edits = append(edits[:k], edits[k+1:]...)
			}
			doc := openapi.Parse([]byte(out))
			if len(doc.Errors) > 0 {
				t.Fatalf("%q after %s:\n%s\n%v", marked, it.Label, out, doc.Errors)
			}
			if c.JSON && !json.Valid([]byte(out)) {
				t.Fatalf("%q after %s: invalid JSON:\n%s", marked, it.Label, out)
			}
			key := strings.Fields(it.Label)[0]
			found := false
			for _, rm := range doc.ResponseMaps {
				for _, r := range rm.Entries {
					if r.Key == key && r.Description != nil && r.Description.Value != "" {
						found = true
					}
				}
			}
			if !found {
				t.Fatalf("%q after %s: no %s with a description in\n%s", marked, it.Label, key, out)
			}
		}
	}
}

func TestStatusValueItems(t *testing.T) {
	c, _ := at(t, "expected_status: 4|\n")
	items := YAML(c, nil)
	it, ok := find(items, "404 Not Found")
	if !ok || it.NewText != "404" || it.Snippet || it.Start != c.Start || it.End != c.End {
		t.Errorf("404: %+v", it)
	}
	if top := labels(items, 1); top[0] != "200 OK" {
		t.Errorf("top %v", top)
	}
	c, _ = at(t, "nginx.ingress.kubernetes.io/permanent-redirect-code: \"|\"\n")
	if top := strings.Join(labels(YAML(c, nil), 5), ", "); top != "301 Moved Permanently, 302 Found, 303 See Other, 307 Temporary Redirect, 308 Permanent Redirect" {
		t.Errorf("redirect key: top %s, want the redirects with a Location first", top)
	}
	if it, _ := find(YAML(c, nil), "308 Permanent Redirect"); it.NewText != "308" {
		t.Errorf("308 inside typed quotes inserts %q, want 308", it.NewText)
	}
	// An annotation's value must be a string: unquoted, the item quotes it.
	c, _ = at(t, "metadata:\n  annotations:\n    nginx.ingress.kubernetes.io/permanent-redirect-code: |\n")
	if it, _ := find(YAML(c, nil), "308 Permanent Redirect"); it.NewText != `"308"` {
		t.Errorf("308 for an annotation inserts %q, want \"308\"", it.NewText)
	}
	c, _ = at(t, "retriable_status_codes: [|]\n")
	for _, l := range labels(YAML(c, nil), 5) {
		if l[0] < '4' {
			t.Errorf("retry key: top %q, want errors first", l)
		}
	}
	if YAML(openapi.Completion{}, nil) != nil {
		t.Error("items for no completion")
	}
}
