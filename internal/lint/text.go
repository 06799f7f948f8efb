// text.go: line helpers and the rendering of the small YAML and JSON
// snippets fixes insert.

package lint

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

// lineStart returns the offset of the start of the line holding off.
func lineStart(src []byte, off int) int { return lines.StartAt(src, off) }

// lineEnd returns the offset of the line break ending the line holding
// off (the \r of a CRLF), or len(src).
func lineEnd(src []byte, off int) int { return lines.EndAt(src, off) }

// nextLineStart returns the offset after the line break ending the line
// holding off, or len(src) on the last line.
func nextLineStart(src []byte, off int) int { return lines.NextAt(src, off) }

func isBlankBytes(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// indentBefore returns the blanks between the start of off's line and
// off, false if something else stands there. It reads only those blanks
// and the byte before them, however long the line (minified JSON): a
// fix's cost must not grow with the length of the line it edits.
func indentBefore(src []byte, off int) (string, bool) {
	i := off
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	if i > 0 && src[i-1] != '\n' && src[i-1] != '\r' {
		return "", false
	}
	return string(src[i:off]), true
}

// lineIndent returns the leading blanks of the line holding off.
func lineIndent(src []byte, off int) string {
	return indentAt(src, lineStart(src, off))
}

// indentAt returns the blanks starting at ls, the start of a line.
func indentAt(src []byte, ls int) string {
	i := ls
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return string(src[ls:i])
}

// restIsComment reports whether what follows off on its line is blanks,
// possibly ending in a YAML comment. It reads the blanks and one byte.
func restIsComment(src []byte, off int) bool {
	i := off
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i == len(src) || src[i] == '\n' || src[i] == '\r' || src[i] == '#'
}

// newline returns the line break the text uses.
func newline(src []byte) string {
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// unitFrom returns the indentation step from outer to inner, two spaces
// when inner is not deeper.
func unitFrom(outer, inner string) string {
	if len(inner) > len(outer) && strings.HasPrefix(inner, outer) {
		return inner[len(outer):]
	}
	return "  "
}

// snippet is a small mapping to insert: a key with a scalar value or with
// nested entries.
type snippet struct {
	key   string
	value string // a scalar, written plain in YAML and quoted in JSON
	kids  []snippet
	// yamlKey, when set, is the key as YAML writes it (a response key in
	// the quotes of its siblings: '409'); JSON quotes key.
	yamlKey string
}

// yamlKeyText returns the key as block or flow YAML writes it.
func (s snippet) yamlKeyText(write func(string) string) string {
	if s.yamlKey != "" {
		return s.yamlKey
	}
	return write(s.key)
}

// yamlBlock renders the snippet as block YAML, every line starting with
// indent and ending with nl.
func (s snippet) yamlBlock(indent, unit, nl string) string {
	var b strings.Builder
	s.writeYAML(&b, indent, unit, nl)
	return b.String()
}

func (s snippet) writeYAML(b *strings.Builder, indent, unit, nl string) {
	b.WriteString(indent + s.yamlKeyText(yamlPlain) + ":")
	if len(s.kids) == 0 {
		b.WriteString(" " + yamlPlain(s.value) + nl)
		return
	}
	b.WriteString(nl)
	for _, k := range s.kids {
		k.writeYAML(b, indent+unit, unit, nl)
	}
}

// yamlFlow renders the snippet as a YAML flow mapping entry.
func (s snippet) yamlFlow() string {
	if len(s.kids) == 0 {
		return s.yamlKeyText(yamlFlowScalar) + ": " + yamlFlowScalar(s.value)
	}
	parts := make([]string, len(s.kids))
	for i, k := range s.kids {
		parts[i] = k.yamlFlow()
	}
	return s.yamlKeyText(yamlFlowScalar) + ": {" + strings.Join(parts, ", ") + "}"
}

// jsonCompact renders the snippet as a JSON member on one line.
func (s snippet) jsonCompact() string {
	if len(s.kids) == 0 {
		return strconv.Quote(s.key) + ": " + strconv.Quote(s.value)
	}
	parts := make([]string, len(s.kids))
	for i, k := range s.kids {
		parts[i] = k.jsonCompact()
	}
	return strconv.Quote(s.key) + ": {" + strings.Join(parts, ", ") + "}"
}

// jsonPretty renders the snippet as a JSON member whose first line has no
// indentation and whose other lines are indented from indent by unit.
func (s snippet) jsonPretty(indent, unit, nl string) string {
	if len(s.kids) == 0 {
		return strconv.Quote(s.key) + ": " + strconv.Quote(s.value)
	}
	var b strings.Builder
	b.WriteString(strconv.Quote(s.key) + ": {" + nl)
	for i, k := range s.kids {
		b.WriteString(indent + unit + k.jsonPretty(indent+unit, unit, nl))
		if i < len(s.kids)-1 {
			b.WriteString(",")
		}
		b.WriteString(nl)
	}
	b.WriteString(indent + "}")
	return b.String()
}

// yamlPlain writes s as a YAML scalar for block context: plain where
// that reads back as the same string, else double-quoted.
func yamlPlain(s string) string {
	if plainSafe(s, false) {
		return s
	}
	return strconv.Quote(s)
}

// yamlFlowScalar writes s as a YAML scalar inside a flow collection.
func yamlFlowScalar(s string) string {
	if plainSafe(s, true) {
		return s
	}
	return strconv.Quote(s)
}

// plainSafe reports whether s can be written as a plain YAML scalar and
// read back as the same string.
func plainSafe(s string, flow bool) bool {
	if s == "" || s != strings.TrimSpace(s) {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	if flow && strings.ContainsAny(s, ",[]{}") {
		return false
	}
	for _, c := range s {
		if c < 0x20 || c == 0x7f {
			return false
		}
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n":
		return false
	}
	// Numbers, dates, .inf and the like read back as something else;
	// "404 Not Found" does not.
	if len(s) > 4 && isDigits(s[:3]) && s[3] == ' ' && (s[4] >= 'A' && s[4] <= 'Z' || s[4] >= 'a' && s[4] <= 'z') {
		return true
	}
	return !(s[0] >= '0' && s[0] <= '9' || s[0] == '.' || s[0] == '+')
}
