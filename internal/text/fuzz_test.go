// fuzz_test.go: fuzz targets checking conversions and Apply against the reference.
package text

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// maxChecked bounds the texts whose every position is checked: the checks
// are quadratic in the line length, and a slow target makes the fuzzer's
// minimisation of each new input take its full minute.
const maxChecked = 256

// FuzzConversions: Offset and Position never panic, agree with the
// reference, and round-trip on valid positions and character starts.
func FuzzConversions(f *testing.F) {
	for _, text := range roundTripTexts {
		f.Add(text, uint32(1), uint32(2), 3, uint8(0))
	}
	f.Add("a😀b\r\nc", uint32(0), uint32(2), 2, uint8(0))
	f.Add("é\rx", uint32(1<<31), uint32(1<<32-1), -1, uint8(1))
	f.Add("\xf0\x9f\x98", uint32(0), uint32(1), 1, uint8(2))
	f.Add("é😀状x\xff", uint32(0), uint32(1027), 1029, uint8(0))
	f.Add("😀é状x", uint32(1), uint32(3), 7+14*3+2, uint8(2))
	f.Add("状\r\n😀", uint32(0), uint32(9), 14+6, uint8(1))
	f.Fuzz(func(t *testing.T, text string, line, char uint32, offset int, encByte uint8) {
		enc := Encoding(encByte % 4) // 3 is unknown: treated as UTF16
		s, ref := snap(text), newRefDoc(text)
		near := pos(line%uint32(len(ref.lines)+1), char%uint32(len(text)+3))
		for _, p := range []protocol.Position{pos(line, char), near} {
			if got, want := s.Offset(p, enc), ref.offset(p, enc); got != want {
				t.Fatalf("Offset(%v, %v) = %d; reference %d", p, enc, got, want)
			}
		}
		for _, o := range []int{offset, offset % (len(text) + 2)} {
			if got, want := s.Position(o, enc), ref.position(o, enc); got != want {
				t.Fatalf("Position(%d, %v) = %v; reference %v", o, enc, got, want)
			}
		}
		// One converter over offsets in any order: forward, back, the
		// same twice, past the end.
		positions := s.Positions(enc)
		for _, o := range []int{offset % (len(text) + 2), len(text) / 2, len(text), 0, len(text) / 2, len(text) / 2, -1, len(text) + 9} {
			if got, want := positions.Position(o), ref.position(o, enc); got != want {
				t.Fatalf("Positions.Position(%d, %v) = %v; reference %v", o, enc, got, want)
			}
		}
		checkLongLines(t, text, offset, enc)
		valid := ref.validPositions(enc)
		if len(text) > maxChecked {
			// Only the valid positions around the fuzzed one.
			i, _ := slices.BinarySearchFunc(valid, near, comparePositions)
			valid = valid[max(i-4, 0):min(i+4, len(valid))]
		}
		for _, p := range valid {
			if got := s.Position(s.Offset(p, enc), enc); got != p {
				t.Fatalf("Position(Offset(%v)) = %v", p, got)
			}
		}
		if len(text) > maxChecked {
			return
		}
		for _, o := range ref.charStarts() {
			if got := s.Offset(s.Position(o, enc), enc); got != o {
				t.Fatalf("Offset(Position(%d)) = %d", o, got)
			}
		}
	})
}

// checkLongLines repeats the characters of text (its line breaks left
// out) into two lines of more than five thousand bytes, the first ended by
// CRLF, which have checkpoints (lines.Marks) about every 1,024 bytes: the
// conversions of an offset around a checkpoint (before, on or after it, by
// seed), and of the positions there and inside the next character, agree
// with the reference. The reference walks the line: one offset is checked.
func checkLongLines(t *testing.T, text string, seed int, enc Encoding) {
	t.Helper()
	chars := strings.NewReplacer("\r", "", "\n", "").Replace(text)
	if chars == "" {
		return
	}
	row := strings.Repeat(chars, 5<<10/len(chars)+1)
	long := row + "\r\n" + row
	s, ref := snap(long), newRefDoc(long)
	u := uint(seed)
	o := (u/7%2)*uint(len(row)+2) + (1+u/14%5)<<10 + u%7 - 3
	p := ref.position(int(o), enc)
	if got := s.Position(int(o), enc); got != p {
		t.Fatalf("long lines of %q: Position(%d, %v) = %v; reference %v", chars, o, enc, got, p)
	}
	for _, q := range []protocol.Position{p, pos(p.Line, p.Character+1)} {
		if got, want := s.Offset(q, enc), ref.offset(q, enc); got != want {
			t.Fatalf("long lines of %q: Offset(%v, %v) = %d; reference %d", chars, q, enc, got, want)
		}
	}
}

// FuzzApply: two changes applied by Snapshot.Apply give the text obtained
// by splicing plain strings at offsets from the reference, and the spliced
// line index equals a fresh scan. flags bit 0: the first change replaces
// the whole document; bits 1-2: the encoding.
func FuzzApply(f *testing.F) {
	f.Add("ab\ncd", "X", uint16(1), uint16(0), uint16(1), uint16(0), "", uint16(0), uint16(1), uint16(1), uint16(1), uint8(0))
	f.Add("a\r", "\nb", uint16(1), uint16(0), uint16(1), uint16(0), "\r", uint16(0), uint16(0), uint16(0), uint16(0), uint8(2))
	f.Add("é😀\r\n状", "1\r\n2", uint16(0), uint16(2), uint16(1), uint16(1), "😀", uint16(1), uint16(9), uint16(0), uint16(0), uint8(4))
	f.Add("", "new", uint16(0), uint16(0), uint16(0), uint16(0), "x", uint16(9), uint16(9), uint16(9), uint16(9), uint8(1))
	f.Fuzz(func(t *testing.T, text, ins1 string, sl1, sc1, el1, ec1 uint16, ins2 string, sl2, sc2, el2, ec2 uint16, flags uint8) {
		enc := Encoding((flags >> 1) % 4)
		type edit struct {
			ins            string
			sl, sc, el, ec uint16
		}
		edits := []edit{{ins1, sl1, sc1, el1, ec1}, {ins2, sl2, sc2, el2, ec2}}

		want, reversed := text, false
		var changes []Change
		for i, e := range edits {
			if i == 0 && flags&1 != 0 {
				changes = append(changes, Change{Text: e.ins})
				want = e.ins
				continue
			}
			// Keep most positions near the text so that edits land in it;
			// the modulus leaves room for positions past the end.
			ref := newRefDoc(want)
			lm, cm := uint16(len(ref.lines)+2), uint16(len(want)+3)
			r := &protocol.Range{Start: pos(uint32(e.sl%lm), uint32(e.sc%cm)), End: pos(uint32(e.el%lm), uint32(e.ec%cm))}
			changes = append(changes, Change{Range: r, Text: e.ins})
			if comparePositions(r.End, r.Start) < 0 {
				reversed = true
				break
			}
			start, end := ref.offset(r.Start, enc), ref.offset(r.End, enc)
			if end < start {
				t.Fatalf("reference offsets reversed for an ordered range: %v -> %d..%d", r, start, end)
			}
			want = want[:start] + e.ins + want[end:]
		}

		s := snap(text)
		got, applied, err := s.Apply(2, changes, enc)
		if string(s.Text()) != text {
			t.Fatalf("Apply modified its receiver: %q", s.Text())
		}
		if reversed {
			if !errors.Is(err, ErrReversedRange) {
				t.Fatalf("Apply with a reversed range: err = %v", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(want) <= maxChecked {
			// Read through the patch, before the text is made flat.
			checkAgainstReference(t, got, newRefDoc(want), enc)
		}
		if string(got.Text()) != want {
			t.Fatalf("Apply = %q; want %q", got.Text(), want)
		}
		checkLineIndex(t, got)
		checkEdit(t, s, got, applied)
		if len(want) <= maxChecked {
			checkAgainstReference(t, got, newRefDoc(want), enc)
		}
	})
}
