package yamldoc

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"unsafe"

	"gopkg.in/yaml.v3"
)

// TestConvert checks that the nodes a YAML text is read into hold what
// yaml.v3's hold, but for comments: kind, style, tag, value, line,
// column, anchor, and each alias's target.
func TestConvert(t *testing.T) {
	src := []byte(`# head
base: &base {a: 1, b: [x, 'y', "z"]}
derived:
  <<: *base
  c: !custom 3
  d: !!binary aGVsbG8=
  e: 2001-12-14
  f: ~
  g: 1.5
  h: true
  i: |
    block
  j: >-
    folded
  k: !!str 12
seq:
  - *base
  - &s [1, *s]
---
second: [é, 2]
`)
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var want []*yaml.Node
	for {
		var n yaml.Node
		if err := dec.Decode(&n); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		want = append(want, n.Content[0])
	}
	res := run(src, len(src))
	if res.err != nil || len(res.roots) != len(want) {
		t.Fatalf("%d roots, %v; want %d", len(res.roots), res.err, len(want))
	}
	// seen maps yaml.v3's nodes to ours, for the aliases.
	seen := map[*yaml.Node]*Node{}
	var same func(y *yaml.Node, n *Node)
	same = func(y *yaml.Node, n *Node) {
		seen[y] = n
		if Kind(y.Kind) != n.Kind || Style(y.Style) != n.Style || y.Tag != n.Tag() || y.Value != n.Value ||
			y.Line != int(n.Line) || y.Column != int(n.Column) || y.Anchor != n.Anchor() || len(y.Content) != len(n.Content) {
			t.Fatalf("node %+v, want %+v", n, y)
		}
		if y.Kind == yaml.AliasNode && seen[y.Alias] != n.Alias() {
			t.Fatalf("alias %q at %d:%d does not point to its anchor's node", y.Value, y.Line, y.Column)
		}
		for i := range y.Content {
			same(y.Content[i], n.Content[i])
		}
	}
	for i := range want {
		same(want[i], res.roots[i])
	}
}

// TestNodeSize: a Node takes 64 bytes, the size its memory per byte of
// text is reckoned with (a spec of many small operations has a node every
// six bytes).
func TestNodeSize(t *testing.T) {
	if n := unsafe.Sizeof(Node{}); n != 64 {
		t.Errorf("a Node takes %d bytes, want 64", n)
	}
}
