package golang

import (
	"bytes"
	"fmt"
	"sync"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

// TestCommentEditNotParsed types into a doc comment: the scan of the new
// version is the old one's moved, made without parsing the file, which is
// parsed when its Syntax is asked for.
func TestCommentEditNotParsed(t *testing.T) {
	resetCaches()
	src := []byte("package api\n\nimport \"net/http\"\n\n// h serves.\nfunc h(w http.ResponseWriter) { w.WriteHeader(418) }\n")
	before, _ := ScanPackage([]Source{{Path: "a.go", Src: src}}, 0)
	at := bytes.Index(src, []byte("serves"))
	next := append(append(append([]byte(nil), src[:at]...), "word "...), src[at:]...)
	f, syn := ScanPackageLater([]Source{{Path: "a.go", Src: next}}, 0)
	if ed, ok := f.Edited(); !ok || ed.Base != before.ID() || ed.Syntax.File != nil {
		t.Fatal("the scan was not made from the one before")
	}
	if got, want := f.Occurrences[0].Start, before.Occurrences[0].Start+len("word "); got != want {
		t.Errorf("the code is at %d, want %d", got, want)
	}
	parses.mu.Lock()
	parsed := len(parses.byPath["a.go"])
	parses.mu.Unlock()
	if parsed != 1 {
		t.Errorf("%d versions of a.go parsed before the tree was asked for, want 1", parsed)
	}
	s := syn()
	if !s.OK || s.Fset.Position(s.File.Decls[1].Pos()).Offset != bytes.Index(next, []byte("func h")) {
		t.Errorf("the tree read later does not hold the new text")
	}
}

// TestBodyEditsAtOnce makes versions of one analysis at once, typed into
// function bodies: each is made from it (go test -race checks that they
// do not race on what they share).
func TestBodyEditsAtOnce(t *testing.T) {
	resetCaches()
	src := []byte("package api\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) {\n\tw.WriteHeader(200)\n}\n\nfunc g(w http.ResponseWriter) {\n\tw.WriteHeader(201)\n}\n")
	ScanPackage([]Source{{Path: "a.go", Src: src}}, 0)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			at := bytes.Index(src, []byte("20"))
			next := fmt.Appendf(nil, "%s\tw.WriteHeader(%d)\n%s", src[:at-len("\tw.WriteHeader(")], 400+i, src[at-len("\tw.WriteHeader("):])
			f, _ := ScanPackage([]Source{{Path: "a.go", Src: next}}, 0)
			if ed, ok := f.Edited(); !ok || ed.Decl == nil {
				t.Errorf("edit %d: not made from the analysis before", i)
			}
			if len(f.Occurrences) != 3 || f.Occurrences[0].Code != 400+i {
				t.Errorf("edit %d: %+v", i, f.Occurrences)
			}
		}()
	}
	wg.Wait()
}

// TestDiffEdit checks the edit between two texts against the byte by byte
// answer, with changes near block boundaries.
func TestDiffEdit(t *testing.T) {
	old := bytes.Repeat([]byte("abcdefgh"), 2000)
	for _, at := range []int{0, 1, 4095, 4096, 4097, 8191, len(old) - 4096, len(old) - 1, len(old)} {
		for _, ins := range []string{"", "x", "abc"} {
			for _, del := range []int{0, 1, 3} {
				del = min(del, len(old)-at)
				next := append(append(append([]byte(nil), old[:at]...), ins...), old[at+del:]...)
				e := diffEdit(old, next)
				if got := string(old[:e.Start]) + string(next[e.Start:e.NewEnd()]) + string(old[e.End:]); got != string(next) {
					t.Fatalf("at %d, %q for %d bytes: %+v does not make the new text", at, ins, del, e)
				}
				p, q := 0, 0
				for p < min(len(old), len(next)) && old[p] == next[p] {
					p++
				}
				for q < min(len(old), len(next))-p && old[len(old)-1-q] == next[len(next)-1-q] {
					q++
				}
				if want := (lines.Edit{Start: p, End: len(old) - q, NewLen: len(next) - q - p}); e != want {
					t.Errorf("at %d, %q for %d bytes: %+v, want %+v", at, ins, del, e, want)
				}
			}
		}
	}
}
