// node.go: Node, the tree a document is read into. yaml.v3's own node
// takes 152 bytes, and a spec of many small operations has a node every
// six bytes of text: its nodes alone cost 26 times the text. Node holds
// what the readers here use in 64 bytes: kind, style and tag in a byte
// each (a tag other than the dozen YAML resolves to, an anchor and an
// alias aside, in a rare extension), lines and columns in 32 bits, and
// no comments.

package yamldoc

import (
	"math"

	"gopkg.in/yaml.v3"
)

// Kind is a node's kind.
type Kind uint8

// The kinds, with yaml.v3's values. A document's nodes are its roots'
// content: no node is a document node.
const (
	SequenceNode = Kind(yaml.SequenceNode)
	MappingNode  = Kind(yaml.MappingNode)
	ScalarNode   = Kind(yaml.ScalarNode)
	AliasNode    = Kind(yaml.AliasNode)
)

// Style is how a node is written, yaml.v3's style bits.
type Style uint8

// The style bits, with yaml.v3's values.
const (
	TaggedStyle       = Style(yaml.TaggedStyle)
	DoubleQuotedStyle = Style(yaml.DoubleQuotedStyle)
	SingleQuotedStyle = Style(yaml.SingleQuotedStyle)
	LiteralStyle      = Style(yaml.LiteralStyle)
	FoldedStyle       = Style(yaml.FoldedStyle)
	FlowStyle         = Style(yaml.FlowStyle)
)

// Node is one node of a document: a scalar, a collection or an alias.
type Node struct {
	Kind  Kind
	Style Style
	// tag is an index in tags; 0 with ext set is ext.tag.
	tag uint8
	// Line and Column are 1-based, as yaml.v3 gives them: the column
	// counts characters.
	Line, Column int32
	// Value is a scalar's value, an alias's anchor name.
	Value string
	// Content holds a collection's entries: a mapping's keys and values
	// in turn.
	Content []*Node
	ext     *nodeExt
}

// nodeExt holds what few nodes have.
type nodeExt struct {
	tag, anchor string
	alias       *Node
}

// tags are the tags a node stores in a byte, "" first.
var tags = [...]string{"", "!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq", "!!merge", "!!binary", "!!timestamp"}

// Tag returns the node's tag, resolved as yaml.v3 resolves it: "!!str",
// "!!int", "!!map" and so on, or the tag written.
func (n *Node) Tag() string {
	if n.tag == 0 && n.ext != nil {
		return n.ext.tag
	}
	return tags[n.tag]
}

// setTag sets the tag of a node being made, which has none yet.
func (n *Node) setTag(tag string) {
	for i, t := range tags {
		if t == tag {
			n.tag = uint8(i)
			return
		}
	}
	n.extension().tag = tag
}

// Anchor returns the anchor the node is given (&name), "" if none.
func (n *Node) Anchor() string {
	if n.ext == nil {
		return ""
	}
	return n.ext.anchor
}

// Alias returns the node an alias node stands for.
func (n *Node) Alias() *Node {
	if n.ext == nil {
		return nil
	}
	return n.ext.alias
}

func (n *Node) extension() *nodeExt {
	if n.ext == nil {
		n.ext = &nodeExt{}
	}
	return n.ext
}

// textScalar returns the plain scalar that stands, at n's place, for a
// collection nobody reads: its value is the collection's text.
func (n *Node) textScalar(text string) Node {
	s := Node{Kind: ScalarNode, Value: text, Line: n.Line, Column: n.Column}
	s.setTag("!!str")
	return s
}

// position clamps a line or a column to 32 bits. Only a text over 2 GiB
// reaches it (limits.maxDocumentSize is 16 MiB unless set higher): the
// offsets of its nodes past that point are clamped to the line's end or
// the text's, wrong but in range.
func position(p int) int32 {
	return int32(min(p, math.MaxInt32))
}

// slab is how many nodes, or Content entries, are allocated at once.
const slab = 1024

// slabs allocates Nodes and Content slices a slab at a time: a node or a
// Content slice each was the most of yaml.v3's allocations.
type slabs struct {
	size     int
	nodes    []Node
	contents []*Node
}

// slabsFor returns slabs for the nodes of a text of n bytes: a text of a
// few hundred bytes has a few dozen nodes, and a whole slab of them took
// most of its parse, so that the text's length bounds a slab.
func slabsFor(n int) slabs { return slabs{size: min(slab, n/4+16)} }

// node returns a new zero Node.
func (s *slabs) node() *Node {
	if len(s.nodes) == 0 {
		s.nodes = make([]Node, s.size)
	}
	n := &s.nodes[0]
	s.nodes = s.nodes[1:]
	return n
}

// content returns a new Content slice of k entries, nil for none.
func (s *slabs) content(k int) []*Node {
	if k == 0 {
		return nil
	}
	if k > len(s.contents) {
		s.contents = make([]*Node, max(k, s.size))
	}
	c := s.contents[:k:k]
	s.contents = s.contents[k:]
	return c
}

// converter turns yaml.v3's trees into Nodes. It takes each yaml.v3
// collection's content away once converted, so that the part of
// yaml.v3's tree already converted is garbage while the rest converts:
// the two trees never stand whole side by side.
type converter struct {
	slabs
	// anchored maps the yaml.v3 nodes that have an anchor to their
	// conversions, which the aliases to them point to.
	anchored map[*yaml.Node]*Node
}

// convert returns the conversion of n and empties n's Content. It calls
// itself for children: yaml.v3 builds its tree recursively too, to the
// depth it bounds.
func (c *converter) convert(y *yaml.Node) *Node {
	n := c.node()
	*n = Node{Kind: Kind(y.Kind), Style: Style(y.Style), Line: position(y.Line), Column: position(y.Column), Value: y.Value}
	n.setTag(y.Tag)
	if y.Anchor != "" {
		n.extension().anchor = y.Anchor
		if c.anchored == nil {
			c.anchored = map[*yaml.Node]*Node{}
		}
		c.anchored[y] = n
	}
	if y.Kind == yaml.AliasNode {
		// An alias follows its anchor in the text: its target is
		// converted already.
		if a := c.anchored[y.Alias]; a != nil {
			n.extension().alias = a
		}
	}
	if k := len(y.Content); k > 0 {
		n.Content = c.content(k)
		for i, ch := range y.Content {
			n.Content[i] = c.convert(ch)
		}
		y.Content = nil
	}
	return n
}
