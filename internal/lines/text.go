// text.go defines Patched, a text read through one edit of another
// without copying it, and Text, a text that is flat or such a patch,
// made flat once something needs all of its bytes: a keystroke in a
// 13 MB document must not cost a copy of 13 MB before a request can read
// the text around the cursor.

package lines

import (
	"sync"
	"sync/atomic"
)

// Patched is the text Base with Edit applied, Ins being the edit's new
// bytes (len(Ins) == Edit.NewLen). The zero Edit reads Base as it is.
// Reading a byte costs two comparisons; nothing is copied.
type Patched struct {
	Base []byte
	Edit Edit
	Ins  []byte
}

// Flat returns the Patched that reads b as it is.
func Flat(b []byte) Patched { return Patched{Base: b} }

// Len is the length of the text.
func (p Patched) Len() int { return len(p.Base) + p.Edit.Delta() }

// At returns the byte at offset i (0 <= i < Len()).
func (p Patched) At(i int) byte {
	switch {
	case i < p.Edit.Start:
		return p.Base[i]
	case i < p.Edit.NewEnd():
		return p.Ins[i-p.Edit.Start]
	}
	return p.Base[i-p.Edit.Delta()]
}

// From returns the bytes from offset i (0 <= i <= Len()) to the end of
// the part of the text that holds them, Base's before the edit, Ins, or
// Base's after it: contiguous bytes to read at full speed, then the next
// part From its end. Empty at the end of the text.
func (p Patched) From(i int) []byte {
	switch {
	case i < p.Edit.Start:
		return p.Base[i:p.Edit.Start:p.Edit.Start]
	case i < p.Edit.NewEnd():
		return p.Ins[i-p.Edit.Start : len(p.Ins) : len(p.Ins)]
	}
	return p.Base[i-p.Edit.Delta() : len(p.Base) : len(p.Base)]
}

// Slice returns the bytes [a, b) of the text (clamped to it): a slice of
// Base or Ins where they hold all of them, else a copy. It must not be
// modified.
func (p Patched) Slice(a, b int) []byte {
	a, b = min(max(a, 0), p.Len()), min(max(b, 0), p.Len())
	if b <= a {
		return nil
	}
	e := p.Edit
	switch {
	case b <= e.Start:
		return p.Base[a:b:b]
	case a >= e.Start && b <= e.NewEnd():
		return p.Ins[a-e.Start : b-e.Start : b-e.Start]
	case a >= e.NewEnd():
		return p.Base[a-e.Delta() : b-e.Delta() : b-e.Delta()]
	}
	out := make([]byte, 0, b-a)
	if a < e.Start {
		out = append(out, p.Base[a:e.Start]...)
	}
	out = append(out, p.Ins[max(a, e.Start)-e.Start:min(b, e.NewEnd())-e.Start]...)
	if b > e.NewEnd() {
		out = append(out, p.Base[max(a, e.NewEnd())-e.Delta():b-e.Delta()]...)
	}
	return out
}

// Then returns the Patched reading p's text with next applied (next in
// the coordinates of p's text, ins its new bytes), still on p's Base: its
// Ins holds the bytes between the two edits, which it copies.
func (p Patched) Then(next Edit, ins []byte) Patched {
	if next.IsNop() {
		return p
	}
	e := p.Edit.Then(next)
	// e's new bytes, read in p's text around next.
	from, to := e.Start, e.Start+e.NewLen-next.Delta()
	out := make([]byte, 0, e.NewLen)
	out = append(out, p.Slice(from, next.Start)...)
	out = append(out, ins...)
	out = append(out, p.Slice(next.End, to)...)
	return Patched{Base: p.Base, Edit: e, Ins: out}
}

// Bytes returns the text's bytes, flat: Base itself when there is no
// edit, else a copy, made by Splice a megabyte at a time: GitHub's 13 MB
// description copied in one piece held a processor for 30 ms, and the
// collector, waiting to suspend it, the other.
func (p Patched) Bytes() []byte {
	if p.Edit.IsNop() {
		return p.Base
	}
	out := Splice(p.Base, p.Edit, false, false)
	copy(out[p.Edit.Start:p.Edit.NewEnd()], p.Ins)
	return out
}

// Text is the text of one version of a document: flat, or an earlier
// version's flat bytes read through the edits since (Patched) until
// Bytes is first called, which copies them once (text.Snapshot makes
// them). It is safe for concurrent use.
type Text struct {
	// view reads the text until it is flat; then it is nil, so that the
	// earlier version's bytes it reads are not kept.
	view atomic.Pointer[Patched]
	once sync.Once
	flat []byte
}

// NewText returns the flat text b; b must not change afterwards.
func NewText(b []byte) *Text { return &Text{flat: b} }

// PatchedText returns the text p reads, made flat when Bytes is first
// called; p's bytes must not change afterwards.
func PatchedText(p Patched) *Text {
	t := &Text{}
	t.view.Store(&p)
	return t
}

// View returns the text as a Patched, without copying it: flat once
// Bytes made it so.
func (t *Text) View() Patched {
	if p := t.view.Load(); p != nil {
		return *p
	}
	return Flat(t.flat)
}

// Len is the length of the text.
func (t *Text) Len() int { return t.View().Len() }

// Bytes returns the text's bytes, made flat on the first call. They must
// not be modified.
func (t *Text) Bytes() []byte {
	if p := t.view.Load(); p != nil {
		t.once.Do(func() {
			t.flat = p.Bytes()
			t.view.Store(nil)
		})
	}
	return t.flat[:len(t.flat):len(t.flat)]
}
