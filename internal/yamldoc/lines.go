// lines.go: the line index that turns yaml.v3's line and column into byte
// offsets. yaml.v3 counts columns in characters (runes), not bytes, and
// breaks lines at LF, CRLF, a lone CR, NEL (U+0085), LS (U+2028) and PS
// (U+2029); an initial UTF-8 byte order mark is not counted. The index
// follows the same rules so that an offset lands on the byte yaml.v3 meant.

package yamldoc

import (
	"sync"
	"unicode/utf8"
)

// lineIndex holds where each line starts and ends in a text.
type lineIndex struct {
	// starts[i] is the offset of line i (0-based); ends[i] is the offset
	// of its line break (or of the end of the text).
	starts, ends []int
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
	li := &lineIndex{starts: make([]int, 1, len(text)/32+1)}
	if len(text) >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF {
		li.bom = 3
	}
	ascii := true
	for i := 0; i < len(text); {
		c := text[i]
		if c < 0x80 && c != '\n' && c != '\r' {
			i++
			continue
		}
		if n := breakLen(text, i); n > 0 {
			li.ends = append(li.ends, i)
			li.ascii = append(li.ascii, ascii)
			ascii = true
			i += n
			li.starts = append(li.starts, i)
			continue
		}
		if c >= 0x80 {
			ascii = false
		}
		i++
	}
	li.ends = append(li.ends, len(text))
	li.ascii = append(li.ascii, ascii)
	return li
}

// refresh updates what is known of a line whose bytes changed (but not
// its line break).
func (li *lineIndex) refresh(text []byte, line int) {
	ascii := true
	for _, c := range text[li.starts[line]:li.ends[line]] {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	li.ascii[line] = ascii
	li.marksMu.Lock()
	delete(li.marks, line)
	li.marksMu.Unlock()
}

// count returns the number of lines.
func (li *lineIndex) count() int { return len(li.starts) }

// lineOf returns the 0-based line holding offset.
func (li *lineIndex) lineOf(offset int) int {
	lo, hi := 0, len(li.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if li.starts[mid] <= offset {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// offset converts a 0-based line and a 0-based column in runes to a byte
// offset in text. Positions past a line's end are clamped to it.
func (li *lineIndex) offset(text []byte, line, col int) int {
	if line < 0 {
		return 0
	}
	if line >= len(li.starts) {
		return len(text)
	}
	start, end := li.starts[line], li.ends[line]
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
		return walkRunes(text, start, end, col)
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
	return walkRunes(text, marks[k], end, col-k*markStep)
}

// walkRunes returns the offset n runes after start, at most end.
func walkRunes(text []byte, start, end, n int) int {
	i := start
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
