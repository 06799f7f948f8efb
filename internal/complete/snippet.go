// snippet.go converts LSP snippets to plain text for clients without
// snippet support.

package complete

import "strings"

// PlainText returns the text a snippet inserts with every placeholder at
// its default: ${1:text} becomes text, $1, ${1} and $0 disappear, and the
// escapes \$, \} and \\ become the characters they stand for.
func PlainText(snippet string) string {
	var b strings.Builder
	depth := 0 // open ${n: placeholders
	for i := 0; i < len(snippet); i++ {
		c := snippet[i]
		switch {
		case c == '\\' && i+1 < len(snippet) && strings.IndexByte(`$}\`, snippet[i+1]) >= 0:
			i++
			b.WriteByte(snippet[i])
		case c == '$' && i+1 < len(snippet) && snippet[i+1] == '{':
			j := i + 2
			for j < len(snippet) && snippet[j] >= '0' && snippet[j] <= '9' {
				j++
			}
			switch {
			case j < len(snippet) && snippet[j] == ':':
				depth++
				i = j
			case j < len(snippet) && snippet[j] == '}':
				i = j
			default:
				b.WriteByte(c)
			}
		case c == '$' && i+1 < len(snippet) && snippet[i+1] >= '0' && snippet[i+1] <= '9':
			for i+1 < len(snippet) && snippet[i+1] >= '0' && snippet[i+1] <= '9' {
				i++
			}
		case c == '}' && depth > 0:
			depth--
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
