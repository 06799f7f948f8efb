// snapshot.go defines Snapshot and the conversions between byte offsets
// and LSP positions; the line table is the lines package's.

package text

import (
	"math"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

// Snapshot is one version of an open document. It is immutable: share it
// freely between goroutines.
//
// A version made by Apply from a flat one by edits close together is
// patched (patch.go): it reads its text through the edits on the flat
// version's, and converts positions in the lines the edits touched on
// those lines alone, until Text makes it flat, once.
type Snapshot struct {
	URI      protocol.DocumentURI
	Version  int32
	Language string // the client's languageId

	text *lines.Text
	// idx is the line table of a flat snapshot; patch, of a patched one,
	// until made sets idx (flat) and drops patch, whose base, the flat
	// version before, is then no longer kept.
	idx   atomic.Pointer[index]
	patch atomic.Pointer[patch]
	made  sync.Once
}

// table returns s's flat index, or its patch while it has none: one of
// them, the other nil.
func (s *Snapshot) table() (*index, *patch) {
	for {
		if x := s.idx.Load(); x != nil {
			return x, nil
		}
		if p := s.patch.Load(); p != nil {
			return nil, p
		}
		// flat made idx between the two loads.
	}
}

// index is the line table of a flat text.
type index struct {
	text  []byte
	lines lines.Table
	// marks are the checkpoints of the long lines, made as conversions
	// need them.
	marks *lines.Marks
}

// NewSnapshot indexes text without copying it: the snapshot takes ownership,
// and the caller must not modify text afterwards.
func NewSnapshot(uri protocol.DocumentURI, version int32, language string, text []byte) *Snapshot {
	s := &Snapshot{URI: uri, Version: version, Language: language, text: lines.NewText(text)}
	s.idx.Store(&index{text: text, lines: lines.New(text), marks: lines.NewMarks()})
	return s
}

// Text returns the document's bytes. They must not be modified. The slice's
// capacity is clipped so that appending to it copies. A patched snapshot
// is made flat on the first call, in the time of a copy of the text.
func (s *Snapshot) Text() []byte {
	t := s.flat().text
	return t[:len(t):len(t)]
}

// Source returns the document's text, which its analysis shares: Text's
// bytes, or the edits read on an earlier version's until they are made
// flat.
func (s *Snapshot) Source() *lines.Text { return s.text }

// Len is the length of the text in bytes.
func (s *Snapshot) Len() int { return s.text.Len() }

// LineCount is the number of lines; a document ending in a line break has
// an empty last line.
func (s *Snapshot) LineCount() int {
	x, p := s.table()
	if p != nil {
		return p.lineCount()
	}
	return x.lines.Count()
}

// Offset converts p to a byte offset. It clamps: a line past the end gives
// len(Text()); a character past the end of its line gives the end of the
// line's content (before its line break); a character inside a multi-byte
// character or a UTF-16 surrogate pair gives the start of that character.
func (s *Snapshot) Offset(p protocol.Position, enc Encoding) int {
	x, pt := s.table()
	if pt != nil {
		return pt.offset(p, enc)
	}
	return x.offset(p, enc)
}

func (s *index) offset(p protocol.Position, enc Encoding) int {
	if uint64(p.Line) >= uint64(s.lines.Count()) {
		return len(s.text)
	}
	line := int(p.Line)
	start, end := s.lines.Start(line), s.lines.End(s.text, line)
	want := uint64(p.Character)
	if enc == UTF8 {
		if want >= uint64(end-start) {
			return end
		}
		return s.charStart(start, end, start+int(want))
	}
	return s.walk(line, start, end, want, enc)
}

// walk returns the offset of column want, counted in enc (UTF-16 or
// UTF-32), of line, whose content is text[start:end]: the walk starts
// from the last checkpoint before the column (a long line's) or the
// line's start.
func (s *index) walk(line, start, end int, want uint64, enc Encoding) int {
	from, n := start, uint64(0)
	if s.marks.Long(start, end) {
		f, at := s.marks.Seek(s.text, line, start, end, int(want), enc != UTF32)
		from, n = f, uint64(at)
	}
	for i := from; i < end; {
		if n >= want {
			return i
		}
		b := s.text[i]
		if b < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRune(s.text[i:end])
		n += uint64(enc.units(r, size))
		if n > want {
			return i // inside this character
		}
		i += size
	}
	return end
}

// Position converts a byte offset to a position. It clamps offset to
// [0, len(Text())]; an offset inside a multi-byte character gives the start
// of that character, and one inside a line break (such as between "\r" and
// "\n") gives the end of the line's content.
func (s *Snapshot) Position(offset int, enc Encoding) protocol.Position {
	return s.Positions(enc).Position(offset)
}

// Positions converts many byte offsets of one snapshot to positions, as
// Position does. In UTF-16 and UTF-32 a column is counted along its line,
// from the nearer of the offset converted last and the line's checkpoint
// before the offset (lines.Marks): offsets converted in increasing order
// cost one walk of each line, and any offset at most a checkpoint's step
// (a minified spec is one line of megabytes).
type Positions struct {
	s     *index
	patch *patch // a patched snapshot's, s nil
	enc   Encoding
	cur   *lines.Cursor
}

// Positions returns a converter in the encoding enc.
func (s *Snapshot) Positions(enc Encoding) *Positions {
	x, p := s.table()
	if p != nil {
		return &Positions{patch: p, enc: enc}
	}
	return &Positions{s: x, enc: enc, cur: x.marks.Cursor(x.text, x.lines)}
}

// Position converts offset.
func (p *Positions) Position(offset int) protocol.Position {
	if p.patch != nil {
		return p.patch.position(offset, p.enc)
	}
	s := p.s
	if p.enc == UTF8 {
		offset = min(max(offset, 0), len(s.text))
		line := s.lines.Of(offset)
		start, end := s.lines.Start(line), s.lines.End(s.text, line)
		return protocol.Position{Line: uint32(line), Character: clampUint32(s.charStart(start, end, min(offset, end)) - start)}
	}
	pos := p.cur.At(offset)
	n := pos.UTF16
	if p.enc == UTF32 {
		n = pos.Runes
	}
	return protocol.Position{Line: uint32(pos.Line), Character: clampUint32(n)}
}

// charStart returns the start of the character holding offset o of the
// line whose content is text[start:end], in O(1). Decoding the line from
// its start is what defines its characters, but only a byte that is a
// UTF-8 continuation byte (10xxxxxx) can be inside one, and then only
// inside a valid sequence led by one of the three bytes before it.
func (s *index) charStart(start, end, o int) int {
	if o == end || !isContinuation(s.text[o]) {
		return o
	}
	for p := o - 1; p >= max(start, o-(utf8.UTFMax-1)); p-- {
		if !isContinuation(s.text[p]) {
			// p starts a character whichever way the line is decoded.
			if _, size := utf8.DecodeRune(s.text[p:end]); p+size > o {
				return p
			}
			return o
		}
	}
	return o
}

func isContinuation(b byte) bool { return b&0xC0 == 0x80 }

// Range converts the byte range [start, end) to a protocol range, clamping
// like Position.
func (s *Snapshot) Range(start, end int, enc Encoding) protocol.Range {
	return protocol.Range{Start: s.Position(start, enc), End: s.Position(end, enc)}
}

func clampUint32(n int) uint32 {
	if uint64(n) > math.MaxUint32 {
		return math.MaxUint32
	}
	return uint32(n)
}
