// occurrence.go: expectations of status-code occurrences, as the openapi
// scanner's tests and the server's fixture test write them: a code, a
// range or default, and the context the occurrence names,
//
//	'404':  # want 404 "DELETE /items/{id}"
//
// found on its line by its text (a key followed by a colon, or for
// values a value), quotes included.

package wanttest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

// Error is the word that marks the line of a syntax error.
const Error = "error"

// Occurrences returns the occurrences of kind the fixture's wants
// describe (all but `error`), in the order of the wants.
func (f *Fixture) Occurrences(t testing.TB, kind occurrence.Kind) []occurrence.Occurrence {
	t.Helper()
	wants := f.Select(isOccurrence)
	out := make([]occurrence.Occurrence, len(wants))
	from := map[int]int{}
	for i, w := range wants {
		start, end, ok := f.find(w.Line, from[w.Line], w.Word, kind == occurrence.Value)
		if !ok {
			t.Fatalf("%s:%d: want %s: not on the line", f.Name, w.Line+1, w)
		}
		from[w.Line] = end
		o := occurrence.Occurrence{Start: start, End: end, Kind: kind, Context: w.Text}
		switch spec := strings.ToUpper(w.Word); {
		case spec == "DEFAULT":
			o.Default = true
		case len(spec) == 3 && spec[0] >= '1' && spec[0] <= '5' && spec[1:] == "XX":
			o.Class = int(spec[0] - '0')
		default:
			code, err := strconv.Atoi(spec)
			if err != nil || code < 100 || code > 599 {
				t.Fatalf("%s:%d: want %s: not a code", f.Name, w.Line+1, w)
			}
			o.Code = code
		}
		out[i] = o
	}
	return out
}

func isOccurrence(w *Want) bool { return w.Word != Error }

// MatchOccurrences matches the occurrences found against those the wants
// describe: range, code, kind and context must be equal.
func MatchOccurrences(t testing.TB, f *Fixture, kind occurrence.Kind, got []occurrence.Occurrence) {
	t.Helper()
	wants := f.Select(isOccurrence)
	expected := map[*Want]occurrence.Occurrence{}
	for i, o := range f.Occurrences(t, kind) {
		expected[wants[i]] = o
	}
	Match(t, f, wants, got,
		func(o occurrence.Occurrence) int { return o.Start },
		func(w *Want, o occurrence.Occurrence) bool { return expected[w] == o },
		func(o occurrence.Occurrence) string { return fmt.Sprintf("occurrence %q %+v", f.Src[o.Start:o.End], o) })
}

// find locates the text of spec on a line from offset from: a key
// (followed by a colon) or a value, with matching quotes or none.
func (f *Fixture) find(line, from int, spec string, value bool) (start, end int, ok bool) {
	l := f.lines[line]
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
