package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// go vet -vettool runs the rules over a module: the finding comes out in
// vet's format and vet fails. The module imports only the standard
// library, so nothing is downloaded (GOPROXY=off).
func TestGoVet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool and runs go vet")
	}
	dir := t.TempDir()
	tool := filepath.Join(dir, "httpcode-vet")
	build := exec.Command("go", "build", "-o", tool, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	mod := filepath.Join(dir, "m")
	write := func(name, text string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(mod, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mod, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/m\n\ngo 1.22\n")
	write("api/api.go", `package api

import "net/http"

func Get(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("id") == "" {
		http.Error(w, "no id", http.StatusBadRequest)
	}
	w.Write([]byte("item"))
}
`)
	vet := exec.Command("go", "vet", "-vettool="+tool, "./...")
	vet.Dir = mod
	vet.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	out, err := vet.CombinedOutput()
	if err == nil {
		t.Fatalf("go vet passed, want a finding:\n%s", out)
	}
	want := "api/api.go:9:2: status-written-twice: w.Write after http.Error (line 7): the response was already written on this path, and this adds to its body; return after line 7"
	if !strings.Contains(string(out), want) {
		t.Errorf("go vet printed\n%s\nwant a line with\n%s", out, want)
	}
}
