package analysis

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/specgen"
)

// TestEditedEqualsNew types random characters into OpenAPI documents and
// checks that the analysis reusing the previous version's parse finds
// exactly what a fresh analysis of the same text finds: occurrences,
// findings with their fixes, and completions.
func TestEditedEqualsNew(t *testing.T) {
	gen := specgen.OpenAPI(150)
	for _, tc := range []struct {
		name string
		lang Language
		src  []byte
	}{
		{"yaml", YAML, gen},
		{"json", JSON, specgen.JSON(gen)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewSource(7))
			const chars = "abc09 :,-#'\"{}[]\n"
			src := tc.src
			prev := New(tc.lang, src, Settings{})
			prev.Findings()
			edits := 120
			if testing.Short() {
				edits = 40
			}
			for i := 0; i < edits; i++ {
				// Edits near response keys, where the rules look.
				at := strings.Index(string(src[r.Intn(len(src)):]), "description")
				if at < 0 {
					continue
				}
				at += len(src) - len(src[at:]) + r.Intn(40) - 20
				at = max(0, min(at, len(src)-1))
				next := append([]byte(nil), src[:at]...)
				edit := lines.Edit{Start: at, End: at, NewLen: 1}
				if r.Intn(2) == 0 {
					next = append(next, chars[r.Intn(len(chars))])
					next = append(next, src[at:]...)
				} else {
					next = append(next, src[at+1:]...)
					edit = lines.Edit{Start: at, End: at + 1}
				}
				got, want := Edited(prev, tc.lang, lines.NewText(next), edit, Settings{}), New(tc.lang, next, Settings{})
				if !reflect.DeepEqual(got.Occurrences(), want.Occurrences()) {
					t.Fatalf("edit %d at %d: occurrences differ", i, at)
				}
				if !reflect.DeepEqual(got.Findings(), want.Findings()) {
					t.Fatalf("edit %d at %d: findings differ:\n%v\nwant\n%v", i, at, got.Findings(), want.Findings())
				}
				if c := at + 1; !reflect.DeepEqual(got.Completions(c), want.Completions(c)) {
					t.Fatalf("edit %d at %d: completions differ", i, at)
				}
				src, prev = next, got
				if r.Intn(3) == 0 {
					// A version typed over before it was analysed.
					src = append(append([]byte(nil), src...), ' ')
					prev = Edited(prev, tc.lang, lines.NewText(src), lines.Edit{Start: len(src) - 1, End: len(src) - 1, NewLen: 1}, Settings{})
				}
			}
		})
	}
}

// TestEditedSkipsUnanalysed checks that a version never analysed hands
// the analysed one before it on, so that its successor still reuses it.
func TestEditedSkipsUnanalysed(t *testing.T) {
	src := specgen.OpenAPI(200)
	a := New(YAML, src, Settings{})
	a.Findings()
	b := Edited(a, YAML, lines.NewText(append(append([]byte(nil), src...), '\n')), lines.Edit{Start: len(src), End: len(src), NewLen: 1}, Settings{})
	c := Edited(b, YAML, lines.NewText(append(append([]byte(nil), src...), '\n', '\n')), lines.Edit{Start: len(src) + 1, End: len(src) + 1, NewLen: 1}, Settings{})
	if cb := c.base.Load(); cb.file != a || cb.edit != (lines.Edit{Start: len(src), End: len(src), NewLen: 2}) {
		t.Fatal("the unanalysed version's base was not handed on")
	}
	c.Findings()
	if c.base.Load() != nil {
		t.Error("the base is kept after the analysis")
	}
}
