// lines.go: the line index that turns yaml.v3's line and column into byte
// offsets, a lines.Table wrapped for yaml.v3's columns. yaml.v3 counts
// columns in characters (runes), not bytes, and breaks lines at LF, CRLF,
// a lone CR, NEL (U+0085), LS (U+2028) and PS (U+2029) (lines.NewUnicode);
// an initial UTF-8 byte order mark is not counted. The index follows the
// same rules so that an offset lands on the byte yaml.v3 meant.

package yamldoc

import (
	"encoding/binary"
	"sync"
	"unicode/utf8"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

// lineIndex holds where each line starts and ends in a text.
type lineIndex struct {
	// table is by yaml.v3's line breaks. It is the table of each of a
	// document's texts (source, sanitized, repaired): they differ only
	// in characters that are not line breaks.
	table lines.Table
	// ascii[i] tells that line i holds only ASCII bytes, where a column is
	// a byte count.
	ascii []bool
	// bom is the length of an initial byte order mark, which yaml.v3 reads
	// without counting a column.
	bom int
	// marks holds, for non-ASCII lines that were asked for, the byte
	// offset of every markStep-th rune, so that a long line (minified
	// JSON) is not walked from its start for every node.
	marks map[int][]int
	// marksMu guards marks: the nodes of a document are converted to
	// offsets from several goroutines (the rules of one version, the
	// reparse of the next).
	marksMu sync.Mutex
}

const markStep = 32

// breakLen returns the length of the line break at text[i], 0 if none.
func breakLen(text []byte, i int) int {
	switch c := text[i]; c {
	case '\n':
		return 1
	case '\r':
		if i+1 < len(text) && text[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xC2:
		if i+1 < len(text) && text[i+1] == 0x85 {
			return 2
		}
	case 0xE2:
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

func newLineIndex(text []byte) *lineIndex {
	li := &lineIndex{table: lines.NewUnicode(text), bom: bomLen(text)}
	li.ascii = make([]bool, li.table.Count())
	for l := range li.ascii {
		li.ascii[l] = isASCII(text[li.start(l):li.end(text, l)])
	}
	return li
}

func bomLen(text []byte) int {
	if len(text) >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF {
		return 3
	}
	return 0
}

// isASCII reports whether b holds only ASCII bytes, eight at a time.
func isASCII(b []byte) bool {
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// refresh updates what is known of a line whose bytes changed (but not
// its line break).
func (li *lineIndex) refresh(text []byte, line int) {
	li.ascii[line] = isASCII(text[li.start(line):li.end(text, line)])
	li.marksMu.Lock()
	delete(li.marks, line)
	li.marksMu.Unlock()
}

// count returns the number of lines.
func (li *lineIndex) count() int { return li.table.Count() }

// start returns the offset of a 0-based line.
func (li *lineIndex) start(line int) int { return li.table.Start(line) }

// end returns the offset of a 0-based line's line break in text (or of
// the end of the text).
func (li *lineIndex) end(text []byte, line int) int { return li.table.End(text, line) }

// lineOf returns the 0-based line holding offset.
func (li *lineIndex) lineOf(offset int) int { return li.table.Of(offset) }

// offset converts a 0-based line and a 0-based column in runes to a byte
// offset in text. Positions past a line's end are clamped to it.
func (li *lineIndex) offset(text []byte, line, col int) int {
	if line < 0 {
		return 0
	}
	if line >= li.count() {
		return len(text)
	}
	start, end := li.start(line), li.end(text, line)
	if line == 0 {
		start += li.bom
	}
	if col <= 0 {
		return start
	}
	if li.ascii[line] {
		return min(start+col, end)
	}
	if end-start < 4*markStep {
		return lines.Advance(text, start, end, col)
	}
	li.marksMu.Lock()
	defer li.marksMu.Unlock()
	if li.marks == nil {
		li.marks = map[int][]int{}
	}
	marks, ok := li.marks[line]
	if !ok {
		for i, n := start, 0; i < end; n++ {
			if n%markStep == 0 {
				marks = append(marks, i)
			}
			_, w := utf8.DecodeRune(text[i:end])
			i += w
		}
		li.marks[line] = marks
	}
	k := col / markStep
	if k >= len(marks) {
		return end
	}
	return lines.Advance(text, marks[k], end, col-k*markStep)
}

// clone returns a copy of the index that shares nothing mutable.
func (li *lineIndex) clone() *lineIndex {
	return &lineIndex{table: li.table, ascii: li.ascii, bom: li.bom}
}

// edited returns the index of src, the text of li with e applied, and the
// number of lines the edit added (negative when it removed some). Only the
// lines around the edit are read.
func (li *lineIndex) edited(src []byte, e lines.Edit) (*lineIndex, int) {
	out := &lineIndex{table: li.table, bom: bomLen(src)}
	first, oldEnd, newEnd := out.table.Update(src, e, false, false)
	out.ascii = make([]bool, 0, out.table.Count())
	out.ascii = append(out.ascii, li.ascii[:first]...)
	for l := first; l < newEnd; l++ {
		out.ascii = append(out.ascii, isASCII(src[out.start(l):out.end(src, l)]))
	}
	out.ascii = append(out.ascii, li.ascii[oldEnd:]...)
	return out, newEnd - oldEnd
}
