package complete

import (
	"sort"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

func sorted(items []Item) []Item {
	out := append([]Item(nil), items...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].SortText < out[j].SortText })
	return out
}

func find(items []Item, label string) (Item, bool) {
	for _, it := range items {
		if it.Label == label {
			return it, true
		}
	}
	return Item{}, false
}

func TestGoCodeRanking(t *testing.T) {
	for _, tc := range []struct {
		context string
		top     string // the first item's label
		class   int    // the class of the first five items
	}{
		{"WriteHeader", "200 OK", 0},
		{"http.Redirect", "301 Moved Permanently", 3},
		{"http.Error", "", 0},
		{"c.AbortWithStatus", "", 0},
	} {
		items := sorted(Go(golang.Completion{Kind: golang.CodeCompletion, HTTPName: "http", Context: tc.context}, nil))
		if len(items) < 5 {
			t.Fatalf("%s: %d items", tc.context, len(items))
		}
		if tc.top != "" && items[0].Label != tc.top {
			t.Errorf("%s: first item %q, want %q", tc.context, items[0].Label, tc.top)
		}
		for _, it := range items[:5] {
			if tc.class != 0 && !strings.HasPrefix(it.Label, string(rune('0'+tc.class))) {
				t.Errorf("%s: top items %q.., want %dxx first", tc.context, it.Label, tc.class)
			}
			if strings.Contains(tc.context, "Error") || strings.Contains(tc.context, "Abort") {
				if it.Label < "4" {
					t.Errorf("%s: top item %q, want 4xx/5xx first", tc.context, it.Label)
				}
			}
		}
	}
}

// A redirect call ranks the redirects that carry a Location first; 304 is
// no redirect and the deprecated 305 sorts with the unofficial codes.
func TestGoRedirectRanking(t *testing.T) {
	items := sorted(Go(golang.Completion{Kind: golang.CodeCompletion, HTTPName: "http", Context: "http.Redirect"}, nil))
	var top []string
	for _, it := range items[:5] {
		top = append(top, it.Label)
	}
	if got := strings.Join(top, ", "); got != "301 Moved Permanently, 302 Found, 303 See Other, 307 Temporary Redirect, 308 Permanent Redirect" {
		t.Errorf("top: %s", got)
	}
	for i, it := range items {
		if strings.HasPrefix(it.Label, "305") && i < 60 {
			t.Errorf("305 ranks %d, want after every registered code", i)
		}
	}
}

// The codes the configuration declares are offered beside the catalog's.
func TestCustomCodeItems(t *testing.T) {
	custom := map[int]string{299: "Partly Done"}
	it, ok := find(Go(golang.Completion{Kind: golang.CodeCompletion, HTTPName: "http"}, custom), "299 Partly Done")
	if !ok || it.NewText != "299" || it.Constant || !strings.Contains(it.Documentation, "custom code of this project") {
		t.Errorf("Go: 299 custom item %+v (found %v)", it, ok)
	}
	if _, ok := find(Go(golang.Completion{Kind: golang.CodeCompletion, HTTPName: "http"}, nil), "299 Partly Done"); ok {
		t.Error("a custom code offered without the configuration")
	}
	if _, ok := find(YAML(openapi.Completion{Kind: openapi.ResponseKeyCompletion, Method: "GET", DocKind: openapi.OpenAPI30}, custom), "299 Partly Done"); !ok {
		t.Error("OpenAPI: no 299 custom response key")
	}
	if _, ok := find(YAML(openapi.Completion{Kind: openapi.StatusValueCompletion, Key: "status"}, custom), "299 Partly Done"); !ok {
		t.Error("plain YAML: no 299 custom value")
	}
}

func TestGoCodeItems(t *testing.T) {
	for _, tc := range []struct {
		httpName, label, newText string
		constant                 bool
	}{
		{"http", "404 Not Found", "http.StatusNotFound", true},
		{"web", "404 Not Found", "web.StatusNotFound", true},
		{".", "404 Not Found", "StatusNotFound", true},
		{"", "404 Not Found", "404", false},
		{"http", "499 Client Closed Request", "499", false}, // no constant: the number
	} {
		items := Go(golang.Completion{Kind: golang.CodeCompletion, HTTPName: tc.httpName, Start: 3, End: 5}, nil)
		it, ok := find(items, tc.label)
		if !ok {
			t.Fatalf("httpName %q: no %q", tc.httpName, tc.label)
		}
		if it.NewText != tc.newText || it.Constant != tc.constant || it.Start != 3 || it.End != 5 {
			t.Errorf("httpName %q: %q inserts %q constant=%v [%d,%d), want %q constant=%v [3,5)",
				tc.httpName, tc.label, it.NewText, it.Constant, it.Start, it.End, tc.newText, tc.constant)
		}
		if !strings.Contains(it.FilterText, "404") && tc.label == "404 Not Found" {
			t.Errorf("filter text %q lacks the number", it.FilterText)
		}
	}
	items := Go(golang.Completion{Kind: golang.CodeCompletion, HTTPName: "http"}, nil)
	if _, ok := find(items, "306 (Unused)"); ok {
		t.Error("306 is offered; unused codes must not be")
	}
	if it, ok := find(items, "305 Use Proxy"); !ok || !it.Deprecated {
		t.Errorf("305: %+v, want offered and marked deprecated", it)
	}
}

func TestGoConstantItems(t *testing.T) {
	items := Go(golang.Completion{Kind: golang.ConstantCompletion, Qualifier: "http", Start: 10, End: 16}, nil)
	it, ok := find(items, "StatusTeapot")
	if !ok {
		t.Fatal("no StatusTeapot")
	}
	if it.Detail != "418 (Unused)" && !strings.HasPrefix(it.Detail, "418 ") {
		t.Errorf("StatusTeapot detail %q", it.Detail)
	}
	if it.NewText != "StatusTeapot" || it.Start != 10 || it.End != 16 || !it.Constant {
		t.Errorf("StatusTeapot item %+v", it)
	}
	if !strings.Contains(it.Documentation, "`http.StatusTeapot`") {
		t.Errorf("documentation does not spell the constant with the qualifier:\n%s", it.Documentation)
	}
	if first := sorted(items)[0]; first.Label != "StatusOK" {
		t.Errorf("first constant %q, want StatusOK", first.Label)
	}
	if Go(golang.Completion{Kind: golang.NoCompletion}, nil) != nil {
		t.Error("items for no completion context")
	}
}
