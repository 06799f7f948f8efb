// hints.go defines the inlay hints of a file: the reason phrase after each
// numeric status code.

package analysis

import (
	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

// Hint is a label to show at Offset, just after a code.
type Hint struct {
	Offset int
	Label  string
}

// InlayHints returns the hints of the codes that end within [start, end]:
// the reason phrase after a number — a Go literal in a status position, a
// response key, a plain-YAML status value — from the catalog, else the
// configuration's custom codes. A constant, which names its code already,
// a range key and an unknown code get none. After a key, the hint stands
// after its colon: `'404': Not Found`.
func (f *File) InlayHints(start, end int) []Hint {
	var out []Hint
	for _, occ := range f.Occurrences() {
		if occ.End < start || occ.End > end || occ.Code == 0 {
			continue
		}
		switch occ.Kind {
		case occurrence.Literal, occurrence.ResponseKey, occurrence.Value:
		default:
			continue
		}
		label := f.settings.Lint.CustomCodes[occ.Code]
		if e, ok := catalog.Lookup(occ.Code); ok {
			label = e.Phrase
		}
		if label != "" {
			out = append(out, Hint{Offset: afterColon(f.src, occ.End), Label: label})
		}
	}
	return out
}

// afterColon returns the offset after the colon that follows a key ending
// at end, or end itself.
func afterColon(src []byte, end int) int {
	if end < len(src) && src[end] == ':' {
		return end + 1
	}
	return end
}
