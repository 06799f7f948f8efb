// text_test.go: table tests of encodings, the line index, conversions and Apply.
package text

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

var encodings = []Encoding{UTF16, UTF8, UTF32}

func pos(line, char uint32) protocol.Position {
	return protocol.Position{Line: line, Character: char}
}

func rng(l1, c1, l2, c2 uint32) *protocol.Range {
	return &protocol.Range{Start: pos(l1, c1), End: pos(l2, c2)}
}

func snap(text string) *Snapshot {
	return NewSnapshot("file:///t.go", 1, "go", []byte(text))
}

func TestParseEncoding(t *testing.T) {
	for _, e := range encodings {
		got, ok := ParseEncoding(e.String())
		if !ok || got != e {
			t.Errorf("ParseEncoding(%q) = %v, %v; want %v, true", e.String(), got, ok, e)
		}
	}
	for _, s := range []string{"", "utf8", "UTF-16x", "utf-7"} {
		if _, ok := ParseEncoding(s); ok {
			t.Errorf("ParseEncoding(%q) ok; want not ok", s)
		}
	}
	if got := Encoding(9).String(); got != "Encoding(9)" {
		t.Errorf("Encoding(9).String() = %q", got)
	}
}

func TestLineStarts(t *testing.T) {
	tests := []struct {
		text string
		want []int
	}{
		{"", []int{0}},
		{"a", []int{0}},
		{"a\n", []int{0, 2}},
		{"a\nb", []int{0, 2}},
		{"a\r\nb", []int{0, 3}},
		{"a\rb", []int{0, 2}},
		{"\r", []int{0, 1}},
		{"\r\n", []int{0, 2}},
		{"\n\r", []int{0, 1, 2}},
		{"a\r\rb\n\r\n", []int{0, 2, 3, 5, 7}},
		{"\r\r\n\n", []int{0, 1, 3, 4}},
	}
	for _, tt := range tests {
		s := snap(tt.text)
		var got []int
		for l := range s.flat().lines.Count() {
			got = append(got, s.flat().lines.Start(l))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("lines of %q = %v; want %v", tt.text, got, tt.want)
		}
		if s.LineCount() != len(tt.want) {
			t.Errorf("LineCount of %q = %d; want %d", tt.text, s.LineCount(), len(tt.want))
		}
	}
}

// conversionTests pair an offset with a position, both ways unless noted.
var conversionTests = []struct {
	name   string
	text   string
	enc    Encoding
	offset int
	pos    protocol.Position
	// oneWay: only Offset(pos) == offset holds (pos is clamped or inside
	// a character); otherwise Position(offset) == pos too.
	oneWay bool
	// posOnly: only Position(offset) == pos holds.
	posOnly bool
}{
	{name: "ascii", text: "w.WriteHeader(200)", enc: UTF16, offset: 14, pos: pos(0, 14)},
	{name: "tab", text: "\t200", enc: UTF16, offset: 1, pos: pos(0, 1)},
	{name: "é utf16", text: "// é\n200", enc: UTF16, offset: 5, pos: pos(0, 4)},
	{name: "é utf16 next line", text: "// é\n200", enc: UTF16, offset: 7, pos: pos(1, 1)},
	{name: "é utf8", text: "// é\n200", enc: UTF8, offset: 5, pos: pos(0, 5)},
	{name: "é utf32", text: "// é\n200", enc: UTF32, offset: 5, pos: pos(0, 4)},
	{name: "inside é utf8", text: "é200", enc: UTF8, offset: 0, pos: pos(0, 1), oneWay: true},
	{name: "offset inside é", text: "é200", enc: UTF16, offset: 1, pos: pos(0, 0), posOnly: true},
	{name: "after é", text: "é200", enc: UTF16, offset: 2, pos: pos(0, 1)},
	{name: "😀 utf16", text: "a😀200", enc: UTF16, offset: 5, pos: pos(0, 3)},
	{name: "😀 utf8", text: "a😀200", enc: UTF8, offset: 5, pos: pos(0, 5)},
	{name: "😀 utf32", text: "a😀200", enc: UTF32, offset: 5, pos: pos(0, 2)},
	{name: "inside surrogate pair", text: "a😀200", enc: UTF16, offset: 1, pos: pos(0, 2), oneWay: true},
	{name: "inside 😀 utf8", text: "a😀200", enc: UTF8, offset: 1, pos: pos(0, 4), oneWay: true},
	{name: "offset inside 😀", text: "a😀200", enc: UTF16, offset: 3, pos: pos(0, 1), posOnly: true},
	{name: "cjk", text: "状态码 404", enc: UTF16, offset: 10, pos: pos(0, 4)},
	{name: "cjk utf8", text: "状态码 404", enc: UTF8, offset: 10, pos: pos(0, 10)},
	{name: "crlf line 1", text: "a\r\nb 200\r\n", enc: UTF16, offset: 5, pos: pos(1, 2)},
	{name: "crlf end of line", text: "a\r\nb", enc: UTF16, offset: 1, pos: pos(0, 1)},
	{name: "between cr and lf", text: "a\r\nb", enc: UTF16, offset: 2, pos: pos(0, 1), posOnly: true},
	{name: "crlf last line empty", text: "a\r\n", enc: UTF16, offset: 3, pos: pos(1, 0)},
	{name: "lone cr", text: "a\rb\r200", enc: UTF16, offset: 5, pos: pos(2, 1)},
	{name: "lone cr at end", text: "a\r", enc: UTF16, offset: 2, pos: pos(1, 0)},
	{name: "cr cr", text: "\r\r", enc: UTF16, offset: 1, pos: pos(1, 0)},
	{name: "lf after lone cr", text: "\n\r", enc: UTF16, offset: 2, pos: pos(2, 0)},
	{name: "é 😀 crlf", text: "é😀\r\n😀x", enc: UTF16, offset: 12, pos: pos(1, 2)},
	{name: "invalid utf8", text: "a\xffb", enc: UTF16, offset: 2, pos: pos(0, 2)},
	{name: "invalid utf8 utf8", text: "a\xffb", enc: UTF8, offset: 2, pos: pos(0, 2)},
	{name: "truncated rune", text: "\xe2\x82x", enc: UTF16, offset: 2, pos: pos(0, 2)},
	{name: "truncated rune middle", text: "\xe2\x82x", enc: UTF16, offset: 1, pos: pos(0, 1)},
	{name: "real U+FFFD", text: "\uFFFDx", enc: UTF16, offset: 3, pos: pos(0, 1)},
	{name: "encoded surrogate is invalid", text: "\xed\xa0\x80x", enc: UTF16, offset: 3, pos: pos(0, 3)},
	{name: "empty", text: "", enc: UTF16, offset: 0, pos: pos(0, 0)},
	// Clamping.
	{name: "line past end", text: "a\nb", enc: UTF16, offset: 3, pos: pos(7, 0), oneWay: true},
	{name: "line past end empty", text: "", enc: UTF16, offset: 0, pos: pos(3, 3), oneWay: true},
	{name: "char past end of line", text: "ab\ncd", enc: UTF16, offset: 2, pos: pos(0, 99), oneWay: true},
	{name: "char past end of crlf line", text: "ab\r\ncd", enc: UTF16, offset: 2, pos: pos(0, 3), oneWay: true},
	{name: "char past end of lone cr line", text: "ab\rcd", enc: UTF16, offset: 2, pos: pos(0, 3), oneWay: true},
	{name: "char past end of last line", text: "ab\ncd", enc: UTF8, offset: 5, pos: pos(1, 9), oneWay: true},
	{name: "max uint32", text: "ab", enc: UTF8, offset: 2, pos: pos(1<<32-1, 1<<32-1), oneWay: true},
	{name: "max char", text: "ab", enc: UTF8, offset: 2, pos: pos(0, 1<<32-1), oneWay: true},
	{name: "negative offset", text: "ab", enc: UTF16, offset: -4, pos: pos(0, 0), posOnly: true},
	{name: "offset past end", text: "a\nbé", enc: UTF16, offset: 99, pos: pos(1, 2), posOnly: true},
	{name: "offset on lf", text: "ab\ncd", enc: UTF16, offset: 2, pos: pos(0, 2)},
}

func TestConversions(t *testing.T) {
	for _, tt := range conversionTests {
		t.Run(tt.name, func(t *testing.T) {
			s := snap(tt.text)
			ref := newRefDoc(tt.text)
			if !tt.posOnly {
				if got := s.Offset(tt.pos, tt.enc); got != tt.offset {
					t.Errorf("Offset(%v, %v) = %d; want %d", tt.pos, tt.enc, got, tt.offset)
				}
				if got := ref.offset(tt.pos, tt.enc); got != tt.offset {
					t.Errorf("reference offset(%v, %v) = %d; want %d (the reference is wrong)", tt.pos, tt.enc, got, tt.offset)
				}
			}
			if !tt.oneWay {
				if got := s.Position(tt.offset, tt.enc); got != tt.pos {
					t.Errorf("Position(%d, %v) = %v; want %v", tt.offset, tt.enc, got, tt.pos)
				}
				if got := ref.position(tt.offset, tt.enc); got != tt.pos {
					t.Errorf("reference position(%d, %v) = %v; want %v (the reference is wrong)", tt.offset, tt.enc, got, tt.pos)
				}
			}
		})
	}
}

var roundTripTexts = []string{
	"",
	"w.WriteHeader(200)\n",
	"// é 😀 状态码\r\nreturn 404\r\n",
	"a\rb\r\rc\n\r\n",
	"\t\xff\xe2\x82 \U0010FFFF\uFFFD\n😀😀",
	"\r",
	"\n\r",
}

// TestRoundTrip checks Position(Offset(p)) == p for every valid position
// and Offset(Position(o)) == o for every character start, in every
// encoding, and both against the reference for every position and offset.
func TestRoundTrip(t *testing.T) {
	for _, text := range roundTripTexts {
		s, ref := snap(text), newRefDoc(text)
		for _, enc := range encodings {
			for _, p := range ref.validPositions(enc) {
				if got := s.Position(s.Offset(p, enc), enc); got != p {
					t.Errorf("%q %v: Position(Offset(%v)) = %v", text, enc, p, got)
				}
			}
			for _, o := range ref.charStarts() {
				if got := s.Offset(s.Position(o, enc), enc); got != o {
					t.Errorf("%q %v: Offset(Position(%d)) = %d", text, enc, o, got)
				}
			}
			checkAgainstReference(t, s, ref, enc)
		}
	}
}

// checkAgainstReference compares every offset and every position up to a
// little past each line's end.
func checkAgainstReference(t *testing.T, s *Snapshot, ref refDoc, enc Encoding) {
	t.Helper()
	if s.LineCount() != len(ref.lines) || s.Len() != len(ref.text) {
		t.Fatalf("%q: %d lines, %d bytes; reference %d, %d", ref.text, s.LineCount(), s.Len(), len(ref.lines), len(ref.text))
	}
	for o := -1; o <= len(ref.text)+1; o++ {
		if got, want := s.Position(o, enc), ref.position(o, enc); got != want {
			t.Fatalf("%q %v: Position(%d) = %v; reference %v", ref.text, enc, o, got, want)
		}
	}
	for line := 0; line <= len(ref.lines); line++ {
		n := 0
		if line < len(ref.lines) {
			n = len(ref.units(line, enc))
		}
		for c := 0; c <= n+2; c++ {
			p := pos(uint32(line), uint32(c))
			if got, want := s.Offset(p, enc), ref.offset(p, enc); got != want {
				t.Fatalf("%q %v: Offset(%v) = %d; reference %d", ref.text, enc, p, got, want)
			}
		}
	}
}

func TestRange(t *testing.T) {
	s := snap("a😀\r\nhttp.StatusOK")
	got := s.Range(7, 17, UTF16)
	want := protocol.Range{Start: pos(1, 0), End: pos(1, 10)}
	if got != want {
		t.Errorf("Range = %v; want %v", got, want)
	}
}

func TestTextIsClipped(t *testing.T) {
	s := snap("ab")
	s2, _, err := s.Apply(2, []Change{{Range: rng(0, 2, 0, 2), Text: "c"}, {Range: rng(0, 0, 0, 1), Text: ""}}, UTF16)
	if err != nil {
		t.Fatal(err)
	}
	b := s2.Text()
	_ = append(b, 'x')
	if got := string(s2.Text()); got != "bc" {
		t.Errorf("after append to Text(): %q", got)
	}
	if cap(b) != len(b) {
		t.Errorf("Text() cap %d > len %d", cap(b), len(b))
	}
}

func TestApply(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		enc     Encoding
		changes []Change
		want    string
		wantErr bool
	}{
		{name: "insert", text: "ab\ncd", changes: []Change{{Range: rng(1, 0, 1, 0), Text: "X"}}, want: "ab\nXcd"},
		{name: "insert at end", text: "ab\ncd", changes: []Change{{Range: rng(1, 2, 1, 2), Text: "\n"}}, want: "ab\ncd\n"},
		{name: "delete across lines", text: "ab\ncd\nef", changes: []Change{{Range: rng(0, 1, 2, 1), Text: ""}}, want: "af"},
		{name: "delete line", text: "ab\r\ncd\r\nef", changes: []Change{{Range: rng(1, 0, 2, 0), Text: ""}}, want: "ab\r\nef"},
		{name: "replace across lines", text: "ab\ncd", changes: []Change{{Range: rng(0, 1, 1, 1), Text: "1\n2\r\n3"}}, want: "a1\n2\r\n3d"},
		{name: "replace status code", text: "w.WriteHeader(200)\n", changes: []Change{{Range: rng(0, 14, 0, 17), Text: "http.StatusOK"}}, want: "w.WriteHeader(http.StatusOK)\n"},
		{name: "several changes", text: "hello world", changes: []Change{
			{Range: rng(0, 0, 0, 5), Text: "bye"},
			{Range: rng(0, 4, 0, 9), Text: "all"},
		}, want: "bye all"},
		{name: "several changes moving lines", text: "a\nb\nc", changes: []Change{
			{Range: rng(0, 0, 0, 0), Text: "x\ny\n"},
			{Range: rng(3, 0, 4, 0), Text: ""},
			{Range: rng(3, 1, 3, 1), Text: "!"},
		}, want: "x\ny\na\nc!"},
		{name: "several changes growing", text: "a", changes: []Change{
			{Range: rng(0, 1, 0, 1), Text: strings.Repeat("b\n", 50)},
			{Range: rng(50, 0, 50, 0), Text: strings.Repeat("c\r", 50)},
			{Range: rng(0, 0, 99, 0), Text: ""},
		}, want: "c\r"},
		{name: "full replacement", text: "old", changes: []Change{{Text: "new\ntext"}}, want: "new\ntext"},
		{name: "full then incremental", text: "old", changes: []Change{
			{Text: "abc"},
			{Range: rng(0, 1, 0, 2), Text: "Z"},
		}, want: "aZc"},
		{name: "incremental then full", text: "old", changes: []Change{
			{Range: rng(0, 1, 0, 2), Text: "Z"},
			{Text: "abc"},
		}, want: "abc"},
		{name: "range past the end", text: "ab\ncd", changes: []Change{{Range: rng(5, 0, 9, 9), Text: "!"}}, want: "ab\ncd!"},
		{name: "range straddling the end", text: "ab\ncd", changes: []Change{{Range: rng(1, 1, 9, 9), Text: "!"}}, want: "ab\nc!"},
		{name: "char past line end", text: "ab\r\ncd", changes: []Change{{Range: rng(0, 99, 0, 100), Text: "X"}}, want: "abX\r\ncd"},
		{name: "reversed lines", text: "ab\ncd", changes: []Change{{Range: rng(1, 0, 0, 1), Text: "X"}}, wantErr: true},
		{name: "reversed chars", text: "ab\ncd", changes: []Change{{Range: rng(0, 2, 0, 1), Text: "X"}}, wantErr: true},
		{name: "reversed after a good change", text: "ab", changes: []Change{
			{Range: rng(0, 0, 0, 0), Text: "X"},
			{Range: rng(0, 2, 0, 1), Text: "X"},
		}, wantErr: true},
		{name: "reversed past the end", text: "ab", changes: []Change{{Range: rng(9, 0, 8, 0), Text: "X"}}, wantErr: true},
		{name: "empty document", text: "", changes: []Change{{Range: rng(0, 0, 0, 0), Text: "hi"}}, want: "hi"},
		{name: "empty document past end", text: "", changes: []Change{{Range: rng(3, 3, 4, 4), Text: "hi"}}, want: "hi"},
		{name: "to empty", text: "a\nb", changes: []Change{{Range: rng(0, 0, 1, 1), Text: ""}}, want: ""},
		{name: "no changes", text: "same", changes: nil, want: "same"},
		{name: "utf8", text: "é😀x", enc: UTF8, changes: []Change{{Range: rng(0, 6, 0, 7), Text: "y"}}, want: "é😀y"},
		{name: "utf8 inside char", text: "é😀x", enc: UTF8, changes: []Change{{Range: rng(0, 1, 0, 4), Text: ""}}, want: "😀x"},
		{name: "utf16", text: "é😀x", changes: []Change{{Range: rng(0, 1, 0, 3), Text: ""}}, want: "éx"},
		{name: "utf16 inside pair", text: "a😀b", changes: []Change{{Range: rng(0, 2, 0, 2), Text: "X"}}, want: "aX😀b"},
		{name: "utf32", text: "é😀x", enc: UTF32, changes: []Change{{Range: rng(0, 1, 0, 2), Text: "ü"}}, want: "éüx"},
		{name: "cr then lf joins", text: "a\r", changes: []Change{{Range: rng(1, 0, 1, 0), Text: "\nb"}}, want: "a\r\nb"},
		{name: "cr before lf joins", text: "a\nb", changes: []Change{{Range: rng(0, 1, 0, 1), Text: "\r"}}, want: "a\r\nb"},
		{name: "crlf split", text: "a\r\nb", changes: []Change{{Range: rng(0, 1, 1, 0), Text: "\rX\n"}}, want: "a\rX\nb"},
		{name: "delete between cr and lf", text: "a\rX\nb", changes: []Change{{Range: rng(1, 0, 1, 1), Text: ""}}, want: "a\r\nb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := snap(tt.text)
			before := s.flat().lines
			got, edit, err := s.Apply(7, tt.changes, tt.enc)
			if string(s.Text()) != tt.text || !reflect.DeepEqual(s.flat().lines, before) || !reflect.DeepEqual(s.flat().lines, lines.New(s.Text())) || s.Version != 1 {
				t.Errorf("Apply modified its receiver: %q %v v%d", s.Text(), s.flat().lines, s.Version)
			}
			if tt.wantErr {
				if err == nil {
					t.Fatalf("Apply = %q; want an error", got.Text())
				}
				if !errors.Is(err, ErrReversedRange) {
					t.Errorf("error %v does not wrap ErrReversedRange", err)
				}
				if got != nil {
					t.Errorf("Apply returned a snapshot with its error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Len() != len(tt.want) || got.LineCount() != len(newRefDoc(tt.want).lines) {
				t.Errorf("Apply = %d bytes, %d lines; want %d, %d", got.Len(), got.LineCount(), len(tt.want), len(newRefDoc(tt.want).lines))
			}
			checkAgainstReference(t, got, newRefDoc(tt.want), tt.enc)
			if string(got.Text()) != tt.want {
				t.Errorf("Apply = %q; want %q", got.Text(), tt.want)
			}
			if got.Version != 7 || got.URI != s.URI || got.Language != s.Language {
				t.Errorf("Apply = v%d %s %s; want v7 %s %s", got.Version, got.URI, got.Language, s.URI, s.Language)
			}
			checkLineIndex(t, got)
			checkEdit(t, s, got, edit)
		})
	}
}

// checkEdit checks that the edit Apply returned turns s's text into
// got's: the bytes outside its span are s's.
func checkEdit(t testing.TB, s, got *Snapshot, e lines.Edit) {
	t.Helper()
	old, now := string(s.Text()), string(got.Text())
	if e.Start < 0 || e.Start > e.End || e.End > len(old) || len(old)+e.Delta() != len(now) ||
		old[:e.Start] != now[:e.Start] || old[e.End:] != now[e.NewEnd():] {
		t.Fatalf("edit %+v does not turn %q into %q", e, old, now)
	}
	if e.IsNop() && old != now {
		t.Fatalf("no-op edit, but %q became %q", old, now)
	}
}

// checkLineIndex compares the spliced line index with a fresh scan.
func checkLineIndex(t testing.TB, s *Snapshot) {
	t.Helper()
	if x := s.flat(); !reflect.DeepEqual(x.lines, lines.New(x.text)) {
		t.Fatalf("line index of %q = %v; a fresh scan gives %v", x.text, x.lines, lines.New(x.text))
	}
}

// TestApplyChain applies a chain of snapshots and checks that earlier ones
// keep their text: a version read through its edits, or made flat, never
// changes the one it was made from.
func TestApplyChain(t *testing.T) {
	s0 := snap("line 1\nline 2\n")
	s1, _, err := s0.Apply(2, []Change{{Range: rng(1, 0, 1, 0), Text: "x"}, {Range: rng(0, 0, 0, 0), Text: "y"}}, UTF16)
	if err != nil {
		t.Fatal(err)
	}
	s2, _, err := s1.Apply(3, []Change{{Range: rng(0, 0, 0, 1), Text: ""}, {Range: rng(2, 0, 2, 0), Text: "end"}}, UTF16)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		s    *Snapshot
		want string
	}{{s0, "line 1\nline 2\n"}, {s1, "yline 1\nxline 2\n"}, {s2, "line 1\nxline 2\nend"}} {
		if got := string(c.s.Text()); got != c.want {
			t.Errorf("v%d = %q; want %q", c.s.Version, got, c.want)
		}
		checkLineIndex(t, c.s)
	}
}

// TestApplyKeepsCheckpoints types into two long lines whose checkpoints
// were made (lines.Marks), which Apply carries over each change: a
// surrogate pair, a deletion inside one, a line break, two changes in
// one call. Conversions around every checkpoint agree with the reference.
func TestApplyKeepsCheckpoints(t *testing.T) {
	row := strings.Repeat("é😀状x", 700) // 7,000 bytes, 2,800 characters
	s := snap(row + "\r\n" + row)
	at := func(l, c uint32) *protocol.Range { return rng(l, c, l, c) }
	for i, changes := range [][]Change{
		{{Range: at(0, 3001), Text: "😀"}},
		{{Range: rng(0, 3002, 0, 3003), Text: ""}}, // half of the pair typed
		{{Range: at(1, 2000), Text: "\r\n"}},
		{{Range: at(0, 10), Text: "ab"}, {Range: rng(2, 5, 2, 9), Text: "状"}},
	} {
		for _, enc := range encodings {
			for l := range s.LineCount() {
				s.Offset(pos(uint32(l), 1<<20), enc) // make every line's checkpoints
			}
		}
		next, _, err := s.Apply(int32(i+2), changes, UTF16)
		if err != nil {
			t.Fatal(err)
		}
		text := string(next.Text())
		ref := newRefDoc(text)
		for o := 0; o <= len(text); o += 509 {
			for _, enc := range encodings {
				p := ref.position(o, enc)
				if got := next.Position(o, enc); got != p {
					t.Fatalf("change %d: Position(%d, %v) = %v; reference %v", i, o, enc, got, p)
				}
				if got, want := next.Offset(p, enc), ref.offset(p, enc); got != want {
					t.Fatalf("change %d: Offset(%v, %v) = %d; reference %d", i, p, enc, got, want)
				}
			}
		}
		s = next
	}
}

// TestPatchedVersions types random edits, one or two a version, into a
// text of short and long lines, CRLF, lone CRs and multi-byte characters,
// and checks every version's conversions against the reference while it
// is read through its edits (patched), before its text is made flat:
// some versions are made flat as the analysis makes them, and the next
// builds on them; edits far apart make the text flat at once. Earlier
// versions keep their text.
func TestPatchedVersions(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "é", "😀", "状", "\n", "\r\n", "\r", "  ", "{\"404\": 1}", strings.Repeat("x", 300)}
	var b strings.Builder
	for b.Len() < 3*maxPatch {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	s, want := snap(b.String()), b.String()
	type version struct {
		s    *Snapshot
		text string
	}
	var kept []version
	patched := 0
	for v := range 300 {
		if v%3 == 0 {
			s.Text() // as the analysis does; else the next version composes its edits
			if _, p := s.table(); p != nil {
				t.Fatalf("version %d: made flat, it keeps its patch and the version before", v)
			}
		}
		var changes []Change
		at := rng.IntN(len(want) + 1)
		if v%50 == 0 {
			at = (at + len(want)/2) % (len(want) + 1) // far from the last
		}
		for range 1 + rng.IntN(2) {
			ref := newRefDoc(want)
			start := min(at, len(want))
			end := min(start+rng.IntN(4), len(want))
			ins := pieces[rng.IntN(len(pieces)-1)]
			if rng.IntN(3) == 0 {
				ins = ""
			}
			changes = append(changes, Change{Range: &protocol.Range{Start: ref.position(start, UTF16), End: ref.position(end, UTF16)}, Text: ins})
			start, end = ref.offset(ref.position(start, UTF16), UTF16), ref.offset(ref.position(end, UTF16), UTF16)
			want = want[:start] + ins + want[end:]
			at = start + len(ins) + rng.IntN(200)
		}
		next, _, err := s.Apply(int32(v+2), changes, UTF16)
		if err != nil {
			t.Fatal(err)
		}
		if _, p := next.table(); p != nil {
			patched++
		}
		ref := newRefDoc(want)
		for k := 0; k < 200; k++ {
			o := rng.IntN(len(want) + 2)
			enc := encodings[k%len(encodings)]
			p := ref.position(o, enc)
			if got := next.Position(o, enc); got != p {
				t.Fatalf("version %d: Position(%d, %v) = %v; reference %v", v, o, enc, got, p)
			}
			p.Character += uint32(k % 3)
			if got, want := next.Offset(p, enc), ref.offset(p, enc); got != want {
				t.Fatalf("version %d: Offset(%v, %v) = %d; reference %d", v, p, enc, got, want)
			}
		}
		if next.LineCount() != len(ref.lines) || next.Len() != len(want) {
			t.Fatalf("version %d: %d lines, %d bytes; reference %d, %d", v, next.LineCount(), next.Len(), len(ref.lines), len(want))
		}
		kept = append(kept, version{next, want})
		s = next
	}
	if patched < 200 {
		t.Errorf("%d of 300 versions were patched; want most", patched)
	}
	for i, k := range kept {
		if string(k.s.Text()) != k.text {
			t.Fatalf("version %d: text %d bytes, want %d", i, len(k.s.Text()), len(k.text))
		}
		checkLineIndex(t, k.s)
	}
}
