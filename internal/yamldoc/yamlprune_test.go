package yamldoc

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

// skipX reads everything but the values of keys "x".
func skipX(state int, key string) (int, bool) { return 0, key != "x" }

// splitSpec is a block YAML text whose collections "big" (a mapping)
// and "list" (a compact sequence) are read and larger than a piece, of
// size bytes each at least, the values of their "x" keys, flow and
// block, are not; extra is put between two entries of "big".
func splitSpec(extra string, size int) string {
	var b strings.Builder
	b.WriteString("top: 1\nbig:\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "  k%d:\n    a: %d\n", i, i)
		switch i % 3 {
		case 0:
			b.WriteString("    x: {p: [1, 2]}\n")
		case 1:
			b.WriteString("    x:\n      - 1\n      - 'two'\n\n  # between entries\n")
		}
		if i == 700 {
			b.WriteString(extra)
		}
	}
	b.WriteString("list:\n")
	for i, start := 0, b.Len(); b.Len()-start < size; i++ {
		fmt.Fprintf(&b, "- a: %d\n  x:\n    q: [%d]\n", i, i)
	}
	b.WriteString("tail: end\n")
	return b.String()
}

// TestSplitEqualsWhole checks that a document whose read collections are
// larger than a piece, parsed a piece at a time (its splits), has the
// whole parse's tree, but for the values nobody reads, left out; that an
// anchor in a split has the text parsed whole, with the same tree; and
// that a syntax error in a split is reported as the whole parse reports
// it.
func TestSplitEqualsWhole(t *testing.T) {
	for _, tc := range []struct {
		name, extra string
		splits      int
		// whole: the text is parsed whole, unpruned.
		whole, errors bool
	}{
		{"plain", "", 2, false, false},
		{"anchor", "  ka: &a {z: 1}\n  kb: *a\n", 2, true, false},
		{"error", "  kc: a: b\n", 2, true, true},
		{"tab", "  kd:\n\t a: 1\n", 0, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(splitSpec(tc.extra, 2*pieceSize))
			s := &yamlScan{t: src, li: newLineIndex(src), prune: skipX}
			s.document(0)
			if len(s.splits) != tc.splits {
				t.Fatalf("%d splits, want %d", len(s.splits), tc.splits)
			}
			dp, dw := ParsePruned(src, skipX), Parse(src)
			if !slices.Equal(dp.Errors, dw.Errors) || len(dp.Errors) > 0 != tc.errors {
				t.Fatalf("errors %v, want %v", dp.Errors, dw.Errors)
			}
			if tc.errors {
				return
			}
			if dp.Pruned() == tc.whole {
				t.Errorf("pruned %v, want %v", dp.Pruned(), !tc.whole)
			}
			if len(dp.Roots) != 1 || len(dw.Roots) != 1 {
				t.Fatalf("%d and %d roots", len(dp.Roots), len(dw.Roots))
			}
			samePruned(t, dp, dw, dp.Root, dw.Root)
			_, big := Get(dp.Root, "big")
			_, ka := Get(big, "ka")
			_, kb := Get(big, "kb")
			if tc.extra != "" && (ka == nil || ka.Anchor() != "a" || kb != ka) {
				t.Errorf("the alias kb does not stand for ka: %+v, %+v", ka, kb)
			}
		})
	}
}

// TestSplitReparse checks that an edit inside a split reads again only
// the block around it, as Parse reads it; and that an entry added to the
// split has the split's block read again, itself a split (the root of
// the block read), as Parse reads it.
func TestSplitReparse(t *testing.T) {
	src := splitSpec("", 2*pieceSize)
	prev := ParsePruned([]byte(src), skipX)
	for _, tc := range []struct {
		after, insert string
		reused        bool
	}{
		{"  k500:\n    a: 5", "7", true},
		{"  k500:\n    a: 500\n", "  knew: {a: 1}\n", false},
	} {
		at := strings.Index(src, tc.after) + len(tc.after)
		next := []byte(src[:at] + tc.insert + src[at:])
		d := Reparse(prev, next, lines.Edit{Start: at, End: at, NewLen: len(tc.insert)})
		whole := Parse(next)
		samePruned(t, d, whole, d.Root, whole.Root)
		_, pb := Get(prev.Root, "big")
		_, db := Get(d.Root, "big")
		if (pb.Content[1] == db.Content[1]) != tc.reused {
			t.Errorf("%q: the entries around the edit reused %v, want %v", tc.insert, !tc.reused, tc.reused)
		}
	}
}

// TestSplitRoot checks that a document whose root is larger than a
// piece, of small entries, is a split itself, and one whose bulk is in a
// collection below the root splits that collection only.
func TestSplitRoot(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 2*pieceSize; i++ {
		fmt.Fprintf(&b, "k%d:\n  a: %d\n", i, i)
	}
	// at is the text before the first split's first entry.
	for _, tc := range []struct{ src, at string }{
		{b.String(), ""},
		{splitSpec("", 2*pieceSize), "top: 1\nbig:\n  "},
	} {
		src := []byte(tc.src)
		s := &yamlScan{t: src, li: newLineIndex(src), prune: skipX}
		s.document(0)
		if len(s.splits) == 0 || s.splits[0].start != len(tc.at) {
			t.Errorf("splits %+v, want the first at %d", s.splits, len(tc.at))
		}
		dp, dw := ParsePruned(src, skipX), Parse(src)
		samePruned(t, dp, dw, dp.Root, dw.Root)
	}
}

// TestSplitRandomEdits edits a text with splits at random places, with
// what breaks or changes the structure (brackets, quotes, colons, line
// breaks, indentation, anchors, aliases, tabs, document markers), and
// checks that the parse with splits reports the whole parse's errors and
// builds its tree, but for the values nobody reads.
func TestSplitRandomEdits(t *testing.T) {
	src := splitSpec("", pieceSize+pieceSize/8)
	rng := rand.New(rand.NewPCG(5, 6))
	inserts := []string{"[", "]", "{", "}", ",", "'", "\"", ": ", "\n", "\n  ", "\n ", "- ", "&a ", "*a", "#", "\t", "x: y", "---\n", "  k: v\n", "? "}
	pruned := 0
	for range 20 {
		at := rng.IntN(len(src))
		ins := inserts[rng.IntN(len(inserts))]
		edited := []byte(src[:at] + ins + src[at:])
		dp, dw := ParsePruned(edited, skipX), Parse(edited)
		if !slices.Equal(dp.Errors, dw.Errors) {
			t.Fatalf("%q at %d: errors %v, want %v", ins, at, dp.Errors, dw.Errors)
		}
		if len(dp.Roots) != len(dw.Roots) {
			t.Fatalf("%q at %d: %d roots, want %d", ins, at, len(dp.Roots), len(dw.Roots))
		}
		for i := range dp.Roots {
			samePruned(t, dp, dw, dp.Roots[i], dw.Roots[i])
		}
		if dp.Pruned() {
			pruned++
		}
	}
	// Most edits leave the text valid, its splits and holes where they
	// were.
	if pruned < 7 {
		t.Errorf("only %d of 20 edited texts were parsed with their splits", pruned)
	}
}
