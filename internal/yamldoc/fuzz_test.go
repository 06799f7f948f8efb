package yamldoc

import (
	"bytes"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

// The seed corpus under testdata/fuzz/FuzzParse holds the OpenAPI and
// plain YAML fixtures of the openapi package, the broken documents of the
// table tests, deep nesting and an alias bomb.

func FuzzParse(f *testing.F) {
	f.Add([]byte("a: 1\nb: 'x\nc: [1, {d: é}]\n"))
	f.Add([]byte("{\"a\": \"\\ud83d\\udc4d \\udc4d\",\n \"b\" 1}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		checkParse(t, src)
	})
}

// FuzzReparse: the parse of an edited text read again around the edit
// equals a fresh parse of it.
func FuzzReparse(f *testing.F) {
	f.Add([]byte("a:\n  b:\n    c: 1\n  d: [x, y]\n"), uint16(14), uint16(1), []byte("22"))
	f.Add([]byte("a:\r\n  b:\r\n    c: 'é😀'\r\n  e: 1\r\n"), uint16(20), uint16(0), []byte("\r"))
	f.Add([]byte("{\"a\": {\"b\": [1, 2]}, \"c\": {\"d\": \"x\u2028\"}}"), uint16(16), uint16(2), []byte(", 3"))
	f.Add([]byte("{\"a\": {\"b\": \"\\ud83d\\udc4d\"}, \"c\": [1]}"), uint16(27), uint16(0), []byte(", 2"))
	f.Fuzz(func(t *testing.T, src []byte, at, del uint16, ins []byte) {
		if len(src) > 1<<14 || len(ins) > 64 {
			return
		}
		s := int(at) % (len(src) + 1)
		e := lines.Edit{Start: s, End: s + int(del)%(len(src)-s+1), NewLen: len(ins)}
		next := e.Apply(src, ins)
		if diff := sameTree(Reparse(Parse(src), next, e), Parse(next)); diff != "" {
			t.Fatalf("%s\nbefore:\n%q\nafter:\n%q", diff, src, next)
		}
	})
}

func checkParse(t *testing.T, src []byte) {
	d := Parse(src)
	if len(d.Text()) != len(src) || !bytes.Equal(d.Source(), src) {
		t.Fatalf("text of %d bytes for %d", len(d.Text()), len(src))
	}
	if len(d.Errors) > 1 {
		t.Fatalf("%d errors", len(d.Errors))
	}
	for _, e := range d.Errors {
		if e.Start < 0 || e.Start > e.End || e.End > len(src) || e.Message == "" {
			t.Fatalf("error %+v", e)
		}
	}
	if d.Parses > MaxParses+5 {
		t.Fatalf("%d parses", d.Parses)
	}
	if d.LineCount() < 1 {
		t.Fatal("no lines")
	}
	text := d.Text()
	for _, root := range d.Roots {
		prev := 0
		Walk(root, func(v Visit) bool {
			s, e := d.NodeRange(v.Node)
			if s < 0 || s > e || e > len(src) {
				t.Fatalf("node %q: range [%d,%d) of %d bytes", v.Node.Value, s, e, len(src))
			}
			n := v.Node
			if n.Kind == ScalarNode && n.Style&^TaggedStyle == 0 && n.Value != "" && !bytes.ContainsAny(text[s:e], "\r\n\u0085\u2028\u2029") {
				// A plain scalar on one line is its value, byte for byte.
				if string(text[s:e]) != n.Value {
					t.Fatalf("plain scalar %q written %q at [%d,%d)", n.Value, text[s:e], s, e)
				}
			}
			if q := n.Style & (SingleQuotedStyle | DoubleQuotedStyle); n.Kind == ScalarNode && q != 0 {
				// A quoted scalar spans its quotes.
				c := byte('"')
				if q == SingleQuotedStyle {
					c = '\''
				}
				if e-s < 2 || text[s] != c || text[e-1] != c {
					t.Fatalf("quoted scalar %q written %q at [%d,%d)", n.Value, text[s:e], s, e)
				}
			}
			if n.Kind == ScalarNode && e > s {
				if s < prev {
					t.Fatalf("scalar %q at %d before the previous one's end %d", n.Value, s, prev)
				}
				prev = e
			}
			if o := d.Offset(v.Node); o < 0 || o > len(src) {
				t.Fatalf("node %q: offset %d", v.Node.Value, o)
			}
			return true
		})
	}
}
