package analysis

import (
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
	"github.com/httpcode-lsp/httpcode-lsp/internal/specgen"
)

// goEditInputs are the Go packages the edit tests type into, by name:
// generated handlers, real files, and the rules' fixtures, each file
// alone, and the fixtures of a rule together where they are several.
func goEditInputs(t testing.TB) map[string][]golang.Source {
	t.Helper()
	in := map[string][]golang.Source{"specgen.go": {{Path: "specgen.go", Src: specgen.Go(400)}}}
	paths, _ := filepath.Glob("testdata/edited/*.go")
	fixtures, _ := filepath.Glob("../lint/testdata/*/*.go")
	for _, p := range append(paths, fixtures...) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		dir, base := filepath.Base(filepath.Dir(p)), filepath.Base(p)
		in[dir+"_"+base] = []golang.Source{{Path: base, Src: src}}
		if dir != "edited" {
			in[dir] = append(in[dir], golang.Source{Path: base, Src: src})
		}
	}
	for name, pkg := range in {
		if len(pkg) == 1 && pkg[0].Path != name && !strings.Contains(name, "_") {
			delete(in, name)
		}
	}
	return in
}

// goEditTexts are typed at random places: into comments and into code,
// adding status writes, returns, codes, comparisons, helper calls,
// annotations, directives, newlines and bytes that break a comment.
var goEditTexts = []string{
	"x", "word ", " ", "\n", "418", "@Success 200", "// @Success 200 {object} T\n", "@Failure 400,418",
	"w.WriteHeader(418)\n", "return\n", "http.Error(w, \"no\", 500)\n", "resp.StatusCode == 404",
	"if resp.StatusCode >= 400 {}\n", "writeJSON(w, 503, nil)\n", "w.Write(nil)\n", "*/", "/*", "\"",
	"httpcode-lsp:ignore ", "//line x.go:1\n", "é", "\x00", "\uFEFF", "}", "{",
}

// goStatements are typed as a line of a function's body.
var goStatements = []string{
	"w.WriteHeader(418)", "return", "http.Error(w, \"no\", 500)", "if resp.StatusCode >= 400 {\n\t}", "code := 404\n\t_ = code",
	"writeJSON(w, 503, nil)", "w.Write(nil)", "w.Header().Set(\"X\", \"y\")", "// @Success 200", "status := http.StatusTeapot\n\tw.WriteHeader(status)",
	"assert.Equal(t, 200, rec.Code)", "x",
}

// goEdit returns src with a random edit: in a comment, like typing in a
// doc comment; a line typed into a function's body; or a few bytes typed
// or deleted anywhere.
func goEdit(r *rand.Rand, src []byte) []byte {
	at := r.Intn(len(src) + 1)
	switch r.Intn(3) {
	case 0:
		if i := bytes.Index(src[at:], []byte("//")); i >= 0 {
			at += i + 2 + r.Intn(12)
			at = min(at, len(src))
		}
	case 1:
		if i := bytes.Index(src[at:], []byte("\n\t")); i >= 0 {
			at += i + 2
			return slices.Concat(src[:at], []byte(goStatements[r.Intn(len(goStatements))]+"\n\t"), src[at:])
		}
	}
	next := append([]byte(nil), src[:at]...)
	switch r.Intn(4) {
	case 0:
		// Delete a few bytes.
		return append(next, src[min(len(src), at+1+r.Intn(3)):]...)
	case 1:
		// Replace one, as the benchmark types letter after letter.
		next = append(next, byte('a'+r.Intn(26)))
		return append(next, src[min(len(src), at+1):]...)
	}
	next = append(next, goEditTexts[r.Intn(len(goEditTexts))]...)
	return append(next, src[at:]...)
}

// goView is what a Go analysis shows: occurrences, send slots, the names
// the rules use, findings, a completion after each declaration, the tree.
type goView struct {
	File       golang.File
	Library    []bool
	Findings   []lint.Finding
	Completion []golang.Completion
	// The tree, read when asked for: whether it parsed, its error, and
	// where its declarations end.
	OK    bool
	Error *golang.SyntaxError
	Ends  []int
}

func viewOf(f *File) goView {
	f.analyse()
	g := *f.goFile
	syn := f.goSyntax()
	v := goView{OK: syn.OK, Error: syn.Error}
	if syn.File != nil {
		// As offsets in the file; a tree that go/parser recovered from
		// errors may end a declaration at no position.
		tf := syn.Fset.File(syn.File.Package)
		for _, d := range syn.File.Decls {
			end := -1
			if p := int(d.End()); tf != nil && p >= tf.Base() && p <= tf.Base()+tf.Size() {
				end = p - tf.Base()
			}
			v.Ends = append(v.Ends, end)
		}
	}
	v.Findings = f.Findings()
	for _, o := range g.Occurrences {
		v.Library = append(v.Library, f.goFile.LibraryError(o))
	}
	for at := 0; at < len(f.src); at += len(f.src)/20 + 1 {
		v.Completion = append(v.Completion, f.goFile.CompletionAt(f.src, at))
	}
	g = golang.File{Occurrences: g.Occurrences, HTTPName: g.HTTPName, ConstantsName: g.ConstantsName, Test: g.Test, SendSlots: g.SendSlots}
	v.File = g
	return v
}

// TestGoEditedEqualsNew types random edits into Go files, one version
// after another as an editor sends them, and checks that each version's
// analysis, which takes the previous version's over where the edit is
// inside a comment, shows exactly what a fresh analysis of the same text
// shows; it counts the versions made from the previous one.
func TestGoEditedEqualsNew(t *testing.T) {
	edits := 60
	if testing.Short() {
		edits = 20
	}
	scanned, reused, inBodies := 0, 0, 0
	fresh := 0
	for name, pkg := range goEditInputs(t) {
		r := rand.New(rand.NewSource(int64(len(name))))
		files, good := slices.Clone(pkg), slices.Clone(pkg)
		type version struct {
			files  []golang.Source
			k      int
			view   goView
			edited bool
		}
		var versions []version
		for i := 0; i < edits; i++ {
			k := r.Intn(len(files))
			if i > 0 {
				// A version that does not parse is followed by an edit
				// of the last one that did, as typing mends it.
				if parses(files[k].Src) {
					good[k] = files[k]
				}
				files[k].Src = goEdit(r, good[k].Src)
			}
			got := analysedIn("edited/"+name+"/", files, k)
			ed, edited := got.goFile.Edited()
			if edited {
				// Taken over only where the previous findings are known.
				if _, ok := goFindings.edited(got.goFile, files[k].Src, Settings{}.Lint); ok {
					reused++
					if ed.Decl != nil {
						inBodies++
					}
				}
			}
			scanned++
			versions = append(versions, version{slices.Clone(files), k, viewOf(got), edited})
		}
		// The fresh analyses come after the edits: each is an analysis
		// of a whole package, which the edits are made from while it is
		// among the last.
		for i, v := range versions {
			fresh++
			if wv := viewOf(analysedIn(fmt.Sprintf("fresh%d/", fresh), v.files, v.k)); !reflect.DeepEqual(v.view, wv) {
				t.Fatalf("%s, edit %d of %s (made from the previous version: %v): the analysis differs from a fresh one\n%s",
					name, i, v.files[v.k].Path, v.edited, diffViews(v.view, wv))
			}
		}
	}
	t.Logf("%d of %d versions took the scan and the findings of the version before, %d of them edited in a function's body", reused, scanned, inBodies)
	if reused == 0 || inBodies == 0 {
		t.Error("no version was made from the one before, or none edited in a body")
	}
}

func parses(src []byte) bool {
	_, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
	return err == nil
}

func diffViews(got, want goView) string {
	var b bytes.Buffer
	if !reflect.DeepEqual(got.File.Occurrences, want.File.Occurrences) {
		fmt.Fprintf(&b, "occurrences:\n%v\nwant\n%v\n", got.File.Occurrences, want.File.Occurrences)
	}
	if !reflect.DeepEqual(got.File.SendSlots, want.File.SendSlots) {
		fmt.Fprintf(&b, "send slots:\n%v\nwant\n%v\n", got.File.SendSlots, want.File.SendSlots)
	}
	if !reflect.DeepEqual(got.Findings, want.Findings) {
		fmt.Fprintf(&b, "findings:\n%v\nwant\n%v\n", got.Findings, want.Findings)
	}
	if b.Len() == 0 {
		fmt.Fprintf(&b, "library %v, completion %v, tree %v %v %v;\nwant\nlibrary %v, completion %v, tree %v %v %v",
			got.Library, got.Completion, got.OK, got.Error, got.Ends, want.Library, want.Completion, want.OK, want.Error, want.Ends)
	}
	return b.String()
}

// FuzzGoEdited edits a Go file once, anywhere, and checks the analysis of
// the edited version, made from the one before where it can be, against a
// fresh one.
func FuzzGoEdited(f *testing.F) {
	inputs := goEditInputs(f)
	names := make([]string, 0, len(inputs))
	for name := range inputs {
		names = append(names, name)
	}
	slices.Sort(names)
	f.Add(uint(0), uint(40), "x", uint(0))
	f.Add(uint(1), uint(300), "@Success 418", uint(2))
	f.Add(uint(2), uint(0), "*/", uint(1))
	n := 0
	f.Fuzz(func(t *testing.T, which, at uint, ins string, del uint) {
		name := names[which%uint(len(names))]
		src := inputs[name][0].Src
		at %= uint(len(src) + 1)
		del = min(del%8, uint(len(src))-at)
		next := append(append(append([]byte(nil), src[:at]...), ins...), src[at+del:]...)
		n++
		edited := fmt.Sprintf("fuzz%d/%s", n, name)
		analysedAs(edited, src).Findings()
		got, want := analysedAs(edited, next), analysedAs(fmt.Sprintf("fresh%d/%s", n, name), next)
		if gv, wv := viewOf(got), viewOf(want); !reflect.DeepEqual(gv, wv) {
			t.Fatalf("%s edited at %d: the analysis differs from a fresh one\n%s", name, at, diffViews(gv, wv))
		}
	})
}

// analysedIn returns the analysis, run, of files[k] with files, its
// package, in view, their paths prefixed.
func analysedIn(prefix string, files []golang.Source, k int) *File {
	in := make([]golang.Source, len(files))
	for i, f := range files {
		in[i] = golang.Source{Path: prefix + f.Path, Src: f.Src}
	}
	f := InPackage(in[k].Src, Settings{}, func() ([]golang.Source, int) { return in, k })
	f.analyse()
	return f
}

// analysedAs returns the analysis, run, of src as the file path, alone
// in its package.
func analysedAs(path string, src []byte) *File {
	return analysedIn("", []golang.Source{{Path: path, Src: src}}, 0)
}

// TestGoCommentEdit types into a handler's doc comment, as the benchmark
// does, an annotation before its words: the version and its findings are
// made from the one before, and its annotation is found.
func TestGoCommentEdit(t *testing.T) {
	src := specgen.Go(2000)
	prev := analysedAs("comment/handlers.go", src)
	prev.Findings()
	at := bytes.Index(src, []byte("// handle30 ")) + len("// ")
	next := slices.Concat(src[:at], []byte("@Success 418 "), src[at:])
	got := analysedAs("comment/handlers.go", next)
	if ed, ok := got.goFile.Edited(); !ok || ed.Edit != (lines.Edit{Start: at, End: at, NewLen: len("@Success 418 ")}) {
		t.Fatalf("the version was not made from the one before (%v, %v)", ok, ed.Edit)
	}
	if _, ok := goFindings.edited(got.goFile, next, Settings{}.Lint); !ok {
		t.Error("the findings are not those of the version before")
	}
	if n, m := len(got.Findings()), len(prev.Findings()); n != m+1 {
		t.Errorf("%d findings, want the %d before and the annotation's", n, m)
	}
	o, ok := occurrence.At(got.Occurrences(), at+len("@Success 4"))
	if !ok || o.Code != 418 || o.Kind != occurrence.Annotation {
		t.Errorf("the annotation's code is %+v, %v", o, ok)
	}
}

// TestGoBodyEdit types into a handler's body, as one writes code: a word
// in a string, a status write: each version and its findings are made
// from the analysis of the whole file, equal a fresh analysis's, and the
// code written is found.
func TestGoBodyEdit(t *testing.T) {
	src := specgen.Go(2000)
	analysedAs("body/handlers.go", src).Findings()
	line := bytes.Index(src, []byte("w.WriteHeader(http.StatusOK)\n\tw.Write([]byte(\"item 30\"))"))
	var got *File
	for _, e := range []struct {
		at    int
		typed string
	}{{line + len(`w.WriteHeader(http.StatusOK)\n\tw.Write([]byte("item`), " word"}, {line, "w.WriteHeader(418)\n\t"}} {
		next := slices.Concat(src[:e.at], []byte(e.typed), src[e.at:])
		got = analysedAs("body/handlers.go", next)
		if ed, ok := got.goFile.Edited(); !ok || ed.Decl == nil || ed.Decl.Name.Name != "handle30" {
			t.Fatalf("typing %q: the version was not made from the one before", e.typed)
		}
		if _, ok := goFindings.edited(got.goFile, next, Settings{}.Lint); !ok {
			t.Errorf("typing %q: the findings are not those of the version before", e.typed)
		}
		if want := New(Go, next, Settings{}).Findings(); !reflect.DeepEqual(got.Findings(), want) {
			t.Errorf("typing %q: the findings differ from a fresh analysis", e.typed)
		}
	}
	o, ok := occurrence.At(got.Occurrences(), line+len("w.WriteHeader(4"))
	if !ok || o.Code != 418 || o.Role != occurrence.Send {
		t.Errorf("the code written is %+v, %v", o, ok)
	}
}
