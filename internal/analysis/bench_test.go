package analysis

import (
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/complete"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/specgen"
)

// benchSources are a large generated spec in YAML and JSON and a large Go
// file, and where to type in them: a description or a comment in the
// middle.
func benchSources() []struct {
	name string
	lang Language
	src  []byte
	at   int
} {
	gen := specgen.OpenAPI(50000)
	out := []struct {
		name string
		lang Language
		src  []byte
		at   int
	}{{"yaml", YAML, gen, 0}, {"json", JSON, specgen.JSON(gen), 0}, {"go", Go, specgen.Go(20000), 0}}
	for i := range out {
		src := string(out[i].src)
		word, skip := "description", len("description: ")
		if out[i].lang == Go {
			word, skip = "// handle", len("// handle")
		}
		out[i].at = strings.Index(src[len(src)/2:], word) + len(src)/2 + skip
	}
	return out
}

// BenchmarkNewFindings is the full analysis of a large spec: parse,
// model and rules.
func BenchmarkNewFindings(b *testing.B) {
	for _, tc := range benchSources() {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				New(tc.lang, tc.src, Settings{}).Findings()
			}
		})
	}
}

// BenchmarkEditedFindings is the analysis of the same spec after one
// character typed in the middle, reusing the previous analysis.
func BenchmarkEditedFindings(b *testing.B) {
	for _, tc := range benchSources() {
		b.Run(tc.name, func(b *testing.B) {
			prev := New(tc.lang, tc.src, Settings{})
			prev.Findings()
			next := []byte(string(tc.src[:tc.at]) + "x" + string(tc.src[tc.at:]))
			b.ReportAllocs()
			for b.Loop() {
				Edited(prev, tc.lang, next, lines.Edit{Start: tc.at, End: tc.at, NewLen: 1}, Settings{}).Findings()
			}
		})
	}
}

// BenchmarkCompletionTyping is a completion right after the opening quote
// of a new response key typed in the middle of the large JSON spec, which
// breaks it: answered at once from the text and the analysed version
// before (CompletionsNow), and, in the same run, after the analysis of
// the broken text, as completion answered before.
func BenchmarkCompletionTyping(b *testing.B) {
	tc := benchSources()[1]
	src := string(tc.src)
	member := strings.Index(src[len(src)/2:], `"description"`) + len(src)/2
	at := strings.IndexByte(src[member:], '}') + member + 1 // after a response object
	typed := ",\n" + strings.Repeat(" ", 10) + `"`
	next := []byte(src[:at] + typed + src[at:])
	e := lines.Edit{Start: at, End: at, NewLen: len(typed)}
	prev := New(JSON, tc.src, Settings{})
	prev.Findings()
	for _, c := range []struct {
		name string
		ask  func(f *File, offset int) []complete.Item
	}{
		{"now", func(f *File, offset int) []complete.Item { items, _ := f.CompletionsNow(offset); return items }},
		{"after-the-analysis", (*File).Completions},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if items := c.ask(Edited(prev, JSON, next, e, Settings{}), at+len(typed)); len(items) == 0 {
					b.Fatal("no completion")
				}
			}
		})
	}
}
