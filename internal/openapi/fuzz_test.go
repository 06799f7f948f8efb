package openapi

import (
	"bytes"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
	"github.com/httpcode-lsp/httpcode-lsp/internal/yamldoc"
)

// The seed corpus under testdata/fuzz/FuzzOpenAPI holds the fixtures and
// a few broken and half-typed documents.

func FuzzOpenAPI(f *testing.F) {
	f.Add([]byte("openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '4\n"))
	f.Add([]byte("{\"200\": {\"description\": \"\\ud83d\"}, \"x-a\": [1, 2]}"))
	for _, s := range yamlSpecs {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkDocument(t, src)
	})
}

func checkDocument(t *testing.T, src []byte) {
	doc := Parse(src)
	// Parsed without what nothing reads, it is the whole parse's model,
	// syntax error included.
	if got, want := dump(doc), dump(Model(yamldoc.Parse(src))); got != want {
		t.Fatalf("pruned model differs:\n%s\nwhole:\n%s", got, want)
	}
	checkOccurrences(t, src, doc.Occurrences, occurrence.ResponseKey)
	values := StatusValues(doc.Doc, []string{"code", "x"})
	checkOccurrences(t, src, values, occurrence.Value)
	// What Relevant calls irrelevant must hold nothing.
	if !Relevant(src, false, nil) && (doc.Kind.IsOpenAPI() || len(doc.ResponseMaps) > 0) {
		t.Fatalf("irrelevant, but %v with %d response maps", doc.Kind, len(doc.ResponseMaps))
	}
	if !Relevant(src, true, []string{"code", "x"}) && len(values) > 0 {
		t.Fatalf("irrelevant, but status values %v", values)
	}
	for _, rm := range doc.ResponseMaps {
		for _, r := range rm.Entries {
			if r.KeyStart > r.CodeStart || r.CodeStart > r.CodeEnd || r.CodeEnd > r.KeyEnd || r.KeyEnd > len(src) || r.KeyStart < 0 {
				t.Fatalf("response %q: key [%d,%d) code [%d,%d)", r.Key, r.KeyStart, r.KeyEnd, r.CodeStart, r.CodeEnd)
			}
			code := string(doc.Doc.Text()[r.CodeStart:r.CodeEnd])
			if r.Status.Valid() && !strings.Contains(code, "\\") && code != r.Key {
				t.Fatalf("response %q written %q at [%d,%d)", r.Key, code, r.CodeStart, r.CodeEnd)
			}
			r.Target()
		}
	}
	// Every offset of a small input; a sample of a larger one, which
	// keeps an execution cheap enough for the fuzzer to minimise with.
	step := 1
	if len(src) > 256 {
		step = len(src)/16 + 1
	}
	for at := 0; at <= len(src); at += step {
		c := CompletionAt(doc, at, []string{"x"})
		if c.Kind == NoCompletion {
			continue
		}
		if c.Start < 0 || c.Start > at || at > c.End || c.End > len(src) {
			t.Fatalf("@%d: [%d,%d)", at, c.Start, c.End)
		}
		if bytes.ContainsAny(src[c.Start:c.End], "\r\n") {
			t.Fatalf("@%d: [%d,%d) spans lines", at, c.Start, c.End)
		}
		if c.Prefix != string(src[c.Start:at]) {
			t.Fatalf("@%d: prefix %q", at, c.Prefix)
		}
		if c.LeadingComma && (c.CommaAt <= 0 || c.CommaAt > c.Start) {
			t.Fatalf("@%d: comma at %d", at, c.CommaAt)
		}
	}
}

func checkOccurrences(t *testing.T, src []byte, occs []occurrence.Occurrence, kind occurrence.Kind) {
	for i, o := range occs {
		if o.Start < 0 || o.Start >= o.End || o.End > len(src) || o.Kind != kind {
			t.Fatalf("occurrence %+v of %d bytes", o, len(src))
		}
		if i > 0 && o.Start < occs[i-1].End {
			t.Fatalf("occurrences overlap: %+v, %+v", occs[i-1], o)
		}
		if kind == occurrence.ResponseKey && o.Code == 0 && o.Class == 0 && !o.Default {
			t.Fatalf("occurrence without a status: %+v", o)
		}
	}
}
