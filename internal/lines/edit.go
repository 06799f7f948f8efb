// edit.go defines Edit, one replacement of bytes in a text, its
// composition, and the update of a Table after one.

package lines

import (
	"slices"

	"github.com/httpcode-lsp/httpcode-lsp/internal/bigcopy"
)

// Edit is the replacement of the bytes [Start, End) of a text by NewLen
// bytes: the edited text holds the new bytes at [Start, Start+NewLen). The
// zero Edit changes nothing.
type Edit struct {
	Start, End int
	NewLen     int
}

// Whole is the edit that replaces all of a text of oldLen bytes by one of
// newLen: what is known of a change that sent the whole text.
func Whole(oldLen, newLen int) Edit { return Edit{End: oldLen, NewLen: newLen} }

// IsNop reports whether e changes nothing: it removes and inserts no byte.
func (e Edit) IsNop() bool { return e.Start == e.End && e.NewLen == 0 }

// Delta is how many bytes longer e makes the text.
func (e Edit) Delta() int { return e.NewLen - (e.End - e.Start) }

// NewEnd is where the inserted bytes end in the edited text.
func (e Edit) NewEnd() int { return e.Start + e.NewLen }

// Moved returns where offset o of the text before e is in the text after
// it: o itself before e's span, moved by e.Delta() after it, -1 inside.
// An offset at e.Start of an insertion stays.
func (e Edit) Moved(o int) int {
	switch {
	case o < e.Start || o == e.Start && e.Start == e.End:
		return o
	case o >= e.End:
		return o + e.Delta()
	}
	return -1
}

// Then returns the one edit that does e and then next, next being
// expressed against the text e produced: its span is the smallest that
// covers both, in the coordinates of the text before e. Bytes inside that
// span that neither edit touched count as replaced by themselves.
func (e Edit) Then(next Edit) Edit {
	switch {
	case e.IsNop():
		return next
	case next.IsNop():
		return e
	}
	// In the text between the two edits, the span from the first byte
	// either touched to the last: both its ends lie outside e's insertion,
	// so they map back through e exactly.
	start := min(e.Start, next.Start)
	end := max(e.NewEnd(), next.End)
	return Edit{Start: start, End: end - e.Delta(), NewLen: end + next.Delta() - start}
}

// Apply returns text with e applied, ins being its new bytes (len(ins)
// must be e.NewLen). It is the reference the tests hold Splice and Patched to.
func (e Edit) Apply(text []byte, ins []byte) []byte {
	out := make([]byte, 0, len(text)+e.Delta())
	out = append(out, text[:e.Start]...)
	out = append(out, ins...)
	return append(out, text[e.End:]...)
}

// Update makes t the table of text, which is the text t was the table of
// with e applied (e.Start <= e.End, both within the old text). It reads
// only the bytes around the edit: whether a line starts at an offset
// depends on at most the three bytes before it and the byte at it, so
// starts before e.Start stay, and starts a few bytes past e.End stay,
// shifted by e.Delta().
//
// If inPlace, t's storage belongs to the caller and is reused when it has
// room; otherwise t gets new storage (with 1/16 to spare if spare, for
// edits to come), so that a copy of t made before is left intact.
//
// The lines [first, oldEnd) of the old table are [first, newEnd) of the
// new one; the lines before are unchanged and those after moved by
// newEnd-oldEnd lines and e.Delta() bytes.
func (t *Table) Update(text []byte, e Edit, inPlace, spare bool) (first, oldEnd, newEnd int) {
	// reach: how far past an edit a line start may depend on its bytes.
	reach := 0
	if t.unicode {
		reach = 2
	}
	lo, _ := slices.BinarySearch(t.starts, e.Start)
	hi, _ := slices.BinarySearch(t.starts, e.End+reach+1)
	var buf [8]int
	mid := buf[:0]
	for p := e.Start; p <= min(e.NewEnd()+reach, len(text)); p++ {
		if t.isStart(text, p) {
			mid = append(mid, p)
		}
	}
	t.starts = Splice(t.starts, Edit{Start: lo, End: hi, NewLen: len(mid)}, inPlace, spare)
	copy(t.starts[lo:], mid)
	if d := e.Delta(); d != 0 {
		for k := lo + len(mid); k < len(t.starts); k++ {
			t.starts[k] += d
		}
	}
	first = max(lo-1, 0)
	return first, hi, lo + len(mid)
}

// Splice returns s with the elements [e.Start, e.End) replaced by e.NewLen
// elements for the caller to fill: s[e.Start:e.NewEnd()] of the result.
// It is how a text and its table are edited. If inPlace, s belongs to the
// caller and is reused when it has room; otherwise the result is new (with
// 1/16 to spare if spare, for edits to come), and s is left intact. The
// elements are moved by bigcopy: a text of tens of megabytes copied in one
// piece held the other goroutines up for 170 ms.
func Splice[E any](s []E, e Edit, inPlace, spare bool) []E {
	n := len(s) + e.Delta()
	if inPlace && n <= cap(s) {
		tail := s[e.End:]
		s = s[:n]
		bigcopy.Copy(s[e.NewEnd():], tail) // overlap is fine
		return s
	}
	c := n
	if spare {
		c += n / 16
	}
	out := make([]E, n, c)
	bigcopy.Copy(out, s[:e.Start])
	bigcopy.Copy(out[e.NewEnd():], s[e.End:])
	return out
}
