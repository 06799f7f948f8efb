package analysis

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/complete"
	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
	"github.com/httpcode-lsp/httpcode-lsp/internal/specgen"
)

// benchSources are a large generated spec in YAML and JSON and a large Go
// file, and where to type in them: a description or a comment in the
// middle, and in the Go file also a string in a handler's body.
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
	}{{"yaml", YAML, gen, 0}, {"json", JSON, specgen.JSON(gen), 0}, {"go", Go, specgen.Go(20000), 0}, {"go-body", Go, specgen.Go(20000), 0}}
	for i := range out {
		src := string(out[i].src)
		word, skip := "description", len("description: ")
		switch out[i].name {
		case "go":
			word, skip = "// handle", len("// handle")
		case "go-body":
			// Into a string in a handler's body.
			word, skip = `w.Write([]byte("item`, len(`w.Write([]byte("item`)
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

// BenchmarkEditedFindings is the analysis of the same spec after a word
// typed in the middle, reusing the previous analysis. Each edit types
// another word, so that no cache holds the text.
func BenchmarkEditedFindings(b *testing.B) {
	for _, tc := range benchSources() {
		b.Run(tc.name, func(b *testing.B) {
			prev := New(tc.lang, tc.src, Settings{})
			prev.Findings()
			b.ReportAllocs()
			for b.Loop() {
				edits++
				w := fmt.Sprint(edits)
				next := []byte(string(tc.src[:tc.at]) + w + string(tc.src[tc.at:]))
				Edited(prev, tc.lang, lines.NewText(next), lines.Edit{Start: tc.at, End: tc.at, NewLen: len(w)}, Settings{}).Findings()
			}
		})
	}
}

// edits numbers the edits of the benchmarks.
var edits int

// BenchmarkCompletionTyping is a completion right after the opening quote
// of a new response key, typed after a response of an operation, which
// breaks the document: answered at once from the text and the analysed
// version before (CompletionsNow), and, in the same run, after the
// analysis of the broken text, as completion answered before. The
// documents are the large generated spec (the operation in its middle)
// and GitHub's 13 MB description (its last webhook, at 4.5 MB).
func BenchmarkCompletionTyping(b *testing.B) {
	for _, tc := range []struct {
		name, anchor string
		src          func() []byte
	}{
		{"generated", "", func() []byte { return benchSources()[1].src }},
		{"github", `"workflow-run-requested": {`, func() []byte {
			src, err := os.ReadFile(lsptest.GitHubSpec(b))
			if err != nil {
				b.Fatal(err)
			}
			return src
		}},
	} {
		src := tc.src()
		at := afterResponse(src, tc.anchor)
		typed := ",\n" + strings.Repeat(" ", 10) + `"`
		e := lines.Edit{Start: at, End: at, NewLen: len(typed)}
		prev := New(JSON, src, Settings{})
		prev.Findings()
		for _, c := range []struct {
			name string
			ask  func(f *File, offset int) []complete.Item
		}{
			{"now", func(f *File, offset int) []complete.Item { items, _ := f.CompletionsNow(offset); return items }},
			{"after-the-analysis", (*File).Completions},
		} {
			b.Run(tc.name+"/"+c.name, func(b *testing.B) {
				for b.Loop() {
					if items := c.ask(Edited(prev, JSON, patched(src, e, typed), e, Settings{}), at+len(typed)); len(items) == 0 {
						b.Fatal("no completion")
					}
				}
			})
		}
	}
}

// afterResponse returns the offset after the first "200" response object
// after anchor (after the middle of src when anchor is empty).
func afterResponse(src []byte, anchor string) int {
	from := len(src) / 2
	if anchor != "" {
		from = strings.Index(string(src), anchor)
	}
	i := strings.Index(string(src[from:]), `"200": {`) + from + len(`"200": `)
	for depth := 0; i < len(src); i++ {
		switch src[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return len(src)
}

// BenchmarkPackageFindings is the analysis of one Go file of a package of
// a thousand generated files of about 100 lines, with its package in
// view, against the same file alone.
func BenchmarkPackageFindings(b *testing.B) {
	files := make([]golang.Source, 1000)
	for i := range files {
		files[i] = golang.Source{Path: fmt.Sprintf("h%04d.go", i), Src: specgen.Go(100)}
	}
	src := files[500].Src
	b.Run("alone", func(b *testing.B) {
		for b.Loop() {
			New(Go, src, Settings{}).Findings()
		}
	})
	b.Run("package", func(b *testing.B) {
		for b.Loop() {
			InPackage(src, Settings{}, func() ([]golang.Source, int) { return files, 500 }).Findings()
		}
	})
}
