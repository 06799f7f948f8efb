// text.go writes findings as text: `path:line:col: severity rule-id:
// message`, one line each as compilers print them; with colour, each is
// followed by the source line and a caret under the finding, and a summary
// ends the list.

package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

// ANSI SGR sequences.
const (
	sgrReset  = "\x1b[0m"
	sgrBold   = "\x1b[1m"
	sgrDim    = "\x1b[2m"
	sgrRed    = "\x1b[31m"
	sgrGreen  = "\x1b[32m"
	sgrYellow = "\x1b[33m"
	sgrBlue   = "\x1b[34m"
	sgrCyan   = "\x1b[36m"
)

func severityColor(s lint.Severity) string {
	switch s {
	case lint.Error:
		return sgrRed
	case lint.Warning:
		return sgrYellow
	case lint.Info:
		return sgrBlue
	}
	return sgrCyan
}

// excerptWidth is how many columns of a long line (minified JSON) the
// excerpt shows around the finding.
const excerptWidth = 100

func writeText(w io.Writer, findings []finding, color bool, files int) error {
	bw := bufio.NewWriter(w)
	for _, f := range findings {
		line, col := f.at()
		loc := fmt.Sprintf("%s:%d:%d:", quoteName(f.file.display), line, col)
		msg := sanitize(f.Message)
		if !color {
			fmt.Fprintf(bw, "%s %s %s: %s\n", loc, f.Severity, f.RuleID, msg)
			continue
		}
		fmt.Fprintf(bw, "%s%s%s %s%s%s%s %s%s:%s %s\n", sgrBold, loc, sgrReset,
			sgrBold, severityColor(f.Severity), f.Severity, sgrReset, sgrDim, f.RuleID, sgrReset, msg)
		writeExcerpt(bw, f)
	}
	if color {
		fmt.Fprintln(bw, summary(findings, files))
	}
	return bw.Flush()
}

// summary is "4 findings (1 error, 2 warnings, 1 hint) in 2 files".
func summary(findings []finding, files int) string {
	count := map[lint.Severity]int{}
	for _, f := range findings {
		count[f.Severity]++
	}
	fileWord := plural(files, "file", "files")
	if len(findings) == 0 {
		return fmt.Sprintf("%sno findings%s in %s", sgrGreen, sgrReset, fileWord)
	}
	var parts []string
	for _, s := range []lint.Severity{lint.Error, lint.Warning, lint.Info, lint.Hint} {
		if n := count[s]; n > 0 {
			word := s.String()
			if s != lint.Info {
				word = plural(n, word, word+"s")
			} else {
				word = fmt.Sprintf("%d info", n)
			}
			parts = append(parts, severityColor(s)+word+sgrReset)
		}
	}
	return fmt.Sprintf("%s%s%s (%s) in %s", sgrBold, plural(len(findings), "finding", "findings"), sgrReset,
		strings.Join(parts, ", "), fileWord)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// excerptBytes bounds how much of a line an excerpt reads before the
// finding, of the finding, and after it, so that an excerpt on a 4 MB line
// (minified JSON) costs what one on a short line does: excerptWidth
// columns of ASCII, Latin, CJK or emoji (where a character of three or four
// bytes takes two columns), fewer where one of three bytes takes one. A
// window that starts inside a line counts its tab stops from its first
// byte.
const excerptBytes = 2 * excerptWidth

// writeExcerpt prints the finding's first line with a caret line under
// it, tabs expanded so that the two align.
func writeExcerpt(w io.Writer, f finding) {
	src := f.file.src
	if src.text == nil {
		return // not read: over the size limit
	}
	lineNo, _ := f.at()
	lineStart, lineEnd := src.lines.Start(lineNo-1), src.lines.End(src.text, lineNo-1)
	line := src.text[lineStart:lineEnd]
	start := clamp(f.Start-lineStart, 0, len(line))
	end := clamp(f.End-lineStart, start, len(line))

	from := runeStartAtOrAfter(line, max(start-excerptBytes, 0), start)
	markEnd := runeStartAtOrBefore(line, min(end, start+excerptBytes), start)
	to := runeStartAtOrBefore(line, min(len(line), end+excerptBytes), end)
	before := expand(line[from:start], 0)
	marked := expand(line[start:markEnd], displayWidth(before))
	after := expand(line[end:to], displayWidth(before)+displayWidth(marked))
	cutBefore, cutMarked, cutAfter := from > 0, markEnd < end, to < len(line)

	// A long line (minified JSON) is cut to a window around the finding.
	if cutBefore || cutMarked || cutAfter || displayWidth(before)+displayWidth(marked)+displayWidth(after) > excerptWidth {
		if cutBefore || displayWidth(before) > excerptWidth/3 {
			before = "…" + cutLeft(before, excerptWidth/3)
		}
		if cutMarked || displayWidth(marked) > excerptWidth/2 {
			marked = cutRight(marked, excerptWidth/2) + "…"
		}
		if room := excerptWidth - displayWidth(before) - displayWidth(marked); cutAfter || displayWidth(after) > room {
			after = cutRight(after, max(room, 0)) + "…"
		}
	}
	width := max(displayWidth(marked), 1)
	caret := "^" + strings.Repeat("~", width-1)

	gutter := fmt.Sprint(lineNo)
	pad := strings.Repeat(" ", len(gutter))
	color := severityColor(f.Severity)
	fmt.Fprintf(w, " %s%s |%s %s%s%s%s%s\n", sgrDim, gutter, sgrReset, before, sgrBold+color, marked, sgrReset, after)
	fmt.Fprintf(w, " %s%s |%s %s%s%s%s%s\n", sgrDim, pad, sgrReset, strings.Repeat(" ", displayWidth(before)), sgrBold, color, caret, sgrReset)
}

// runeStartAtOrAfter returns the first offset from i on (at most limit)
// where a character of b starts.
func runeStartAtOrAfter(b []byte, i, limit int) int {
	for i < limit && !utf8.RuneStart(b[i]) {
		i++
	}
	return i
}

// runeStartAtOrBefore returns the last offset up to i (at least limit)
// where a character of b starts, or len(b).
func runeStartAtOrBefore(b []byte, i, limit int) int {
	for i > limit && i < len(b) && !utf8.RuneStart(b[i]) {
		i--
	}
	return i
}

func clamp(n, lo, hi int) int { return max(lo, min(n, hi)) }

// tabWidth is how many columns a tab stands for in an excerpt.
const tabWidth = 4

// expand renders b for a terminal starting at column col: tabs become
// spaces to the next tab stop, control characters (which could drive the
// terminal) and invalid UTF-8 become U+FFFD.
func expand(b []byte, col int) string {
	var sb strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		b = b[n:]
		switch {
		case r == '\t':
			spaces := tabWidth - col%tabWidth
			sb.WriteString(strings.Repeat(" ", spaces))
			col += spaces
			continue
		case r == utf8.RuneError || unicode.IsControl(r):
			r = utf8.RuneError
		}
		sb.WriteRune(r)
		col += runeWidth(r)
	}
	return sb.String()
}

// sanitize makes a message safe to print on a terminal.
func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// runeWidth is the number of terminal columns r takes: 0 for combining
// marks, 2 for East Asian wide characters and emoji, else 1.
func runeWidth(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF && r != 0x303F,
		r >= 0xAC00 && r <= 0xD7A3, r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x1F300 && r <= 0x1F64F, r >= 0x1F900 && r <= 0x1F9FF, r >= 0x1FA70 && r <= 0x1FAFF,
		r >= 0x20000 && r <= 0x3FFFD:
		return 2
	}
	return 1
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// cutLeft keeps the last width columns of s.
func cutLeft(s string, width int) string {
	rs := []rune(s)
	n := 0
	for i := len(rs) - 1; i >= 0; i-- {
		if n += runeWidth(rs[i]); n > width {
			return string(rs[i+1:])
		}
	}
	return s
}

// cutRight keeps the first width columns of s.
func cutRight(s string, width int) string {
	n := 0
	for i, r := range s {
		if n += runeWidth(r); n > width {
			return s[:i]
		}
	}
	return s
}
