// marks.go defines Marks, checkpoints along the long lines of a text, so
// that converting an offset of a long line (minified JSON) to a column,
// and back, walks a checkpoint's step, not the line from its start.

package lines

import (
	"sort"
	"sync"
	"unicode/utf8"
)

// markStep is how many bytes apart the checkpoints of a long line are:
// about the most a conversion walks. A line shorter than four steps has
// none: it is walked from its start, in about the time of a step.
const markStep = 1024

// Marks holds checkpoints of the long lines of one text: the column, in
// characters and in UTF-16 code units, at a character start about every
// markStep bytes. A line's checkpoints are made the first time a
// conversion needs them, in one walk of the line, and kept for the text's
// lifetime: 24 bytes per markStep bytes of long lines, at most. Marks is
// safe for concurrent use; its zero value is not, use NewMarks.
type Marks struct {
	step int // markStep, smaller in the tests

	mu    sync.Mutex
	lines map[int][]mark
}

// mark is a character start of a line and its position there.
type mark struct {
	off          int
	runes, utf16 int
}

// NewMarks returns the (still empty) checkpoints of a text.
func NewMarks() *Marks { return &Marks{step: markStep} }

// line returns the checkpoints of line, whose content is text[start:end],
// the first at start; nil for a short line (or a nil m).
func (m *Marks) line(text []byte, line, start, end int) []mark {
	if m == nil || end-start < 4*m.step {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if ms, ok := m.lines[line]; ok {
		return ms
	}
	ms := make([]mark, 0, (end-start)/m.step+1)
	cur, next := mark{off: start}, start
	for cur.off < end {
		if cur.off >= next {
			ms = append(ms, cur)
			next = cur.off + m.step
		}
		if text[cur.off] < utf8.RuneSelf {
			cur.off++
			cur.runes++
			cur.utf16++
			continue
		}
		r, size := utf8.DecodeRune(text[cur.off:end])
		cur.off += size
		cur.runes++
		cur.utf16++
		if r >= 0x10000 {
			cur.utf16++
		}
	}
	if m.lines == nil {
		m.lines = map[int][]mark{}
	}
	m.lines[line] = ms
	return ms
}

// before returns the last checkpoint of line at or before offset, as a
// position; false when the line has none (it is short).
func (m *Marks) before(text []byte, line, start, end, offset int) (int, Position, bool) {
	ms := m.line(text, line, start, end)
	k := sort.Search(len(ms), func(k int) bool { return ms[k].off > offset }) - 1
	if k < 0 {
		return 0, Position{}, false
	}
	return ms[k].off, Position{Line: line, Runes: ms[k].runes, UTF16: ms[k].utf16}, true
}

// Seek returns where to start walking line, whose content is
// text[start:end], to find its column col: the last checkpoint whose
// column is at most col, and that column. col counts UTF-16 code units
// if utf16, else characters. It is start and 0 on a short line.
func (m *Marks) Seek(text []byte, line, start, end, col int, utf16 bool) (from, at int) {
	ms := m.line(text, line, start, end)
	k := sort.Search(len(ms), func(k int) bool {
		if utf16 {
			return ms[k].utf16 > col
		}
		return ms[k].runes > col
	}) - 1
	if k < 0 {
		return start, 0
	}
	if utf16 {
		return ms[k].off, ms[k].utf16
	}
	return ms[k].off, ms[k].runes
}

// Cursor returns a cursor over text, whose table is t, that starts its
// walks from m's checkpoints.
func (m *Marks) Cursor(text []byte, t Table) *Cursor {
	c := NewCursor(text, t)
	c.marks = m
	return c
}
