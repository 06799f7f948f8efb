// source.go defines source: a checked file's text with the line and
// column of every offset its findings name.

package cli

import (
	"slices"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

// source is the text findings refer to.
type source struct {
	// text and lines are kept for source excerpts only: they are nil
	// otherwise, so that checking a directory holds the positions of its
	// findings, not all of its text, until the output is written.
	text  []byte
	lines lines.Table
	// offsets holds every offset of the findings, in increasing order,
	// and pos the position of each: converted in that order, a long line
	// (minified JSON) is walked once, not once per finding. Two slices
	// take half the memory a map did, for 200,000 findings.
	offsets []int
	pos     []lines.Position
}

// newSource converts the offsets of findings in text; keepText keeps the
// text for excerpts.
func newSource(text []byte, findings []lint.Finding, keepText bool) *source {
	return newSourceAt(text, findingOffsets(findings, make([]int, 0, 2*len(findings))), keepText)
}

// findingOffsets appends the offsets of findings in their own file to
// offsets.
func findingOffsets(findings []lint.Finding, offsets []int) []int {
	for _, f := range findings {
		offsets = append(offsets, f.Start, f.End)
		for _, r := range f.Related {
			if r.Path == "" {
				offsets = append(offsets, r.Start, r.End)
			}
		}
	}
	return offsets
}

// newSourceAt converts offsets in text.
func newSourceAt(text []byte, offsets []int, keepText bool) *source {
	slices.Sort(offsets)
	offsets = slices.Clip(slices.Compact(offsets))
	s := &source{text: text, lines: lines.New(text), offsets: offsets, pos: make([]lines.Position, len(offsets))}
	c := lines.NewCursor(text, s.lines)
	for i, o := range offsets {
		s.pos[i] = c.At(o)
	}
	if !keepText {
		s.text, s.lines = nil, lines.Table{}
	}
	return s
}

// at returns the position of offset, one of the findings' (or any offset
// when the text is kept): 0-based line, 0-based columns.
func (s *source) at(offset int) lines.Position {
	if i, ok := slices.BinarySearch(s.offsets, offset); ok {
		return s.pos[i]
	}
	if s.text == nil {
		return lines.Position{}
	}
	return lines.NewCursor(s.text, s.lines).At(offset)
}

// lineCol returns the 1-based line and 1-based column, counted in Unicode
// characters, of offset, for compiler-style "file:line:col" output.
func (s *source) lineCol(offset int) (line, col int) {
	p := s.at(offset)
	return p.Line + 1, p.Runes + 1
}
