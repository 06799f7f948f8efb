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
// conversion needs them, in one walk of the line, or carried over an edit
// from the text before it (Edited), and kept for the text's lifetime: 24
// bytes per markStep bytes of long lines, at most. Marks is safe for
// concurrent use; its zero value is not, use NewMarks.
type Marks struct {
	step int // markStep, smaller in the tests

	mu    sync.Mutex
	lines map[int][]mark
}

// mark is a character start of a line, as an offset from the line's
// start (so that a line moved by an edit keeps its marks), and its
// position there.
type mark struct {
	rel          int
	runes, utf16 int
}

// NewMarks returns the (still empty) checkpoints of a text.
func NewMarks() *Marks { return &Marks{step: markStep} }

// line returns the checkpoints of line, whose content is text[start:end],
// the first at start; nil for a short line (or a nil m).
func (m *Marks) line(text []byte, line, start, end int) []mark {
	if !m.Long(start, end) {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if ms, ok := m.lines[line]; ok {
		return ms
	}
	ms, _ := m.walk(text, start, end, make([]mark, 0, (end-start)/m.step+1), mark{}, end)
	m.put(line, ms)
	return ms
}

// Long reports whether the line text[start:end] is long enough to have
// checkpoints (with m nil, none is): where it is not, Seek returns the
// line's start, and a caller that checks first spares the call.
func (m *Marks) Long(start, end int) bool { return m != nil && end-start >= 4*m.step }

func (m *Marks) put(line int, ms []mark) {
	if m.lines == nil {
		m.lines = map[int][]mark{}
	}
	m.lines[line] = ms
}

// before returns the last checkpoint of line at or before offset, as a
// position; false when the line has none (it is short).
func (m *Marks) before(text []byte, line, start, end, offset int) (int, Position, bool) {
	ms := m.line(text, line, start, end)
	k := sort.Search(len(ms), func(k int) bool { return start+ms[k].rel > offset }) - 1
	if k < 0 {
		return 0, Position{}, false
	}
	return start + ms[k].rel, Position{Line: line, Runes: ms[k].runes, UTF16: ms[k].utf16}, true
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
		return start + ms[k].rel, ms[k].utf16
	}
	return start + ms[k].rel, ms[k].runes
}

// Cursor returns a cursor over text, whose table is t, that starts its
// walks from m's checkpoints.
func (m *Marks) Cursor(text []byte, t Table) *Cursor {
	c := NewCursor(text, t)
	c.marks = m
	return c
}

// walk appends to ms the checkpoints of the line whose content is
// text[start:end], walking from cur, a character start and its position:
// one a step past the last of ms (the first at cur if ms is empty). It
// stops at the first character start at or past stop, and returns the
// checkpoints and the position reached.
func (m *Marks) walk(text []byte, start, end int, ms []mark, cur mark, stop int) ([]mark, mark) {
	next := cur.rel
	if len(ms) > 0 {
		next = ms[len(ms)-1].rel + m.step
	}
	for start+cur.rel < min(stop, end) {
		if cur.rel >= next {
			ms = append(ms, cur)
			next = cur.rel + m.step
		}
		i := start + cur.rel
		if text[i] < utf8.RuneSelf {
			cur.rel++
			cur.runes++
			cur.utf16++
			continue
		}
		r, size := utf8.DecodeRune(text[i:end])
		cur.rel += size
		cur.runes++
		cur.utf16++
		if r >= 0x10000 {
			cur.utf16++
		}
	}
	return ms, cur
}

// Edited returns the checkpoints of text, made from m's, which are those
// of the text before e; t is text's table, updated by e, and first,
// oldEnd and newEnd what Table.Update returned. The lines before and after
// the edited ones keep theirs. A long line edited within, and still one
// line, keeps those before the edit and, moved, those after it; the
// stretch between, a step or two and the edit, is walked again. Other
// edited lines get theirs when asked. Whether a byte starts a character,
// and how, depends on the three bytes before it and the two after at
// most: checkpoints that far from the edit are unchanged.
func (m *Marks) Edited(text []byte, t Table, e Edit, first, oldEnd, newEnd int) *Marks {
	if m == nil {
		return nil
	}
	out := &Marks{step: m.step}
	m.mu.Lock()
	defer m.mu.Unlock()
	for line, ms := range m.lines {
		switch {
		case line < first:
			out.put(line, ms)
		case line >= oldEnd:
			out.put(line+newEnd-oldEnd, ms)
		case line == first && oldEnd == first+1 && newEnd == first+1:
			if ms := out.rewalk(text, t, line, ms, e); ms != nil {
				out.put(line, ms)
			}
		}
	}
	return out
}

// rewalk returns the checkpoints of line, edited by e within, from ms,
// those before the edit; nil when the line is no longer long.
func (m *Marks) rewalk(text []byte, t Table, line int, ms []mark, e Edit) []mark {
	start, end := t.Start(line), t.End(text, line)
	if end-start < 4*m.step {
		return nil
	}
	const far = utf8.UTFMax - 1
	keep := sort.Search(len(ms), func(k int) bool { return start+ms[k].rel+far >= e.Start })
	after := sort.Search(len(ms), func(k int) bool { return start+ms[k].rel >= e.End+far })
	out := make([]mark, 0, len(ms)+(e.NewLen+2*m.step)/m.step)
	out = append(out, ms[:keep]...)
	cur := mark{}
	if keep > 0 {
		cur = out[keep-1]
	}
	stop := end
	if after < len(ms) {
		stop = start + ms[after].rel + e.Delta()
	}
	out, cur = m.walk(text, start, end, out, cur, stop)
	if after == len(ms) || start+cur.rel != stop {
		out, _ = m.walk(text, start, end, out, cur, end)
		return out
	}
	// The checkpoints after the edit, moved by it.
	d := mark{rel: cur.rel - ms[after].rel, runes: cur.runes - ms[after].runes, utf16: cur.utf16 - ms[after].utf16}
	for _, mk := range ms[after:] {
		out = append(out, mark{rel: mk.rel + d.rel, runes: mk.runes + d.runes, utf16: mk.utf16 + d.utf16})
	}
	return out
}
