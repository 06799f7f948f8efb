// patch.go defines patch, a snapshot read through the edits made on a
// flat one: a keystroke in a 13 MB document costs the lines it touched,
// not a copy of the text and of its line table, and a request after it
// reads the text around the cursor at once. The copy is made when
// something needs all of the text (Snapshot.Text: the analysis).

package text

import (
	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

// maxPatch is the most bytes the lines a patch touched may hold: edits
// far apart, made before the text is made flat again, compose into one
// patch spanning the text between them, and a minified document is one
// line. Past it, Apply makes the text flat at once.
const maxPatch = 64 << 10

// patch is a text that is base's with one edit (view.Edit, composed of
// the edits since base). The lines the edit touched, from the start of
// the first to the start of the line after the last, are [start, end) of
// the text, indexed alone in region: the lines before are base's, those
// after are base's moved by the edit.
type patch struct {
	base *index
	view lines.Patched
	// region holds the edited lines, the first of which is line0 in both
	// texts; n is how many lines it holds, and after is the first of
	// base's lines after them (base's line count when they end the text).
	region     *index
	start, end int
	line0, n   int
	after      int
}

// newPatch returns the patch reading view, whose Base is base's text;
// false when the lines it touched are more than maxPatch bytes.
func newPatch(base *index, view lines.Patched) (*patch, bool) {
	e := view.Edit
	p := &patch{base: base, view: view, end: view.Len(), after: base.lines.Count()}
	// A line starts at an offset by the byte before it and the byte at
	// it: the starts before e.Start, and those after e.End, hold in both
	// texts.
	if e.Start > 0 {
		p.line0 = base.lines.Of(e.Start - 1)
		p.start = base.lines.Start(p.line0)
	}
	if k := base.lines.Of(e.End) + 1; k < base.lines.Count() {
		p.after, p.end = k, base.lines.Start(k)+e.Delta()
	}
	if p.end-p.start > maxPatch {
		return nil, false
	}
	text := view.Slice(p.start, p.end)
	p.region = &index{text: text, lines: lines.New(text), marks: lines.NewMarks()}
	p.n = p.region.lines.Count()
	if p.after < base.lines.Count() {
		p.n-- // the region ends at the start of the line after it
	}
	return p, true
}

func (p *patch) lineCount() int { return p.line0 + p.n + p.base.lines.Count() - p.after }

// shift is how many lines the edit added.
func (p *patch) shift() int { return p.line0 + p.n - p.after }

func (p *patch) offset(pos protocol.Position, enc Encoding) int {
	line := int(pos.Line)
	switch {
	case line < p.line0:
		return p.base.offset(pos, enc)
	case line-p.line0 < p.n:
		return p.start + p.region.offset(protocol.Position{Line: uint32(line - p.line0), Character: pos.Character}, enc)
	}
	bl := line - p.shift()
	if bl >= p.base.lines.Count() {
		return p.view.Len()
	}
	return p.base.offset(protocol.Position{Line: uint32(bl), Character: pos.Character}, enc) + p.view.Edit.Delta()
}

func (p *patch) position(o int, enc Encoding) protocol.Position {
	o = min(max(o, 0), p.view.Len())
	switch {
	case o < p.start:
		return p.base.position(o, enc)
	case o < p.end || p.after == p.base.lines.Count():
		r := p.region.position(o-p.start, enc)
		r.Line += uint32(p.line0)
		return r
	}
	r := p.base.position(o-p.view.Edit.Delta(), enc)
	r.Line = uint32(int(r.Line) + p.shift())
	return r
}

// position converts one offset of a flat text.
func (s *index) position(o int, enc Encoding) protocol.Position {
	return (&Positions{s: s, enc: enc, cur: s.marks.Cursor(s.text, s.lines)}).Position(o)
}

// flatten returns the flat index of the patched text, whose bytes are
// text: base's line table and checkpoints updated by the edit.
func (p *patch) flatten(text []byte) *index {
	e := p.view.Edit
	t := p.base.lines
	first, oldEnd, newEnd := t.Update(text, e, false, false)
	return &index{text: text, lines: t, marks: p.base.marks.Edited(text, t, e, first, oldEnd, newEnd)}
}

// flat returns s's index, made flat first if s is patched.
func (s *Snapshot) flat() *index {
	if x := s.idx.Load(); x != nil {
		return x
	}
	s.made.Do(func() {
		s.idx.Store(s.patch.Load().flatten(s.text.Bytes()))
		s.patch.Store(nil)
	})
	return s.idx.Load()
}

// edited returns s with e made, ins being its new bytes: patched on s,
// or on the flat snapshot s is patched on, with the edits composed; flat
// when the lines they touched are too many.
func (s *Snapshot) edited(e lines.Edit, ins string) *Snapshot {
	var base *index
	var view lines.Patched
	if x, p := s.table(); p == nil {
		base, view = x, lines.Patched{Base: x.text, Edit: e, Ins: []byte(ins)}
	} else {
		base, view = p.base, p.view.Then(e, []byte(ins))
	}
	if p, ok := newPatch(base, view); ok {
		out := &Snapshot{text: lines.PatchedText(view)}
		out.patch.Store(p)
		return out
	}
	text := view.Bytes()
	out := &Snapshot{text: lines.NewText(text)}
	out.idx.Store((&patch{base: base, view: view}).flatten(text))
	return out
}
