package workspace

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

// held returns the bytes of closed files' text the index holds.
func (x *Index) held() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.used
}

// write creates the files under root, their directories included.
func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// names returns the base names of files and their texts, "name: text".
func names(files []golang.Source) []string {
	var out []string
	for _, f := range files {
		out = append(out, filepath.Base(f.Path)+": "+strings.TrimSpace(string(f.Src)))
	}
	return out
}

func TestGoPackage(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"api/a.go":        "package api",
		"api/b.go":        "// Package api.\npackage api // the same",
		"api/a_test.go":   "package api",
		"api/x_test.go":   "package api_test",
		"api/main.go":     "package main",
		"api/_skip.go":    "package api",
		"api/.hidden.go":  "package api",
		"api/broken.go":   "pack",
		"api/sub/c.go":    "package api",
		"other/d_test.go": "package other_test",
	})
	x := New([]string{root}, Options{})
	dir := filepath.Join(root, "api")
	for _, tc := range []struct {
		file  string
		want  []string
		index int
	}{
		{"a.go", []string{"a.go: package api", "a_test.go: package api", "b.go: // Package api.\npackage api // the same", "x_test.go: package api_test"}, 0},
		{"x_test.go", []string{"a.go: package api", "a_test.go: package api", "b.go: // Package api.\npackage api // the same", "x_test.go: package api_test"}, 3},
		{"main.go", []string{"main.go: package main"}, 0},
		{"broken.go", []string{"broken.go: pack"}, 0},
	} {
		files, i := x.GoPackage(filepath.Join(dir, tc.file))
		if got := names(files); !slices.Equal(got, tc.want) || i != tc.index {
			t.Errorf("GoPackage(%s) = %q, %d; want %q, %d", tc.file, got, i, tc.want, tc.index)
		}
	}
	if files, i := x.GoPackage(filepath.Join(root, "other", "d_test.go")); len(files) != 1 || i != 0 {
		t.Errorf("an external test package alone: %q, %d", names(files), i)
	}
	if files, i := x.GoPackage(filepath.Join(dir, "missing.go")); files != nil || i != -1 {
		t.Errorf("a file that is neither open nor on disk: %q, %d", names(files), i)
	}
}

// The client's text wins over the file on disk, and a new file not saved
// yet is in its package; closed, the disk is read again.
func TestGoPackageOverlay(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{"a.go": "package p\nconst a = 1", "b.go": "package p\nconst b = 1"})
	x := New([]string{root}, Options{})
	b, n := filepath.Join(root, "b.go"), filepath.Join(root, "new.go")
	x.Open(b, lines.NewText([]byte("package p\nconst b = 2")))
	x.Open(n, lines.NewText([]byte("package p")))
	files, i := x.GoPackage(n)
	want := []string{"a.go: package p\nconst a = 1", "b.go: package p\nconst b = 2", "new.go: package p"}
	if got := names(files); !slices.Equal(got, want) || i != 2 {
		t.Errorf("open: %q, %d; want %q, 2", got, i, want)
	}
	x.Close(b)
	x.Close(n)
	files, _ = x.GoPackage(filepath.Join(root, "a.go"))
	want = []string{"a.go: package p\nconst a = 1", "b.go: package p\nconst b = 1"}
	if got := names(files); !slices.Equal(got, want) {
		t.Errorf("closed: %q, want %q", got, want)
	}
}

// A file changed on disk is read again: when its size or time changed,
// and when Changed says so though neither did.
func TestChanged(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{"a.go": "package p", "b.go": "package p\nconst b = 1"})
	x := New([]string{root}, Options{})
	var events [][]string
	x.OnChange(func(paths []string) { events = append(events, paths) })
	a, b := filepath.Join(root, "a.go"), filepath.Join(root, "b.go")
	x.GoPackage(a)

	write(t, root, map[string]string{"b.go": "package p\nconst b = 22"})
	if files, _ := x.GoPackage(a); !strings.HasSuffix(string(files[1].Src), "22") {
		t.Errorf("after a write that changed the size: %q", names(files))
	}

	info, err := os.Stat(b)
	if err != nil {
		t.Fatal(err)
	}
	write(t, root, map[string]string{"b.go": "package p\nconst b = 33"})
	if err := os.Chtimes(b, time.Time{}, info.ModTime()); err != nil {
		t.Fatal(err)
	}
	if files, _ := x.GoPackage(a); !strings.HasSuffix(string(files[1].Src), "22") {
		t.Fatalf("the same size and time: the text held is used, got %q", names(files))
	}
	x.Changed([]string{b})
	if files, _ := x.GoPackage(a); !strings.HasSuffix(string(files[1].Src), "33") {
		t.Errorf("after Changed: %q", names(files))
	}
	if len(events) != 1 || !slices.Equal(events[0], []string{b}) {
		t.Errorf("OnChange got %q, want [[%s]]", events, b)
	}
}

// Beyond the budget the texts used least recently are dropped and read
// again when needed.
func TestBudget(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for _, d := range []string{"p", "q", "r"} {
		for _, f := range []string{"a", "b"} {
			files[d+"/"+f+".go"] = "package " + d + "\n" + strings.Repeat("// padding\n", 10)
		}
	}
	write(t, root, files)
	size := len(files["p/a.go"])
	x := New([]string{root}, Options{Budget: 3 * size})
	for _, d := range []string{"p", "q", "r", "p"} {
		got, i := x.GoPackage(filepath.Join(root, d, "a.go"))
		if len(got) != 2 || i != 0 || string(got[1].Src) != files[d+"/b.go"] {
			t.Fatalf("package %s: %q, %d", d, names(got), i)
		}
		if h := x.held(); h > 3*size {
			t.Errorf("after package %s: %d bytes held, over the budget of %d", d, h, 3*size)
		}
	}
}

func TestGoDirsAndSpecs(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"go.mod":                        "module m",
		"main.go":                       "package main",
		"api/h.go":                      "package api",
		"api/openapi.yaml":              "openapi: 3.0.0\ninfo: {}\n",
		"api/package.json":              `{"name": "x"}`,
		"docs/swagger.json":             `{"swagger": "2.0"}`,
		"docs/fragment.yaml":            "responses:\n  '404': {description: x}\n",
		"vendor/v/v.go":                 "package v",
		"node_modules/n/openapi.yaml":   "openapi: 3.0.0\n",
		"api/testdata/t.go":             "package t",
		".git/g.go":                     "package g",
		".hidden/openapi.yaml":          "openapi: 3.0.0\n",
		"internal/only_test/x_test.go":  "package x_test",
		"internal/nogo/readme.yaml":     "a: 1\n",
		"internal/nogo/deep/z/z.go":     "package z",
		"internal/nogo/deep/z/_skip.go": "package z",
	})
	x := New([]string{root}, Options{})
	rel := func(paths []string) []string {
		var out []string
		for _, p := range paths {
			r, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	wantDirs := []string{".", "api", "internal/nogo/deep/z", "internal/only_test"}
	if got := rel(x.GoDirs()); !slices.Equal(got, wantDirs) {
		t.Errorf("GoDirs = %q, want %q", got, wantDirs)
	}
	specs := func() []string {
		var out []string
		for _, s := range x.Specs() {
			out = append(out, rel([]string{s.Path})[0]+": "+strings.TrimSpace(string(s.Src)))
		}
		return out
	}
	want := []string{"api/openapi.yaml: openapi: 3.0.0\ninfo: {}", `docs/swagger.json: {"swagger": "2.0"}`}
	if got := specs(); !slices.Equal(got, want) {
		t.Errorf("Specs = %q, want %q", got, want)
	}

	// A new spec in a new directory, an open one, a deleted one.
	write(t, root, map[string]string{"new/dir/api.yml": "swagger: '2.0'\n", "new/dir/n.go": "package n"})
	x.Changed([]string{filepath.Join(root, "new/dir/api.yml"), filepath.Join(root, "new/dir/n.go")})
	x.Open(filepath.Join(root, "api/openapi.yaml"), lines.NewText([]byte("openapi: 3.1.0\n")))
	if err := os.Remove(filepath.Join(root, "docs/swagger.json")); err != nil {
		t.Fatal(err)
	}
	x.Changed([]string{filepath.Join(root, "docs/swagger.json")})
	want = []string{"api/openapi.yaml: openapi: 3.1.0", "new/dir/api.yml: swagger: '2.0'"}
	if got := specs(); !slices.Equal(got, want) {
		t.Errorf("after the changes, Specs = %q, want %q", got, want)
	}
	wantDirs = []string{".", "api", "internal/nogo/deep/z", "internal/only_test", "new/dir"}
	if got := rel(x.GoDirs()); !slices.Equal(got, wantDirs) {
		t.Errorf("after the changes, GoDirs = %q, want %q", got, wantDirs)
	}
}

// The walk stops after MaxEntries directory entries.
func TestWalkIsBounded(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for i := range 50 {
		files[filepath.Join(strings.Repeat("x", i+1), "f.go")] = "package p"
	}
	write(t, root, files)
	x := New([]string{root}, Options{MaxEntries: 60})
	if got := len(x.GoDirs()); got != 10 {
		t.Errorf("%d Go directories found within 60 entries, want 10: the root's 50 entries, then 10 directories of one", got)
	}
}
