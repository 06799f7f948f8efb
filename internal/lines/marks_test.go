package lines

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestMarks: on long lines of ASCII, é, 😀 (a surrogate pair in UTF-16),
// 状 and invalid bytes, ended by CRLF, LF and a lone CR, conversions
// from checkpoints a few bytes apart agree with walks from the line
// starts, whatever character a checkpoint falls on.
func TestMarks(t *testing.T) {
	line := "aé😀状\xffb\xf0\x9f"
	text := strings.Repeat(line, 9) + "\r\n" + strings.Repeat("😀x", 20) + "\n" + "short\r" + strings.Repeat("é", 40)
	for step := 1; step <= 5; step++ {
		checkMarks(t, text, step)
	}
}

// TestMarksEdited: checkpoints carried over edits of a long line (a
// character typed, a surrogate pair, an invalid byte completing a
// character, a deletion, a line break) are those of the edited text.
func TestMarksEdited(t *testing.T) {
	// Each 15 bytes: a, é, 😀, 状, a € without its last byte, b and a €
	// without its first.
	text := strings.Repeat("aé😀状\xe2\x82b\x82\xac", 10) + "\r\n" + strings.Repeat("x😀", 30)
	for _, c := range []struct {
		at, del int
		ins     string
	}{
		{40, 0, "y"}, {46, 1, "😀"}, {20, 15, ""}, {60, 0, "\r\n"}, {0, 0, "é"}, {len(text) - 3, 3, "z"},
		{75 + 12, 0, "\xac"}, // completes the € before it
		{75 + 13, 0, "\xe2"}, // completes the € after it
	} {
		for step := 1; step <= 4; step++ {
			b := []byte(text)
			tab := New(b)
			m := &Marks{step: step}
			for l := range tab.Count() {
				m.line(b, l, tab.Start(l), tab.End(b, l))
			}
			e := Edit{Start: c.at, End: c.at + c.del, NewLen: len(c.ins)}
			next := e.Apply(b, []byte(c.ins))
			first, oldEnd, newEnd := tab.Update(next, e, false, false)
			edited := m.Edited(next, tab, e, first, oldEnd, newEnd)
			if len(edited.lines) == 0 {
				t.Fatalf("%+v: no line kept its checkpoints", c)
			}
			checkMarksOf(t, string(next), edited)
		}
	}
}

// checkMarks checks every offset and column of text against a walk of
// each line from its start, with checkpoints step bytes apart.
func checkMarks(t *testing.T, text string, step int) {
	t.Helper()
	checkMarksOf(t, text, &Marks{step: step})
}

// checkMarksOf is checkMarks with the checkpoints m, which may hold some
// lines' already (Marks.Edited).
func checkMarksOf(t *testing.T, text string, m *Marks) {
	t.Helper()
	b := []byte(text)
	tab := New(b)
	step := m.step
	shared := m.Cursor(b, tab)
	plain := NewCursor(b, tab)
	// Offsets in increasing order, then decreasing, through one cursor.
	for pass := range 2 {
		for k := 0; k <= len(b); k++ {
			off := k
			if pass == 1 {
				off = len(b) - k
			}
			want := NewCursor(b, tab).At(off)
			if got := shared.At(off); got != want {
				t.Fatalf("step %d: At(%d) = %+v; want %+v", step, off, got, want)
			}
			if got := plain.At(off); got != want {
				t.Fatalf("step %d: plain At(%d) = %+v; want %+v", step, off, got, want)
			}
		}
	}
	for line := range tab.Count() {
		start, end := tab.Start(line), tab.End(b, line)
		// The character starts of the line and their columns.
		type char struct{ off, runes, utf16 int }
		chars := []char{{start, 0, 0}}
		for i, c := start, chars[0]; i < end; {
			r, size := utf8.DecodeRune(b[i:end])
			i += size
			c.off, c.runes, c.utf16 = i, c.runes+1, c.utf16+1
			if r >= 0x10000 {
				c.utf16++
			}
			chars = append(chars, c)
		}
		last := chars[len(chars)-1]
		byOff := map[int]char{}
		for _, c := range chars {
			byOff[c.off] = c
		}
		for _, utf16 := range []bool{false, true} {
			for col := 0; col <= last.utf16+2; col++ {
				from, at := m.Seek(b, line, start, end, col, utf16)
				var best char
				for _, c := range chars {
					if c.off == from {
						best = c
					}
				}
				units := best.runes
				if utf16 {
					units = best.utf16
				}
				if best.off != from || at != units || at > col {
					t.Fatalf("step %d, line %d: Seek(%d, utf16 %v) = %d, %d: not a character start at or before the column", step, line, col, utf16, from, at)
				}
				// The last checkpoint at or before the column.
				ms := m.line(b, line, start, end)
				for k, mk := range ms {
					next := k+1 < len(ms) && (utf16 && ms[k+1].utf16 <= col || !utf16 && ms[k+1].runes <= col)
					if start+mk.rel == from && next {
						t.Fatalf("step %d, line %d: Seek(%d) = %d, before a later checkpoint %d", step, line, col, from, start+ms[k+1].rel)
					}
				}
				if len(ms) == 0 && from != start {
					t.Fatalf("step %d, short line %d: Seek(%d) = %d", step, line, col, from)
				}
			}
		}
		if end-start >= 4*step {
			// A long line's checkpoints start it, are character starts
			// with their columns, and are at most a character past every
			// step.
			ms := m.line(b, line, start, end)
			for k, mk := range ms {
				c, ok := byOff[start+mk.rel]
				if !ok || c.runes != mk.runes || c.utf16 != mk.utf16 || k == 0 && mk.rel != 0 {
					t.Fatalf("step %d, line %d: checkpoint %+v; the character there is %+v", step, line, mk, c)
				}
				if k > 0 && mk.rel-ms[k-1].rel > step+utf8.UTFMax-1 {
					t.Fatalf("step %d, line %d: checkpoints %d and %d", step, line, ms[k-1].rel, mk.rel)
				}
			}
		}
	}
}
