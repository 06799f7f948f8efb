// ranges.go: the bytes a node is written in. yaml.v3 gives only where a
// node starts; where it ends is read from the text, since a node's Value
// has lost its quotes, escapes and line folding.

package yamldoc

import "strings"

// Offset returns the byte offset at which yaml.v3 places n: its first
// character, or the anchor or tag written before it.
func (d *Doc) Offset(n *Node) int {
	if n == nil || n.Line <= 0 {
		return 0
	}
	return d.lines.offset(d.text, int(n.Line)-1, int(n.Column)-1)
}

// KeyRange returns the bytes of a mapping key as written, quotes
// included. It is NodeRange, named for the call sites' sake.
func (d *Doc) KeyRange(k *Node) (start, end int) { return d.NodeRange(k) }

// NodeRange returns the bytes n is written in, anchor and tag left out.
// A scalar spans its text as written: quotes included, a multi-line
// plain or quoted scalar to its last line, a block scalar (| or >) from
// its indicator to its last content line. An alias spans *name. A block
// collection spans from its first entry to the end of its last one, a
// flow collection from its opening to its closing bracket.
func (d *Doc) NodeRange(n *Node) (start, end int) {
	if n == nil {
		return 0, 0
	}
	start = d.skipProperties(d.Offset(n))
	switch n.Kind {
	case ScalarNode:
		return start, d.scalarEnd(n, start)
	case AliasNode:
		end = start
		if start < len(d.text) && d.text[start] == '*' {
			end = min(start+1+len(n.Value), len(d.text))
		}
		return start, end
	case MappingNode, SequenceNode:
		return start, d.collectionEnd(n, start)
	}
	return start, start
}

// collectionEnd finds the end of the collection n starting at start. It
// descends along last entries without recursion, so that deep nesting
// costs no stack, and counts the flow collections on the way down: each
// closes after the end of the one inside.
func (d *Doc) collectionEnd(n *Node, start int) int {
	end, flows := start, 0
	// c is the node at the bottom of the chain of last entries, nil when
	// it ends in no collection of its own.
	c := n
	for depth := 1; depth < MaxDepth; depth++ {
		if c.Kind != MappingNode && c.Kind != SequenceNode {
			_, end = d.NodeRange(c)
			c = nil
			break
		}
		if len(c.Content) == 0 {
			end = d.skipProperties(d.Offset(c))
			if c.Style&FlowStyle != 0 && end < len(d.text) && (d.text[end] == '{' || d.text[end] == '[') {
				end++
			} else {
				c = nil
			}
			break
		}
		last := c.Content[len(c.Content)-1]
		if c.Kind == MappingNode && isImplicitNull(last) && len(c.Content) >= 2 {
			// A key without a value ends the mapping: yaml.v3 places
			// the missing value wherever the next token is.
			last = c.Content[len(c.Content)-2]
		}
		if c.Style&FlowStyle != 0 {
			flows++
		}
		c = last
	}
	if c != nil && c.Style&FlowStyle != 0 {
		flows++
	}
	for ; flows > 0; flows-- {
		end = d.closer(end)
	}
	return end
}

// isImplicitNull reports whether n is the empty value of a key written
// without one.
func isImplicitNull(n *Node) bool {
	return n.Kind == ScalarNode && n.Value == "" && n.Tag() == "!!null" && n.Style == 0
}

// closer returns the offset after the bracket closing a flow collection
// whose last entry ends at i; i when there is none.
func (d *Doc) closer(i int) int {
	t := d.text
	j := i
	for j < len(t) {
		switch c := t[j]; {
		case c == ' ' || c == '\t' || c == ',':
			j++
		case c == '#':
			j = d.lines.end(d.text, d.lines.lineOf(j))
		case c == '}' || c == ']':
			return j + 1
		default:
			if n := breakLen(t, j); n > 0 {
				j += n
				continue
			}
			return i
		}
	}
	return i
}

// skipProperties returns the offset of the content after the anchor and
// tag that may start at i.
func (d *Doc) skipProperties(i int) int {
	t := d.text
	for i < len(t) && (t[i] == '&' || t[i] == '!') {
		// The characters yaml.v3 reads in an anchor name and a tag.
		switch {
		case t[i] == '&':
			for i++; i < len(t) && isAlpha(t[i]); i++ {
			}
		case i+1 < len(t) && t[i+1] == '<':
			for i += 2; i < len(t) && t[i] != '>' && breakLen(t, i) == 0; i++ {
			}
			i = min(i+1, len(t))
		default:
			for i++; i < len(t) && (isAlpha(t[i]) || strings.IndexByte(";/?:@&=+$,.!~*'()[]%", t[i]) >= 0); i++ {
			}
		}
		for i < len(t) {
			switch {
			case isBlank(t[i]):
				i++
				continue
			case t[i] == '#':
				i = d.lines.end(d.text, d.lines.lineOf(i))
				continue
			}
			if n := breakLen(t, i); n > 0 {
				i += n
				continue
			}
			break
		}
	}
	return min(i, len(t))
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// isAlpha reports whether c may be part of an anchor name, as yaml.v3
// reads one.
func isAlpha(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '-'
}

// scalarEnd returns the end of the scalar n written at start.
func (d *Doc) scalarEnd(n *Node, start int) int {
	t := d.text
	if start >= len(t) {
		return len(t)
	}
	if n.Style&(DoubleQuotedStyle|SingleQuotedStyle|LiteralStyle|FoldedStyle) == 0 {
		// A plain scalar: a pruned collection, whose value is its text,
		// may start with a quoted key.
		return d.plainEnd(n.Value, start)
	}
	switch t[start] {
	case '"':
		for i := start + 1; i < len(t); i++ {
			switch t[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return d.lines.end(d.text, d.lines.lineOf(start))
	case '\'':
		for i := start + 1; i < len(t); i++ {
			if t[i] == '\'' {
				if i+1 < len(t) && t[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
		return d.lines.end(d.text, d.lines.lineOf(start))
	case '|', '>':
		if n.Style&(LiteralStyle|FoldedStyle) != 0 {
			return d.blockScalarEnd(start)
		}
	}
	return d.plainEnd(n.Value, start)
}

// plainEnd matches a plain scalar's value against the text: they differ
// only where lines were folded, a break and the blanks around it turned
// into a space or a newline (or kept, for LS and PS).
func (d *Doc) plainEnd(v string, start int) int {
	t := d.text
	i, j := start, 0
	for j < len(v) && i < len(t) {
		if foldLen(v, j) > 0 && (isBlank(t[i]) || breakLen(t, i) > 0) {
			for i < len(t) {
				if isBlank(t[i]) {
					i++
				} else if n := breakLen(t, i); n > 0 {
					i += n
				} else {
					break
				}
			}
			for n := foldLen(v, j); n > 0; n = foldLen(v, j) {
				j += n
			}
			continue
		}
		if t[i] != v[j] {
			break
		}
		i++
		j++
	}
	return i
}

// foldLen returns the length of the blank or line break at v[j], 0 if
// there is none.
func foldLen(v string, j int) int {
	switch {
	case j >= len(v):
		return 0
	case v[j] == ' ' || v[j] == '\t' || v[j] == '\n' || v[j] == '\r':
		// A CR only in a pruned collection's value, its text.
		return 1
	case strings.HasPrefix(v[j:], "\u0085"):
		return 2
	case strings.HasPrefix(v[j:], "\u2028"), strings.HasPrefix(v[j:], "\u2029"):
		return 3
	}
	return 0
}

// blockScalarEnd returns the end of the last content line of the block
// scalar whose indicator is at start: the lines after it that are blank
// or indented more than the indicator's line.
func (d *Doc) blockScalarEnd(start int) int {
	t := d.text
	line := d.lines.lineOf(start)
	end := start + 1
	for end < d.lines.end(d.text, line) && !isBlank(t[end]) {
		end++ // chomping and indentation indicators
	}
	base := d.indentOf(line)
	for l := line + 1; l < d.lines.count(); l++ {
		ls, le := d.lines.start(l), d.lines.end(d.text, l)
		ind := d.indentOf(l)
		if ls+ind == le {
			continue // blank line
		}
		if ind <= base {
			break
		}
		end = le
	}
	return end
}

// indentOf returns the number of spaces and tabs starting a 0-based line.
func (d *Doc) indentOf(line int) int {
	ls, le := d.lines.start(line), d.lines.end(d.text, line)
	i := ls
	for i < le && isBlank(d.text[i]) {
		i++
	}
	return i - ls
}
