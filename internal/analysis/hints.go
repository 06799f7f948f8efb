// hints.go defines the inlay hints of a file: the reason phrase after each
// numeric status code.

package analysis

import (
	"slices"
	"sort"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
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
	occs := f.Occurrences()
	return f.hints(occs, start, end, lines.Flat(f.src))
}

// InlayHintsNow returns the hints within [start, end] without waiting for
// the file's analysis where the newest analysed earlier version of a YAML
// or JSON file answers them, as HoverNow does: the hints of its codes
// that the edits since did not touch, at their place in this text. A code
// the edits made or changed has none until the analysis. ok is false
// where the analysis is needed: then InlayHints.
func (f *File) InlayHintsNow(start, end int) (hints []Hint, ok bool) {
	if f.analysed.Load() {
		return f.InlayHints(start, end), true
	}
	b := f.last.Load()
	if b == nil || !slices.Equal(b.file.settings.StatusKeys, f.settings.StatusKeys) {
		return nil, false
	}
	e := b.edit
	// The range in the old text: what the edits replaced is in it if
	// any of their new text is.
	back := func(o int, atEnd bool) int {
		switch {
		case o < e.Start:
			return o
		case o >= e.NewEnd():
			return o - e.Delta()
		case atEnd:
			return e.End
		}
		return e.Start
	}
	var kept []occurrence.Occurrence
	for _, occ := range within(b.file.Occurrences(), back(start, false), back(end, true)) {
		if !e.IsNop() && e.Start <= occ.End && occ.Start <= e.End {
			continue
		}
		occ.Start, occ.End = e.Moved(occ.Start), e.Moved(occ.End)
		kept = append(kept, occ)
	}
	return f.hints(kept, start, end, f.text.View()), true
}

// within returns the occurrences, sorted and apart, that end within
// [start, end].
func within(occs []occurrence.Occurrence, start, end int) []occurrence.Occurrence {
	i := sort.Search(len(occs), func(i int) bool { return occs[i].End >= start })
	k := sort.Search(len(occs), func(k int) bool { return occs[k].End > end })
	return occs[i:max(i, k)]
}

// hints returns the hints of the occurrences that end within [start,
// end] of src.
func (f *File) hints(occs []occurrence.Occurrence, start, end int, src lines.Patched) []Hint {
	var out []Hint
	for _, occ := range within(occs, start, end) {
		if occ.Code == 0 {
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
			out = append(out, Hint{Offset: afterColon(src, occ.End), Label: label})
		}
	}
	return out
}

// afterColon returns the offset after the colon that follows a key ending
// at end, or end itself.
func afterColon(src lines.Patched, end int) int {
	if end < src.Len() && src.At(end) == ':' {
		return end + 1
	}
	return end
}
