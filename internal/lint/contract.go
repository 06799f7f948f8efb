// contract.go: the run of the rules that check Go code against its
// OpenAPI documents. Their findings stand in several files (a Go send
// site, a spec's response key), and a Go finding's fix edits the spec.

package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/contract"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
	"github.com/httpcode-lsp/httpcode-lsp/internal/yamldoc"
)

// ContractPass is what a contract rule's run sees.
type ContractPass struct {
	Rule    *Rule
	Result  *contract.Result
	Options Options

	stamp    stamp
	findings []FileFinding
}

// FileFinding is a finding and the file it stands in.
type FileFinding struct {
	Path string
	Finding
}

// Report records a finding in a file.
func (p *ContractPass) Report(path string, f Finding) {
	p.stamp.apply(&f)
	p.findings = append(p.findings, FileFinding{Path: path, Finding: f})
}

// Contract checks the code against its specs: the findings of every file
// involved, ordered by path and offset.
func Contract(res *contract.Result, opts Options) []FileFinding {
	if res == nil {
		return nil
	}
	var all []FileFinding
	for _, r := range registry {
		if r.RunContract == nil {
			continue
		}
		st, on := stampOf(r, opts)
		if !on {
			continue
		}
		p := &ContractPass{Rule: r, Result: res, Options: opts, stamp: st}
		if runRule(func() { r.RunContract(p) }) {
			all = append(all, p.findings...)
		}
	}
	byPath := map[string][]Finding{}
	for _, f := range all {
		byPath[f.Path] = append(byPath[f.Path], f.Finding)
	}
	var out []FileFinding
	for p, fs := range byPath {
		src, ok := res.Source(p)
		if !ok {
			continue
		}
		var kept []Finding
		for _, f := range fs {
			f, ok := clean(f, len(src))
			if !ok {
				continue
			}
			f.Fixes = otherFileFixes(res, f.Fixes)
			kept = append(kept, f)
		}
		ignores := yamlIgnores
		if strings.HasSuffix(p, ".go") {
			ignores = goIgnores
		}
		for _, f := range suppress(kept, src, ignores(src)) {
			out = append(out, FileFinding{Path: p, Finding: f})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		return a.Message < b.Message
	})
	return out
}

// otherFileFixes keeps the fixes for another file whose edits fit its
// text, and the others as they are.
func otherFileFixes(res *contract.Result, fixes []Fix) []Fix {
	out := fixes[:0:0]
	for _, fx := range fixes {
		if fx.Path != "" {
			src, ok := res.Source(fx.Path)
			edits, valid := normalizeEdits(fx.Edits, len(src))
			if !ok || !valid || len(edits) == 0 {
				continue
			}
			fx.Edits = edits
		}
		out = append(out, fx)
	}
	return out
}

// documents reports whether an operation's responses cover a code: the
// code, its class's range or default.
func documents(op *contract.Op, code int) bool {
	for _, r := range op.Responses.Entries {
		switch s := r.Status; {
		case s.Code == code, s.Class != 0 && s.Class == code/100, s.Default:
			return true
		}
	}
	return false
}

// addResponse returns the edit that adds a response for code to an
// operation's responses, in the document's style: YAML or JSON, the
// quoting of the other keys, their indentation, in numeric order.
func addResponse(op *contract.Op, code int) (Edit, bool) {
	doc := op.Spec.Doc
	rm := op.Responses
	if doc == nil || doc.Doc == nil || rm == nil || rm.Node == nil {
		return Edit{}, false
	}
	desc := fmt.Sprint(code)
	if e, ok := catalog.Lookup(code); ok && e.Phrase != "" {
		desc = e.Phrase
	}
	key := fmt.Sprint(code)
	s := snippet{key: key, yamlKey: "'" + key + "'", kids: []snippet{{key: "description", value: desc}}}
	if r := firstCodeKey(rm); r != nil {
		switch {
		case r.IntKey:
			s.yamlKey = key
		case r.Quote == '"':
			s.yamlKey = `"` + key + `"`
		}
	}
	ed := newMapEditor(doc.Doc, doc.JSON)
	return ed.insertEntry(rm.Node, insertAt(rm.Node, code), rm.KeyStart, s)
}

// firstCodeKey returns the map's first entry whose key is a code, nil if
// none.
func firstCodeKey(rm *openapi.ResponseMap) *openapi.Response {
	for _, r := range rm.Entries {
		if r.Status.Code != 0 {
			return r
		}
	}
	return nil
}

// insertAt returns the index in m.Content of the first key that sorts
// after code (codes, then their class's range, then default), or
// len(m.Content).
func insertAt(m *yamldoc.Node, code int) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		s := openapi.ParseStatus(m.Content[i].Value)
		var rank int
		switch {
		case s.Code != 0:
			rank = s.Code * 10
		case s.Class != 0:
			rank = s.Class*1000 + 995
		case s.Default:
			rank = 100000
		default:
			continue
		}
		if rank > code*10 {
			return i
		}
	}
	return len(m.Content)
}

// titleOf is "409 Conflict", the code alone where the catalog has no phrase.
func titleOf(code int) string {
	if e, ok := catalog.Lookup(code); ok {
		return e.Title()
	}
	return fmt.Sprint(code)
}
