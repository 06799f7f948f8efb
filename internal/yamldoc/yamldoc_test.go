package yamldoc

import (
	"fmt"
	"strings"
	"testing"
)

// scalars returns the text of every scalar and alias node as NodeRange
// gives it, in document order, and checks that each starts where its
// text is next found in the parsed text (the source with its unreadable
// lines blanked): the byte offset is exact, not just the text.
func scalars(t *testing.T, d *Doc, src string) []string {
	t.Helper()
	if len(src) != len(d.Text()) {
		t.Fatalf("parsed text of %d bytes, source of %d", len(d.Text()), len(src))
	}
	src = string(d.Text())
	var out []string
	pos := 0
	for _, root := range d.Roots {
		Walk(root, func(v Visit) bool {
			n := v.Node
			if n.Kind != ScalarNode && n.Kind != AliasNode {
				return true
			}
			start, end := d.NodeRange(n)
			if start < 0 || end > len(src) || start > end {
				t.Fatalf("%q: range [%d,%d) out of bounds", n.Value, start, end)
			}
			text := src[start:end]
			if text == "" {
				return true
			}
			if i := strings.Index(src[pos:], text); i < 0 || pos+i != start {
				t.Errorf("%q: at %d, but its text %q is next found at %d", n.Value, start, text, pos+i)
			}
			pos = end
			out = append(out, text)
			return true
		})
	}
	return out
}

func TestNodeRanges(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"non-ASCII before keys", "é: 1\n😀: {a: b}\n日本語: [x, 'y', \"z\"]\n",
			[]string{"é", "1", "😀", "a", "b", "日本語", "x", "'y'", `"z"`}},
		{"non-ASCII on the line of a flow key", "r: {é😀日本: x, '404': {description: é}}\n",
			[]string{"r", "é😀日本", "x", "'404'", "description", "é"}},
		{"CRLF", "a: 1\r\nb:\r\n  'c': \"é\"\r\n",
			[]string{"a", "1", "b", "'c'", `"é"`}},
		{"lone CR, NEL and line separators", "a: 1\rb: \"x\u2028y\"\nc: z\u0085d: 2\n",
			[]string{"a", "1", "b", "\"x\u2028y\"", "c", "z", "d", "2"}},
		{"tabs in flow", "a:\t{\tb:\t1,\tc: [\t2]}\n",
			[]string{"a", "b", "1", "c", "2"}},
		{"byte order mark", "\ufeffa: é\nb: 2\n",
			[]string{"a", "é", "b", "2"}},
		{"quotes and escapes", `a: 'it''s'` + "\n" + `b: "say \"hi\" \\"` + "\n" + `"k\"ey": 1` + "\n",
			[]string{"a", "'it''s'", "b", `"say \"hi\" \\"`, `"k\"ey"`, "1"}},
		{"multi-line scalars", "a: plain\n  text   here\n\n  more\nb: 'quoted\n  text'\nc: d\n",
			[]string{"a", "plain\n  text   here\n\n  more", "b", "'quoted\n  text'", "c", "d"}},
		{"trailing blanks before a fold", "a: one  \n  two\nb: 3\n",
			[]string{"a", "one  \n  two", "b", "3"}},
		{"block scalars", "a: |\n  line1\n\n  line2\nb: >-\n  folded\n  text\nc: |+\n  x\n\nd: e\n",
			[]string{"a", "|\n  line1\n\n  line2", "b", ">-\n  folded\n  text", "c", "|+\n  x", "d", "e"}},
		{"anchors, tags and aliases", "a: &x  foo\nb: !!str  bar\nc: *x\nd: &m !!map\n  k: v\n",
			[]string{"a", "foo", "b", "bar", "c", "*x", "d", "k", "v"}},
		{"JSON", "{\"a\": [1, 2.5, true, null], \"é\": {\"k\": \"v\"}}",
			[]string{`"a"`, "1", "2.5", "true", "null", `"é"`, `"k"`, `"v"`}},
		{"minified JSON with non-ASCII", `{"` + strings.Repeat("é", 300) + `":{"a":"😀","b":"` + strings.Repeat("日", 200) + `","c":1}}`,
			[]string{`"` + strings.Repeat("é", 300) + `"`, `"a"`, `"😀"`, `"b"`, `"` + strings.Repeat("日", 200) + `"`, `"c"`, "1"}},
		{"stream", "a: 1\n---\nb: é\n...\n---\n- c\n",
			[]string{"a", "1", "b", "é", "c"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Parse([]byte(tc.src))
			if len(d.Errors) > 0 {
				t.Fatalf("errors %v", d.Errors)
			}
			got := scalars(t, d, tc.src)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("scalars\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestCollectionRanges(t *testing.T) {
	src := "k: [1, {x: 2}, []]\nj: {}\nm:\n  a: 1\n  b:\n    - c\n    - d: [e, f]  # c\nlast:\n"
	d := Parse([]byte(src))
	want := map[string]string{
		"k": "[1, {x: 2}, []]",
		"j": "{}",
		"m": "a: 1\n  b:\n    - c\n    - d: [e, f]",
		"b": "- c\n    - d: [e, f]",
	}
	for i := 0; i+1 < len(d.Root.Content); i += 2 {
		k, v := d.Root.Content[i], d.Root.Content[i+1]
		if w, ok := want[k.Value]; ok {
			s, e := d.NodeRange(v)
			if src[s:e] != w {
				t.Errorf("%s: %q, want %q", k.Value, src[s:e], w)
			}
		}
	}
	_, b := Get(d.Root.Content[5], "b")
	if s, e := d.NodeRange(b); src[s:e] != want["b"] {
		t.Errorf("b: %q", src[s:e])
	}
	if s, e := d.NodeRange(d.Root); src[s:e] != strings.TrimSuffix(src, ":\n") {
		t.Errorf("root: %q", src[s:e])
	}
}

func TestBroken(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		keys      string // every key read, in order
		errLine   int    // 1-based
	}{
		{"unclosed quote", "a: 1\nb: 'foo\nc: 3\nd: 4\n", "a c d", 2},
		{"unclosed quote on the first line", "'abc\nb: 1\n", "b", 1},
		{"half-typed key", "r:\n  responses:\n    '200':\n      description: ok\n    '4\n  post:\n    responses:\n      '201': {}\n", "r responses 200 description post responses 201", 5},
		{"tab indentation", "a: 1\nb:\n\tc: 3\nd: 4\n", "a b d", 3},
		{"tab after a plain scalar", "r:\n  '200':\n    description: ok\n\t'404': x\n  '500': y\n", "r 200 description 500", 4},
		{"key without colon", "a:\n  b: 1\n  desc\n  c: 2\nd: 4\n", "a b c d", 3},
		{"stray dash", "a: 1\nb:\n  c: 1\n  - \n  e: 5\nd: 4\n", "a b c e d", 4},
		{"stray dash among keys", "r:\n  '200':\n    description: ok\n  -   # x\n  '500':\n    description: b\n", "r 200 description 500 description", 4},
		{"bad dedent", "a: 1\nb:\n  c: 1\n  x: 2\n e: 5\nd: 4\n", "a b c x d", 5},
		{"JSON missing comma", "{\n  \"a\": 1\n  \"b\": 2,\n  \"c\": 3\n}\n", "a b c", 3},
		{"JSON missing comma, nested", "{\"x\": {\n  \"a\": 1,\n  \"q\": 1,\n  \"r\": 1,\n  \"s\": 1,\n  \"u\": 1\n  \"b\": 2,\n  \"c\": 3\n}}\n", "x a q r s u b c", 7},
		{"JSON missing comma after an object", "{\n  \"a\": {\n    \"200\": {\"description\": \"OK\"}\n    \"404\": {}\n  },\n  \"b\": 1\n}\n", "a 200 description 404 b", 4},
		{"JSON unclosed key", "{\n  \"r\": {\n    \"200\": {},\n    \"4\n  }\n}\n", "r 200", 4},
		{"JSON being typed: brackets not closed", "{\n  \"r\": {\n    \"200\": {\"description\": \"OK\"},\n    \"404\": {\"description\": \"x\"}\n", "r 200 description 404 description", 4},
		{"JSON being typed: a key begun", "{\n  \"r\": {\n    \"200\": {},\n    \"", "r 200", 4},
		{"JSON being typed: after a colon", "{\n  \"r\": {\n    \"200\": {},\n    \"404\": ", "r 200", 4},
		{"JSON being typed on one line", `{"a": {"200": {"description": "OK"}, "404": {"descr`, "a 200 description", 1},
		{"JSON being typed: an array", "[\n  {\"a\": 1},\n  {\"b\": [1, 2", "a b", 3},
		{"unknown alias", "a: *nope\nb: 1\n", "b", 1},
		{"stream with a broken document", "a: 1\n---\nb: [\nc: 2\n", "a c", 3},
		{"sequence then mapping", "- a\n- b\nc: 1\n", "", 3},
		{"quote swallowing keys", "r:\n  x: 'y\n  '200':\n    description: ok\n  '404':\n    description: nf\n", "r 200 description 404 description", 2},
		{"word before a key", "a: 1\n40\nb: 2\n", "a b", 2},
		{"word in a mapping", "c:\n  d\n  e: 1\n", "c e", 2},
		{"stray brace", "a:\n  b: 1\n  {\n  c: 2\nd: 3\n", "a b c d", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Parse([]byte(tc.src))
			var keys []string
			for _, root := range d.Roots {
				Walk(root, func(v Visit) bool {
					if v.Key != nil {
						keys = append(keys, v.Key.Value)
					}
					return true
				})
			}
			if got := strings.Join(keys, " "); got != tc.keys {
				t.Errorf("keys %q, want %q", got, tc.keys)
			}
			if len(d.Errors) != 1 {
				t.Fatalf("errors %v, want one", d.Errors)
			}
			e := d.Errors[0]
			line := d.LineOf(e.Start)
			ls, le := d.LineRange(line)
			first := ls + len(tc.src[ls:le]) - len(strings.TrimLeft(tc.src[ls:le], " \t"))
			if line+1 != tc.errLine || e.Start != first || e.End <= e.Start || e.End > le {
				t.Errorf("error %q at [%d,%d) line %d, want line %d from %d", e.Message, e.Start, e.End, line+1, tc.errLine, first)
			}
			scalars(t, d, tc.src)
		})
	}
}

func TestGiveUp(t *testing.T) {
	// More errors than MaxParses allows: what precedes the error where
	// the parser gave up is kept.
	var b strings.Builder
	b.WriteString("ok: 1\n")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "k%d: 'open\n", i)
	}
	d := Parse([]byte(b.String()))
	if len(d.Errors) != 1 || d.Parses > MaxParses+5 {
		t.Errorf("%d errors after %d parses", len(d.Errors), d.Parses)
	}
	if k, _ := Get(d.Root, "ok"); k == nil {
		t.Error("first key lost")
	}
}

func TestInvalidCharacters(t *testing.T) {
	src := "a: 1\nb: x\x00y\nc: \xff\xfe\nd: é\n"
	d := Parse([]byte(src))
	if len(d.Errors) != 1 || d.LineOf(d.Errors[0].Start) != 1 {
		t.Fatalf("errors %v", d.Errors)
	}
	if got := strings.Join(scalars(t, d, string(d.Text())), " "); got != "a 1 b x y c d é" {
		t.Errorf("scalars %q", got)
	}
	if string(d.Source()) != src {
		t.Error("source changed")
	}
}

func TestDeepNesting(t *testing.T) {
	for name, src := range map[string]string{
		"flow":            strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
		"flow, over":      strings.Repeat("[", 20000) + strings.Repeat("]", 20000),
		"block":           strings.Repeat("- ", 10000) + "x\n",
		"block, indented": deepBlock(3000),
		"mixed":           strings.Repeat("- {a: ", 3000) + "1" + strings.Repeat("}", 3000),
	} {
		t.Run(name, func(t *testing.T) {
			d := Parse([]byte(src))
			visited := 0
			deepest := 0
			for _, r := range d.Roots {
				Walk(r, func(v Visit) bool {
					visited++
					deepest = max(deepest, v.Depth)
					d.NodeRange(v.Node)
					return true
				})
				d.NodeRange(r)
			}
			if deepest > MaxDepth {
				t.Errorf("walked %d deep", deepest)
			}
		})
	}
}

func deepBlock(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	return b.String()
}

func TestAliasBomb(t *testing.T) {
	src := `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`
	d := Parse([]byte(src))
	if len(d.Errors) > 0 {
		t.Fatal(d.Errors)
	}
	visited := 0
	Walk(d.Root, func(v Visit) bool {
		visited++
		return true
	})
	if visited > 200 {
		t.Errorf("visited %d nodes of a 100-node tree: aliases followed", visited)
	}
	_, i := Get(d.Root, "i")
	if i == nil || i.Kind != SequenceNode || Deref(i.Content[0]).Kind != SequenceNode {
		t.Error("alias not resolved one hop")
	}
	s, e := d.NodeRange(i)
	if !strings.HasPrefix(src[s:e], "[*h") || !strings.HasSuffix(src[s:e], "*h]") {
		t.Errorf("range %q", src[s:e])
	}
}

func TestGetAndMerge(t *testing.T) {
	d := Parse([]byte("base: &b {x: 1, y: 2}\nmore: &m {z: 3}\nm:\n  <<: [*b, *m]\n  x: 9\nloop: &l\n  <<: *l\n"))
	m := Deref(d.Root.Content[5])
	for key, want := range map[string]string{"x": "9", "y": "2", "z": "3"} {
		if _, v := Get(m, key); v == nil || v.Value != want {
			t.Errorf("%s: %v", key, v)
		}
	}
	if k, _ := Get(m, "nope"); k != nil {
		t.Error("found a missing key")
	}
	if k, _ := Get(Deref(d.Root.Content[7]), "x"); k != nil {
		t.Error("self merge")
	}
	if k, _ := Get(nil, "x"); k != nil {
		t.Error("nil mapping")
	}
	if v, ok := Scalar(d.Root.Content[1]); ok || v != "" {
		t.Error("Scalar of a mapping")
	}
}

func TestIsJSON(t *testing.T) {
	for src, want := range map[string]bool{"{}": true, "\ufeff\n  [1]": true, "a: {}": false, "": false, "# {\n": false} {
		if got := Parse([]byte(src)).IsJSON(); got != want {
			t.Errorf("%q: %v", src, got)
		}
	}
}

func TestEmpty(t *testing.T) {
	for _, src := range []string{"", "\n", "# only a comment\n", "---\n", "--- # c\n..."} {
		d := Parse([]byte(src))
		if len(d.Errors) > 0 {
			t.Errorf("%q: %v", src, d.Errors)
		}
		if s, e := d.NodeRange(d.Root); s != 0 && s > e {
			t.Errorf("%q: [%d,%d)", src, s, e)
		}
	}
}
