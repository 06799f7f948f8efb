// completion.go: what a completion at a cursor would complete. The text
// around a cursor is half-typed and often does not parse, so this reads
// lines and indentation (YAML) or tokens (JSON) around the cursor instead
// of the node tree: the parent of a key is the nearest line above that is
// indented less, as a YAML reader would decide.

package openapi

import (
	"bytes"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

// CompletionKind says what a completion at a cursor offers.
type CompletionKind int

const (
	// NoCompletion: the cursor is not where a status code goes.
	NoCompletion CompletionKind = iota
	// ResponseKeyCompletion: at a key position directly inside a
	// responses map: response keys.
	ResponseKeyCompletion
	// StatusValueCompletion: at the value of a status key, or an item of
	// a status list, in a plain YAML document: codes.
	StatusValueCompletion
)

// Completion is the completion context at a cursor.
type Completion struct {
	Kind CompletionKind
	// Start and End are the bytes the chosen item replaces: the partly
	// typed key (its quotes included) or value (inside its quotes).
	// Start == End == cursor when nothing is typed yet.
	Start, End int
	// Prefix is the text from Start to the cursor.
	Prefix string

	// Method ("GET") and Path of the operation whose responses map the
	// cursor is in; empty where a fragment does not tell.
	Method, Path string
	// Present lists the keys the map already holds, the one being typed
	// left out.
	Present []Status
	// DocKind is the document's kind; completion offers ranges (4XX) where
	// DocKind.Ranges().
	DocKind Kind
	// JSON tells that the key is written in JSON syntax.
	JSON bool
	// Quote is the quote the key is to be written with: the one typed, else
	// the one the map's other keys use, else 0 (the item builder's choice).
	Quote byte
	// Indent is the whitespace before the key on its line; IndentUnit is
	// one level of the document's indentation. Lines after the first of
	// an inserted body are indented with them.
	Indent, IndentUnit string
	// Newline is the document's line ending, "\n" or "\r\n".
	Newline string
	// HasValue tells that a colon follows the key already: only the key
	// is to be replaced, not a body inserted.
	HasValue bool
	// LeadingComma and TrailingComma tell that a JSON member inserted
	// here needs a comma before it (the previous member has none: insert
	// it at CommaAt, the end of that member) or after it (another member
	// follows).
	LeadingComma, TrailingComma bool
	CommaAt                     int

	// Key is, for StatusValueCompletion, the status key ("expected_status").
	Key string
	// Quoted tells that the value stands in quotes (Start and End are
	// inside them).
	Quoted bool
}

// CompletionAt returns the completion context at byte offset offset of a
// modelled document. extraKeys are the configured status keys added to the
// defaults. Offsets outside the text are clamped; any input is accepted.
func CompletionAt(doc *Document, offset int, extraKeys []string) (c Completion) {
	defer func() {
		if recover() != nil {
			c = Completion{}
		}
	}()
	if doc == nil || doc.Doc == nil {
		return Completion{}
	}
	s := &cursorScan{doc: doc, src: doc.Doc.Source(), text: lines.Flat(doc.Doc.Source()), kind: doc.Kind, marks: doc.jsonMarks}
	offset = max(0, min(offset, len(s.src)))
	switch {
	case doc.JSON:
		c = s.json(offset)
	case doc.Kind == NotOpenAPI:
		c = s.responseKey(offset)
		if c.Kind == NoCompletion {
			c = s.statusValue(offset, NewStatusKeys(extraKeys))
		}
	default:
		c = s.responseKey(offset)
	}
	return s.newline(c)
}

// Typing is a JSON text being typed, read for completion before it is
// parsed again: completion in JSON reads the tokens around the cursor,
// and of the model needs only the document's kind, which typing inside
// the document does not change. A keystroke that breaks a 13 MB spec
// costs a second of repair; its completion must not wait for it.
type Typing struct {
	kind  Kind
	src   lines.Patched
	marks *jsonMarks
}

// Typed returns the JSON text src, d's text with edit applied, as a
// document of the given kind (d's, or that of the last version of the
// text that parsed, when d's did not), for CompletionAt. It keeps the
// saved states of d's scan that come before the edit, and those after it
// for when its own scan meets one; with no edit, src being d's text, it
// shares them. It returns nil when d is not JSON. src is read where
// completions ask, around their cursor, never copied.
func (d *Document) Typed(src lines.Patched, edit lines.Edit, kind Kind) *Typing {
	if d == nil || !d.JSON || d.jsonMarks == nil {
		return nil
	}
	if edit.IsNop() {
		return &Typing{kind: kind, src: src, marks: d.jsonMarks}
	}
	// d's states up to the edit are saved first, once for all the
	// versions typed from d.
	d.jsonMarks.before(lines.Flat(d.Doc.Source()), edit.Start)
	return &Typing{kind: kind, src: src, marks: d.jsonMarks.kept(edit)}
}

// Adopt gives d, modelled from the text t reads (flat or not), the
// states of the scan t saved.
func (d *Document) Adopt(t *Typing) {
	if t != nil && d.JSON && len(d.Doc.Source()) == t.src.Len() {
		d.jsonMarks = t.marks
	}
}

// Scanned saves the states of the scan of d's text (a JSON text's)
// through to its end where they are missing, so that no completion
// scans more than the step between two: after an edit, only from the
// edit until the scan meets the states saved before it.
func (d *Document) Scanned() {
	if d != nil && d.JSON {
		src := lines.Flat(d.Doc.Source())
		d.jsonMarks.before(src, src.Len())
	}
}

// Follow gives d, modelled from prev's text with edit applied, the
// states of prev's scan that hold for its text (as Typed keeps them),
// without scanning.
func (d *Document) Follow(prev *Document, edit lines.Edit) {
	if d.JSON && prev != nil && prev.JSON && prev.jsonMarks != nil {
		d.jsonMarks = prev.jsonMarks.kept(edit)
	}
}

// CompletionAt returns the completion context at byte offset offset, as
// CompletionAt of a modelled document of the text does.
func (t *Typing) CompletionAt(offset int) (c Completion) {
	defer func() {
		if recover() != nil {
			c = Completion{}
		}
	}()
	s := &cursorScan{text: t.src, kind: t.kind, marks: t.marks}
	return s.newline(s.json(max(0, min(offset, t.src.Len()))))
}

// newline sets the line ending of an item inserted by c: that of the
// line break nearest before it, else after it.
func (s *cursorScan) newline(c Completion) Completion {
	if c.Kind == NoCompletion {
		return c
	}
	c.Newline = "\n"
	t := s.text
	i := c.Start - 1
	for i >= 0 && t.At(i) != '\n' {
		i--
	}
	if i < 0 {
		for i = c.Start; i < t.Len() && t.At(i) != '\n'; i++ {
		}
	}
	if i > 0 && i < t.Len() && t.At(i-1) == '\r' {
		c.Newline = "\r\n"
	}
	return c
}

// cursorScan reads the text around a cursor: doc's source (src, and text
// reading it), or a JSON text being typed (text; doc nil).
type cursorScan struct {
	doc   *Document
	src   []byte
	text  lines.Patched
	kind  Kind
	marks *jsonMarks
}

// line is one line of the text.
type line struct {
	n          int // 0-based
	start, end int // end excludes the line break
	indent     int // bytes of leading blanks
	text       []byte
}

// blank reports whether a line holds nothing but blanks or a comment.
func (l line) blank() bool {
	t := l.text[l.indent:]
	return len(t) == 0 || t[0] == '#'
}

func (s *cursorScan) line(n int) line {
	start, end := s.doc.Doc.LineRange(n)
	l := line{n: n, start: start, end: end, text: s.src[start:end]}
	for l.indent < len(l.text) && (l.text[l.indent] == ' ' || l.text[l.indent] == '\t') {
		l.indent++
	}
	return l
}

// parent returns the nearest line above line n that is indented less than
// indent and is not blank, ok false at a document boundary or the top.
func (s *cursorScan) parent(n, indent int) (line, bool) {
	for k := n - 1; k >= 0; k-- {
		l := s.line(k)
		if l.blank() {
			continue
		}
		if l.indent == 0 && (bytes.HasPrefix(l.text, []byte("---")) || bytes.HasPrefix(l.text, []byte("..."))) {
			return line{}, false
		}
		if l.indent < indent {
			return l, true
		}
	}
	return line{}, false
}

// yamlKey reads the key of a block mapping entry: the text t (a line
// after its indentation) as key, colon and value. value is the rest of
// the line after the colon, comment dropped and trimmed; quote is the
// key's quote character.
func yamlKey(t []byte) (key, value string, quote byte, ok bool) {
	if len(t) == 0 {
		return "", "", 0, false
	}
	var rest []byte
	if q := t[0]; q == '\'' || q == '"' {
		i := 1
		for ; i < len(t); i++ {
			if t[i] == '\\' && q == '"' {
				i++
				continue
			}
			if t[i] == q {
				if q == '\'' && i+1 < len(t) && t[i+1] == '\'' {
					i++
					continue
				}
				break
			}
		}
		if i >= len(t) {
			return "", "", 0, false
		}
		key, quote = string(t[1:i]), q
		rest = bytes.TrimLeft(t[i+1:], " \t")
		if len(rest) == 0 || rest[0] != ':' {
			return "", "", 0, false
		}
		rest = rest[1:]
	} else {
		i := 0
		for ; i < len(t); i++ {
			if t[i] == ':' && (i+1 == len(t) || t[i+1] == ' ' || t[i+1] == '\t') {
				break
			}
			if t[i] == '#' && i > 0 && (t[i-1] == ' ' || t[i-1] == '\t') {
				return "", "", 0, false
			}
		}
		if i >= len(t) {
			return "", "", 0, false
		}
		key = strings.TrimRight(string(t[:i]), " \t")
		rest = t[i+1:]
	}
	rest = bytes.TrimSpace(rest)
	if len(rest) > 0 && rest[0] == '#' {
		rest = nil
	}
	return key, string(rest), quote, key != ""
}

// isKeyChar reports whether c may be part of a response key being typed.
func isKeyChar(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// responseKey finds a YAML response key position at the cursor.
func (s *cursorScan) responseKey(cursor int) Completion {
	cl := s.line(s.doc.Doc.LineOf(cursor))
	if cursor-cl.start < cl.indent && cl.indent < len(cl.text) {
		return Completion{} // in the indentation of a line with text
	}
	keyCol := min(cl.indent, cursor-cl.start)
	start := cl.start + keyCol
	typed := s.src[start:cursor]
	var quote byte
	if len(typed) > 0 && (typed[0] == '\'' || typed[0] == '"') {
		quote = typed[0]
		typed = typed[1:]
	}
	for _, c := range typed {
		if !isKeyChar(c) {
			return Completion{}
		}
	}
	end := cursor
	for end < cl.end && isKeyChar(s.src[end]) {
		end++
	}
	if end < cl.end && (s.src[end] == '\'' || s.src[end] == '"') {
		if s.src[end] != quote {
			return Completion{}
		}
		end++
	}
	after := bytes.TrimLeft(s.src[end:cl.end], " \t")
	hasValue := len(after) > 0 && after[0] == ':'
	if len(after) > 0 && !hasValue && after[0] != '#' {
		return Completion{}
	}

	resp, ok := s.parent(cl.n, keyCol)
	if !ok {
		return Completion{}
	}
	if key, value, _, ok := yamlKey(resp.text[resp.indent:]); !ok || key != "responses" || value != "" {
		return Completion{}
	}
	c := Completion{Kind: ResponseKeyCompletion, Start: start, End: end, Prefix: string(s.src[start:cursor]),
		DocKind: s.kind, Quote: quote, HasValue: hasValue,
		Indent: string(cl.text[:keyCol])}
	c.IndentUnit = indentUnit(keyCol - resp.indent)

	// The keys already there: the lines of the map indented least.
	var block []line
	sibling := -1
	for k := resp.n + 1; k < s.doc.Doc.LineCount(); k++ {
		if k == cl.n {
			continue
		}
		l := s.line(k)
		if l.blank() {
			continue
		}
		if l.indent <= resp.indent {
			break
		}
		if sibling < 0 || l.indent < sibling {
			sibling = l.indent
		}
		block = append(block, l)
	}
	for _, l := range block {
		if l.indent != sibling {
			continue
		}
		key, _, q, ok := yamlKey(l.text[l.indent:])
		if !ok || strings.HasPrefix(key, "x-") {
			continue
		}
		c.Present = append(c.Present, ParseStatus(key))
		if c.Quote == 0 {
			c.Quote = q
		}
	}

	// The operation above: a method key, and the path key above it.
	opLine, ok := s.parent(resp.n, resp.indent)
	if ok {
		if key, _, _, ok := yamlKey(opLine.text[opLine.indent:]); ok {
			switch {
			case isMethod(key):
				c.Method = strings.ToUpper(key)
				if pl, ok := s.parent(opLine.n, opLine.indent); ok {
					if key, _, _, ok := yamlKey(pl.text[pl.indent:]); ok && !isMethod(key) {
						c.Path = key
					}
				}
			case key == "components":
				return Completion{} // named reusable responses
			}
		}
	}
	return s.settle(c)
}

// settle decides whether a responses map outside an operation takes
// response keys: in a full document it does not (components.responses,
// the root responses of Swagger 2.0, examples), in a fragment it does;
// in a document not known as OpenAPI, only among keys that are all codes.
func (s *cursorScan) settle(c Completion) Completion {
	switch {
	case s.kind == Fragment || c.Method != "":
	case s.kind == NotOpenAPI && allValid(c.Present):
	default:
		return Completion{}
	}
	if !s.kind.IsOpenAPI() {
		c.DocKind = Fragment
	}
	return c
}

// indentUnit returns one level of indentation, d spaces where d is
// plausible, else two.
func indentUnit(d int) string {
	if d < 1 || d > 8 {
		d = 2
	}
	return strings.Repeat(" ", d)
}

// allValid reports whether there are keys and all are codes, ranges or
// default.
func allValid(present []Status) bool {
	for _, p := range present {
		if !p.Valid() {
			return false
		}
	}
	return len(present) > 0
}

// statusValue finds a status value position in a plain YAML document:
// `key: 40|`, `- 40|` under a list key, `key: [500, 50|`.
func (s *cursorScan) statusValue(cursor int, keys *StatusKeys) Completion {
	cl := s.line(s.doc.Doc.LineOf(cursor))
	before := s.src[cl.start:cursor]
	// The value being typed: digits, perhaps after a quote.
	i := len(before)
	for i > 0 && isDigit(before[i-1]) {
		i--
	}
	var quote byte
	if i > 0 && (before[i-1] == '\'' || before[i-1] == '"') {
		quote = before[i-1]
		i--
	}
	lead := before[:i]
	end := cursor
	for end < cl.end && isDigit(s.src[end]) {
		end++
	}
	// What follows the value must end it.
	rest := s.src[end:cl.end]
	if quote != 0 && len(rest) > 0 && rest[0] == quote {
		rest = rest[1:]
	}
	rest = bytes.TrimLeft(rest, " \t")
	if len(rest) > 0 && rest[0] != '#' && rest[0] != ',' && rest[0] != ']' {
		return Completion{}
	}
	c := Completion{Kind: StatusValueCompletion, Start: cl.start + i, End: end, DocKind: s.kind, Quoted: quote != 0}
	if quote != 0 {
		c.Start++
	}
	c.Prefix = string(s.src[c.Start:cursor])

	trimmed := bytes.TrimRight(lead, " \t")
	t := bytes.TrimLeft(trimmed, " \t")
	switch {
	case len(t) > 0 && t[len(t)-1] == ':' && len(trimmed) < len(lead):
		// key: |
		key := t[:len(t)-1]
		if bytes.HasPrefix(key, []byte("- ")) {
			key = bytes.TrimLeft(key[2:], " \t")
		}
		k := unquoteKey(key)
		if !s.statusKey(keys, k, cl, cl.indent) {
			return Completion{}
		}
		c.Key = k
		return c
	case len(t) > 0 && t[0] == '-' && len(t) == 1 && len(trimmed) < len(lead):
		// - |  under a list key
		p, ok := s.listParent(cl)
		if !ok {
			return Completion{}
		}
		key, value, _, ok := yamlKey(p.text[p.indent:])
		if !ok || value != "" || !s.statusKey(keys, key, p, p.indent) {
			return Completion{}
		}
		c.Key = key
		return c
	}
	// key: [500, |
	if j := bytes.LastIndexByte(lead, '['); j >= 0 && !bytes.ContainsAny(lead[j:], "]{}:") {
		head := bytes.TrimRight(lead[:j], " \t")
		if len(head) > 0 && head[len(head)-1] == ':' {
			key := bytes.TrimLeft(head[:len(head)-1], " \t-")
			k := unquoteKey(bytes.TrimSpace(key))
			items := lead[j+1:]
			items = bytes.TrimRight(items, " \t")
			if len(items) == 0 || items[len(items)-1] == ',' {
				if s.statusKey(keys, k, cl, cl.indent) {
					c.Key = k
					return c
				}
			}
		}
	}
	return Completion{}
}

// unquoteKey strips the quotes of a quoted key.
func unquoteKey(k []byte) string {
	if len(k) >= 2 && (k[0] == '\'' || k[0] == '"') && k[len(k)-1] == k[0] {
		return string(k[1 : len(k)-1])
	}
	return string(k)
}

// statusKey reports whether key, written on line l at indentation indent,
// names a status; for `code` it reads the sibling and parent keys.
func (s *cursorScan) statusKey(keys *StatusKeys, key string, l line, indent int) bool {
	ok, code, _ := keys.Match(key)
	if !ok {
		return false
	}
	if !code {
		return true
	}
	parentKey := ""
	if p, ok := s.parent(l.n, indent); ok {
		pt := p.text[p.indent:]
		if k, _, _, ok := yamlKey(bytes.TrimLeft(bytes.TrimPrefix(pt, []byte("-")), " \t")); ok {
			parentKey = k
		}
	}
	if mentionsStatus(parentKey) {
		return true
	}
	// Siblings: the lines at the same indentation in the same block (a
	// list item's first key stands after its dash).
	for _, dir := range []int{-1, 1} {
		for k := l.n + dir; k >= 0 && k < s.doc.Doc.LineCount(); k += dir {
			sl := s.line(k)
			if sl.blank() {
				continue
			}
			t := sl.text[sl.indent:]
			ind := sl.indent
			if bytes.HasPrefix(t, []byte("- ")) {
				t = bytes.TrimLeft(t[1:], " \t")
				ind = len(sl.text) - len(t)
			}
			if ind < indent || ind == indent && sl.indent < indent && dir == 1 {
				break
			}
			if ind != indent {
				continue
			}
			if key, _, _, ok := yamlKey(t); ok && key != "code" && mentionsStatus(key) {
				return true
			}
			if sl.indent < indent {
				break // the dash of the item: its first key was checked
			}
		}
	}
	return false
}

// listParent returns the key line a list item stands under: the nearest
// line above indented less, or indented the same but not an item itself
// (a list not indented under its key).
func (s *cursorScan) listParent(item line) (line, bool) {
	for k := item.n - 1; k >= 0; k-- {
		l := s.line(k)
		if l.blank() {
			continue
		}
		if l.indent < item.indent {
			return l, true
		}
		if l.indent == item.indent && (len(l.text) <= l.indent || l.text[l.indent] != '-') {
			return l, true
		}
		if l.indent == item.indent {
			continue // a sibling item
		}
	}
	return line{}, false
}
