package wanttest

import (
	"fmt"
	"reflect"
	"testing"
)

// One grammar for comments and for the .want file of a JSON fixture.
func TestGrammar(t *testing.T) {
	for path, want := range map[string][]Want{
		"testdata/grammar.yaml": {
			{Line: 0, Text: "x: .*"}, {Line: 0, Text: "y"},
			{Line: 1, Word: "404", Text: "GET /a"}, {Line: 1, Word: "4XX", Text: "GET /a"}, {Line: 1, Word: "default"},
			{Line: 2, Word: "error"},
		},
		"testdata/grammar.json": {
			{Line: 1, Text: "x"}, {Line: 1, Word: "200", Text: "POST /b"}, {Line: 2, Word: "error"},
		},
	} {
		f := Load(t, path)
		var got []Want
		for _, w := range f.Wants {
			got = append(got, *w)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: wants %+v, want %+v", path, got, want)
		}
	}
}

func TestLines(t *testing.T) {
	f := &Fixture{Name: "f", Src: []byte("ab\ncd\n")}
	f.lines = [][2]int{{0, 2}, {3, 5}, {6, 6}}
	for off, want := range map[int]string{0: "f:1:1", 2: "f:1:3", 3: "f:2:1", 6: "f:3:1"} {
		if got := f.Pos(off); got != want {
			t.Errorf("Pos(%d) = %s, want %s", off, got, want)
		}
	}
}

// recorder keeps what a check reports instead of failing the test.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// A message nothing expected and a want nothing matched are both
// reported; one that matches is not.
func TestMatchMessages(t *testing.T) {
	f := Load(t, "testdata/grammar.yaml")
	f.Wants = f.Wants[:1] // "x: .*" on line 1
	start := len("a: 1")
	for _, c := range []struct {
		got  []Message
		errs []string
	}{
		{[]Message{{Start: start, Text: "x: found"}}, nil},
		{[]Message{{Start: start, Text: "y: found"}}, []string{`grammar.yaml:1:5: unexpected "y: found"`, `grammar.yaml:1: nothing matched want "x: .*"`}},
		{[]Message{{Start: start, Text: "x: found"}, {Start: start, Text: "x: again"}}, []string{`grammar.yaml:1:5: unexpected "x: again"`}},
		{nil, []string{`grammar.yaml:1: nothing matched want "x: .*"`}},
	} {
		r := &recorder{TB: t}
		MatchMessages(r, f, c.got)
		if !reflect.DeepEqual(r.errs, c.errs) {
			t.Errorf("MatchMessages(%v) reported %q, want %q", c.got, r.errs, c.errs)
		}
	}
}
