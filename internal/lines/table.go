// table.go defines Table, the start of every line of a text, and the
// helpers that find a line's bounds without one.

package lines

import (
	"bytes"
	"slices"
)

// Table holds where the lines of a text start; the first starts at 0. It
// does not hold the text: the methods that need bytes take it, and it must
// be the text the table was made (or last updated) for.
type Table struct {
	starts []int
	// unicode tells that NEL, LS and PS end lines too (NewUnicode).
	unicode bool
}

// New finds the start of every line of text, by LSP's line breaks, in
// O(len(text)).
func New(text []byte) Table {
	return Table{starts: lspStarts(text, 0)}
}

// NewUnicode is New with the breaks of YAML 1.1 (and yaml.v3) added: NEL
// (U+0085), LS (U+2028) and PS (U+2029) end a line too.
func NewUnicode(text []byte) Table {
	starts := lspStarts(text, 0)
	var extra []int
	for _, b := range [...]string{"\u0085", "\u2028", "\u2029"} {
		for i := 0; ; {
			k := bytes.Index(text[i:], []byte(b))
			if k < 0 {
				break
			}
			i += k + len(b)
			extra = append(extra, i)
		}
	}
	if len(extra) > 0 {
		starts = append(starts, extra...)
		slices.Sort(starts)
	}
	return Table{starts: starts, unicode: true}
}

// lspStarts returns the line starts of text by LSP's breaks, each plus
// base, the first being base.
func lspStarts(text []byte, base int) []int {
	starts := make([]int, 1, bytes.Count(text, []byte{'\n'})+1)
	starts[0] = base
	// Each "\n" found ends a line; lone "\r"s are searched for in between.
	for i := 0; ; {
		nl := bytes.IndexByte(text[i:], '\n')
		end := len(text)
		if nl >= 0 {
			end = i + nl
		}
		for {
			cr := bytes.IndexByte(text[i:end], '\r')
			if cr < 0 {
				break
			}
			i += cr + 1
			if i == end && nl >= 0 {
				break // "\r\n": the "\n" ends the line
			}
			starts = append(starts, base+i)
		}
		if nl < 0 {
			return starts
		}
		i = end + 1
		starts = append(starts, base+i)
	}
}

// Count is the number of lines; a text ending in a line break has an
// empty last line.
func (t Table) Count() int { return len(t.starts) }

// Start returns the offset where line starts (0 <= line < Count()).
func (t Table) Start(line int) int { return t.starts[line] }

// Of returns the line holding offset (0 <= offset <= the text's length).
// An offset inside a line break belongs to the line the break ends.
func (t Table) Of(offset int) int {
	i, found := slices.BinarySearch(t.starts, offset)
	if !found {
		i--
	}
	return i
}

// End returns the offset of the end of line's content in text, before its
// line break.
func (t Table) End(text []byte, line int) int {
	if line+1 >= len(t.starts) {
		return len(text)
	}
	end := t.starts[line+1] - 1 // the last byte of the break
	switch text[end] {
	case '\n':
		if end > t.starts[line] && text[end-1] == '\r' {
			end--
		}
	case '\r':
	case 0x85: // NEL: C2 85
		end--
	default: // LS, PS: E2 80 A8, E2 80 A9
		end -= 2
	}
	return end
}

// Next returns the start of the line after line, or len(text) for the
// last line.
func (t Table) Next(text []byte, line int) int {
	if line+1 >= len(t.starts) {
		return len(text)
	}
	return t.starts[line+1]
}

// isLSPStart reports whether a line starts at offset p (0 <= p <= len(text))
// by LSP's breaks.
func isLSPStart(text []byte, p int) bool {
	if p == 0 {
		return true
	}
	switch text[p-1] {
	case '\n':
		return true
	case '\r':
		return p == len(text) || text[p] != '\n'
	}
	return false
}

// isUnicodeStart is isLSPStart with NEL, LS and PS.
func isUnicodeStart(text []byte, p int) bool {
	if isLSPStart(text, p) {
		return true
	}
	switch {
	case p >= 2 && text[p-2] == 0xC2 && text[p-1] == 0x85:
		return true
	case p >= 3 && text[p-3] == 0xE2 && text[p-2] == 0x80 && (text[p-1] == 0xA8 || text[p-1] == 0xA9):
		return true
	}
	return false
}

func (t Table) isStart(text []byte, p int) bool {
	if t.unicode {
		return isUnicodeStart(text, p)
	}
	return isLSPStart(text, p)
}

// StartAt returns the start of the line holding offset off (clamped to
// [0, len(text)]), by LSP's breaks, without a table: it reads back from
// off to the line's start.
func StartAt(text []byte, off int) int {
	off = min(max(off, 0), len(text))
	nl := bytes.LastIndexByte(text[:off], '\n')
	// A lone "\r" after the last "\n" starts a line too; a "\r" followed
	// by the "\n" at off is half of the break ending off's line.
	for hi := off; ; {
		cr := bytes.LastIndexByte(text[nl+1:hi], '\r')
		if cr < 0 {
			return nl + 1
		}
		cr += nl + 1
		if cr+1 < len(text) && text[cr+1] == '\n' {
			hi = cr
			continue
		}
		return cr + 1
	}
}

// EndAt returns the end of the content of the line holding offset off
// (clamped to [0, len(text)]), before its line break, by LSP's breaks.
func EndAt(text []byte, off int) int {
	end, _ := breakAt(text, off)
	return end
}

// NextAt returns the start of the line after the one holding offset off
// (clamped to [0, len(text)]), or len(text) on the last line.
func NextAt(text []byte, off int) int {
	end, n := breakAt(text, off)
	return end + n
}

// breakAt returns the offset and length of the line break ending the line
// holding off; len(text) and 0 on the last line.
func breakAt(text []byte, off int) (int, int) {
	off = min(max(off, 0), len(text))
	if off > 0 && off < len(text) && text[off-1] == '\r' && text[off] == '\n' {
		return off - 1, 2 // off is inside a "\r\n"
	}
	end := len(text)
	if nl := bytes.IndexByte(text[off:], '\n'); nl >= 0 {
		end = off + nl
	}
	if cr := bytes.IndexByte(text[off:end], '\r'); cr >= 0 {
		if off+cr+1 == end && end < len(text) {
			return off + cr, 2
		}
		return off + cr, 1
	}
	if end == len(text) {
		return end, 0
	}
	return end, 1
}
