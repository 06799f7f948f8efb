// phrases.go: reason phrases as descriptions write them: a code's phrase,
// the folding that compares a description with one, and the digits of a
// code written before it ("404 Not Found").

package lint

import (
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
)

// phrase returns a code's reason phrase: the configured one for a custom
// code, else the catalog's.
func (p *Pass) phrase(code int) (string, bool) {
	if s, ok := p.Options.CustomCodes[code]; ok && s != "" {
		return s, true
	}
	if e, ok := catalog.Lookup(code); ok {
		return e.Phrase, true
	}
	return "", false
}

// normalizePhrase folds a description for comparison with phrases: case,
// blanks, a final period and typographic apostrophes.
func normalizePhrase(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimRight(s, ".!")
	return strings.ReplaceAll(s, "’", "'")
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
