package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/workspace"
)

// check analyses a Go file with its package in view, as the editor does:
// the constant b.go declares is a status in a.go, which the file alone
// does not know; a file of another package in the directory is not in
// view.
func TestCheckSeesThePackage(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "api/a.go", "package api\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(statusGone) }\n")
	writeFile(t, dir, "api/b.go", "package api\n\nconst statusGone = 299\n")
	other := writeFile(t, dir, "api/main.go", "package main\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(statusGone) }\n")
	opts := checkOptions{packages: newPackages(workspace.New([]string{dir}, workspace.Options{}), nil)}
	for _, tc := range []struct {
		path string
		want bool
	}{{a, true}, {other, false}} {
		src, err := os.ReadFile(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		_, md, ok := opts.analyser(tc.path)(src).Hover(strings.Index(string(src), "statusGone"))
		if ok != tc.want || ok && !strings.Contains(md, "299") {
			t.Errorf("%s: hover on statusGone %v %q, want %v", filepath.Base(tc.path), ok, md, tc.want)
		}
	}
	// The output of the package is that of its files: the constant's 299,
	// sent where a.go writes it.
	want := "api/a.go:5:47: warning unknown-status-code: 299 is not a registered status code; use a registered code, or declare 299 as a custom code\n"
	if res := runCheck(t, dir, "api"); res.code != ExitOK || res.stdout != want || res.stderr != "" {
		t.Errorf("check api: %d %q %q", res.code, res.stdout, res.stderr)
	}
}

// A package is read once for the files check analyses, kept until each
// has taken it, and not kept for a file check does not analyse.
func TestPackagesAreReadOnce(t *testing.T) {
	dir := t.TempDir()
	var targets []target
	for _, name := range []string{"a.go", "b.go", "c.go"} {
		targets = append(targets, target{abs: writeFile(t, dir, name, "package p\n")})
	}
	writeFile(t, dir, "ignored.go", "package p\n")
	p := newPackages(workspace.New([]string{dir}, workspace.Options{}), targets)
	kept := func() int {
		p.mu.Lock()
		defer p.mu.Unlock()
		return len(p.kept)
	}
	for n, tc := range targets {
		files, i := p.of(tc.abs)
		if len(files) != 4 || files[i].Path != tc.abs {
			t.Fatalf("%s: %d files, at %d: %v", tc.abs, len(files), i, files)
		}
		if want := []int{2, 1, 0}[n]; kept() != want {
			t.Errorf("after %s, the package is kept for %d files, want %d", filepath.Base(tc.abs), kept(), want)
		}
	}
}
