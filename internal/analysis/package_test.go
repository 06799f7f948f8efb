package analysis

import (
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
)

// A Go file analysed in its package sees the constants its other files
// declare; the text analysed is the file's own, whatever the package
// holds at its place.
func TestInPackage(t *testing.T) {
	a := "package api\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(statusGone) }\n"
	b := "package api\n\nconst statusGone = 299\n"
	at := strings.Index(a, "statusGone")
	calls := 0
	pkg := func() ([]golang.Source, int) {
		calls++
		return []golang.Source{{Path: "a.go", Src: []byte("package api // on disk, older")}, {Path: "b.go", Src: []byte(b)}}, 0
	}
	f := InPackage([]byte(a), Settings{}, pkg)
	if f.Analysed() || calls != 0 || f.InView() != 0 {
		t.Fatal("the package was read before the analysis ran")
	}
	_, md, ok := f.Hover(at)
	if !ok || !strings.Contains(md, "299") {
		t.Errorf("hover on statusGone in its package: %v %q, want 299", ok, md)
	}
	f.Findings()
	if calls != 1 || f.InView() != 2 {
		t.Errorf("the package was read %d times, with %d files in view; want once, 2", calls, f.InView())
	}
	if _, _, ok := New(Go, []byte(a), Settings{}).Hover(at); ok {
		t.Error("the file alone knows statusGone")
	}
	for _, none := range []func() ([]golang.Source, int){
		func() ([]golang.Source, int) { return nil, -1 },
		func() ([]golang.Source, int) { return []golang.Source{{Src: []byte(b)}}, 3 },
	} {
		g := InPackage([]byte(a), Settings{}, none)
		if _, _, ok := g.Hover(at); ok || g.InView() != 1 {
			t.Errorf("a file its package does not place is seen alone, but statusGone hovered (%v) or %d files are in view", ok, g.InView())
		}
	}
}
