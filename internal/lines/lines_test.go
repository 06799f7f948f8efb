package lines

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// refStarts is the definition of a line start, byte by byte.
func refStarts(text string, unicode bool) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '\n':
			starts = append(starts, i+1)
		case text[i] == '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		case unicode && strings.HasPrefix(text[i:], "\u0085"):
			i++
			starts = append(starts, i+1)
		case unicode && (strings.HasPrefix(text[i:], "\u2028") || strings.HasPrefix(text[i:], "\u2029")):
			i += 2
			starts = append(starts, i+1)
		}
	}
	return starts
}

func TestTable(t *testing.T) {
	for _, tt := range []struct {
		name   string
		text   string
		starts []int
		ends   []int
	}{
		{"empty", "", []int{0}, []int{0}},
		{"no break", "abc", []int{0}, []int{3}},
		{"lf", "a\nb", []int{0, 2}, []int{1, 3}},
		{"trailing lf", "a\n", []int{0, 2}, []int{1, 2}},
		{"crlf", "a\r\nb\r\n", []int{0, 3, 6}, []int{1, 4, 6}},
		{"lone cr", "a\rb\rc", []int{0, 2, 4}, []int{1, 3, 5}},
		{"cr then crlf", "\r\r\n", []int{0, 1, 3}, []int{0, 1, 3}},
		{"lf cr", "a\n\rb", []int{0, 2, 3}, []int{1, 2, 4}},
		{"é", "é\né", []int{0, 3}, []int{2, 5}},
		{"😀 crlf", "😀\r\nx😀", []int{0, 6}, []int{4, 11}},
		{"nel is no lsp break", "a\u0085b", []int{0}, []int{4}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := []byte(tt.text)
			tab := New(text)
			if !slices.Equal(tab.starts, tt.starts) {
				t.Fatalf("starts = %v; want %v", tab.starts, tt.starts)
			}
			for l := range tab.Count() {
				if got := tab.End(text, l); got != tt.ends[l] {
					t.Errorf("End(%d) = %d; want %d", l, got, tt.ends[l])
				}
			}
			checkTable(t, tt.text, false)
		})
	}
}

func TestUnicode(t *testing.T) {
	text := "a\u0085b\u2028c\u2029\r\nd\re😀\u2028"
	tab := NewUnicode([]byte(text))
	want := []int{0, 3, 7, 11, 13, 15, 23}
	if !slices.Equal(tab.starts, want) {
		t.Fatalf("starts = %v; want %v", tab.starts, want)
	}
	ends := []int{1, 4, 8, 11, 14, 20, 23}
	for l := range tab.Count() {
		if got := tab.End([]byte(text), l); got != ends[l] {
			t.Errorf("End(%d) = %d; want %d", l, got, ends[l])
		}
	}
	checkTable(t, text, true)
}

// checkTable checks every function of the package on text against the
// reference definitions.
func checkTable(t *testing.T, text string, unicode bool) {
	t.Helper()
	b := []byte(text)
	tab := New(b)
	if unicode {
		tab = NewUnicode(b)
	}
	want := refStarts(text, unicode)
	if !slices.Equal(tab.starts, want) {
		t.Fatalf("%q: starts = %v; want %v", text, tab.starts, want)
	}
	cur := NewCursor(b, tab)
	for off := 0; off <= len(b); off++ {
		line := tab.Of(off)
		if tab.Start(line) > off || line+1 < tab.Count() && tab.Start(line+1) <= off {
			t.Fatalf("%q: Of(%d) = %d", text, off, line)
		}
		end := tab.End(b, line)
		if end < tab.Start(line) || end > tab.Next(b, line) {
			t.Fatalf("%q: End(%d) = %d", text, line, end)
		}
		for p := tab.Start(line); p < end; p++ {
			if isUnicodeStart(b, p+1) && (unicode || isLSPStart(b, p+1)) && p+1 < len(b) {
				t.Fatalf("%q: line %d holds a break before %d", text, line, end)
			}
		}
		if !unicode {
			if got := StartAt(b, off); got != tab.Start(line) {
				t.Fatalf("%q: StartAt(%d) = %d; want %d", text, off, got, tab.Start(line))
			}
			if got := EndAt(b, off); got != end {
				t.Fatalf("%q: EndAt(%d) = %d; want %d", text, off, got, end)
			}
			if got := NextAt(b, off); got != tab.Next(b, line) {
				t.Fatalf("%q: NextAt(%d) = %d; want %d", text, off, got, tab.Next(b, line))
			}
		}
		// Columns: the characters wholly before off on its line.
		clamped := min(off, end)
		runes, units, at := 0, 0, tab.Start(line)
		for at < clamped {
			r, size := utf8.DecodeRune(b[at:end])
			if at+size > clamped {
				break
			}
			at += size
			runes++
			units++
			if r >= 0x10000 {
				units++
			}
		}
		want := Position{Line: line, Runes: runes, UTF16: units}
		if got := cur.At(off); got != want {
			t.Fatalf("%q: At(%d) = %+v; want %+v", text, off, got, want)
		}
		if got := NewCursor(b, tab).At(off); got != want {
			t.Fatalf("%q: fresh At(%d) = %+v; want %+v", text, off, got, want)
		}
		if got := Advance(b, tab.Start(line), end, runes); got != at {
			t.Fatalf("%q: Advance(line %d, %d) = %d", text, line, runes, got)
		}
	}
}

func randomText(r *rand.Rand, n int) string {
	pieces := []string{"a", "\n", "\r", "\r\n", " ", "é", "😀", "\u0085", "\u2028", "\u2029", "\xff", "\xe2", "\x80"}
	var sb strings.Builder
	for range n {
		sb.WriteString(pieces[r.Intn(len(pieces))])
	}
	return sb.String()
}

func TestRandomTexts(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for range 2000 {
		text := randomText(r, r.Intn(12))
		checkTable(t, text, false)
		checkTable(t, text, true)
	}
}

// TestUpdate edits random texts, some edits at once, and checks the
// updated table against a fresh one, and the merged edit against the
// text.
func TestUpdate(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for range 3000 {
		for _, unicode := range []bool{false, true} {
			text := []byte(randomText(r, r.Intn(10)))
			orig := text
			make := New
			if unicode {
				make = NewUnicode
			}
			tab := make(text)
			before := slices.Clone(tab.starts)
			var merged Edit
			for k := range 1 + r.Intn(3) {
				s := r.Intn(len(text) + 1)
				e := s + r.Intn(len(text)-s+1)
				ins := []byte(randomText(r, r.Intn(4)))
				ed := Edit{Start: s, End: e, NewLen: len(ins)}
				text = ed.Apply(text, ins)
				first, oldEnd, newEnd := tab.Update(text, ed, k > 0, true)
				want := make(text)
				if !slices.Equal(tab.starts, want.starts) {
					t.Fatalf("unicode %v: %q after %+v: starts %v; want %v", unicode, text, ed, tab.starts, want.starts)
				}
				if first > oldEnd || first > newEnd || tab.Count()-newEnd < 0 {
					t.Fatalf("Update = %d, %d, %d", first, oldEnd, newEnd)
				}
				merged = merged.Then(ed)
			}
			if k := tab.Count(); k > 0 && len(before) > 0 && tab.starts[0] != 0 {
				t.Fatal("first line does not start at 0")
			}
			// The merged edit: the text outside its span is the original's.
			m := merged
			if m.Start < 0 || m.End > len(orig) || m.Start > m.End || len(orig)+m.Delta() != len(text) {
				t.Fatalf("merged edit %+v of %q -> %q", m, orig, text)
			}
			if string(orig[:m.Start]) != string(text[:m.Start]) || string(orig[m.End:]) != string(text[m.NewEnd():]) {
				t.Fatalf("merged edit %+v does not hold the change %q -> %q", m, orig, text)
			}
			if got := m.Apply(orig, text[m.Start:m.NewEnd()]); string(got) != string(text) {
				t.Fatalf("merged edit %+v applied = %q; want %q", m, got, text)
			}
		}
	}
}

// TestUpdateKeepsCopies checks that an update not in place leaves the
// table it was copied from intact.
func TestUpdateKeepsCopies(t *testing.T) {
	text := []byte("a\nb\nc")
	tab := New(text)
	old := tab
	text = Edit{Start: 1, End: 2}.Apply(text, nil)
	tab.Update(text, Edit{Start: 1, End: 2}, false, false)
	if !slices.Equal(old.starts, []int{0, 2, 4}) || !slices.Equal(tab.starts, []int{0, 3}) {
		t.Fatalf("old %v, new %v", old.starts, tab.starts)
	}
}

func TestThen(t *testing.T) {
	for _, tt := range []struct {
		a, b, want Edit
	}{
		{Edit{}, Edit{Start: 3, End: 4, NewLen: 1}, Edit{Start: 3, End: 4, NewLen: 1}},
		{Edit{Start: 3, End: 4, NewLen: 1}, Edit{}, Edit{Start: 3, End: 4, NewLen: 1}},
		// Typing "ab" at 5.
		{Edit{Start: 5, End: 5, NewLen: 1}, Edit{Start: 6, End: 6, NewLen: 1}, Edit{Start: 5, End: 5, NewLen: 2}},
		// An insertion at 10, then a deletion before it.
		{Edit{Start: 10, End: 10, NewLen: 3}, Edit{Start: 2, End: 4}, Edit{Start: 2, End: 10, NewLen: 9}},
		// A deletion, then an insertion after it.
		{Edit{Start: 2, End: 4}, Edit{Start: 8, End: 8, NewLen: 1}, Edit{Start: 2, End: 10, NewLen: 7}},
		// The whole text replaced, then edited.
		{Whole(10, 4), Edit{Start: 1, End: 2, NewLen: 5}, Edit{Start: 0, End: 10, NewLen: 8}},
	} {
		if got := tt.a.Then(tt.b); got != tt.want {
			t.Errorf("%+v.Then(%+v) = %+v; want %+v", tt.a, tt.b, got, tt.want)
		}
	}
	if got := (Edit{}).Then(Edit{}); !got.IsNop() {
		t.Errorf("no-op then no-op = %+v", got)
	}
}

func TestMoved(t *testing.T) {
	replace := Edit{Start: 4, End: 6, NewLen: 5} // 2 bytes become 5
	insert := Edit{Start: 4, End: 4, NewLen: 3}
	for _, tt := range []struct {
		e       Edit
		o, want int
	}{
		{replace, 3, 3}, {replace, 4, -1}, {replace, 5, -1}, {replace, 6, 9}, {replace, 10, 13},
		{insert, 3, 3}, {insert, 4, 4}, {insert, 5, 8},
		{Edit{}, 7, 7},
	} {
		if got := tt.e.Moved(tt.o); got != tt.want {
			t.Errorf("%+v.Moved(%d) = %d; want %d", tt.e, tt.o, got, tt.want)
		}
	}
}
