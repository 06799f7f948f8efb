package contract

import (
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

// FuzzAnalyze feeds a Go file and a spec of any text to the analysis: it
// must not panic, and every route, site and operation it reports must lie
// within the texts.
func FuzzAnalyze(f *testing.F) {
	f.Add([]byte(`package main

import "net/http"

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /books/{id}", get)
	r.Route("/v1", func(r chi.Router) { r.Get("/x", h.get) })
	g := e.Group("/api"); g.GET("/:id", get, mw)
}

// get godoc
// @Success 200 {object} Book
// @Router /books/{id} [get]
func get(w http.ResponseWriter, r *http.Request) {
	fail(w, http.StatusConflict)
	w.WriteHeader(statusFor(r))
}

func fail(w http.ResponseWriter, code int) { http.Error(w, "x", code) }
`), []byte(spec))
	f.Add([]byte("package p\nfunc f() { x.HandleFunc(\"GET /\", func( }"), []byte("openapi: 3.0.0\npaths: {/: {get: {responses: {'200': {}}}}}"))
	f.Fuzz(func(t *testing.T, src, specSrc []byte) {
		recoverPanics = false
		defer func() { recoverPanics = true }()
		res := analyze(Input{Packages: [][]golang.Source{{{Path: "a.go", Src: src}}},
			Specs: []Spec{{Path: "s.yaml", Doc: openapi.Parse(specSrc)}}})
		for _, r := range res.Routes {
			if r.Start < 0 || r.End > len(src) || r.Start > r.End {
				t.Fatalf("route %s at [%d,%d) of %d bytes", r.Context(), r.Start, r.End, len(src))
			}
			for _, s := range r.Sends.Sites {
				if s.Start < 0 || s.End > len(src) || s.Start >= s.End {
					t.Fatalf("site %d at [%d,%d) of %d bytes", s.Code, s.Start, s.End, len(src))
				}
			}
		}
		for _, a := range res.Annotated {
			if a.Insert > len(src) {
				t.Fatalf("annotation insert at %d of %d bytes", a.Insert, len(src))
			}
		}
	})
}
