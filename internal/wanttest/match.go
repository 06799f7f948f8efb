// match.go: pairing what a test found with the expectations, and the
// reports of what is missing and what is unexpected.

package wanttest

import (
	"regexp"
	"strconv"
	"testing"
)

// Match pairs each item found with an unused want on the line of the
// item's start that accepts it, and fails t for every item no want
// accepted and every want no item matched. at returns an item's start
// offset, show how messages show it.
func Match[T any](t testing.TB, f *Fixture, wants []*Want, got []T, at func(T) int, accepts func(*Want, T) bool, show func(T) string) {
	t.Helper()
	used := make([]bool, len(wants))
	for _, g := range got {
		line, matched := f.LineOf(at(g)), false
		for i, w := range wants {
			if !used[i] && w.Line == line && accepts(w, g) {
				used[i], matched = true, true
				break
			}
		}
		if !matched {
			t.Errorf("%s: unexpected %s", f.Pos(at(g)), show(g))
		}
	}
	for i, w := range wants {
		if !used[i] {
			t.Errorf("%s:%d: nothing matched want %s", f.Name, w.Line+1, w)
		}
	}
}

// Message is something a test found that a want's regexp is matched
// against, as go/analysis matches diagnostics.
type Message struct {
	Start int
	Text  string
}

// MatchMessages matches messages against the fixture's wants, each a
// quoted regexp alone.
func MatchMessages(t testing.TB, f *Fixture, got []Message) {
	t.Helper()
	res := map[*Want]*regexp.Regexp{}
	for _, w := range f.Wants {
		re, err := regexp.Compile(w.Text)
		if err != nil || w.Word != "" {
			t.Fatalf("%s:%d: want %s: a message want is one quoted regexp (%v)", f.Name, w.Line+1, w, err)
		}
		res[w] = re
	}
	Match(t, f, f.Wants, got,
		func(m Message) int { return m.Start },
		func(w *Want, m Message) bool { return res[w].MatchString(m.Text) },
		func(m Message) string { return strconv.Quote(m.Text) })
}
