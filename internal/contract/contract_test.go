package contract

import (
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

func TestMatchCode(t *testing.T) {
	for _, tc := range []struct {
		pattern, dir string
		want         bool
	}{
		{"./...", "cmd/api", true},
		{"./...", ".", true},
		{"...", "x", true},
		{"./cmd/...", "cmd", true},
		{"./cmd/...", "cmd/api", true},
		{"./cmd/...", "cmdx", false},
		{"./cmd/api", "cmd/api", true},
		{"cmd/api", "cmd/api", true},
		{"./cmd/api", "cmd/api/v2", false},
		{".", ".", true},
	} {
		if got := MatchCode(tc.pattern, tc.dir); got != tc.want {
			t.Errorf("MatchCode(%q, %q) = %v, want %v", tc.pattern, tc.dir, got, tc.want)
		}
	}
}

const spec = `openapi: 3.0.3
info: {title: t, version: "1"}
servers:
  - url: https://api.example.com/v1
paths:
  /books/{id}:
    get:
      responses:
        '200': {description: OK}
`

func TestAnalyze(t *testing.T) {
	svc := golang.Source{Path: "svc/main.go", Src: []byte(`package main

import "net/http"

func main() {
	http.HandleFunc("GET /v1/books/{bookID}", get)
	http.HandleFunc("PUT /v1/books/{bookID}", put)
}

func get(w http.ResponseWriter, r *http.Request) {
	if r == nil {
		fail(w, http.StatusBadRequest)
		return
	}
	w.Write(nil)
}

func put(w http.ResponseWriter, r *http.Request) {
	code := pick(r)
	w.WriteHeader(code)
}

func fail(w http.ResponseWriter, code int) { http.Error(w, "bad", code) }
`)}
	other := golang.Source{Path: "other/main.go", Src: []byte(`package main

import "net/http"

func main() { http.HandleFunc("GET /v1/books/{id}", nil) }
`)}
	doc := openapi.Parse([]byte(spec))
	res := Analyze(Input{Packages: [][]golang.Source{{svc}, {other}}, Specs: []Spec{{Path: "api.yaml", Doc: doc}},
		Pairs: []Pair{{Spec: "api.yaml", Code: "./svc"}}})
	if len(res.Routes) != 3 || len(res.Ops) != 1 {
		t.Fatalf("%d routes, %d ops", len(res.Routes), len(res.Ops))
	}
	get, put, foreign := res.Routes[0], res.Routes[1], res.Routes[2]
	if len(get.Ops) != 1 || len(put.Ops) != 0 || len(foreign.Ops) != 0 || len(foreign.Specs) != 0 {
		t.Errorf("ops: get %d, put %d, other package %d (specs %d)", len(get.Ops), len(put.Ops), len(foreign.Ops), len(foreign.Specs))
	}
	if got := get.Sends.Codes(); len(got) != 2 || got[0] != 200 || got[1] != 400 || get.Sends.Open {
		t.Errorf("get sends %v open %v, want [200 400] closed", got, get.Sends.Open)
	}
	site := get.Sends.Sites[0]
	if text := string(svc.Src[site.Start:site.End]); text != "http.StatusBadRequest" || site.Path != "svc/main.go" {
		t.Errorf("400 sent at %s %q, want the argument given to fail", site.Path, text)
	}
	if !put.Sends.Open {
		t.Error("put writes a status from a variable: open")
	}
	if !foreign.Sends.Open {
		t.Error("a nil handler is not resolved: open")
	}
}

// TestCache checks that a second analysis of the same packages takes
// their scans from the cache, that a changed package is scanned again,
// and that the packages gone are dropped from it.
func TestCache(t *testing.T) {
	a := golang.Source{Path: "a/a.go", Src: []byte("package a\n\nimport \"net/http\"\n\nfunc init() { http.HandleFunc(\"GET /a\", h) }\n\nfunc h(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) }\n")}
	b := golang.Source{Path: "b/b.go", Src: []byte("package b\n")}
	cache := &Cache{}
	first := Analyze(Input{Packages: [][]golang.Source{{a}, {b}}, Cache: cache})
	scanned := cache.pkgs[cacheKey([]golang.Source{a})]
	second := Analyze(Input{Packages: [][]golang.Source{{a}, {b}}, Cache: cache})
	if cache.pkgs[cacheKey([]golang.Source{a})] != scanned || len(cache.pkgs) != 2 {
		t.Errorf("the second analysis scanned again: %d packages cached", len(cache.pkgs))
	}
	if got, want := second.Routes[0].Sends.Codes(), first.Routes[0].Sends.Codes(); len(got) != 1 || got[0] != 204 || len(want) != 1 {
		t.Errorf("sends %v, then %v", want, got)
	}
	b.Src = []byte("package b\n\nconst x = 1\n")
	Analyze(Input{Packages: [][]golang.Source{{a}, {b}}, Cache: cache})
	if len(cache.pkgs) != 2 || cache.pkgs[cacheKey([]golang.Source{b})] == nil {
		t.Errorf("after a change to b: %d packages cached, b's new scan %v", len(cache.pkgs), cache.pkgs[cacheKey([]golang.Source{b})] != nil)
	}
}
