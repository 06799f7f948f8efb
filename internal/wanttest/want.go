// want.go: the fixture and its expectations, read from want comments or
// a JSON fixture's .want file.

package wanttest

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Want is one expectation of a fixture.
type Want struct {
	// Line is 0-based.
	Line int
	// Word is a bare word ("404", "error"), "" when the expectation is
	// a quoted string alone.
	Word string
	// Text is the quoted string, unquoted; "" when there is none.
	Text string
}

func (w *Want) String() string {
	switch {
	case w.Word == "":
		return strconv.Quote(w.Text)
	case w.Text == "":
		return w.Word
	}
	return w.Word + " " + strconv.Quote(w.Text)
}

// Fixture is a test file and its expectations.
type Fixture struct {
	// Path is the file's path as given, Name its base name.
	Path, Name string
	Src        []byte
	Wants      []*Want
	// Sidecar is the text of a JSON fixture's .want file, nil for
	// other fixtures.
	Sidecar []byte
	lines   [][2]int // start and end (before "\n") of each line
}

const (
	quoted = `"(?:[^"\\]|\\.)*"|` + "`[^`]*`"
	item   = quoted + `|[^\s"` + "`" + `#]+`
)

var (
	wantComment = regexp.MustCompile(`(?:#|//) ?want((?:[ \t]+(?:` + item + `))+)`)
	wantItem    = regexp.MustCompile(item)
)

// Load reads a fixture and its expectations; it fails t on a malformed
// want.
func Load(t testing.TB, path string) *Fixture {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".json") {
		f := newFixture(path, src)
		f.loadSidecar(t, path+".want")
		return f
	}
	return LoadSource(t, path, src)
}

// LoadSource is Load for a text read elsewhere (a file of a txtar
// archive), its expectations in want comments whatever its language.
func LoadSource(t testing.TB, path string, src []byte) *Fixture {
	t.Helper()
	f := newFixture(path, src)
	for n, l := range f.lines {
		line := strings.TrimRight(string(src[l[0]:l[1]]), "\r")
		for _, m := range wantComment.FindAllStringSubmatch(line, -1) {
			f.addItems(t, n, m[1])
		}
	}
	return f
}

func newFixture(path string, src []byte) *Fixture {
	f := &Fixture{Path: path, Name: filepath.Base(path), Src: src}
	start := 0
	for i, c := range src {
		if c == '\n' {
			f.lines = append(f.lines, [2]int{start, i})
			start = i + 1
		}
	}
	f.lines = append(f.lines, [2]int{start, len(src)})
	return f
}

func (f *Fixture) loadSidecar(t testing.TB, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Sidecar = b
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		num, rest, ok := strings.Cut(text, ":")
		n, err := strconv.Atoi(num)
		if !ok || err != nil || n < 1 || n > len(f.lines) {
			t.Fatalf("%s: bad line %q (want LINE: items)", path, text)
		}
		f.addItems(t, n-1, rest)
	}
}

// addItems reads the items of one want: bare words and quoted strings,
// a word and the string right after it being one expectation.
func (f *Fixture) addItems(t testing.TB, line int, items string) {
	t.Helper()
	var last *Want
	for _, it := range wantItem.FindAllString(items, -1) {
		if it[0] != '"' && it[0] != '`' {
			last = &Want{Line: line, Word: it}
			f.Wants = append(f.Wants, last)
			continue
		}
		s, err := strconv.Unquote(it)
		if err != nil {
			t.Fatalf("%s:%d: bad want %s: %v", f.Name, line+1, it, err)
		}
		if last != nil && last.Text == "" {
			last.Text, last = s, nil
			continue
		}
		f.Wants = append(f.Wants, &Want{Line: line, Text: s})
		last = nil
	}
}

// Line returns the byte range of a 0-based line, without its "\n".
func (f *Fixture) Line(n int) (start, end int) { return f.lines[n][0], f.lines[n][1] }

// LineOf returns the 0-based line of a byte offset.
func (f *Fixture) LineOf(offset int) int {
	return sort.Search(len(f.lines), func(i int) bool { return f.lines[i][1] >= offset })
}

// Pos renders an offset as file:line:column for messages.
func (f *Fixture) Pos(offset int) string {
	n := f.LineOf(offset)
	if n >= len(f.lines) {
		return fmt.Sprintf("%s:@%d", f.Name, offset)
	}
	return fmt.Sprintf("%s:%d:%d", f.Name, n+1, offset-f.lines[n][0]+1)
}

// Select returns the wants keep accepts.
func (f *Fixture) Select(keep func(*Want) bool) []*Want {
	var out []*Want
	for _, w := range f.Wants {
		if keep(w) {
			out = append(out, w)
		}
	}
	return out
}
