package lint

import (
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
)

// A helper declared in another file of the package counts at its calls:
// respondError writes a whole response on every path, so the write after
// it is a second one. The external test package's helpers do not count.
func TestHelperOfAnotherFile(t *testing.T) {
	handler := `package api

import "net/http"

func get(w http.ResponseWriter, r *http.Request) {
	if err := check(r); err != nil {
		respondError(w, err)
	}
	w.Write([]byte("ok"))
}

func put(w http.ResponseWriter, r *http.Request) {
	if err := check(r); err != nil {
		quiet(w, err)
	}
	w.Write([]byte("ok"))
}
`
	helpers := `package api

import (
	"encoding/json"
	"net/http"
)

func check(r *http.Request) error { return nil }

func respondError(w http.ResponseWriter, err error) {
	w.WriteHeader(http.StatusInternalServerError)
	json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
}
`
	external := `package api_test

import "net/http"

func quiet(w http.ResponseWriter, err error) {
	http.Error(w, err.Error(), http.StatusBadRequest)
}
`
	files := []golang.Source{{Path: "api.go", Src: []byte(handler)}, {Path: "helpers.go", Src: []byte(helpers)}, {Path: "x_test.go", Src: []byte(external)}}
	f, syn := golang.ScanPackage(files, 0)
	var got []string
	for _, fd := range Go(files[0].Src, f, syn, Options{Severities: only("status-written-twice", nil)}) {
		got = append(got, handler[fd.Start:fd.End]+": "+fd.String())
	}
	want := `w.Write([]byte("ok")): status-written-twice: w.Write after respondError (line 7): the response was already written on this path, and this adds to its body; return after line 7`
	if strings.Join(got, "\n") != want {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}
