// Package openapitest loads the OpenAPI and YAML fixtures of
// internal/openapi/testdata with their inline expectations, for the
// openapi package's tests and the server's end-to-end tests alike.
package openapitest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

// Fixtures carry their expectations inline, in the go/analysis style. In
// YAML a comment on the line of each expected occurrence:
//
//	'404':  # want 404 "DELETE /items/{id}"
//
// lists the code (or range, or default) and the context, several per line
// in source order; `# want-error` marks the line of the one syntax error.
// JSON has no comments: a sibling file name.json.want holds the same
// expectations keyed by 1-based line ("8: 404 \"GET /a\"", "8: error").
// The harness finds each expected key (or value) on its line by text,
// quotes included, and fails on a missing occurrence, an unexpected one,
// and one whose range, code or context differs.

// Expectation is one `want`: a code, range or default on a 0-based line,
// with the context the occurrence must name.
type Expectation struct {
	Line    int // 0-based
	Spec    string
	Context string
}

// Fixture is a document and its expectations.
type Fixture struct {
	Name    string
	Src     []byte
	Lines   [][2]int // start and end (before "\n") of each line
	Wants   []Expectation
	ErrLine int // 0-based, -1 for none
}

var wantSpec = regexp.MustCompile(`(\S+) "([^"]*)"`)

// Load reads a fixture and its expectations.
func Load(t testing.TB, path string) *Fixture {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f := &Fixture{Name: filepath.Base(path), Src: src, ErrLine: -1}
	start := 0
	for i, c := range src {
		if c == '\n' {
			f.Lines = append(f.Lines, [2]int{start, i})
			start = i + 1
		}
	}
	f.Lines = append(f.Lines, [2]int{start, len(src)})

	addSpecs := func(line int, text string) {
		for _, m := range wantSpec.FindAllStringSubmatch(text, -1) {
			f.Wants = append(f.Wants, Expectation{Line: line, Spec: m[1], Context: m[2]})
		}
	}
	if strings.HasSuffix(path, ".json") {
		wf, err := os.Open(path + ".want")
		if err != nil {
			t.Fatal(err)
		}
		defer wf.Close()
		sc := bufio.NewScanner(wf)
		for sc.Scan() {
			text := sc.Text()
			if strings.HasPrefix(text, "#") || strings.TrimSpace(text) == "" {
				continue
			}
			num, rest, ok := strings.Cut(text, ":")
			n, err := strconv.Atoi(num)
			if !ok || err != nil {
				t.Fatalf("%s.want: bad line %q", path, text)
			}
			if strings.TrimSpace(rest) == "error" {
				f.ErrLine = n - 1
				continue
			}
			addSpecs(n-1, rest)
		}
		return f
	}
	for n, l := range f.Lines {
		text := string(src[l[0]:l[1]])
		i := strings.Index(text, "# want")
		if i < 0 {
			continue
		}
		rest := text[i+len("# want"):]
		if strings.HasPrefix(rest, "-error") {
			f.ErrLine = n
			continue
		}
		addSpecs(n, rest)
	}
	return f
}

// find locates the text of spec on a line from offset from: a key
// (followed by a colon) or a value, with matching quotes or none.
func (f *Fixture) find(line, from int, spec string, value bool) (start, end int, ok bool) {
	l := f.Lines[line]
	text := string(f.Src[l[0]:l[1]])
	if i := strings.Index(text, "# want"); i >= 0 {
		text = text[:i]
	}
	var re *regexp.Regexp
	if value {
		re = regexp.MustCompile(`(?:^|[\s\[,:-])(['"]?)(` + regexp.QuoteMeta(spec) + `)(['"]?)(?:$|[\s,\]}])`)
	} else {
		re = regexp.MustCompile(`(?:^|[\s{,])(['"]?)(?i:(` + regexp.QuoteMeta(spec) + `))(['"]?)\s*:`)
	}
	for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
		if m[2] < from-l[0] {
			continue
		}
		if text[m[2]:m[3]] != text[m[6]:m[7]] {
			continue
		}
		return l[0] + m[2], l[0] + m[7], true
	}
	return 0, 0, false
}

// Expected turns the expectations into occurrences of kind.
func (f *Fixture) Expected(t testing.TB, kind occurrence.Kind) []occurrence.Occurrence {
	t.Helper()
	var out []occurrence.Occurrence
	from := map[int]int{}
	for _, w := range f.Wants {
		start, end, ok := f.find(w.Line, from[w.Line], w.Spec, kind == occurrence.Value)
		if !ok {
			t.Fatalf("%s:%d: want %s: not on the line", f.Name, w.Line+1, w.Spec)
		}
		from[w.Line] = end
		o := occurrence.Occurrence{Start: start, End: end, Kind: kind, Context: w.Context}
		switch spec := strings.ToUpper(w.Spec); {
		case spec == "DEFAULT":
			o.Default = true
		case len(spec) == 3 && spec[0] >= '1' && spec[0] <= '5' && spec[1:] == "XX":
			o.Class = int(spec[0] - '0')
		default:
			code, err := strconv.Atoi(spec)
			if err != nil || code < 100 || code > 599 {
				t.Fatalf("%s:%d: want %s: not a code", f.Name, w.Line+1, w.Spec)
			}
			o.Code = code
		}
		out = append(out, o)
	}
	return out
}

// Pos renders an offset as file:line:column for messages.
func (f *Fixture) Pos(offset int) string {
	for n, l := range f.Lines {
		if offset <= l[1] {
			return fmt.Sprintf("%s:%d:%d", f.Name, n+1, offset-l[0]+1)
		}
	}
	return fmt.Sprintf("%s:@%d", f.Name, offset)
}
