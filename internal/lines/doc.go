// Package lines owns the line table of a text: where its lines start by
// the line breaks of LSP ("\n", "\r\n" and a lone "\r"), which line holds
// a byte offset, where a line's content ends and the next line starts,
// and the columns of an offset counted in characters. It also defines
// Edit, one replacement of bytes, so that the edits a document store
// applied reach the parsers as exact spans rather than being found again
// by comparing texts.
//
// It speaks byte offsets only and imports no protocol package, so every
// feature package can share one definition of a line. A table can also
// break lines where YAML 1.1 (gopkg.in/yaml.v3) does: at NEL (U+0085), LS
// (U+2028) and PS (U+2029) as well (NewUnicode).
package lines
