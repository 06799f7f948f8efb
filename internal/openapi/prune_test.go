package openapi

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

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
	paths = append(paths, corpusJSON()...)
	if len(paths) < 10 {
		t.Fatalf("only %d documents", len(paths))
	}
	pruned := 0
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if samePruned(t, path, src) {
			pruned++
		}
	}
	t.Logf("%d documents, %d pruned", len(paths), pruned)
	if pruned == 0 {
		t.Error("no document was pruned")
	}
}

// corpusJSON returns the paths of the committed corpus sample's
// documents, and of the whole corpus's under HTTPCODE_LSP_CORPUS_TESTS.
func corpusJSON() []string {
	var paths []string
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
	return paths
}

// samePruned checks that src's model parsed without what nothing reads
// is the whole parse's, and reports whether it was pruned.
func samePruned(t *testing.T, name string, src []byte) bool {
	whole := dump(Model(yamldoc.Parse(src)))
	doc := Parse(src)
	if got := dump(doc); got != whole {
		t.Errorf("%s: pruned model differs:\n%s\nwhole:\n%s", name, got, whole)
	}
	return doc.Doc.Pruned()
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

// TestPrunedYAMLDeep checks that collections nested past yaml.v3's
// depth limit in a part nothing reads, each larger than a piece, get the
// whole parse's error: the pieces set apart inside pieces stop at
// maxHoleDepth, so that the text is not read again at every level.
func TestPrunedYAMLDeep(t *testing.T) {
	const n = 100000
	var block strings.Builder
	for i := range 300 {
		block.WriteString(strings.Repeat(" ", 2*i) + "a:\n")
	}
	block.WriteString(strings.Repeat(" ", 600) + "b: [" + strings.Repeat("1, ", 30000) + "1]\n")
	for _, src := range []string{
		"openapi: 3.0.0\nx-a: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\npaths: {}\n",
		"openapi: 3.0.0\nx-a: " + strings.Repeat("[1, ", n) + strings.Repeat("]", n) + "\npaths: {}\n",
		"openapi: 3.0.0\nx-a:\n" + block.String() + "paths: {}\n",
	} {
		doc := Parse([]byte(src))
		if got, want := dump(doc), dump(Model(yamldoc.Parse([]byte(src)))); got != want {
			t.Errorf("%.40q: model differs:\n%s\nwhole:\n%s", src, got, want)
		}
	}
}

// TestPrunedReparseYAML checks that a pruned YAML spec edited at random
// places keeps the model of the edited text parsed whole, and that an
// edit inside a large list nothing reads is read again pruned.
func TestPrunedReparseYAML(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	specs := append(append([]string(nil), yamlSpecs...), bigYAMLSpecs(70<<10)...)
	for i, src := range specs {
		prev := Parse([]byte(src))
		// Fewer edits of the large specs, whose whole parse this
		// compares with is slow.
		edits := 20
		if i >= len(yamlSpecs) {
			edits = 3
		}
		for range edits {
			at := rng.IntN(len(src))
			ins := []string{"1", " ", "\"", "\n", "x", "[]", "- 2\n", "x-a: [1]\n"}[rng.IntN(8)]
			next := []byte(src[:at] + ins + src[at:])
			got := dump(Model(yamldoc.Reparse(prev.Doc, next, lines.Edit{Start: at, End: at, NewLen: len(ins)})))
			if want := dump(Model(yamldoc.Parse(next))); got != want {
				t.Fatalf("%q inserted at %d of %.40q: model differs:\n%s\nwhole:\n%s", ins, at, src, got, want)
			}
		}
	}
	src := bigYAMLSpecs(100 << 10)[0]
	at := strings.Index(src, "                - 50\n") + len("                - ")
	next := []byte(src[:at] + "1" + src[at:])
	d := yamldoc.Reparse(Parse([]byte(src)).Doc, next, lines.Edit{Start: at, End: at, NewLen: 1})
	if !d.Pruned() || d.Parses != 1 {
		t.Errorf("pruned %v after %d parses, want pruned after 1", d.Pruned(), d.Parses)
	}
	if got, want := dump(Model(d)), dump(Model(yamldoc.Parse(next))); got != want {
		t.Errorf("model differs:\n%s\nwhole:\n%s", got, want)
	}
}

// An edit inside one schema of a pruned YAML spec reads that schema again,
// left out as before, and keeps the others' nodes: GitHub's YAML
// description, pruned, read its whole text again for a character typed
// in a schema (671 ms against 35 ms for the same edit unpruned).
func TestPrunedReparseOneSchema(t *testing.T) {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\ncomponents:\n  schemas:\n")
	for i := range 50 {
		fmt.Fprintf(&b, "    S%d:\n      type: object\n      properties:\n        name:\n          description: the name %d\n          type: string\n", i, i)
	}
	src := b.String()
	schemas := func(d *yamldoc.Doc) *yamldoc.Node {
		root := d.Root
		for _, key := range []string{"components", "schemas"} {
			for i := 0; i+1 < len(root.Content); i += 2 {
				if root.Content[i].Value == key {
					root = root.Content[i+1]
					break
				}
			}
		}
		return root
	}
	prev := Parse([]byte(src))
	at := strings.Index(src, "the name 25") + len("the ")
	next := []byte(src[:at] + "x" + src[at:])
	d := yamldoc.Reparse(prev.Doc, next, lines.Edit{Start: at, End: at, NewLen: 1})
	was, is := schemas(prev.Doc), schemas(d)
	switch {
	case !d.Pruned() || len(is.Content) != 100:
		t.Fatalf("pruned %v, %d nodes in schemas", d.Pruned(), len(is.Content))
	case is.Content[1] != was.Content[1] || is.Content[99] != was.Content[99]:
		t.Error("the schemas not edited were read again")
	case is.Content[51].Kind != yamldoc.ScalarNode || !strings.Contains(is.Content[51].Value, "the xname 25"):
		t.Errorf("the edited schema is %v %.60q, want the text left out", is.Content[51].Kind, is.Content[51].Value)
	}
	if got, want := dump(Model(d)), dump(Model(yamldoc.Parse(next))); got != want {
		t.Errorf("model differs:\n%s\nwhole:\n%s", got, want)
	}
}

// TestPrunedCRLF checks the ranges around a pruned collection whose text
// has a blank before a CRLF: its value, its text, folds the blank and the
// CR as one run (the operation ended 7 bytes early in JSON before).
func TestPrunedCRLF(t *testing.T) {
	for _, src := range []string{
		"{\"openapi\": \"3.0.0\",\r\n \"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\",\r\n \"content\": {\"a/b\": {\"example\": [1, \r\n 2]}}}}}}}}\r\n",
		"openapi: 3.0.0\r\npaths:\r\n  /a:\r\n    get:\r\n      responses:\r\n        '200':\r\n          description: ok\r\n          content:\r\n            a/b:\r\n              example: [1, \r\n                2]\r\n",
	} {
		doc := Parse([]byte(src))
		if !doc.Doc.Pruned() {
			t.Errorf("%.20q: not pruned", src)
		}
		if got, want := dump(doc), dump(Model(yamldoc.Parse([]byte(src)))); got != want {
			t.Errorf("%.20q: model differs:\n%s\nwhole:\n%s", src, got, want)
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

// blockYAML returns a JSON spec written as block YAML, as yaml.v3 writes
// a tree whose styles are cleared.
func blockYAML(t *testing.T, src []byte) []byte {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil || len(doc.Content) == 0 {
		return nil
	}
	var block func(n *yaml.Node)
	block = func(n *yaml.Node) {
		n.Style = 0
		for _, c := range n.Content {
			block(c)
		}
	}
	block(doc.Content[0])
	out, err := yaml.Marshal(doc.Content[0])
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// yamlSpecs are YAML specs whose bulk nothing reads, in the styles the
// scan of yamlprune.go follows: block and flow collections, compact
// sequences, a mapping as a list item, quoted keys, comments, block
// scalars, and what makes it parse a part whole (anchors, aliases).
var yamlSpecs = []string{
	"openapi: 3.0.3\ninfo:\n  title: t\npaths:\n  /a:\n    get:\n      tags: [a, b]\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              example:\n              - 1\n              - 2\n",
	"openapi: 3.0.3\npaths:\n  /a:\n    get:\n      parameters:\n      - name: q\n        in: query\n        schema: {type: string, enum: [a, 'b, c', \"d]\"]}\n      - $ref: '#/components/parameters/P'\n      responses:\n        \"200\": # ok\n          description: |\n            ok\n          headers:\n            X-A:\n              schema:\n                type: string\n        default: {description: err}\n",
	"swagger: '2.0'\nx-data:\n- - 1\n  - 2\n- a: 1\n  b: [1,\n    2]\npaths:\n  /a:\n    post:\n      parameters:\n        - \"in\": body\n          'name': b\n          x-c: [1, 2]\n          schema:\n            $ref: '#/definitions/B'\n      responses:\n        200:\n          description: ok\ndefinitions:\n  B:\n    type: object\n    properties:\n      'x': {type: string}\n      \"y\":\n        type: integer\n",
	"openapi: 3.1.0\ncomponents:\n  schemas:\n    A: &a\n      type: object\n  responses:\n    E: {description: e}\npaths:\n  /a:\n    get:\n      responses:\n        '404':\n          $ref: '#/components/responses/E'\n    x-b: *a\n",
	"openapi: 3.0.0\ninfo: &i\n  title: t\nx-copy: *i\npaths: {}\n",
	"openapi: 3.0.0\r\ninfo:\r\n  title: t\r\n  x: [1,\r\n   2]\r\npaths:\r\n  /a:\r\n    get:\r\n      responses:\r\n        '200':\r\n          description: ok\r\n          content:\r\n            a/b:\r\n              example: [1,\r\n                2]\r\n",
}

// TestPrunedModelYAML checks TestPrunedModel's property for YAML: on the
// YAML fixtures, on hand-written specs, and on the corpus sample written
// as block YAML (the whole corpus under HTTPCODE_LSP_CORPUS_TESTS).
func TestPrunedModelYAML(t *testing.T) {
	docs := map[string][]byte{}
	for i, s := range append(yamlSpecs, bigYAMLSpecs(300<<10)...) {
		docs[fmt.Sprintf("yamlSpecs[%d]", i)] = []byte(s)
	}
	paths, _ := filepath.Glob("testdata/*.yaml")
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs[p] = src
	}
	pruned := 0
	for name, src := range docs {
		if samePruned(t, name, src) {
			pruned++
		}
	}
	total := len(docs)
	for _, path := range corpusJSON() {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if y := blockYAML(t, src); y != nil {
			total++
			if samePruned(t, path+" as YAML", y) {
				pruned++
			}
		}
	}
	t.Logf("%d documents, %d pruned", total, pruned)
	if pruned < total/2 {
		t.Errorf("only %d of %d documents pruned", pruned, total)
	}
}

// A compact entry of a sequence larger than a piece (`- type: object`
// and the lines after it, as GitHub's description writes oneOf) is read
// with its mapping made a hole, whose placeholder `- _` is also a
// sequence's: the spec is pruned all the same, its model the whole one's.
// GitHub's 13 MB YAML description was parsed whole for it.
func TestPrunedCompactEntry(t *testing.T) {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n" +
		"components:\n  schemas:\n    A:\n      oneOf:\n        - type: object\n          properties:\n")
	for i := 0; b.Len() < 100<<10; i++ {
		fmt.Fprintf(&b, "            p%d:\n              type: string\n", i)
	}
	b.WriteString("        - type: string\n    B:\n      type: string\n")
	if !samePruned(t, "compact entry", []byte(b.String())) {
		t.Error("not pruned")
	}
}

// bigYAMLSpecs are YAML specs of about size bytes whose bulk nothing
// reads, larger than a piece (pieceSize in yamlprune.go): a number list
// in block and in flow style, in an example, an enum and an extension;
// lists of mappings; a list of lists larger than a piece each.
func bigYAMLSpecs(size int) []string {
	repeat := func(item, sep string) string {
		var b strings.Builder
		for i := 0; b.Len() < size; i++ {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(strings.ReplaceAll(item, "N", strconv.Itoa(i%100)))
		}
		return b.String()
	}
	const head = "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n"
	return []string{
		head + "          content:\n            application/json:\n              schema:\n                type: array\n              example:\n" + repeat("                - N", "\n") + "\n        '404':\n          description: no\n",
		head + "          content:\n            application/json:\n              example: [" + repeat("N", ", ") + "]\n",
		head + "components:\n  schemas:\n    A:\n      enum:\n" + repeat("      - N", "\n") + "\n  responses:\n    E:\n      description: e\n",
		"swagger: '2.0'\nx-data:\n" + repeat("- {a: N, 'b': [N, \"N]\"]}", "\n") + "\npaths:\n  /a:\n    get:\n      responses:\n        200:\n          description: ok\n",
		"swagger: '2.0'\nx-data:\n  rows:\n" + repeat("  - a: N\n    b:\n    - N", "\n") + "\npaths: {}\n",
		"swagger: '2.0'\nx-data: {rows: [[" + repeat("N", ",") + "], [" + repeat("N", ",\n  ") + "]], more: " + repeat("x", " ") + "}\npaths:\n  /a:\n    get:\n      responses:\n        200:\n          description: ok\n",
		"openapi: 3.0.0\ninfo:\n  x-a:\n    b:\n" + repeat("    - N", "\n") + "\n  x-c: [" + repeat("N", ",") + "]\npaths: {}\n",
	}
}

// TestPrunedYAMLErrors checks that a syntax error inside the text of a
// collection ParsePruned leaves out of a YAML spec is reported as a whole
// parse reports it: on the specs edited at random places, and, for one
// error in a list of 100 KB, at the line it stands on.
func TestPrunedYAMLErrors(t *testing.T) {
	src := bigYAMLSpecs(100 << 10)[0]
	at := strings.Index(src, "                - 50\n") + len("                - ")
	broken := src[:at] + "[5" + src[at+2:]
	doc := Parse([]byte(broken))
	line := strings.Count(broken[:at], "\n")
	start := strings.LastIndexByte(broken[:at], '\n') + 1 + len("                ")
	if len(doc.Errors) != 1 || doc.Errors[0].Start != start || doc.Errors[0].End != start+len("- [5") {
		t.Fatalf("errors %+v, want one on line %d at [%d,%d)", doc.Errors, line, start, start+len("- [5"))
	}
	if got, want := dump(doc), dump(Model(yamldoc.Parse([]byte(broken)))); got != want {
		t.Fatalf("model differs:\n%s\nwhole:\n%s", got, want)
	}
	if len(doc.Occurrences) != 2 {
		t.Errorf("%d occurrences, want 200 and 404", len(doc.Occurrences))
	}

	// Mostly the small specs: the whole parse of a large broken one,
	// which this compares with, is slow.
	rng := rand.New(rand.NewPCG(3, 4))
	big := bigYAMLSpecs(70 << 10)
	errors := 0
	for i := range 200 {
		src := yamlSpecs[rng.IntN(len(yamlSpecs))]
		if i%20 == 0 {
			src = big[rng.IntN(len(big))]
		}
		at := rng.IntN(len(src))
		ins := []string{"[", "]", "{", ",", "'", "\"", ": ", "\n", "\n  ", "- ", "&a ", "*a", "#", "\t", "x: y", "---\n"}[rng.IntN(16)]
		edited := []byte(src[:at] + ins + src[at:])
		doc := Parse(edited)
		if len(doc.Errors) > 0 {
			errors++
		}
		if got, want := dump(doc), dump(Model(yamldoc.Parse(edited))); got != want {
			t.Fatalf("%q inserted at %d:\n%s\nwhole:\n%s", ins, at, got, want)
		}
	}
	t.Logf("%d of 200 edited specs had a syntax error", errors)
}
