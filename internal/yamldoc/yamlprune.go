// yamlprune.go: ParsePruned for block YAML. yaml.v3 builds a node of
// about 150 bytes for every scalar, so that a YAML spec holding a 5 MB
// number array as an example costs 70 times its size. A scan of the
// lines, by indentation and flow brackets, proposes the collections the
// Prune says nobody reads (holes); yaml.v3 then parses the text with each
// hole blanked but for a one-character placeholder in its place, and
// reads each hole's own text separately, in pieces of at most pieceSize
// bytes, for its syntax only. Each byte keeps its offset and each line its
// number, so every node outside the holes is the one a whole parse builds.
//
// The same scan proposes splits: the innermost block collections that
// are read and larger than a piece, such as the `paths` of a spec of
// many operations, or the root of the block Reparse reads again. yaml.v3
// builds its whole tree before a node of it can be converted, and its
// tree takes 150 bytes a node: a split is blanked as a hole is, then
// parsed a piece of its entries at a time, each piece converted before
// the next is read, and the pieces' entries make the collection put in
// its placeholder's place. A piece must read as entries of the
// collection, with no anchor or alias; else the text is parsed whole.
//
// The scan only proposes. yaml.v3's tree decides: every placeholder must
// be found, as one scalar, where a value nobody reads stands, no alias may
// reach one, and each hole's text must parse alone as one collection
// without anchors or aliases. Anything else, and any syntax error, in a
// hole or not, makes the whole text parsed in full, as Parse does: a
// syntax error is reported by the same parser runs as before.

package yamldoc

import (
	"bytes"

	"github.com/httpcode-lsp/httpcode-lsp/internal/bigcopy"
)

// pieceSize bounds the text yaml.v3 reads at once in a hole. A larger
// hole is read entry by entry, and an entry larger than this with the
// collections it holds made holes of their own.
const pieceSize = 64 << 10

// hole is a collection nobody reads, or a split: a block collection
// that is read, larger than a piece.
type hole struct {
	// start is the offset of its first character ([, {, a dash, a key);
	// end that after its last, known once its text is checked.
	start, end int
	flow       bool
	// A block hole's entries stand at column col (a byte count: the
	// indentation is spaces); it ends at the first line that holds
	// content at column parent or less, or, compact (a sequence at its
	// key's column), less than parent or no dash at parent.
	seq, compact bool
	col, parent  int
	// in is the 1-based index of the split the hole stands in, 0 for
	// none.
	in int
	// valueEnd is the end of a hole's text, once checked: that of the
	// collection, where end may be that of the line after it.
	valueEnd int
}

// kind returns the kind of the collection h is, in text t.
func (h hole) kind(t []byte) Kind {
	if h.seq || h.flow && t[h.start] == '[' {
		return SequenceNode
	}
	return MappingNode
}

// yamlScan proposes the holes of a block YAML text.
type yamlScan struct {
	t     []byte
	li    *lineIndex
	prune Prune
	holes []hole
	// splits are the block collections that are read but larger than a
	// piece: each is blanked in the skeleton as a hole is, then parsed a
	// piece at a time and put in its placeholder's place, so that
	// yaml.v3's tree of the document, three times the size of ours, is
	// never built whole. Splits do not nest.
	splits []hole
	// bad tells that the scan met something it does not follow: the text
	// is parsed in full.
	bad bool
	// depth counts the collections open.
	depth int
}

// enter opens a collection, false past MaxDepth; leave closes it.
func (s *yamlScan) enter() bool {
	if s.depth++; s.depth > MaxDepth {
		s.bad = true
	}
	return !s.bad
}

func (s *yamlScan) leave() { s.depth-- }

// parseYAMLPruned parses a block YAML text without the collections
// prune says nobody reads, its root in prune state state. ok is false
// when it does not apply or the text is not one valid document: the
// caller parses it in full.
func parseYAMLPruned(text []byte, li *lineIndex, prune Prune, state int) (root *Node, pruned, ok bool) {
	s := &yamlScan{t: text, li: li, prune: prune}
	s.document(state)
	if s.bad {
		return nil, false, false
	}
	// The text with the holes blanked is parsed first, a block hole to
	// the line that ends it: a syntax error outside them (a document
	// being typed) costs no reading of theirs.
	for i := range s.holes {
		if !s.holes[i].flow {
			s.holes[i].end = s.blockTextEnd(s.holes[i])
		}
	}
	top := inSplit(s.holes, 0)
	res, found, ok := s.parseSkeleton(top)
	if !ok {
		return nil, false, false
	}
	var kept []hole
	for _, h := range s.holes {
		end, st := s.check(h, 0)
		switch st {
		case pieceError:
			return nil, false, false
		case pieceOK:
			h.valueEnd = end
			kept = append(kept, h)
		}
	}
	keptTop := inSplit(kept, 0)
	if len(keptTop) < len(top) {
		// A hole with an anchor or an alias is parsed with the rest.
		if res, found, ok = s.parseSkeleton(keptTop); !ok {
			return nil, false, false
		}
	}
	top = keptTop
	// The placeholders of the holes kept, those of each split after the
	// skeleton's, and the holes in the same order.
	holeNodes, placed := found[:len(top):len(top)], top
	for i, sp := range s.splits {
		in := inSplit(kept, i+1)
		n, f, ok := s.assemble(sp, in)
		if !ok {
			return nil, false, false
		}
		*found[len(top)+i] = *n
		holeNodes, placed = append(holeNodes, f...), append(placed, in...)
	}
	if !verifyPruned(res, holeNodes, s.prune, state) {
		return nil, false, false
	}
	for i, n := range holeNodes {
		*n = n.textScalar(string(s.t[placed[i].start:placed[i].valueEnd]))
	}
	return res, len(kept) > 0, true
}

// inSplit returns the holes that stand in split in (1-based; 0 for those
// in none).
func inSplit(holes []hole, in int) []hole {
	var out []hole
	for _, h := range holes {
		if h.in == in {
			out = append(out, h)
		}
	}
	return out
}

// parseSkeleton parses the text with the holes and the splits blanked
// and returns its root and the placeholders of the holes, then of the
// splits; ok when it is one document.
func (s *yamlScan) parseSkeleton(holes []hole) (root *Node, found []*Node, ok bool) {
	res, found, _, ok := s.parseWith(0, 0, len(s.t), append(holes[:len(holes):len(holes)], s.splits...))
	if !ok || len(res) != 1 {
		return nil, nil, false
	}
	return res[0], found, true
}

// assemble parses split h a piece at a time, each with the holes in it,
// and returns the collection the pieces make, its lines counted in the
// text, and the holes' placeholders in the order of holes, which is the
// text's. ok is false when a piece does not read as entries of the
// collection alone, or holds an anchor or an alias, which may tie it to
// nodes outside.
func (s *yamlScan) assemble(h hole, holes []hole) (n *Node, found []*Node, ok bool) {
	cut := &cutter{from: h.start, last: h.start}
	cut.read = func(to int) int {
		// The pieces follow one another: the holes in this one are the
		// next ones that start before its end.
		k := 0
		for k < len(holes) && holes[k].start < to {
			k++
		}
		in := holes[:k]
		holes = holes[k:]
		root, f, _, ls, st := s.pieceTree(cut.from, to, in, cut.from, h.kind(s.t))
		if st != pieceOK {
			return pieceError
		}
		shift := position(s.li.lineOf(ls))
		walkNodes(root, func(c *Node) bool {
			c.Line += shift
			return true
		})
		if n == nil {
			n = root
		} else {
			n.Content = append(n.Content, root.Content...)
		}
		found = append(found, f...)
		cut.from = to
		return pieceOK
	}
	if s.entries(h, h.end, cut) != pieceOK {
		return nil, nil, false
	}
	return n, found, n != nil
}

// document scans a text whose one document is a block collection, after
// comments and an optional ---, in prune state state: a document's root
// mapping, or the block Reparse reads again, indented as in its document.
func (s *yamlScan) document(state int) {
	l := s.nextContent(0)
	if l < s.li.count() {
		if f, _ := s.first(l); bytes.HasPrefix(s.t[f:s.li.end(s.t, l)], []byte("---")) &&
			len(bytes.TrimSpace(s.t[f+3:s.li.end(s.t, l)])) == 0 {
			l = s.nextContent(l + 1)
		}
	}
	if l >= s.li.count() {
		s.bad = true
		return
	}
	f, col := s.first(l)
	switch {
	case s.bad:
		return
	case s.dash(f):
		l = s.readBlock(hole{start: f, seq: true, col: col, parent: -1}, func() int { return s.seq(l, col, state, f) })
	default:
		l = s.readBlock(hole{start: f, col: col, parent: -1}, func() int { return s.mapping(l, col, state, f) })
	}
	if l < s.li.count() {
		s.bad = true // another document, or a line no entry starts
	}
}

// first returns the offset of the first character of a line that is not
// a space, and its column; a tab before it stops the scan.
func (s *yamlScan) first(l int) (off, col int) {
	start, end := s.li.start(l), s.li.end(s.t, l)
	i := start
	for i < end && s.t[i] == ' ' {
		i++
	}
	if i < end && s.t[i] == '\t' {
		s.bad = true
	}
	return i, i - start
}

// nextContent returns the first line from l on that holds more than
// blanks and a comment.
func (s *yamlScan) nextContent(l int) int {
	for ; l < s.li.count(); l++ {
		start, end := s.li.start(l), s.li.end(s.t, l)
		i := start
		for i < end && isBlank(s.t[i]) {
			i++
		}
		if i < end && s.t[i] != '#' {
			return l
		}
	}
	return l
}

// dash reports whether a sequence entry's dash stands at o.
func (s *yamlScan) dash(o int) bool {
	return o < len(s.t) && s.t[o] == '-' && (o+1 == len(s.t) || s.t[o+1] == ' ' || breakLen(s.t, o+1) > 0)
}

// blockEnd returns the first line from l on that ends a block value whose
// parent stands at column parent.
func (s *yamlScan) blockEnd(l, parent int, compact bool) int {
	for l = s.nextContent(l); l < s.li.count(); l = s.nextContent(l + 1) {
		f, col := s.first(l)
		if col < parent || col == parent && !(compact && s.dash(f)) {
			return l
		}
	}
	return l
}

// key reads a mapping key written at o, on a line ending at e: its value
// and the offset after its colon. ok is false for a key the scan does not
// read (complex, merge, tagged, anchored, escaped) and for no key.
func (s *yamlScan) key(o, e int) (key string, after int, ok bool) {
	t := s.t
	if o >= e {
		return "", 0, false
	}
	var colon int
	switch c := t[o]; {
	case c == '"' || c == '\'':
		q := quoteEnd(t[:e], o)
		if q < 0 {
			return "", 0, false
		}
		raw := t[o+1 : q]
		if c == '"' && bytes.IndexByte(raw, '\\') >= 0 {
			return "", 0, false
		}
		key = string(raw)
		if c == '\'' {
			key = string(bytes.ReplaceAll(raw, []byte("''"), []byte("'")))
		}
		colon = q + 1
		for colon < e && isBlank(t[colon]) {
			colon++
		}
		if colon >= e || t[colon] != ':' {
			return "", 0, false
		}
	case bytes.IndexByte([]byte("-?:,[]{}#&*!|>%@`"), c) >= 0:
		return "", 0, false
	default:
		colon = -1
		for i := o; i < e; i++ {
			if t[i] == '#' && isBlank(t[i-1]) {
				break
			}
			if t[i] == ':' && (i+1 == e || isBlank(t[i+1])) {
				colon = i
				break
			}
		}
		if colon < 0 {
			return "", 0, false
		}
		key = string(bytes.TrimRight(t[o:colon], " \t"))
		if key == "<<" {
			return "", 0, false
		}
	}
	if colon-o > 1000 {
		return "", 0, false
	}
	return key, colon + 1, true
}

// mapping scans a block mapping whose entries stand at column k, the
// first key at offset o of line l, in prune state state. It returns the
// first line after it.
func (s *yamlScan) mapping(l, k, state, o int) int {
	n := s.li.count()
	if !s.enter() {
		return n
	}
	defer s.leave()
	for !s.bad {
		key, after, ok := s.key(o, s.li.end(s.t, l))
		if !ok {
			s.bad = true
			break
		}
		next, read := s.prune(state, key)
		if l = s.nextContent(s.value(l, after, k, next, read, true)); l >= n {
			return l
		}
		f, col := s.first(l)
		if col < k {
			return l
		}
		if col > k || s.dash(f) {
			s.bad = true
			break
		}
		o = f
	}
	return n
}

// seq scans a block sequence whose dashes stand at column c, the first at
// offset o of line l. It returns the first line after it.
func (s *yamlScan) seq(l, c, state, o int) int {
	n := s.li.count()
	if !s.enter() {
		return n
	}
	defer s.leave()
	for !s.bad {
		next, read := s.prune(state, "")
		if l = s.nextContent(s.value(l, o+1, c, next, read, false)); l >= n {
			return l
		}
		f, col := s.first(l)
		switch {
		case col < c || col == c && !s.dash(f):
			return l
		case col > c:
			s.bad = true
			return n
		}
		o = f
	}
	return n
}

// value scans the value that follows offset p of line l: that of a key
// (inMap) or of a sequence entry, whose parent stands at column k. next
// and read are prune's for it. It returns the first line after it.
func (s *yamlScan) value(l, p, k, next int, read, inMap bool) int {
	t := s.t
	e := s.li.end(t, l)
	for p < e && isBlank(t[p]) {
		p++
	}
	switch {
	case p >= e || t[p] == '#':
		return s.nextLines(l, k, next, read, inMap)
	case t[p] == '[' || t[p] == '{':
		return s.flowValue(p, k, read)
	case !inMap && s.isKey(p, e):
		// A mapping starting on its parent entry's line.
		c := p - s.li.start(l)
		if read {
			return s.mapping(l, c, next, p)
		}
		s.addBlock(hole{start: p, col: c, parent: k})
		return s.blockEnd(l+1, k, false)
	case t[p] == '"' || t[p] == '\'':
		q := quoteEnd(t, p)
		if q < 0 || !s.restBlank(q+1) {
			s.bad = true
			return s.li.count()
		}
		return s.blockEnd(s.li.lineOf(q)+1, k, false)
	case !inMap && s.dash(p):
		// A sequence starting on its parent entry's line.
		if read {
			s.bad = true
			return s.li.count()
		}
		c := p - s.li.start(l)
		s.addBlock(hole{start: p, seq: true, col: c, parent: k})
		return s.blockEnd(l+1, k, false)
	}
	// A scalar, an alias, or a node with an anchor or a tag, which is
	// never a hole.
	return s.blockEnd(l+1, k, false)
}

// nextLines scans a value written on the lines after line l.
func (s *yamlScan) nextLines(l, k, next int, read, inMap bool) int {
	l2 := s.nextContent(l + 1)
	if l2 >= s.li.count() {
		return l2
	}
	f, col := s.first(l2)
	dash := s.dash(f)
	if col < k || col == k && !(inMap && dash) {
		return l2 // no value: null
	}
	compact := col == k
	switch {
	case s.t[f] == '[' || s.t[f] == '{':
		return s.flowValue(f, k, read)
	case dash && read:
		return s.readBlock(hole{start: f, seq: true, compact: compact, col: col, parent: k}, func() int { return s.seq(l2, col, next, f) })
	case dash:
		s.addBlock(hole{start: f, seq: true, compact: compact, col: col, parent: k})
	case s.isKey(f, s.li.end(s.t, l2)) && read:
		return s.readBlock(hole{start: f, col: col, parent: k}, func() int { return s.mapping(l2, col, next, f) })
	case s.isKey(f, s.li.end(s.t, l2)):
		s.addBlock(hole{start: f, col: col, parent: k})
	}
	return s.blockEnd(l2+1, k, compact)
}

// readBlock scans, with scan, block collection h, which is read and
// starts on a line of its own (the root, or a value below its key). It
// is a split when it is larger than a piece, holds none, and its
// placeholder fits: the innermost collections larger than a piece are,
// each piece a few of their entries, so that the block of a spec's
// paths, which Reparse reads again after an edit between two paths, is
// one too.
func (s *yamlScan) readBlock(h hole, scan func() int) int {
	holes, splits := len(s.holes), len(s.splits)
	l := scan()
	if h.end = len(s.t); l < s.li.count() {
		h.end = s.li.start(l)
	}
	if s.bad || len(s.splits) > splits || h.end-h.start <= pieceSize || h.seq && !s.fits(h) {
		return l
	}
	s.splits = append(s.splits, h)
	for i := holes; i < len(s.holes); i++ {
		s.holes[i].in = len(s.splits)
	}
	return l
}

func (s *yamlScan) isKey(o, e int) bool {
	_, _, ok := s.key(o, e)
	return ok
}

// restBlank reports whether the line holding offset i holds only blanks
// and a comment from i on.
func (s *yamlScan) restBlank(i int) bool {
	e := s.li.end(s.t, s.li.lineOf(i))
	for ; i < e && isBlank(s.t[i]); i++ {
	}
	return i == e || s.t[i] == '#' && isBlank(s.t[i-1])
}

// flowValue scans a flow collection opening at p, a value whose parent
// stands at column k.
func (s *yamlScan) flowValue(p, k int, read bool) int {
	q := flowEnd(s.t, p)
	if q < 0 || !s.restBlank(q+1) {
		s.bad = true
		return s.li.count()
	}
	if !read {
		s.holes = append(s.holes, hole{start: p, end: q + 1, flow: true})
	}
	return s.blockEnd(s.li.lineOf(q)+1, k, false)
}

// addBlock records a block hole, unless its placeholder does not fit: a
// sequence's ("- _") needs three bytes on its first line.
func (s *yamlScan) addBlock(h hole) {
	if h.seq && !s.fits(h) {
		return
	}
	s.holes = append(s.holes, h)
}

// fits reports whether the placeholder of sequence h, "- _", fits on its
// first line.
func (s *yamlScan) fits(h hole) bool {
	return h.start+2 < s.li.end(s.t, s.li.lineOf(h.start))
}

// flowEnd returns the offset of the bracket closing the flow collection
// opening at t[p], -1 if none: brackets, quoted scalars and comments
// followed as yaml.v3 reads them. A quote opens a quoted scalar only
// where a token starts.
func flowEnd(t []byte, p int) int {
	depth := 0
	token := true
	for i := p; i < len(t); i++ {
		switch c := t[i]; c {
		case '[', '{':
			depth++
			token = true
		case ']', '}':
			if depth--; depth == 0 {
				return i
			}
			token = false
		case ',', ':', '?':
			token = true
		case ' ', '\t', '\n', '\r':
		case '#':
			if i > 0 && (isBlank(t[i-1]) || t[i-1] == '\n' || t[i-1] == '\r') {
				for i < len(t) && breakLen(t, i) == 0 {
					i++
				}
				continue
			}
			token = false
		case '"', '\'':
			if !token {
				continue
			}
			q := quoteEnd(t, i)
			if q < 0 {
				return -1
			}
			i = q
			token = false
		default:
			token = false
		}
	}
	return -1
}

// The outcomes of checking a hole's text.
const (
	pieceOK = iota
	// pieceError: a syntax error, which the parse in full reports.
	pieceError
	// pieceKept: the hole holds an anchor or an alias, which ties it to
	// nodes outside: it is parsed with the rest.
	pieceKept
)

// maxHoleDepth bounds the holes set apart inside holes, each of which
// reads its text again: past it, a text nested that deep (10,000 brackets
// are a syntax error to yaml.v3) is parsed whole, in linear time.
const maxHoleDepth = 64

// check reads the text of hole h, depth holes deep, in pieces and returns
// its end.
func (s *yamlScan) check(h hole, depth int) (end, status int) {
	switch {
	case depth > maxHoleDepth:
		return 0, pieceError
	case h.flow:
		return s.checkFlow(h, depth)
	}
	return s.checkBlock(h, depth)
}

// checkFlow reads a flow collection: whole when it is small, else its
// entries, as many at a time as fit in a piece, in its brackets; an entry
// too large is read with the collections it holds made holes.
func (s *yamlScan) checkFlow(h hole, depth int) (end, status int) {
	t := s.t
	if h.end-h.start <= pieceSize {
		_, st := s.piece(h.start, h.end, nil, h.start, h.kind(s.t))
		return h.end, st
	}
	brackets := []byte{t[h.start], t[h.end-1]}
	// Its from is the bracket or the separator before the entries not
	// read yet.
	cut := &cutter{from: h.start, last: h.start}
	cut.read = func(to int) int {
		var inner []hole
		if to-cut.from > pieceSize {
			inner = s.flowHoles(cut.from+1, to)
			for _, in := range inner {
				if _, st := s.check(in, depth+1); st != pieceOK {
					return st
				}
			}
		}
		// The piece is the entries in the collection's brackets, put
		// where the separators around them are.
		_, st := s.piece(cut.from, to+1, inner, cut.from, h.kind(t), brackets...)
		cut.from = to
		return st
	}
	level, token := 0, true
	for i := h.start; i < h.end; i++ {
		switch c := t[i]; c {
		case '[', '{':
			level++
			token = true
		case ']', '}':
			level--
			token = false
			if level == 0 {
				if st := cut.boundary(i); st != pieceOK {
					return 0, st
				}
				if cut.from < i {
					if st := cut.read(i); st != pieceOK {
						return 0, st
					}
				}
			}
		case ',':
			token = true
			if level == 1 {
				if st := cut.boundary(i); st != pieceOK {
					return 0, st
				}
			}
		case ':', '?':
			token = true
		case ' ', '\t', '\n', '\r':
		case '#':
			if isBlank(t[i-1]) || t[i-1] == '\n' || t[i-1] == '\r' {
				for i < h.end && breakLen(t, i) == 0 {
					i++
				}
				i--
				continue
			}
			token = false
		case '"', '\'':
			if token {
				if i = quoteEnd(t, i); i < 0 {
					return 0, pieceError
				}
			}
			token = false
		default:
			token = false
		}
	}
	return h.end, pieceOK
}

// flowHoles returns the flow collections at the top of t[from:to], an
// entry of a flow collection.
func (s *yamlScan) flowHoles(from, to int) []hole {
	var out []hole
	token := true
	for i := from; i < to; i++ {
		switch c := s.t[i]; c {
		case '[', '{':
			q := flowEnd(s.t, i)
			if q < 0 || q >= to {
				return out
			}
			out = append(out, hole{start: i, end: q + 1, flow: true})
			i = q
			token = false
		case ':', '?', ',':
			token = true
		case ' ', '\t', '\n', '\r':
		case '"', '\'':
			if token {
				if i = quoteEnd(s.t, i); i < 0 {
					return out
				}
			}
			token = false
		default:
			token = false
		}
	}
	return out
}

// checkBlock reads a block collection: whole when it is small, else its
// entries, as many at a time as fit in a piece; an entry too large is
// read with its value made a hole.
func (s *yamlScan) checkBlock(h hole, depth int) (end, status int) {
	textEnd := s.blockTextEnd(h)
	if textEnd-h.start <= pieceSize {
		return s.piece(h.start, textEnd, nil, h.start, h.kind(s.t))
	}
	// Its from is the offset of the first entry not read yet.
	cut := &cutter{from: h.start, last: h.start}
	cut.read = func(to int) int {
		var inner []hole
		if to-cut.from > pieceSize {
			if in, ok := s.entryValue(h, s.li.lineOf(cut.from), cut.from, to); ok {
				e, st := s.check(in, depth+1)
				if st != pieceOK {
					return st
				}
				in.end = e
				inner = []hole{in}
				end = e
			}
		}
		pe, st := s.piece(cut.from, to, inner, cut.from, h.kind(s.t))
		if inner == nil {
			end = pe
		}
		cut.from = to
		return st
	}
	if st := s.entries(h, textEnd, cut); st != pieceOK {
		return 0, st
	}
	return end, pieceOK
}

// entries tells cut the boundaries between the entries of block
// collection h, whose text ends at textEnd, and has it read them all.
func (s *yamlScan) entries(h hole, textEnd int, cut *cutter) int {
	stop := s.li.lineOf(textEnd)
	if textEnd == len(s.t) {
		stop = s.li.count()
	}
	for l := s.nextContent(s.li.lineOf(h.start) + 1); l < stop; l = s.nextContent(l + 1) {
		// A dash at a mapping's column is an entry of a compact
		// sequence, its key's value.
		if f, col := s.first(l); col == h.col && h.seq == s.dash(f) {
			if st := cut.boundary(s.li.start(l)); st != pieceOK {
				return st
			}
		}
	}
	if st := cut.boundary(textEnd); st != pieceOK {
		return st
	}
	if cut.from < textEnd {
		return cut.read(textEnd)
	}
	return pieceOK
}

// cutter cuts the entries of a collection into pieces: as many entries
// at a time as fit in pieceSize bytes, an entry larger than that alone.
// read reads the text from from to a boundary between entries, and moves
// from there.
type cutter struct {
	from, last int
	read       func(to int) int
}

// boundary tells of the boundary after an entry, at i: the entries
// before the last boundary are read if this one would make them too many,
// and the entry before i if it is too large alone.
func (c *cutter) boundary(i int) int {
	for _, to := range [2]int{c.last, i} {
		if i-c.from > pieceSize && to > c.from {
			if st := c.read(to); st != pieceOK {
				return st
			}
		}
	}
	c.last = i
	return pieceOK
}

// blockTextEnd returns the offset of the line that ends block hole h,
// the end of the text if none does.
func (s *yamlScan) blockTextEnd(h hole) int {
	if stop := s.blockEnd(s.li.lineOf(h.start)+1, h.parent, h.compact); stop < s.li.count() {
		return s.li.start(stop)
	}
	return len(s.t)
}

// entryValue returns the collection an entry of block hole h holds, as a
// hole: the entry starts at offset from of line l and ends at to.
func (s *yamlScan) entryValue(h hole, l, from, to int) (hole, bool) {
	t := s.t
	e := s.li.end(t, l)
	p := from + 1
	inMap := !h.seq
	if inMap {
		_, after, ok := s.key(from, e)
		if !ok {
			return hole{}, false
		}
		p = after
	}
	for p < e && isBlank(t[p]) {
		p++
	}
	switch {
	case p < e && (t[p] == '[' || t[p] == '{'):
		q := flowEnd(t, p)
		if q < 0 || q >= to {
			return hole{}, false
		}
		return hole{start: p, end: q + 1, flow: true}, true
	case p < e && t[p] != '#':
		if inMap {
			return hole{}, false
		}
		c := p - s.li.start(l)
		if s.dash(p) && p+2 < e {
			return hole{start: p, seq: true, col: c, parent: h.col}, true
		}
		if s.isKey(p, e) {
			return hole{start: p, col: c, parent: h.col}, true
		}
		return hole{}, false
	}
	l2 := s.nextContent(l + 1)
	if l2 >= s.li.count() || s.li.start(l2) >= to {
		return hole{}, false
	}
	f, col := s.first(l2)
	switch {
	case col < h.col || col == h.col && !(inMap && s.dash(f)):
		return hole{}, false
	case s.dash(f) && f+2 < s.li.end(t, l2):
		return hole{start: f, seq: true, compact: col == h.col, col: col, parent: h.col}, true
	case s.isKey(f, s.li.end(t, l2)):
		return hole{start: f, col: col, parent: h.col}, true
	}
	return hole{}, false
}

// piece parses t[from:to] alone, the text before blankTo on from's line
// blanked and each hole made a placeholder; with open and close, the
// bytes at from and to-1 are made those brackets. It returns the end of
// the piece's node, and whether it parsed as one collection of kind kind
// with every placeholder found and no anchor or alias.
func (s *yamlScan) piece(from, to int, holes []hole, blankTo int, kind Kind, brackets ...byte) (end, status int) {
	root, _, pd, ls, st := s.pieceTree(from, to, holes, blankTo, kind, brackets...)
	if st != pieceOK {
		return 0, st
	}
	_, e := pd.NodeRange(root)
	return ls + e, pieceOK
}

// pieceTree is piece returning the piece's tree, its holes'
// placeholders and its text pd, which starts at offset ls: the tree's
// lines count from ls's.
func (s *yamlScan) pieceTree(from, to int, holes []hole, blankTo int, kind Kind, brackets ...byte) (root *Node, found []*Node, pd *Doc, ls, status int) {
	// A block piece starts at its first line, its columns kept; a flow
	// piece, whose columns do not matter, at its bracket, so that the
	// pieces of a collection on one long line do not each copy the line.
	ls = s.li.start(s.li.lineOf(from))
	if len(brackets) == 2 || s.t[from] == '[' || s.t[from] == '{' {
		ls = from
	}
	blankTo = max(blankTo, ls)
	res, found, pd, ok := s.parseWith(ls, blankTo, to, holes, brackets...)
	if !ok || len(res) != 1 || res[0].Kind != kind {
		return nil, nil, nil, 0, pieceError
	}
	// Alone, entries of a collection may read as something else (a
	// mapping's "key" without a colon, and the lines after it, as one
	// plain scalar): the piece must be a collection of the hole's kind
	// whose first entry is the piece's.
	first := from
	for first < to && s.t[first] == ' ' {
		first++
	}
	if ls+pd.Offset(res[0]) != first {
		return nil, nil, nil, 0, pieceError
	}
	if tied(res[0]) {
		return nil, nil, nil, 0, pieceKept
	}
	return res[0], found, pd, ls, pieceOK
}

// pieceText returns a copy of t[from:to], what stands before blankTo
// blanked, each hole made a placeholder and, given brackets, the bytes
// at blankTo and to-1 made them.
func (s *yamlScan) pieceText(from, blankTo, to int, holes []hole, brackets ...byte) []byte {
	text := make([]byte, to-from)
	// The skeleton of a large spec is most of its text: copied at once,
	// it held a processor, and the collector waiting for it the other.
	bigcopy.Copy(text, s.t[from:to])
	blank(text, 0, blankTo-from)
	if len(brackets) == 2 {
		text[blankTo-from], text[len(text)-1] = brackets[0], brackets[1]
	}
	for _, h := range holes {
		blank(text, h.start-from, h.end-from)
		if h.seq {
			text[h.start-from], text[h.start-from+2] = '-', '_'
		} else {
			text[h.start-from] = '_'
		}
	}
	return text
}

// parseWith parses pieceText(from, blankTo, to, holes) and returns its
// documents, the text as a Doc, and, for each hole, its placeholder's
// node: a scalar "_", or a sequence of one. ok is false for a syntax
// error or a placeholder not found.
func (s *yamlScan) parseWith(from, blankTo, to int, holes []hole, brackets ...byte) (roots, found []*Node, pd *Doc, ok bool) {
	text := s.pieceText(from, blankTo, to, holes, brackets...)
	res := run(text, len(text))
	if res.err != nil {
		return nil, nil, nil, false
	}
	pd = &Doc{text: text, lines: newLineIndex(text)}
	if len(holes) == 0 {
		return res.roots, nil, pd, true
	}
	at := map[int]*Node{}
	for _, r := range res.roots {
		walkNodes(r, func(n *Node) bool {
			switch {
			case n.Kind == ScalarNode && n.Value == "_" && n.Style == 0 && n.Tag() == "!!str":
				at[pd.Offset(n)] = n
			case n.Kind == SequenceNode && n.Style == 0 && len(n.Content) == 1 && n.Content[0].Value == "_":
				// A sequence hole's placeholder; its "_" is a mapping
				// hole's when the hole is a compact entry's value
				// (`- _`, for `- type: object` and the lines after it).
				at[pd.Offset(n)] = n
			}
			return true
		})
	}
	for _, h := range holes {
		n := at[h.start-from]
		if n == nil || (n.Kind == SequenceNode) != h.seq {
			return nil, nil, nil, false
		}
		found = append(found, n)
	}
	return res.roots, found, pd, true
}

// tied reports whether the tree n holds an anchor or an alias.
func tied(n *Node) bool {
	stack := []*Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Anchor() != "" || n.Kind == AliasNode {
			return true
		}
		stack = append(stack, n.Content...)
	}
	return false
}

// verifyPruned reports whether the placeholders are exactly where prune
// says a value is not read, and no alias reaches one: then the tree is
// the whole parse's with those values left out.
func verifyPruned(root *Node, found []*Node, prune Prune, state int) bool {
	holes := make(map[*Node]bool, len(found))
	for _, n := range found {
		holes[n] = true
	}
	reached := 0
	ok := true
	var visit func(n *Node, state, depth int)
	visit = func(n *Node, state, depth int) {
		if !ok || depth >= MaxDepth {
			ok = false
			return
		}
		children := func(key string, c *Node) {
			next, read := prune(state, key)
			switch {
			case holes[c] && read:
				ok = false
			case !read:
				// Nothing below is read: a placeholder there is one
				// too.
				walkNodes(c, func(n *Node) bool {
					if holes[n] {
						reached++
					}
					return true
				})
			default:
				visit(c, next, depth+1)
			}
		}
		switch n.Kind {
		case MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Kind != ScalarNode || holes[n.Content[i]] {
					ok = false
					return
				}
				children(n.Content[i].Value, n.Content[i+1])
			}
		case SequenceNode:
			for _, c := range n.Content {
				children("", c)
			}
		case AliasNode:
			ok = ok && !contains(n.Alias(), holes)
		}
	}
	visit(root, state, 0)
	return ok && reached == len(found)
}

// contains reports whether a hole's placeholder is in the subtree n.
func contains(n *Node, holes map[*Node]bool) bool {
	found := false
	walkNodes(n, func(c *Node) bool {
		found = found || holes[c]
		return !found
	})
	return found
}
