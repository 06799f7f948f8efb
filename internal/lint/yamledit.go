// yamledit.go: edits to a YAML or JSON document — removing a mapping's
// entry, appending one, replacing a scalar — that leave the text as a person would
// have written it: whole lines in block YAML, the member and one comma in
// JSON and flow mappings. Each returns false where it cannot be done
// cleanly, and the caller offers no fix (or an unsafe one).

package lint

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
	"github.com/httpcode-lsp/httpcode-lsp/internal/yamldoc"
)

// mapEditor edits the mappings of one document.
type mapEditor struct {
	d    *yamldoc.Doc
	src  []byte
	json bool
	nl   string
}

func newMapEditor(d *yamldoc.Doc, isJSON bool) *mapEditor {
	src := d.Source()
	return &mapEditor{d: d, src: src, json: isJSON, nl: newline(src)}
}

// directPair returns the index in m.Content of the key named key, looking
// at m's own entries only (not merged ones): -1 if none.
func directPair(m *yamldoc.Node, key string) int {
	if m == nil || m.Kind != yamldoc.MappingNode {
		return -1
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yamldoc.ScalarNode && k.Value == key && !yamldoc.IsMerge(k) {
			return i
		}
	}
	return -1
}

func flow(n *yamldoc.Node) bool { return n.Style&yamldoc.FlowStyle != 0 }

// removeEntry returns the edit that removes the entry whose key is
// m.Content[i]. When it is the mapping's only entry, replace (an entry
// rendered for the mapping's style) takes its place, so that the mapping
// is not left empty.
func (e *mapEditor) removeEntry(m *yamldoc.Node, i int, replace snippet) (Edit, bool) {
	if m == nil || m.Kind != yamldoc.MappingNode || i < 0 || i+1 >= len(m.Content) {
		return Edit{}, false
	}
	k, v := m.Content[i], m.Content[i+1]
	ks, ke := e.d.KeyRange(k)
	_, ve := e.d.NodeRange(v)
	ve = max(ve, ke)
	if ks >= ve || ve > len(e.src) {
		return Edit{}, false
	}
	if len(m.Content) == 2 {
		text := replace.yamlFlow()
		if e.json {
			text = replace.jsonCompact()
		}
		return Edit{Start: ks, End: ve, NewText: text}, true
	}
	if !flow(m) {
		// Block: remove the entry's lines whole.
		if _, ok := indentBefore(e.src, ks); !ok || !restIsComment(e.src, ve) {
			return Edit{}, false
		}
		start := lineStart(e.src, ks)
		end := nextLineStart(e.src, ve)
		if end == len(e.src) && start > 0 && lineEnd(e.src, ve) == len(e.src) {
			// The last line has no break: take the one before it.
			start = lineEnd(e.src, start-1)
		}
		return Edit{Start: start, End: end}, true
	}
	// Flow (JSON): the member and the comma that separates it.
	if i >= 2 {
		_, pe := e.d.NodeRange(m.Content[i-1])
		if pe <= 0 || pe > ks || !separator(e.src[pe:ks]) {
			return Edit{}, false
		}
		return Edit{Start: pe, End: ve}, true
	}
	ns, _ := e.d.KeyRange(m.Content[i+2])
	if ns < ve || !separator(e.src[ve:ns]) {
		return Edit{}, false
	}
	return Edit{Start: ks, End: ns}, true
}

// separator reports whether b is what may stand between two members of a
// flow mapping: blanks, line breaks and exactly one comma.
func separator(b []byte) bool {
	commas := 0
	for _, c := range b {
		switch c {
		case ',':
			commas++
		case ' ', '\t', '\r', '\n':
		default:
			return false
		}
	}
	return commas == 1
}

// appendEntry returns the edit that adds s as the last entry of mapping m.
// keyStart is the offset of the key m is the value of (for the
// indentation step), -1 if unknown.
func (e *mapEditor) appendEntry(m *yamldoc.Node, keyStart int, s snippet) (Edit, bool) {
	if m == nil || m.Kind != yamldoc.MappingNode {
		return Edit{}, false
	}
	ms, me := e.d.NodeRange(m)
	if ms >= me || me > len(e.src) {
		return Edit{}, false
	}
	if flow(m) {
		return e.appendFlow(m, ms, me, s)
	}
	if len(m.Content) == 0 {
		return Edit{}, false
	}
	fs, _ := e.d.KeyRange(m.Content[0])
	indent, ok := indentBefore(e.src, fs)
	if !ok || !restIsComment(e.src, me) {
		return Edit{}, false
	}
	unit := "  "
	if keyStart >= 0 {
		unit = unitFrom(e.lineIndent(keyStart), indent)
	}
	at := nextLineStart(e.src, me)
	text := s.yamlBlock(indent, unit, e.nl)
	if at == len(e.src) && (at == 0 || e.src[at-1] != '\n') {
		text = e.nl + text[:len(text)-len(e.nl)]
	}
	return Edit{Start: at, End: at, NewText: text}, true
}

// insertEntry returns the edit that adds s before the entry whose key is
// m.Content[i], or after the last one when i is past them. keyStart is as
// for appendEntry.
func (e *mapEditor) insertEntry(m *yamldoc.Node, i, keyStart int, s snippet) (Edit, bool) {
	if m == nil || m.Kind != yamldoc.MappingNode {
		return Edit{}, false
	}
	if i < 0 || i+1 >= len(m.Content) {
		return e.appendEntry(m, keyStart, s)
	}
	ks, _ := e.d.KeyRange(m.Content[i])
	if ks <= 0 || ks > len(e.src) {
		return Edit{}, false
	}
	indent, ok := indentBefore(e.src, ks)
	if flow(m) {
		if !ok {
			// The members share a line: one more before this one.
			return Edit{Start: ks, End: ks, NewText: e.compact(s) + ", "}, true
		}
		ms, _ := e.d.NodeRange(m)
		unit := unitFrom(e.lineIndent(ms), indent)
		text := s.yamlFlow()
		if e.json {
			text = s.jsonPretty(indent, unit, e.nl)
		}
		return Edit{Start: ks, End: ks, NewText: text + "," + e.nl + indent}, true
	}
	if !ok {
		return Edit{}, false
	}
	unit := "  "
	if keyStart >= 0 {
		unit = unitFrom(e.lineIndent(keyStart), indent)
	}
	at := lineStart(e.src, ks)
	return Edit{Start: at, End: at, NewText: s.yamlBlock(indent, unit, e.nl)}, true
}

// appendFlow adds a member to a flow mapping (JSON object) spanning
// [ms, me), its closing brace at me-1.
func (e *mapEditor) appendFlow(m *yamldoc.Node, ms, me int, s snippet) (Edit, bool) {
	if e.src[ms] != '{' || e.src[me-1] != '}' {
		return Edit{}, false
	}
	if len(m.Content) == 0 {
		if !isBlankBytes(bytes.TrimSpace(e.src[ms+1 : me-1])) {
			return Edit{}, false
		}
		return Edit{Start: me - 1, End: me - 1, NewText: e.compact(s)}, true
	}
	_, le := e.d.NodeRange(m.Content[len(m.Content)-1])
	if le <= ms || le >= me {
		return Edit{}, false
	}
	if between := bytes.TrimSpace(e.src[le : me-1]); len(between) > 0 {
		return Edit{}, false // a trailing comma or a comment
	}
	fs, _ := e.d.KeyRange(m.Content[0])
	indent, ok := indentBefore(e.src, fs)
	if !ok || lineStart(e.src, fs) <= ms {
		// The members share the brace's line: one more on that line.
		return Edit{Start: le, End: le, NewText: ", " + e.compact(s)}, true
	}
	unit := unitFrom(e.lineIndent(ms), indent)
	var text string
	if e.json {
		text = s.jsonPretty(indent, unit, e.nl)
	} else {
		text = s.yamlFlow()
	}
	return Edit{Start: le, End: le, NewText: "," + e.nl + indent + text}, true
}

// lineIndent returns the leading blanks of the line holding off. The
// document's line table finds the line's start without reading the line
// back (a long line before a key would make each fix cost its length),
// unless that line starts after a break LSP does not count (NEL, LS, PS).
func (e *mapEditor) lineIndent(off int) string {
	if off < 0 || off > len(e.src) {
		return ""
	}
	start, _ := e.d.LineRange(e.d.LineOf(off))
	if start > off || start > 0 && e.src[start-1] != '\n' && e.src[start-1] != '\r' {
		return lineIndent(e.src, off)
	}
	return indentAt(e.src, start)
}

func (e *mapEditor) compact(s snippet) string {
	if e.json {
		return s.jsonCompact()
	}
	return s.yamlFlow()
}

// replaceScalar returns the edit writing value in place of a scalar, in
// the scalar's quoting style (plain where a block scalar stood).
func replaceScalar(src []byte, t *openapi.Text, value string) (Edit, bool) {
	if t.Start < 0 || t.End > len(src) || t.Start >= t.End {
		return Edit{}, false
	}
	var text string
	switch src[t.Start] {
	case '"':
		text = strconv.Quote(value)
	case '\'':
		text = "'" + strings.ReplaceAll(value, "'", "''") + "'"
	case '{', '[', '*', '&', '!':
		return Edit{}, false
	case '|', '>':
		// A block scalar becomes a plain one on the indicator's line,
		// keeping a comment written there.
		text = yamlPlain(value)
		line := src[t.Start:lineEnd(src, t.Start)]
		if i := strings.Index(string(line), " #"); i >= 0 {
			text += string(line[i:])
		}
	default:
		text = yamlPlain(value)
		if strings.ContainsAny(value, ",[]{}") {
			text = strconv.Quote(value)
		}
	}
	return Edit{Start: t.Start, End: t.End, NewText: text}, true
}
