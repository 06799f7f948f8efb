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
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

// commentEdit tells how a File was made from the scan of an earlier
// version of its file.
type commentEdit struct {
	base    uint64 // the earlier scan's ID
	edit    lines.Edit
	comment Span // the edited comment, in the file's text
}

// scans numbers the Files made, for File.ID.
var scans atomic.Uint64

// ID identifies the scan f among those made since the process started.
func (f *File) ID() uint64 { return f.id }

// CommentEdit reports whether f was made from the scan whose ID is base,
// of an earlier version of the file that differs from f's text only inside
// one comment, without a newline added or removed: e is the edit from that
// text to f's, and comment the edited comment in f's text. Everything f
// holds outside the comment is the earlier scan's, moved by e.Delta() after
// it.
func (f *File) CommentEdit() (base uint64, e lines.Edit, comment Span, ok bool) {
	if f.edited == nil {
		return 0, lines.Edit{}, Span{}, false
	}
	return f.edited.base, f.edited.edit, f.edited.comment, true
}

// diffEdit returns the edit from old to new that spans all they do not
// share at their start and end.
func diffEdit(old, new []byte) lines.Edit {
	n := min(len(old), len(new))
	p := 0
	for p < n && old[p] == new[p] {
		p++
	}
	s := 0
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
	// An offset after the comment moves by d; one inside it has no place.
	moved := func(o int) (int, bool) {
		switch {
		case o < c[0]:
			return o, true
		case o >= c[1]:
			return o + d, true
		}
		return 0, false
	}
	// A span outside the comment moves whole.
	movedSpan := func(start, end int) (int, int, bool) {
		switch {
		case end <= c[0]:
			return start, end, true
		case start >= c[1]:
			return start + d, end + d, true
		}
		return 0, 0, false
	}
	newComment := Span{c[0], c[1] + d}
	nf := *f
	nf.id = scans.Add(1)
	nf.edited = &commentEdit{base: f.id, edit: e, comment: newComment}
	// Occurrences: the comment's are its annotations, read again; no other
	// may reach into it.
	nf.Occurrences = nil
	inserted, ok := false, true
	for _, o := range f.Occurrences {
		if o.Start >= c[0] && o.End <= c[1] && o.Start < o.End {
			continue
		}
		if o.Start >= c[1] && !inserted {
			nf.Occurrences, inserted = appendComment(nf.Occurrences, src, newComment), true
		}
		if o.Start, o.End, ok = movedSpan(o.Start, o.End); !ok {
			return nil
		}
		nf.Occurrences = append(nf.Occurrences, o)
	}
	if !inserted {
		nf.Occurrences = appendComment(nf.Occurrences, src, newComment)
	}
	nf.SendSlots = nil
	for _, s := range f.SendSlots {
		if s.Start, s.End, ok = movedSpan(s.Start, s.End); !ok {
			return nil
		}
		nf.SendSlots = append(nf.SendSlots, s)
	}
	if f.library != nil {
		nf.library = make(map[int]bool, len(f.library))
		for o := range f.library {
			m, ok := moved(o)
			if !ok {
				return nil
			}
			nf.library[m] = true
		}
	}
	lx := lexed{comments: make([][2]int, len(old.lex.comments)), declStarts: make([]int, len(old.lex.declStarts))}
	for i, oc := range old.lex.comments {
		if oc == c {
			lx.comments[i] = [2]int{newComment.Start, newComment.End}
			continue
		}
		lx.comments[i][0], lx.comments[i][1], _ = movedSpan(oc[0], oc[1])
	}
	for i, o := range old.lex.declStarts {
		if lx.declStarts[i], ok = moved(o); !ok {
			return nil
		}
	}
	nf.declStarts = lx.declStarts
	r := &packageResult{parsed: slices.Clone(pr.parsed), files: slices.Clone(pr.files)}
	r.parsed[j] = &parsedFile{key: k, src: append([]byte(nil), src...), fset: old.fset, lex: lx, test: old.test, later: true}
	r.files[j] = &nf
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

// appendComment appends the annotations of the comment c of src, each of
// which lies inside it, as scanParsed keeps them.
func appendComment(occs []occurrence.Occurrence, src []byte, c Span) []occurrence.Occurrence {
	return append(occs, cleanOccurrences(appendAnnotations(nil, src, c.Start, c.End), len(src))...)
}
