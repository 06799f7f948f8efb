package openapi

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/yamldoc"
)

// dump writes out every part of a model the rules, hovers, completion
// and quick fixes read, ranges included, the nodes by their ranges.
func dump(doc *Document) string {
	var b strings.Builder
	text := func(t *Text) string {
		if t == nil {
			return "-"
		}
		return fmt.Sprintf("%q[%d,%d)", t.Value, t.Start, t.End)
	}
	response := func(r *Response) {
		fmt.Fprintf(&b, "  %q key[%d,%d) code[%d,%d) %+v int=%v quote=%d [%d,%d) desc=%s hk=%s ck=%s schema=%s ref=%s",
			r.Key, r.KeyStart, r.KeyEnd, r.CodeStart, r.CodeEnd, r.Status, r.IntKey, r.Quote, r.Start, r.End,
			text(r.Description), text(r.HeadersKey), text(r.ContentKey), text(r.Schema), text(r.Ref))
		if r.Resolved != nil {
			fmt.Fprintf(&b, " resolved=%q", r.Resolved.Key)
		}
		s, e := doc.Doc.NodeRange(r.Node)
		fmt.Fprintf(&b, " node[%d,%d)\n", s, e)
		for _, h := range r.Headers {
			fmt.Fprintf(&b, "    header %q [%d,%d) ref=%s %v\n", h.Name, h.Start, h.End, text(h.Ref), h.Resolved)
		}
		for _, c := range r.Content {
			fmt.Fprintf(&b, "    content %s\n", text(&c))
		}
	}
	fmt.Fprintf(&b, "%v %q json=%v errors=%+v\n", doc.Kind, doc.Version, doc.JSON, doc.Errors)
	for _, op := range doc.Operations {
		fmt.Fprintf(&b, "op %s %q %d %q method[%d,%d) [%d,%d) body=%v", op.Method, op.Path, op.Kind, op.Context,
			op.MethodStart, op.MethodEnd, op.Start, op.End, op.HasRequestBody)
		if op.Parent != nil {
			fmt.Fprintf(&b, " parent=%q", op.Parent.Context)
		}
		b.WriteString("\n")
	}
	for _, rm := range doc.ResponseMaps {
		s, e := doc.Doc.NodeRange(rm.Node)
		fmt.Fprintf(&b, "map %q key[%d,%d) [%d,%d) node[%d,%d) op=%v\n", rm.Context, rm.KeyStart, rm.KeyEnd, rm.Start, rm.End, s, e, rm.Operation != nil)
		for _, r := range rm.Entries {
			response(r)
		}
	}
	for _, r := range doc.Reusable {
		response(r)
	}
	fmt.Fprintf(&b, "%+v\n", doc.Occurrences)
	return b.String()
}

// TestPrunedModel checks that a spec parsed without the parts nothing
// reads has the model of the spec parsed whole: on the fixtures and the
// committed corpus sample; bench/corpus.sh runs it on the whole corpus
// (HTTPCODE_LSP_CORPUS_TESTS).
func TestPrunedModel(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.json")
	dirs := []string{"../../bench/corpus-sample"}
	if os.Getenv("HTTPCODE_LSP_CORPUS_TESTS") != "" {
		dirs = append(dirs, "../../bench/.cache/corpus/package/api")
	}
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(path, ".json") {
				paths = append(paths, path)
			}
			return nil
		})
	}
	if len(paths) < 10 {
		t.Fatalf("only %d documents", len(paths))
	}
	pruned := 0
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		whole := dump(Model(yamldoc.Parse(src)))
		doc := Parse(src)
		if doc.Doc.Pruned() {
			pruned++
		}
		if got := dump(doc); got != whole {
			t.Errorf("%s: pruned model differs:\n%s\nwhole:\n%s", path, got, whole)
		}
	}
	t.Logf("%d documents, %d pruned", len(paths), pruned)
	if pruned == 0 {
		t.Error("no document was pruned")
	}
}

// TestPrunedReparse checks that a pruned spec edited at random places
// keeps the model of the edited text parsed whole.
func TestPrunedReparse(t *testing.T) {
	var paths []string
	filepath.WalkDir("../../bench/corpus-sample", func(path string, e fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".json") && len(paths) < 6 {
			paths = append(paths, path)
		}
		return nil
	})
	rng := rand.New(rand.NewPCG(1, 2))
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		prev := Parse(src)
		for range 30 {
			at := rng.IntN(len(src))
			ins := []string{"1", ",", " ", "\"", "}", "\n", "x", "[]", `"x-a": [1],`}[rng.IntN(9)]
			next := append(append(append([]byte(nil), src[:at]...), ins...), src[at:]...)
			got := dump(Model(yamldoc.Reparse(prev.Doc, next, lines.Edit{Start: at, End: at, NewLen: len(ins)})))
			if want := dump(Model(yamldoc.Parse(next))); got != want {
				t.Fatalf("%s: %q inserted at %d: model differs:\n%s\nwhole:\n%s", path, ins, at, got, want)
			}
		}
	}
}

// TestPrunedNotOpenAPI checks that a text that says openapi but not at
// its root is parsed again in full: a fragment's response maps stand
// anywhere.
func TestPrunedNotOpenAPI(t *testing.T) {
	src := []byte(`{"x-spec": {"openapi": "3.0.0"}, "x-errors": {"responses": {"404": {"description": "d"}}}}`)
	doc := Parse(src)
	if doc.Kind != Fragment || len(doc.Occurrences) != 1 || doc.Doc.Pruned() {
		t.Errorf("kind %v, %d occurrences, pruned %v; want a fragment with 404, parsed whole", doc.Kind, len(doc.Occurrences), doc.Doc.Pruned())
	}
}
