package analysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

// TestHoverWhileTyping types a new response key into a JSON spec, which
// breaks it, and hovers before each version is analysed: a code before
// the edit and one after it answer at once from the version opened, at
// their ranges in the text typed, as the analysis of that text answers
// them; the key being typed waits for the analysis, a word that is no
// code has no hover at once; a code whose digit was changed waits for
// the analysis and then shows the new code.
func TestHoverWhileTyping(t *testing.T) {
	src, prev, cursor := typingAfterFirst()
	for i, typed := range []string{",\n          ", `"`, "4", "0"} {
		next, e := keystroke(src, cursor, typed)
		cursor += len(typed)
		f := Edited(prev, JSON, patched(src, e, typed), e, Settings{})
		offsets := map[string]int{}
		for _, code := range []string{"200", "204"} {
			offset := strings.Index(string(next), `"`+code+`"`) + 2
			occ, md, found, ok := f.HoverNow(offset)
			if !ok || !found || f.Analysed() {
				t.Fatalf("keystroke %d: hover on %s answered %v, found %v, analysed %v", i, code, ok, found, f.Analysed())
			}
			if string(next[occ.Start:occ.End]) != `"`+code+`"` || !strings.Contains(md, "### "+code+" ") {
				t.Fatalf("keystroke %d: hover on %s shows %q at %q", i, code, md, next[occ.Start:occ.End])
			}
			offsets[code] = offset
		}
		if _, _, _, ok := f.HoverNow(cursor); ok {
			t.Fatalf("keystroke %d: the key typed answered before the analysis", i)
		}
		if _, _, found, ok := f.HoverNow(strings.Index(string(next), "Deleted") + 2); !ok || found {
			t.Fatalf("keystroke %d: hover on a description answered %v, found %v", i, ok, found)
		}
		if i == 1 || i == 3 {
			// Analysed: later versions answer from this one, and its
			// hovers are the ones given before.
			for code, offset := range offsets {
				before, beforeMD, _, _ := f.HoverNow(offset)
				f.Findings()
				if after, afterMD, _ := f.Hover(offset); after != before || afterMD != beforeMD {
					t.Fatalf("keystroke %d: hover on %s before the analysis %+v %q, after it %+v %q", i, code, before, beforeMD, after, afterMD)
				}
			}
		}
		src, prev = next, f
	}

	// A zero of "2004" cut: the new code waits for the analysis.
	cut := strings.Replace(string(src), `"204"`, `"2004"`, 1)
	zero := strings.Index(cut, `"2004"`) + 2
	e := lines.Edit{Start: zero, End: zero + 1}
	typed := New(JSON, []byte(cut), Settings{})
	typed.Findings()
	f := Edited(typed, JSON, patched([]byte(cut), e, ""), e, Settings{})
	if _, _, _, ok := f.HoverNow(zero - 2); ok {
		t.Fatal("a code made by a cut answered before the analysis")
	}
	if _, md, found := f.Hover(zero - 2); !found || !strings.Contains(md, "### 204 ") {
		t.Fatalf("after the analysis the code made by a cut shows %q", md)
	}

	// A digit of 204 changed: the code is the new one, never the old.
	digit := strings.Index(string(src), `"204"`) + 3
	e = lines.Edit{Start: digit, End: digit + 1, NewLen: 1}
	next := e.Apply(src, []byte("5"))
	typed = New(JSON, src, Settings{})
	typed.Findings()
	f = Edited(typed, JSON, patched(src, e, "5"), e, Settings{})
	for _, offset := range []int{digit - 2, digit} { // its quote, the digit
		if _, _, _, ok := f.HoverNow(offset); ok {
			t.Fatalf("a code whose digit was changed answered at %d before the analysis", offset)
		}
	}
	if occ, md, found := f.Hover(digit - 2); !found || string(next[occ.Start:occ.End]) != `"205"` || !strings.Contains(md, "### 205 ") {
		t.Fatalf("after the analysis the changed code shows %q", md)
	}
}

// typingAfterFirst returns typingSpec, its analysis, and the offset where
// a key is typed into the first operation's map: after its code, before
// the other operation's.
func typingAfterFirst() ([]byte, *File, int) {
	text := strings.Replace(typingSpec, "|", "", 1)
	const first = `"200": {"description": "OK"}`
	src := []byte(text)
	f := New(JSON, src, Settings{})
	f.Findings()
	return src, f, strings.Index(text, first) + len(first)
}

// In YAML too a code after the text typed answers before the analysis,
// at its range in the text typed.
func TestYAMLHoverWhileTyping(t *testing.T) {
	src := []byte("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /items:\n    get:\n      responses:\n        '200':\n          description: OK\n  /items/{id}:\n    delete:\n      responses:\n        '404':\n          description: Gone\n")
	prev := New(YAML, src, Settings{})
	prev.Findings()
	at := strings.Index(string(src), "  /items/{id}")
	typed := "  /more:\n    get: {}\n"
	e := lines.Edit{Start: at, End: at, NewLen: len(typed)}
	next := e.Apply(src, []byte(typed))
	f := Edited(prev, YAML, patched(src, e, typed), e, Settings{})
	offset := strings.Index(string(next), "'404'") + 1
	occ, md, found, ok := f.HoverNow(offset)
	if !ok || !found || f.Analysed() || string(next[occ.Start:occ.End]) != "'404'" || !strings.Contains(md, "**Response of:** `DELETE /items/{id}`") {
		t.Fatalf("hover on 404 answered %v, found %v, analysed %v: %q at %q", ok, found, f.Analysed(), md, next[occ.Start:occ.End])
	}
	if _, _, _, ok := f.HoverNow(at + 3); ok {
		t.Fatal("the text typed answered before the analysis")
	}
}

// A change of the status keys, which make plain YAML's codes, waits for
// the analysis under the new keys.
func TestHoverNowAfterStatusKeys(t *testing.T) {
	src := []byte("checks:\n  - url: /health\n    expect: 503\n")
	prev := New(YAML, src, Settings{})
	prev.Findings()
	keys := Settings{StatusKeys: []string{"expect"}}
	f := Edited(prev, YAML, lines.NewText(src), lines.Edit{}, keys)
	offset := strings.Index(string(src), "503")
	if _, _, _, ok := f.HoverNow(offset); ok {
		t.Fatal("answered from the analysis under the old keys")
	}
	if _, md, found := f.Hover(offset); !found || !strings.Contains(md, "### 503 ") {
		t.Fatalf("hover under the new keys: %q", md)
	}
	g := Edited(f, YAML, lines.NewText(src), lines.Edit{}, keys)
	if _, md, found, ok := g.HoverNow(offset); !ok || !found || !strings.Contains(md, "### 503 ") {
		t.Fatalf("under the same keys: answered %v, found %v, %q", ok, found, md)
	}
}

// TestInlayHintsWhileTyping types a new response key into a JSON spec,
// which breaks it, and asks for the inlay hints of the whole text before
// each version is analysed: those of the codes before and after the
// edit, after their colons in the text typed, as the analysis gives
// them, and none of the key being typed, which the analysis then adds.
func TestInlayHintsWhileTyping(t *testing.T) {
	src, prev, cursor := typingAfterFirst()
	for i, typed := range []string{",\n          ", `"`, "404", `": {}`} {
		next, e := keystroke(src, cursor, typed)
		cursor += len(typed)
		f := Edited(prev, JSON, patched(src, e, typed), e, Settings{})
		now, ok := f.InlayHintsNow(0, len(next))
		if !ok || f.Analysed() {
			t.Fatalf("keystroke %d: InlayHintsNow answered %v, analysed %v", i, ok, f.Analysed())
		}
		var want []Hint
		for _, code := range []string{"200", "204"} {
			colon := strings.Index(string(next), `"`+code+`":`) + len(code) + 3
			label := map[string]string{"200": "OK", "204": "No Content"}[code]
			want = append(want, Hint{Offset: colon, Label: label})
		}
		if !slices.Equal(now, want) {
			t.Fatalf("keystroke %d: hints %+v before the analysis; want %+v", i, now, want)
		}
		if i == 3 {
			// The key typed whole: the analysis adds its hint.
			colon := strings.Index(string(next), `"404":`) + len(`"404":`)
			want = slices.Insert(want, 1, Hint{Offset: colon, Label: "Not Found"})
			if after := f.InlayHints(0, len(next)); !slices.Equal(after, want) {
				t.Fatalf("hints %+v after the analysis; want %+v", after, want)
			}
		}
		if i%2 == 1 {
			f.Findings() // analysed: the next versions answer from it
		}
		src, prev = next, f
	}
}
