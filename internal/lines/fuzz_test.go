package lines

import (
	"slices"
	"testing"
)

// FuzzUpdate: a table updated after an edit equals a fresh one, for both
// sets of breaks, and every function of the package agrees with the
// reference definitions on the edited text, conversions from checkpoints
// (Marks) included, those carried over the edit (Marks.Edited) too.
func FuzzUpdate(f *testing.F) {
	f.Add("a\r", uint16(2), uint16(2), "\nb", false)
	f.Add("a\r\nb", uint16(1), uint16(2), "", false)
	f.Add("é😀\r\n状", uint16(2), uint16(6), "\r", true)
	f.Add("x\u2028y\u0085", uint16(2), uint16(3), "\xa9", true)
	f.Add("é😀é😀é😀é😀é😀\r\n😀😀😀😀😀😀\r\n", uint16(5), uint16(1), "\xf0\x9f", false)
	f.Fuzz(func(t *testing.T, text string, start, end uint16, ins string, unicode bool) {
		if len(text) > 1<<12 || len(ins) > 1<<10 {
			return
		}
		b := []byte(text)
		s := int(start) % (len(b) + 1)
		e := s + int(end)%(len(b)-s+1)
		make := New
		if unicode {
			make = NewUnicode
		}
		tab := make(b)
		// Checkpoints a few bytes apart, so that the fuzzed characters
		// and breaks fall on and around them, made for every line.
		marks := &Marks{step: 1 + len(b)%4}
		for l := range tab.Count() {
			marks.line(b, l, tab.Start(l), tab.End(b, l))
		}
		ed := Edit{Start: s, End: e, NewLen: len(ins)}
		next := ed.Apply(b, []byte(ins))
		first, oldEnd, newEnd := tab.Update(next, ed, false, false)
		want := make(next)
		if !slices.Equal(tab.starts, want.starts) {
			t.Fatalf("%q -> %q: starts %v; want %v", text, next, tab.starts, want.starts)
		}
		if first > oldEnd || first > newEnd || newEnd > tab.Count() {
			t.Fatalf("Update = %d, %d, %d", first, oldEnd, newEnd)
		}
		if len(next) <= 256 {
			checkTable(t, string(next), unicode)
			checkMarks(t, string(next), 1+len(next)%4)
			if !unicode {
				checkMarksOf(t, string(next), marks.Edited(next, tab, ed, first, oldEnd, newEnd))
			}
		}
	})
}
