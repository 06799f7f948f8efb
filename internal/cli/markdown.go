// markdown.go renders the Markdown of hovers and rule docs for a
// terminal: headings, paragraphs, lists and block quotes wrapped to a
// width; **bold** and `code` become styles (or plain text without
// colour); [text](url) becomes "text (url)".

package cli

import (
	"strings"
)

// textWidth is the width explain wraps to.
const textWidth = 80

type style uint8

const (
	plain style = iota
	bold
	code
	link
	dim
)

func (s style) sgr() string {
	switch s {
	case bold:
		return sgrBold
	case code:
		return sgrCyan
	case link:
		return "\x1b[4m" // underline
	case dim:
		return sgrDim
	}
	return ""
}

// piece is a run of text in one style.
type piece struct {
	text  string
	style style
}

// inline splits a line of Markdown into styled pieces.
func inline(s string) []piece {
	var out []piece
	var buf strings.Builder
	flush := func() {
		if buf.Len() > 0 {
			out = append(out, piece{buf.String(), plain})
			buf.Reset()
		}
	}
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "**"):
			if end := strings.Index(s[i+2:], "**"); end > 0 {
				flush()
				out = append(out, piece{strings.ReplaceAll(s[i+2:i+2+end], "`", ""), bold})
				i += 2 + end + 2
				continue
			}
		case s[i] == '`':
			if end := strings.IndexByte(s[i+1:], '`'); end > 0 {
				flush()
				out = append(out, piece{s[i+1 : i+1+end], code})
				i += 1 + end + 1
				continue
			}
		case s[i] == '[':
			if mid := strings.Index(s[i:], "]("); mid > 0 {
				if end := strings.IndexByte(s[i+mid+2:], ')'); end >= 0 {
					flush()
					out = append(out,
						piece{strings.ReplaceAll(s[i+1:i+mid], "`", ""), link},
						piece{" (" + s[i+mid+2:i+mid+2+end] + ")", dim})
					i += mid + 2 + end + 1
					continue
				}
			}
		}
		buf.WriteByte(s[i])
		i++
	}
	flush()
	return out
}

// word is a run of pieces with no space in it.
type word []piece

func (w word) width() int {
	n := 0
	for _, p := range w {
		n += displayWidth(p.text)
	}
	return n
}

// words cuts pieces at spaces.
func words(pieces []piece) []word {
	var out []word
	var cur word
	for _, p := range pieces {
		for i, f := range strings.Split(p.text, " ") {
			if i > 0 && len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			if f != "" {
				cur = append(cur, piece{f, p.style})
			}
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// renderMarkdown renders md for a terminal, styled when color is set.
func renderMarkdown(md string, color bool) string {
	var b strings.Builder
	lines := strings.Split(strings.TrimRight(md, "\n"), "\n")
	blank := true // the last line written was blank
	emit := func(s string) {
		b.WriteString(strings.TrimRight(s, " "))
		b.WriteString("\n")
		blank = s == ""
	}
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " ")
		switch {
		case line == "":
			if !blank {
				emit("")
			}
		case strings.HasPrefix(line, "```"):
			for i++; i < len(lines) && !strings.HasPrefix(lines[i], "```"); i++ {
				emit("    " + expand([]byte(lines[i]), 4))
			}
		case strings.HasPrefix(line, "#"):
			title := strings.TrimLeft(line, "#")
			pieces := inline(strings.TrimSpace(title))
			for k := range pieces {
				pieces[k].style = bold
			}
			for _, l := range wrap(pieces, "", "", color) {
				emit(l)
			}
		case strings.HasPrefix(line, "- "):
			bullet := "  - "
			if color {
				bullet = "  • "
			}
			for _, l := range wrap(inline(line[2:]), bullet, "    ", color) {
				emit(l)
			}
		case strings.HasPrefix(line, ">"):
			bar := "  > "
			if color {
				bar = "  " + sgrDim + "│" + sgrReset + " "
			}
			for _, l := range wrap(inline(strings.TrimSpace(line[1:])), bar, bar, color) {
				emit(l)
			}
		default:
			for _, l := range wrap(inline(line), "", "", color) {
				emit(l)
			}
		}
	}
	return b.String()
}

// wrap fills lines of textWidth columns with the words of pieces; the
// first line starts with first, the others with rest (both are counted as
// their visible width).
func wrap(pieces []piece, first, rest string, color bool) []string {
	var out []string
	var line strings.Builder
	cur := plain // the style in force on the line, with colour
	endLine := func() {
		if cur != plain {
			line.WriteString(sgrReset)
			cur = plain
		}
		out = append(out, line.String())
		line.Reset()
	}
	line.WriteString(first)
	col, empty := visibleWidth(first), true
	for _, w := range words(pieces) {
		ww := w.width()
		if !empty && col+1+ww > textWidth {
			endLine()
			line.WriteString(rest)
			col, empty = visibleWidth(rest), true
		}
		if !empty {
			if cur != plain && w[0].style != cur {
				line.WriteString(sgrReset) // no styled space before another style
				cur = plain
			}
			line.WriteByte(' ')
			col++
		}
		for _, p := range w {
			if color && p.style != cur {
				if cur != plain {
					line.WriteString(sgrReset)
				}
				line.WriteString(p.style.sgr())
				cur = p.style
			}
			line.WriteString(p.text)
		}
		col += ww
		empty = false
	}
	endLine()
	return out
}

// visibleWidth is the width of s without its SGR sequences.
func visibleWidth(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\x1b' {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		if s[i] < 0x80 || s[i] >= 0xC0 {
			n++ // a rune starts here
		}
	}
	return n
}
