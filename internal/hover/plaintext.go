// plaintext.go turns the Markdown of hovers and completion documentation
// into plain text, for the clients that take no Markdown.

package hover

import (
	"regexp"
	"strings"
)

// link is a Markdown link, [text](url).
var link = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s]*)\)`)

// markup is the emphasis and code marks dropped from a line.
var markup = strings.NewReplacer("**", "", "`", "")

// PlainText renders the Markdown this server writes (headings, bold,
// code spans, links, lists, block quotes) as plain text: the marks go,
// a link keeps its text and shows its address in parentheses, list items
// keep their dash.
func PlainText(md string) string {
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		if h := strings.TrimLeft(l, "#"); h != l && strings.HasPrefix(h, " ") {
			l = h[1:]
		}
		l = strings.TrimPrefix(l, "> ")
		l = link.ReplaceAllString(l, "$1 ($2)")
		lines[i] = markup.Replace(l)
	}
	return strings.Join(lines, "\n")
}
