package golang

import (
	"bytes"
	"testing"
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
