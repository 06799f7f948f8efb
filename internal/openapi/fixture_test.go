package openapi

import (
	"bufio"
	"bytes"
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

type expectation struct {
	line    int // 0-based
	spec    string
	context string
}

type fixture struct {
	name    string
	src     []byte
	lines   [][2]int // start and end (before "\n") of each line
	wants   []expectation
	errLine int // 0-based, -1 for none
}

var wantSpec = regexp.MustCompile(`(\S+) "([^"]*)"`)

func loadFixture(t *testing.T, path string) fixture {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f := fixture{name: filepath.Base(path), src: src, errLine: -1}
	start := 0
	for i, c := range src {
		if c == '\n' {
			f.lines = append(f.lines, [2]int{start, i})
			start = i + 1
		}
	}
	f.lines = append(f.lines, [2]int{start, len(src)})

	addSpecs := func(line int, text string) {
		for _, m := range wantSpec.FindAllStringSubmatch(text, -1) {
			f.wants = append(f.wants, expectation{line: line, spec: m[1], context: m[2]})
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
				f.errLine = n - 1
				continue
			}
			addSpecs(n-1, rest)
		}
		return f
	}
	for n, l := range f.lines {
		text := string(src[l[0]:l[1]])
		i := strings.Index(text, "# want")
		if i < 0 {
			continue
		}
		rest := text[i+len("# want"):]
		if strings.HasPrefix(rest, "-error") {
			f.errLine = n
			continue
		}
		addSpecs(n, rest)
	}
	return f
}

// find locates the text of spec on a line from offset from: a key
// (followed by a colon) or a value, with matching quotes or none.
func (f fixture) find(line, from int, spec string, value bool) (start, end int, ok bool) {
	l := f.lines[line]
	text := string(f.src[l[0]:l[1]])
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

// expected turns the expectations into occurrences.
func (f fixture) expected(t *testing.T, kind occurrence.Kind) []occurrence.Occurrence {
	t.Helper()
	var out []occurrence.Occurrence
	from := map[int]int{}
	for _, w := range f.wants {
		start, end, ok := f.find(w.line, from[w.line], w.spec, kind == occurrence.Value)
		if !ok {
			t.Fatalf("%s:%d: want %s: not on the line", f.name, w.line+1, w.spec)
		}
		from[w.line] = end
		o := occurrence.Occurrence{Start: start, End: end, Kind: kind, Context: w.context}
		s := ParseStatus(w.spec)
		if s.Lowercase {
			s = ParseStatus(strings.ToUpper(w.spec))
		}
		if !s.Valid() {
			t.Fatalf("%s:%d: want %s: not a code", f.name, w.line+1, w.spec)
		}
		o.Code, o.Class, o.Default = s.Code, s.Class, s.Default
		out = append(out, o)
	}
	return out
}

func (f fixture) pos(offset int) string {
	for n, l := range f.lines {
		if offset <= l[1] {
			return fmt.Sprintf("%s:%d:%d", f.name, n+1, offset-l[0]+1)
		}
	}
	return fmt.Sprintf("%s:@%d", f.name, offset)
}

// compare reports missing, unexpected and differing occurrences.
func compare(t *testing.T, f fixture, got, want []occurrence.Occurrence) {
	t.Helper()
	byStart := map[int]occurrence.Occurrence{}
	for _, o := range got {
		byStart[o.Start] = o
	}
	for _, w := range want {
		g, ok := byStart[w.Start]
		if !ok {
			t.Errorf("%s: missing occurrence %q (%+v)", f.pos(w.Start), f.src[w.Start:w.End], w)
			continue
		}
		delete(byStart, w.Start)
		if g != w {
			t.Errorf("%s: occurrence %+v, want %+v", f.pos(w.Start), g, w)
		}
	}
	for _, g := range got {
		if _, ok := byStart[g.Start]; ok {
			t.Errorf("%s: unexpected occurrence %q (%+v)", f.pos(g.Start), f.src[g.Start:g.End], g)
		}
	}
}

// checkErrors wants exactly the marked error, on its line from the first
// non-blank character.
func checkErrors(t *testing.T, f fixture, doc *Document) {
	t.Helper()
	if f.errLine < 0 {
		for _, e := range doc.Errors {
			t.Errorf("%s: unexpected error %q", f.pos(e.Start), e.Message)
		}
		return
	}
	if len(doc.Errors) != 1 {
		t.Fatalf("%s: %d errors %v, want 1 on line %d", f.name, len(doc.Errors), doc.Errors, f.errLine+1)
	}
	e := doc.Errors[0]
	l := f.lines[f.errLine]
	first := l[0] + len(f.src[l[0]:l[1]]) - len(bytes.TrimLeft(f.src[l[0]:l[1]], " \t"))
	if e.Start != first || e.End <= e.Start || e.End > l[1] {
		t.Errorf("%s: error %q at [%d,%d), want from %s to the end of line %d", f.pos(e.Start), e.Message, e.Start, e.End, f.pos(first), f.errLine+1)
	}
}

func TestFixtures(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.yaml")
	jsons, _ := filepath.Glob("testdata/*.json")
	paths = append(paths, jsons...)
	if len(paths) < 10 {
		t.Fatalf("only %d fixtures", len(paths))
	}
	kinds := map[string]Kind{"swagger2": Swagger2, "openapi30": OpenAPI30, "openapi31": OpenAPI31,
		"fragment": Fragment, "plain": NotOpenAPI, "crlf": OpenAPI30}
	for _, path := range paths {
		f := loadFixture(t, path)
		t.Run(f.name, func(t *testing.T) {
			doc := Parse(f.src)
			prefix := strings.TrimSuffix(strings.TrimSuffix(strings.SplitN(f.name, "_", 2)[0], ".yaml"), ".json")
			if want, ok := kinds[prefix]; ok && doc.Kind != want {
				t.Errorf("kind %v, want %v", doc.Kind, want)
			}
			if strings.HasSuffix(f.name, ".json") != doc.JSON {
				t.Errorf("JSON %v", doc.JSON)
			}
			checkErrors(t, f, doc)
			if doc.Kind == NotOpenAPI {
				compare(t, f, StatusValues(doc.Doc, nil), f.expected(t, occurrence.Value))
				return
			}
			compare(t, f, doc.Occurrences, f.expected(t, occurrence.ResponseKey))
			for i := 1; i < len(doc.Occurrences); i++ {
				if doc.Occurrences[i].Start < doc.Occurrences[i-1].End {
					t.Errorf("occurrences out of order or overlapping: %+v, %+v", doc.Occurrences[i-1], doc.Occurrences[i])
				}
			}
		})
	}
}
