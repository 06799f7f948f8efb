package analysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/complete"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

// typingSpec is a JSON OpenAPI document; a key is typed into the
// responses map of its last operation, at the mark.
const typingSpec = `{
  "openapi": "3.0.3",
  "info": {"title": "t", "version": "1"},
  "paths": {
    "/items": {
      "get": {
        "responses": {
          "200": {"description": "OK"}
        }
      }
    },
    "/items/{id}": {
      "delete": {
        "responses": {
          "204": {"description": "Deleted"}|
        }
      }
    }
  }
}
`

// TestCompletionWhileTyping types a new response key into a JSON spec,
// which breaks it, and asks for completion after each keystroke: before
// the version is analysed (answered from the text and the newest analysed
// version before it, also when the version before was typed over
// unanalysed) and after (a repaired parse). Both offer the codes
// the map lacks, replacing the key typed so far after its quote, and
// insert the comma the previous member needs.
func TestCompletionWhileTyping(t *testing.T) {
	at := strings.Index(typingSpec, "|")
	src := []byte(strings.Replace(typingSpec, "|", "", 1))
	prev := New(JSON, src, Settings{})
	if syntaxErrors(prev) != 0 {
		t.Fatal("the spec has a syntax error")
	}
	cursor := at
	for i, typed := range []string{"\n          ", `"`, "4", "0"} {
		next, e := keystroke(src, cursor, typed)
		cursor += len(typed)
		f := Edited(prev, JSON, patched(src, e, typed), e, Settings{})
		now, ok := f.CompletionsNow(cursor)
		if !ok || f.Analysed() {
			t.Fatalf("keystroke %d: CompletionsNow answered %v, analysed %v", i, ok, f.Analysed())
		}
		// The key typed after its quote, which the items leave.
		keyStart := strings.LastIndexByte(string(next[:cursor]), '"') + 1
		if i == 0 {
			keyStart = cursor
		}
		checkTyped(t, next, now, keyStart, cursor)
		if i == 1 {
			// Typed over before its analysis: the next version answers
			// from the one before it.
			src, prev = next, f
			continue
		}
		if i > 0 && syntaxErrors(f) == 0 {
			t.Fatalf("keystroke %d: the broken text has no syntax error", i)
		}
		after := f.Completions(cursor)
		checkTyped(t, next, after, keyStart, cursor)
		if !slices.EqualFunc(now, after, func(a, b complete.Item) bool { return a.Label == b.Label && a.NewText == b.NewText }) {
			t.Fatalf("keystroke %d: completion before the analysis differs from after it", i)
		}
		src, prev = next, f
	}
}

func syntaxErrors(f *File) int {
	n := 0
	for _, x := range f.Findings() {
		if x.RuleID == SyntaxErrorID {
			n++
		}
	}
	return n
}

// patched returns src with e made, ins its new bytes, as the server's
// text is until the analysis makes it flat: read through the edit.
func patched(src []byte, e lines.Edit, ins string) *lines.Text {
	return lines.PatchedText(lines.Patched{Base: src, Edit: e, Ins: []byte(ins)})
}

// keystroke returns src with typed inserted at offset, and the edit.
func keystroke(src []byte, offset int, typed string) ([]byte, lines.Edit) {
	e := lines.Edit{Start: offset, End: offset, NewLen: len(typed)}
	return e.Apply(src, []byte(typed)), e
}

// checkTyped checks the items of a completion at cursor in text: 404
// offered, 204 (in the map) not, each replacing [keyStart, cursor) and
// adding the comma after the "204" member.
func checkTyped(t *testing.T, text []byte, items []complete.Item, keyStart, cursor int) {
	t.Helper()
	var labels []string
	for _, it := range items {
		labels = append(labels, it.Label)
		if it.Start != keyStart || it.End != cursor {
			t.Fatalf("%q replaces [%d, %d); want [%d, %d) (%q)", it.Label, it.Start, it.End, keyStart, cursor, text[keyStart:cursor])
		}
		if len(it.AdditionalEdits) != 1 || it.AdditionalEdits[0].NewText != "," || text[it.AdditionalEdits[0].Start-1] != '}' {
			t.Fatalf("%q: additional edits %+v; want a comma after the 204 member", it.Label, it.AdditionalEdits)
		}
	}
	if !slices.Contains(labels, "404 Not Found") || slices.Contains(labels, "204 No Content") {
		t.Fatalf("labels %v: want 404 and not 204", labels)
	}
}
