// reparse.go: Reparse, the parse of an edited text that reads again only
// the block the edit touched. A keystroke in a 13 MB document must not
// cost a 13 MB parse: the innermost collection around the edit is parsed
// on its own and put in place of the old one; every other node is shared
// with the previous parse. Where that could read the text differently
// from a full parse, Reparse parses in full instead. The edit is told by
// the caller, who made it: the texts are never compared to find it.

package yamldoc

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

// Reparse returns the parse of src, the text edit made of the source of
// prev. It equals ParsePruned(src) with prev's Prune (comments attached
// to nodes aside, and the edited block built whole), and shares with prev
// the nodes outside the edit. The edit must be exact:
// bytes outside its span are taken to be prev's (lines.Whole, which
// spans all, makes a full parse). prev is not modified.
func Reparse(prev *Doc, src []byte, edit lines.Edit) *Doc {
	if d := prev.reparse(src, edit); d != nil {
		return d
	}
	return ParsePruned(src, prev.prune)
}

// maxReparsePrefix bounds the blanks put before a block that does not
// start its line (minified JSON), as they are parsed too.
const maxReparsePrefix = 1 << 16

// reparse is Reparse's fast path; nil when the change needs a full parse.
func (prev *Doc) reparse(src []byte, edit lines.Edit) (d *Doc) {
	defer func() {
		if recover() != nil {
			d = nil
		}
	}()
	old := prev.src
	if len(prev.Errors) > 0 || len(prev.Roots) != 1 || prev.Root == nil ||
		edit.Start < 0 || edit.Start > edit.End || edit.End > len(old) || len(old)+edit.Delta() != len(src) {
		return nil
	}
	if edit.IsNop() {
		return prev.with(src, prev.lines.clone())
	}
	pre, oldEnd, newEnd := edit.Start, edit.End, edit.NewEnd()
	// The changed bytes, widened to whole characters and a byte more on
	// each side, so that a line break or a character split by the edges
	// is seen.
	lo := max(0, pre-1)
	for lo > 0 && !utf8.RuneStart(src[lo]) {
		lo--
	}
	newHi := min(len(src), newEnd+1)
	for newHi < len(src) && !utf8.RuneStart(src[newHi]) {
		newHi++
	}
	if !clean(src[lo:newHi]) {
		return nil
	}
	v, path, at := prev.enclosing(pre, oldEnd)
	if v == nil {
		return nil
	}
	start, end := prev.NodeRange(v)
	delta := edit.Delta()
	line := prev.lines.lineOf(start)
	li, added := prev.lines.edited(src, edit)
	if line == 0 && li.bom > 0 {
		return nil
	}
	col := utf8.RuneCount(src[li.start(line):start])
	if col > maxReparsePrefix || !reusable(v) {
		return nil
	}
	end += delta
	flow := v.Style&FlowStyle != 0
	if flow {
		// Nodes after the block on its last line would shift.
		last := li.lineOf(end)
		if strings.Trim(string(src[end:li.end(src, last)]), " \t,]}") != "" {
			return nil
		}
	} else {
		// A block scalar the block may end with keeps its last line
		// break, and the blank lines after it: the block is read with
		// them. The next content line must be outside the block.
		l := li.lineOf(end) + 1
		for ; l < li.count(); l++ {
			t := bytes.TrimLeft(src[li.start(l):li.end(src, l)], " \t")
			if len(t) == 0 {
				continue
			}
			if t[0] != '#' && li.end(src, l)-li.start(l)-len(t) >= int(v.Column)-1 {
				return nil
			}
			break
		}
		end = len(src)
		if l < li.count() {
			end = li.start(l)
		}
	}
	sub := make([]byte, 0, col+end-start)
	sub = append(sub, strings.Repeat(" ", col)...)
	sub = append(sub, src[start:end]...)
	n, pruned, unread := prev.parseBlock(sub, at)
	if n == nil {
		return nil
	}
	if unread && !prev.IsJSON() && v.Kind == ScalarNode && v.Style == 0 && n.Kind != ScalarNode {
		// v stands for a collection nobody reads, left out (a hole): the
		// block read again, valid, is left out again.
		if n = placeholder(n, sub, col); n == nil {
			return nil
		}
		pruned = true
	}
	if n.Kind != v.Kind || n.Tag() != v.Tag() || n.Style&FlowStyle != v.Style&FlowStyle || n.Line != 1 || n.Column != v.Column || !reusable(n) {
		return nil
	}
	walkNodes(n, func(c *Node) bool {
		c.Line += int32(line)
		return true
	})
	// Copy the path from the root down, each copy pointing to the next.
	// The nodes after the block move down by the lines the edit added:
	// they are copied too.
	sh := &shifter{lines: added, slabs: slabs{size: slab}}
	for i := len(path) - 1; i >= 0; i-- {
		up := *path[i].node
		up.Content = slices.Clone(up.Content)
		up.Content[path[i].index] = n
		if added != 0 {
			for j := path[i].index + 1; j < len(up.Content); j++ {
				if up.Content[j] = sh.copy(up.Content[j], 0); up.Content[j] == nil {
					return nil
				}
			}
		}
		n = &up
	}
	d = prev.with(src, li).withRoot(n)
	d.pruned = d.pruned || pruned
	return d
}

// parseBlock parses the block sub reparse cut out, whose place the prune
// says at, pruned as the document was where it can be: a JSON block with
// the JSON reader, a block YAML one as ParsePruned does; nil when it does
// not parse as one node. unread tells that the prune reads nothing there.
func (prev *Doc) parseBlock(sub []byte, at pruneAt) (n *Node, pruned, unread bool) {
	if prev.prune != nil {
		switch {
		case at.read && prev.IsJSON():
			r := newJSONReader(sub, prev.prune)
			if n, ok := r.root(at.state); ok {
				return n, r.pruned, false
			}
		case at.read:
			if n, pruned, ok := parseYAMLPruned(sub, newLineIndex(sub), prev.prune, at.state); ok {
				return n, pruned, false
			}
		}
		unread = !at.read
	}
	res := run(sub, len(sub))
	if res.err != nil || len(res.roots) != 1 {
		return nil, false, false
	}
	return res.roots[0], false, unread
}

// placeholder returns the scalar that stands for the collection n, read
// from block sub (col blanks, then its text), as ParsePruned leaves a
// collection nobody reads out: its value is its text. nil when n holds an
// anchor or an alias, which ParsePruned reads with the rest.
func placeholder(n *Node, sub []byte, col int) *Node {
	if !reusable(n) {
		return nil
	}
	pd := &Doc{text: sub, lines: newLineIndex(sub)}
	_, end := pd.NodeRange(n)
	h := n.textScalar(string(sub[col:end]))
	return &h
}

// with returns a copy of the valid document d for the text src, whose
// line index is lines.
func (d *Doc) with(src []byte, lines *lineIndex) *Doc {
	// A valid document's text is its source: nothing was blanked.
	return &Doc{Root: d.Root, Roots: []*Node{d.Root}, Parses: 1, src: src, text: src, lines: lines, prune: d.prune, pruned: d.pruned}
}

func (d *Doc) withRoot(root *Node) *Doc {
	d.Root, d.Roots[0] = root, root
	return d
}

// clean reports whether t, whole characters, holds only characters that
// sanitize leaves alone.
func clean(t []byte) bool {
	_, bad := sanitize(t)
	return bad < 0
}

// step is one step down the path to a node: the collection and the index
// of the child taken in its Content.
type step struct {
	node  *Node
	index int
}

// pruneAt is where a node stands for the prune: its state there, and
// whether it reads the node (read stays false below a node it does not
// read, and without a prune).
type pruneAt struct {
	state int
	read  bool
}

// enclosing returns the innermost collection below the root whose range
// holds the bytes [from, to) strictly inside it, written in the root's
// style (block or flow), the path to it, and where it stands for the
// prune. In pruned block YAML, a plain scalar that nothing reads, as a
// collection left out is, counts too. It returns nil when there is none
// or the path crosses an anchor, which an alias elsewhere may share.
func (d *Doc) enclosing(from, to int) (*Node, []step, pruneAt) {
	root := d.Root
	flow := root.Style&FlowStyle != 0
	if root.Anchor() != "" {
		return nil, nil, pruneAt{}
	}
	at := pruneAt{read: d.prune != nil}
	var best *Node
	var bestAt pruneAt
	var bestPath, path []step
	for n := root; len(path) < MaxDepth; {
		if n.Kind != MappingNode && n.Kind != SequenceNode {
			break
		}
		stride, first := 1, 0
		if n.Kind == MappingNode {
			stride, first = 2, 1
		}
		// The last child that starts before the change.
		k := sort.Search(len(n.Content)/stride, func(i int) bool {
			return d.Offset(n.Content[i*stride]) >= from
		}) - 1
		if k < 0 || k*stride+first >= len(n.Content) {
			break
		}
		i := k*stride + first
		c := n.Content[i]
		if at.read {
			key := ""
			if n.Kind == MappingNode {
				key = n.Content[i-1].Value
			}
			at.state, at.read = d.prune(at.state, key)
			if !at.read && d.pruned && !flow && !d.IsJSON() && c.Kind == ScalarNode && c.Style == 0 {
				if s, e := d.NodeRange(c); s < from && e > to {
					return c, append(path, step{n, i}), at
				}
			}
		}
		if c.Kind != MappingNode && c.Kind != SequenceNode {
			break
		}
		s, e := d.NodeRange(c)
		if s >= from || e <= to {
			break
		}
		path = append(path, step{n, i})
		if c.Style&FlowStyle != 0 == flow {
			best, bestPath, bestAt = c, slices.Clone(path), at
		}
		if c.Anchor() != "" {
			break
		}
		n = c
	}
	return best, bestPath, bestAt
}

// reusable reports whether a subtree can be swapped without touching the
// rest: it holds no anchor and no alias, which would tie it to nodes
// outside.
func reusable(n *Node) bool {
	ok := true
	walkNodes(n, func(c *Node) bool {
		if c.Anchor() != "" || c.Kind == AliasNode {
			ok = false
		}
		return ok
	})
	return ok
}

// shifter copies the nodes after a reparsed block, moved down by lines.
type shifter struct {
	lines int
	slabs slabs
}

// copy returns a copy of the subtree n with every line moved; nil when the
// subtree holds an anchor or an alias, which would tie the copies to the
// nodes they copy.
func (sh *shifter) copy(n *Node, depth int) *Node {
	if n.Anchor() != "" || n.Kind == AliasNode || depth >= MaxDepth {
		return nil
	}
	c := sh.slabs.node()
	*c = *n
	c.Line += int32(sh.lines)
	if len(n.Content) > 0 {
		c.Content = sh.slabs.content(len(n.Content))
		for i, k := range n.Content {
			if c.Content[i] = sh.copy(k, depth+1); c.Content[i] == nil {
				return nil
			}
		}
	}
	return c
}
