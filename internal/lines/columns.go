// columns.go: columns counted in characters. An invalid UTF-8 byte counts
// as one character (as if it were U+FFFD).

package lines

import "unicode/utf8"

// Advance returns the offset n characters after from in text, at most end.
func Advance(text []byte, from, end, n int) int {
	i := from
	for ; n > 0 && i < end; n-- {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, w := utf8.DecodeRune(text[i:end])
		i += w
	}
	return i
}

// Position is where an offset is, as Cursor.At tells.
type Position struct {
	// Line is 0-based; Runes and UTF16 are the 0-based column counted in
	// Unicode characters and in UTF-16 code units.
	Line, Runes, UTF16 int
}

// Cursor converts byte offsets to positions. It walks on from the offset
// it converted last when the next is further on the same line, so that
// offsets converted in increasing order cost one walk of each line,
// however long (minified JSON), where each would otherwise count from its
// line's start; with Marks (Marks.Cursor) it starts from the nearer of
// that offset and the checkpoint before, so that any offset costs a
// checkpoint's step.
type Cursor struct {
	text  []byte
	table Table
	marks *Marks // nil: walks start at line starts
	// The last conversion: pos is the position of off.
	off int
	pos Position
}

// NewCursor returns a cursor over text, whose table is t.
func NewCursor(text []byte, t Table) *Cursor {
	return &Cursor{text: text, table: t, off: -1}
}

// At returns the position of offset, clamped to [0, len(text)]. An offset
// inside a character gives the position of that character's start, and one
// inside a line break (between "\r" and "\n") the end of its line.
func (c *Cursor) At(offset int) Position {
	offset = min(max(offset, 0), len(c.text))
	line := c.table.Of(offset)
	start, end := c.table.Start(line), c.table.End(c.text, line)
	offset = min(offset, end)
	i, pos := start, Position{Line: line}
	if c.off >= 0 && c.pos.Line == line && c.off <= offset {
		i, pos = c.off, c.pos
	}
	if c.marks.Long(start, end) {
		// A checkpoint nearer than the offset converted last.
		if mi, mpos, ok := c.marks.before(c.text, line, start, end, offset); ok && mi > i {
			i, pos = mi, mpos
		}
	}
	for i < offset {
		b := c.text[i]
		if b < utf8.RuneSelf {
			i++
			pos.Runes++
			pos.UTF16++
			continue
		}
		// Decode up to the line end, not offset: a character straddling
		// offset must be seen whole to know that offset is inside it.
		r, size := utf8.DecodeRune(c.text[i:end])
		if i+size > offset {
			break
		}
		i += size
		pos.Runes++
		pos.UTF16++
		if r >= 0x10000 {
			pos.UTF16++
		}
	}
	c.off, c.pos = i, pos
	return pos
}
