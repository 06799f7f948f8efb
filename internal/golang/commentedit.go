// commentedit.go: typing in a comment (a doc comment, most often) leaves
// every token of the file as it was, only further on. The scan of such a
// version is the earlier version's, moved by the length the comment
// changed, with the annotations of that comment read again; the file is
// parsed only when its tree is asked for.

package golang

import (
	"bytes"
	"slices"
	"sort"
	"sync/atomic"
	"unicode/utf8"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

// scans numbers the Files made, for File.ID.
var scans atomic.Uint64

// ID identifies the scan f among those made since the process started.
func (f *File) ID() uint64 { return f.id }

// diffEdit returns the edit from old to new that spans all they do not
// share at their start and end.
func diffEdit(old, new []byte) lines.Edit {
	// Blocks first: bytes.Equal compares many bytes at once.
	const block = 4096
	n := min(len(old), len(new))
	p := 0
	for p+block <= n && bytes.Equal(old[p:p+block], new[p:p+block]) {
		p += block
	}
	for p < n && old[p] == new[p] {
		p++
	}
	s := 0
	for s+block <= n-p && bytes.Equal(old[len(old)-s-block:len(old)-s], new[len(new)-s-block:len(new)-s]) {
		s += block
	}
	for s < n-p && old[len(old)-1-s] == new[len(new)-1-s] {
		s++
	}
	return lines.Edit{Start: p, End: len(old) - s, NewLen: len(new) - s - p}
}

// commentEdited returns the result of the package of pr whose file j now
// has the content k, src, when src differs from pr's text of the file only
// inside one comment; nil otherwise.
func commentEdited(pr *packageResult, j int, k fileKey, src []byte) *packageResult {
	old, f := pr.parsed[j], pr.files[j]
	if old.err != nil || old.tf == nil && !old.later || f == nil || f.id == 0 {
		return nil
	}
	e := diffEdit(old.src, src)
	c, ok := editedComment(old, src, e)
	if !ok {
		return nil
	}
	d := e.Delta()
	comment := Span{c[0], c[1] + d}
	nf, ok := f.moved(Span{c[0], c[1]}, d, cleanOccurrences(appendAnnotations(nil, src, comment.Start, comment.End), len(src)), nil, nil)
	if !ok {
		return nil
	}
	lx, ok := relex(old.lex, src, c[0], c[1], d)
	if !ok {
		return nil
	}
	nf.declStarts = lx.declStarts
	nf.edited = &Edited{Base: f.id, Edit: e, Span: comment}
	r := &packageResult{parsed: slices.Clone(pr.parsed), files: slices.Clone(pr.files), base: pr.base}
	r.parsed[j] = &parsedFile{key: k, src: append([]byte(nil), src...), fset: old.fset, lex: lx, test: old.test, later: true}
	r.files[j] = nf
	return r
}

// editedComment returns the comment of old, [start, end), that e edits
// when e lies inside its text and leaves it one comment that go/scanner
// reads without error on the same lines, which neither names a directive
// of this tool nor is a //line directive.
func editedComment(old *parsedFile, src []byte, e lines.Edit) ([2]int, bool) {
	cs := old.lex.comments
	i := sort.Search(len(cs), func(i int) bool { return cs[i][0] > e.Start }) - 1
	if i < 0 || e.IsNop() {
		return [2]int{}, false
	}
	c := cs[i]
	oc := old.src[c[0]:c[1]]
	block := bytes.HasPrefix(oc, []byte("/*"))
	inner := c[1]
	if block {
		inner -= 2
	}
	if e.Start < c[0]+2 || e.End > inner || bytes.IndexByte(old.src[e.Start:e.End], '\n') >= 0 ||
		bytes.IndexByte(src[e.Start:e.NewEnd()], '\n') >= 0 {
		return c, false
	}
	nc := src[c[0] : c[1]+e.Delta()]
	if !utf8.Valid(nc) || bytes.IndexByte(nc, 0) >= 0 || bytes.Contains(nc, []byte("\uFEFF")) ||
		block && bytes.Contains(nc[2:len(nc)-2], []byte("*/")) {
		return c, false
	}
	// A suppression comment silences the findings of its line and the
	// next; a //line directive moves the lines the findings name.
	line := func(text []byte, at int) []byte { return text[lines.StartAt(text, at):lines.EndAt(text, at)] }
	for _, l := range [][]byte{line(old.src, e.Start), line(src, e.Start), oc, nc} {
		if bytes.Contains(l, []byte("httpcode-lsp")) {
			return c, false
		}
	}
	for _, t := range [][]byte{oc, nc} {
		if bytes.HasPrefix(t, []byte("//line ")) || bytes.HasPrefix(t, []byte("/*line ")) {
			return c, false
		}
	}
	return c, true
}
