// reference_test.go defines a slow, independent model of positions that the
// tests and fuzz targets check Snapshot against: it splits lines with its
// own loop and converts through an explicit table of units per line.
package text

import (
	"unicode/utf16"

	"go.lsp.dev/protocol"
)

type refLine struct{ start, end int } // content is text[start:end]

// refUnit is one unit of a line in some encoding, with the bytes of the
// character it belongs to.
type refUnit struct{ charStart, charEnd int }

type refDoc struct {
	text  string
	lines []refLine
}

func newRefDoc(text string) refDoc {
	d := refDoc{text: text}
	start := 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; c == '\r' || c == '\n' {
			d.lines = append(d.lines, refLine{start, i})
			if c == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	d.lines = append(d.lines, refLine{start, len(text)})
	return d
}

// units lists the units of line in enc. Ranging over a string yields
// U+FFFD with width 1 for each invalid byte, which is the rule we want.
func (d refDoc) units(line int, enc Encoding) []refUnit {
	l := d.lines[line]
	content := d.text[l.start:l.end]
	var out []refUnit
	for i, r := range content {
		w := len(string(r))
		if r == 0xFFFD && (i+3 > len(content) || content[i:i+3] != "\uFFFD") {
			w = 1 // an invalid byte, not a real U+FFFD
		}
		var n int
		switch enc {
		case UTF8:
			n = w
		case UTF32:
			n = 1
		default:
			n = len(utf16.Encode([]rune{r}))
		}
		for k := 0; k < n; k++ {
			out = append(out, refUnit{l.start + i, l.start + i + w})
		}
	}
	return out
}

func (d refDoc) offset(p protocol.Position, enc Encoding) int {
	if int(p.Line) >= len(d.lines) {
		return len(d.text)
	}
	us := d.units(int(p.Line), enc)
	if int(p.Character) >= len(us) {
		return d.lines[p.Line].end
	}
	return us[p.Character].charStart
}

func (d refDoc) position(offset int, enc Encoding) protocol.Position {
	offset = min(max(offset, 0), len(d.text))
	line := 0
	for i, l := range d.lines {
		if l.start <= offset {
			line = i
		}
	}
	offset = min(offset, d.lines[line].end)
	n := 0
	for _, u := range d.units(line, enc) {
		if u.charEnd <= offset {
			n++
		}
	}
	return protocol.Position{Line: uint32(line), Character: uint32(n)}
}

// validPositions lists every position that names a character boundary.
func (d refDoc) validPositions(enc Encoding) []protocol.Position {
	var out []protocol.Position
	for line := range d.lines {
		us := d.units(line, enc)
		for c := 0; c <= len(us); c++ {
			if c == len(us) || c == 0 || us[c].charStart != us[c-1].charStart {
				out = append(out, protocol.Position{Line: uint32(line), Character: uint32(c)})
			}
		}
	}
	return out
}

// charStarts lists the offsets that round-trip through Position: where a
// character starts, and the end of each line's content (where its line
// break starts).
func (d refDoc) charStarts() []int {
	var out []int
	for line, l := range d.lines {
		for _, u := range d.units(line, UTF32) {
			out = append(out, u.charStart)
		}
		out = append(out, l.end)
	}
	return out
}
