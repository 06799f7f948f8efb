// responses.go: the response maps and responses of an OpenAPI document as
// the rules read them.

package lint

import (
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
	"github.com/httpcode-lsp/httpcode-lsp/internal/yamldoc"
)

// responses calls fn for every entry of every response map.
func responses(doc *openapi.Document, fn func(rm *openapi.ResponseMap, r *openapi.Response)) {
	for _, rm := range doc.ResponseMaps {
		for _, r := range rm.Entries {
			fn(rm, r)
		}
	}
}

// keyText returns the key as written between its quotes, and whether that
// is the key's value (no escapes): only then may a fix rewrite it.
func keyText(src []byte, r *openapi.Response) (string, bool) {
	if r.CodeStart < 0 || r.CodeEnd > len(src) || r.CodeStart > r.CodeEnd {
		return "", false
	}
	s := string(src[r.CodeStart:r.CodeEnd])
	return s, s == r.Key
}

// mapIndex is what the rules ask of a responses map, gathered once: a
// map may be large, and a rule asks for every entry.
type mapIndex struct {
	keys    map[string]int // entries by key as written
	codes   map[int]bool
	classes map[int]bool // range keys, 1..5
	def     bool
}

// index returns the map's index, built on first use.
func (p *Pass) index(rm *openapi.ResponseMap) *mapIndex {
	if idx, ok := p.indexes[rm]; ok {
		return idx
	}
	idx := &mapIndex{keys: make(map[string]int, len(rm.Entries)), codes: map[int]bool{}, classes: map[int]bool{}}
	for _, r := range rm.Entries {
		idx.keys[r.Key]++
		switch s := r.Status; {
		case s.Code != 0:
			idx.codes[s.Code] = true
		case s.Class != 0:
			idx.classes[s.Class] = true
		case s.Default:
			idx.def = true
		}
	}
	if p.indexes != nil {
		p.indexes[rm] = idx
	}
	return idx
}

// smallMap is the most entries of a responses map the rules search
// rather than index: most maps hold a handful, and the indexes of a spec
// of 100,000 operations took more memory than its text.
const smallMap = 8

// has reports whether the map holds the code.
func (p *Pass) has(rm *openapi.ResponseMap, code int) bool {
	if len(rm.Entries) > smallMap {
		return p.index(rm).codes[code]
	}
	for _, r := range rm.Entries {
		if r.Status.Code == code && code != 0 {
			return true
		}
	}
	return false
}

// keyCount returns how many entries of the map have key value k.
func (p *Pass) keyCount(rm *openapi.ResponseMap, k string) int {
	if len(rm.Entries) > smallMap {
		return p.index(rm).keys[k]
	}
	n := 0
	for _, r := range rm.Entries {
		if r.Key == k {
			n++
		}
	}
	return n
}

// hasKey reports whether the map holds an entry with key value k.
func (p *Pass) hasKey(rm *openapi.ResponseMap, k string) bool { return p.keyCount(rm, k) > 0 }

// coversClass reports whether the map holds the class's range or default.
func (p *Pass) coversClass(rm *openapi.ResponseMap, class int) bool {
	if len(rm.Entries) > smallMap {
		idx := p.index(rm)
		return idx.classes[class] || idx.def
	}
	for _, r := range rm.Entries {
		if r.Status.Default || r.Status.Code == 0 && r.Status.Class == class && class != 0 {
			return true
		}
	}
	return false
}

// target returns the response holding r's content and headers, false
// when a $ref on the way cannot be followed and nothing is known of them.
func target(r *openapi.Response) (*openapi.Response, bool) {
	t := r.Target()
	if t.Ref != nil && t.Resolved == nil {
		return nil, false
	}
	return t, true
}

// owned reports whether a response's value is written inside its own
// entry, not reached through an alias: only then may a safe fix edit it.
func owned(d *yamldoc.Doc, r *openapi.Response) bool {
	if r.Node == nil {
		return false
	}
	s, e := d.NodeRange(r.Node)
	return s >= r.Start && e <= r.End
}

// hasContent reports whether a response declares content: media types
// (3.x) or a schema (2.0).
func hasContent(kind openapi.Kind, r *openapi.Response) bool {
	switch kind {
	case openapi.Swagger2:
		return r.Schema != nil
	case openapi.OpenAPI30, openapi.OpenAPI31:
		return len(r.Content) > 0
	}
	return len(r.Content) > 0 || r.Schema != nil
}

// pathOperations calls fn for every operation of the API's paths (not a
// webhook's or a callback's) that has a responses map.
func pathOperations(doc *openapi.Document, fn func(op *openapi.Operation, rm *openapi.ResponseMap)) {
	for _, op := range doc.Operations {
		if op.Responses != nil && pathKind(op) {
			fn(op, op.Responses)
		}
	}
}

// pathKind reports whether an operation serves a path of the API, as
// opposed to a webhook or callback that the API's clients answer.
func pathKind(op *openapi.Operation) bool {
	return op != nil && (op.Kind == openapi.PathOperation || op.Kind == openapi.PathItemOperation)
}

func keyRange(r *openapi.Response) (int, int) { return r.KeyStart, r.KeyEnd }
