package yamldoc

import (
	"fmt"
	"maps"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/specgen"
)

// reparseSources are the texts the random edits start from: generated
// specs in YAML and JSON, the OpenAPI fixtures, and YAML with anchors,
// block scalars, flow collections in block context and CRLF.
func reparseSources(t *testing.T) map[string][]byte {
	t.Helper()
	gen := specgen.OpenAPI(120)
	srcs := map[string][]byte{
		"generated.yaml": gen,
		"generated.json": specgen.JSON(gen),
		"minified.json":  []byte(strings.Join(strings.Fields(string(specgen.JSON(specgen.OpenAPI(60)))), "")),
		"features.yaml": []byte("a:\n  base: &b {x: 1}\n  use: *b\n  list:\n  - k: 1\n    v: [1, 2,\n      3]\n  - k: 2\n" +
			"b:\n  text: |+\n    kept\n\n  folded: >-\n    one\n    two\n  plain: a\n    continued\n  'q': \"é😀\"\n" +
			"c:\n  d:\n    e: 1\n  # comment\n  f: !!str 2\n"),
		"crlf.yaml": []byte("a:\r\n  b:\r\n    c: 1\r\n    d: [x, y]\r\n  e: 'z'\r\n"),
	}
	files, _ := filepath.Glob("../openapi/testdata/*.*")
	for _, f := range files {
		if strings.HasSuffix(f, ".want") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[filepath.Base(f)] = b
	}
	return srcs
}

// edit makes a random small change to src: a character typed, deleted or
// replaced, often one that matters to YAML or JSON syntax. It returns the
// edited text and the edit.
func edit(r *rand.Rand, src []byte) ([]byte, lines.Edit) {
	const chars = "abcxyz019 :,-#'\"{}[]|>&*!\t\n\r\u00e9\u00ff\u2028"
	runes := []rune(chars)
	i := 0
	if len(src) > 0 {
		i = r.Intn(len(src))
	}
	ins := []byte(string(runes[r.Intn(len(runes))]))
	e := lines.Edit{Start: i, End: i, NewLen: len(ins)}
	switch r.Intn(3) {
	case 1: // delete a byte (which may break a character)
		e, ins = lines.Edit{Start: i, End: min(i+1, len(src))}, nil
	case 2: // replace
		e.End = min(i+1, len(src))
	}
	return e.Apply(src, ins), e
}

// edits makes one to three random edits of src, as versions typed before
// the last analysed one was read again, and returns their merged edit,
// sometimes widened over unchanged bytes, as a client may send them.
func edits(r *rand.Rand, src []byte) ([]byte, lines.Edit) {
	var merged lines.Edit
	for range 1 + r.Intn(3) {
		var e lines.Edit
		src, e = edit(r, src)
		merged = merged.Then(e)
	}
	if r.Intn(4) == 0 {
		// The same bytes written again around the change.
		k := r.Intn(20)
		lo, hi := max(0, merged.Start-k), min(len(src), merged.NewEnd()+k)
		merged = lines.Edit{Start: lo, End: merged.End + hi - merged.NewEnd(), NewLen: hi - lo}
	}
	return src, merged
}

// sameTree reports where two parses differ, "" if they do not; comments
// attached to nodes are not compared.
func sameTree(a, b *Doc) string {
	if !reflect.DeepEqual(a.Errors, b.Errors) {
		return fmt.Sprintf("errors %v, want %v", a.Errors, b.Errors)
	}
	if string(a.Text()) != string(b.Text()) || string(a.Source()) != string(b.Source()) {
		return "texts differ"
	}
	if !reflect.DeepEqual(a.lines.table, b.lines.table) ||
		!reflect.DeepEqual(a.lines.ascii, b.lines.ascii) || a.lines.bom != b.lines.bom {
		return "line indexes differ"
	}
	if len(a.Roots) != len(b.Roots) {
		return fmt.Sprintf("%d roots, want %d", len(a.Roots), len(b.Roots))
	}
	for i := range a.Roots {
		if diff := sameNode(a, b, a.Roots[i], b.Roots[i], 0); diff != "" {
			return diff
		}
	}
	return ""
}

func sameNode(da, db *Doc, a, b *Node, depth int) string {
	if a == nil || b == nil || depth > MaxDepth {
		if a != b && depth <= MaxDepth {
			return "nil node"
		}
		return ""
	}
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag() != b.Tag() || a.Value != b.Value || a.Anchor() != b.Anchor() ||
		a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
		return fmt.Sprintf("node %q at %d:%d differs from %q at %d:%d", a.Value, a.Line, a.Column, b.Value, b.Line, b.Column)
	}
	as, ae := da.NodeRange(a)
	bs, be := db.NodeRange(b)
	if as != bs || ae != be {
		return fmt.Sprintf("node %q: range [%d,%d), want [%d,%d)", a.Value, as, ae, bs, be)
	}
	if (a.Alias() == nil) != (b.Alias() == nil) {
		return fmt.Sprintf("alias %q", a.Value)
	}
	for i := range a.Content {
		if diff := sameNode(da, db, a.Content[i], b.Content[i], depth+1); diff != "" {
			return diff
		}
	}
	return ""
}

// TestReparseEqualsParse chains random edits, each read by Reparse from
// the previous result with the edit that made it, and checks every result
// against a full parse.
func TestReparseEqualsParse(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	srcs := reparseSources(t)
	for _, name := range slices.Sorted(maps.Keys(srcs)) {
		src := srcs[name]
		t.Run(name, func(t *testing.T) {
			steps := 200
			if testing.Short() {
				steps = 60
			}
			orig := src
			doc := Parse(src)
			for i := 0; i < steps; i++ {
				next, e := edits(r, src)
				got, want := Reparse(doc, next, e), Parse(next)
				if diff := sameTree(got, want); diff != "" {
					t.Fatalf("edit %d: %s\nbefore:\n%s\nafter:\n%s", i, diff, src, next)
				}
				src, doc = next, got
				if len(doc.Errors) > 0 && r.Intn(4) > 0 {
					// Mostly keep editing valid text, where Reparse
					// does its work.
					src, doc = orig, Parse(orig)
				}
			}
		})
	}
}

// TestReparseReuses checks that an edit inside one path item of a large
// document reads only that path item again: the other nodes are shared.
func TestReparseReuses(t *testing.T) {
	for _, src := range [][]byte{specgen.OpenAPI(3000), specgen.JSON(specgen.OpenAPI(3000))} {
		prev := Parse(src)
		i := strings.Index(string(src[len(src)/2:]), "Deleted") + len(src)/2
		next := []byte(string(src[:i]) + "x" + string(src[i:]))
		got := Reparse(prev, next, lines.Edit{Start: i, End: i, NewLen: 1})
		if diff := sameTree(got, Parse(next)); diff != "" {
			t.Fatal(diff)
		}
		paths := func(d *Doc) []*Node { _, v := Get(d.Root, "paths"); return v.Content }
		old, now := paths(prev), paths(got)
		shared := 0
		for k := range old {
			if old[k] == now[k] {
				shared++
			}
		}
		if shared != len(old)-1 {
			t.Errorf("%d of %d path nodes shared, want all but the edited one", shared, len(old))
		}
	}
}

// TestReparseWhileInUse reparses a document while other goroutines read
// node ranges from it, as the rules of one version run while the next
// is parsed; long non-ASCII lines make the ranges use the line index's
// cache. Run under -race.
func TestReparseWhileInUse(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("{\n")
	for i := 0; i < 50; i++ {
		fmt.Fprintf(&sb, "  \"k%d\": {\"é\": \"%s\", \"n\": %d},\n", i, strings.Repeat("ü", 300), i)
	}
	sb.WriteString("  \"last\": {\"x\": 1}\n}\n")
	src := []byte(sb.String())
	prev := Parse(src)
	at := strings.Index(string(src), `"n": 25`) + len(`"n": 25`)
	next := []byte(string(src[:at]) + "6" + string(src[at:]))
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			Walk(prev.Root, func(v Visit) bool {
				prev.NodeRange(v.Node)
				return true
			})
		}()
	}
	got := Reparse(prev, next, lines.Edit{Start: at, End: at, NewLen: 1})
	wg.Wait()
	if diff := sameTree(got, Parse(next)); diff != "" {
		t.Fatal(diff)
	}
}
