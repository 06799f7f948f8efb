// json.go: a fast path for JSON. yaml.v3 reads JSON at about 30 MB/s,
// which makes opening a 13 MB OpenAPI description take half a second.
// Strict JSON builds here the very node tree yaml.v3 would build from it
// — kinds, styles, tags, values, lines and columns — many times faster.
// Anything yaml.v3 might read differently (an escape it lacks, a key too
// long to be a simple key, a raw control character) is left to yaml.v3,
// as is every syntax error. The one exception is a surrogate escape
// (\ud83d\udc4d), valid JSON that yaml.v3 rejects: it is read here as
// encoding/json reads it.

package yamldoc

import (
	"bytes"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/httpcode-lsp/httpcode-lsp/internal/bigcopy"

	"gopkg.in/yaml.v3"
)

// maxJSONKey is the longest key read here: yaml.v3 reads a flow mapping
// key only within 1024 characters of its start.
const maxJSONKey = 1000

// jsonReader builds nodes from strict JSON text.
type jsonReader struct {
	t []byte
	i int
	// line is the 1-based line of offset i; lineStart the offset of its
	// first byte. col is the 1-based column (in characters) of offset
	// colAt, so that columns are counted once along each line.
	line, lineStart int
	col, colAt      int
	// tags caches the tags of numbers yaml.v3 resolved.
	tags map[string]string
	// Nodes and Content slices are allocated in slabs, and the children
	// of the open collections are gathered on stack.
	slabs slabs
	stack []*Node
	// prune, when set, tells which collections nobody reads; skipping
	// counts the collections open inside one being skipped, which are
	// read for their syntax only, into scratch and buf.
	prune    Prune
	skipping int
	scratch  Node
	buf      []byte
	// pruned tells that a collection was skipped.
	pruned bool
}

// content returns the children gathered on the stack from offset from,
// as a Content slice, and pops them.
func (r *jsonReader) content(from int) []*Node {
	c := r.slabs.content(len(r.stack) - from)
	copy(c, r.stack[from:])
	r.stack = r.stack[:from]
	return c
}

// newJSONReader returns a reader of text from its start.
func newJSONReader(text []byte, prune Prune) *jsonReader {
	return &jsonReader{t: text, line: 1, col: 1, prune: prune, slabs: slabsFor(len(text))}
}

// parseJSON returns the root node yaml.v3 would read from text, false
// where the text is not JSON this reader vouches for. With prune, a
// collection nobody reads is checked but not built: it is one scalar
// whose value is its text, as written, and pruned is true.
func parseJSON(text []byte, prune Prune) (root *Node, pruned, ok bool) {
	r := newJSONReader(text, prune)
	root, ok = r.root(0)
	return root, r.pruned, ok
}

// root reads the whole text as one value whose prune state is state.
func (r *jsonReader) root(state int) (*Node, bool) {
	text := r.t
	// Outside the root's brackets yaml.v3 reads blanks as block
	// indentation, where a tab is an error.
	if !r.space() || bytes.IndexByte(text[:r.i], '\t') >= 0 || r.i >= len(text) || text[r.i] != '{' && text[r.i] != '[' {
		return nil, false
	}
	root, ok := r.value(0, state)
	end := r.i
	if !ok || !r.space() || r.i != len(text) || bytes.IndexByte(text[end:], '\t') >= 0 {
		return nil, false
	}
	return root, true
}

// space skips blanks and line breaks, false at a lone CR (a line break
// to yaml.v3 only).
func (r *jsonReader) space() bool {
	for r.i < len(r.t) {
		switch r.t[r.i] {
		case ' ', '\t':
			r.i++
		case '\n':
			r.i++
			r.line, r.lineStart, r.col, r.colAt = r.line+1, r.i, 1, r.i
		case '\r':
			if r.i+1 >= len(r.t) || r.t[r.i+1] != '\n' {
				return false
			}
			r.i++
		default:
			return true
		}
	}
	return true
}

// node returns a node of kind at offset i; inside a skipped collection
// the scratch node, overwritten by the next.
func (r *jsonReader) node(kind Kind, style Style, tag string) *Node {
	if r.skipping > 0 {
		return &r.scratch
	}
	r.col += utf8.RuneCount(r.t[r.colAt:r.i])
	r.colAt = r.i
	n := r.slabs.node()
	*n = Node{Kind: kind, Style: style, Line: position(r.line), Column: position(r.col)}
	n.setTag(tag)
	return n
}

// value reads the value at i; state is prune's for it.
func (r *jsonReader) value(depth, state int) (*Node, bool) {
	if depth >= MaxDepth || r.i >= len(r.t) {
		return nil, false
	}
	switch c := r.t[r.i]; {
	case c == '{':
		return r.object(depth, state)
	case c == '[':
		return r.array(depth, state)
	case c == '"':
		return r.str()
	case c == '-' || c >= '0' && c <= '9':
		return r.number()
	}
	for _, w := range [...]struct{ word, tag string }{{"true", "!!bool"}, {"false", "!!bool"}, {"null", "!!null"}} {
		if r.word(w.word) {
			n := r.node(ScalarNode, 0, w.tag)
			n.Value = w.word
			r.i += len(w.word)
			return n, true
		}
	}
	return nil, false
}

// word reports whether w stands at i, followed by a delimiter.
func (r *jsonReader) word(w string) bool {
	end := r.i + len(w)
	return end <= len(r.t) && string(r.t[r.i:end]) == w && (end == len(r.t) || delimiter(r.t[end]))
}

func delimiter(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', ',', ']', '}':
		return true
	}
	return false
}

// child reads the value of a member or an element (key "") of a
// collection whose prune state is state.
// A collection nobody reads is read for its syntax only and stands as a
// plain scalar holding its text.
func (r *jsonReader) child(depth, state int, key string) (*Node, bool) {
	if r.prune == nil || r.skipping > 0 {
		return r.value(depth, state)
	}
	next, read := r.prune(state, key)
	if read || r.i >= len(r.t) || r.t[r.i] != '{' && r.t[r.i] != '[' {
		return r.value(depth, next)
	}
	start := r.i
	n := r.node(ScalarNode, 0, "!!str")
	r.skipping++
	_, ok := r.value(depth, next)
	r.skipping--
	if !ok {
		return nil, false
	}
	n.Value = string(r.t[start:r.i])
	r.pruned = true
	return n, true
}

func (r *jsonReader) object(depth, state int) (*Node, bool) {
	n := r.node(MappingNode, FlowStyle, "!!map")
	r.i++
	if !r.space() {
		return nil, false
	}
	if r.i < len(r.t) && r.t[r.i] == '}' {
		r.i++
		return n, true
	}
	from := len(r.stack)
	for {
		if r.i >= len(r.t) || r.t[r.i] != '"' {
			return nil, false
		}
		start, line := r.i, r.line
		k, ok := r.str()
		if !ok || r.i-start > maxJSONKey {
			return nil, false
		}
		// A key and its colon on different lines is no simple key.
		if !r.space() || r.line != line || r.i >= len(r.t) || r.t[r.i] != ':' {
			return nil, false
		}
		r.i++
		if !r.space() {
			return nil, false
		}
		v, ok := r.child(depth+1, state, k.Value)
		if !ok {
			return nil, false
		}
		if r.skipping == 0 {
			r.stack = append(r.stack, k, v)
		}
		closed, ok := r.separator('}')
		if !ok {
			return nil, false
		}
		if closed {
			if r.skipping == 0 {
				n.Content = r.content(from)
			}
			return n, true
		}
	}
}

// separator reads what follows a member or an element: a comma, or the
// collection's closing bracket (closed). ok is false for anything else.
func (r *jsonReader) separator(closing byte) (closed, ok bool) {
	if !r.space() || r.i >= len(r.t) {
		return false, false
	}
	switch r.t[r.i] {
	case ',':
		r.i++
		return false, r.space()
	case closing:
		r.i++
		return true, true
	}
	return false, false
}

func (r *jsonReader) array(depth, state int) (*Node, bool) {
	n := r.node(SequenceNode, FlowStyle, "!!seq")
	r.i++
	if !r.space() {
		return nil, false
	}
	if r.i < len(r.t) && r.t[r.i] == ']' {
		r.i++
		return n, true
	}
	from := len(r.stack)
	for {
		v, ok := r.child(depth+1, state, "")
		if !ok {
			return nil, false
		}
		if r.skipping == 0 {
			r.stack = append(r.stack, v)
		}
		closed, ok := r.separator(']')
		if !ok {
			return nil, false
		}
		if closed {
			if r.skipping == 0 {
				n.Content = r.content(from)
			}
			return n, true
		}
	}
}

// str reads a string: the escapes yaml.v3 shares with JSON, and
// surrogate escapes, which yaml.v3 rejects, read as encoding/json reads
// them; no raw control characters or line breaks.
func (r *jsonReader) str() (*Node, bool) {
	n := r.node(ScalarNode, DoubleQuotedStyle, "!!str")
	t := r.t
	i := r.i + 1
	start := i
	for i < len(t) && t[i] != '"' && t[i] != '\\' && t[i] >= 0x20 && t[i] < utf8.RuneSelf {
		i++
	}
	if i < len(t) && t[i] == '"' {
		if r.skipping == 0 {
			n.Value = string(t[start:i])
		}
		r.i = i + 1
		return n, true
	}
	buf := append(r.buf[:0], t[start:i]...)
	defer func() { r.buf = buf[:0] }()
	for ; i < len(t); i++ {
		c := t[i]
		switch {
		case c == '"':
			if r.skipping == 0 {
				n.Value = string(buf)
			}
			r.i = i + 1
			return n, true
		case c < 0x20, breakLen(t, i) > 0:
			// yaml.v3 folds a line break (NEL, LS, PS) in a quoted
			// scalar.
			return nil, false
		case c != '\\':
			buf = append(buf, c)
			continue
		}
		if i+1 >= len(t) {
			return nil, false
		}
		i++
		switch t[i] {
		case '"', '\\':
			buf = append(buf, t[i])
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			v, ok := hex4(t, i+1)
			if !ok {
				return nil, false
			}
			i += 4
			if utf16.IsSurrogate(v) {
				// A pair is one character; a half without its other
				// half is U+FFFD, as encoding/json reads it.
				if w, ok := hex4(t, i+3); ok && t[i+1] == '\\' && t[i+2] == 'u' {
					if r := utf16.DecodeRune(v, w); r != utf8.RuneError {
						v = r
						i += 6
					}
				}
			}
			buf = utf8.AppendRune(buf, v)
		default:
			return nil, false
		}
	}
	return nil, false
}

// surrogatesForYAML returns a JSON text with every surrogate escape
// (\ud800 to \udfff) made \ufffd, which yaml.v3 reads where it rejects
// the first: a text the JSON reader leaves to yaml.v3 (one being typed,
// with a syntax error) is not failed by a valid escape before its error.
// Each half of a pair becomes a U+FFFD there, as only an escape of the
// same length keeps every offset. It returns text itself when it has
// none, else a copy. In JSON a backslash stands only in a string.
func surrogatesForYAML(text []byte) []byte {
	out := text
	for i := bytes.IndexByte(text, '\\'); i >= 0 && i+1 < len(text); {
		if text[i+1] == 'u' {
			if v, ok := hex4(text, i+2); ok && utf16.IsSurrogate(v) {
				if &out[0] == &text[0] {
					out = bigcopy.Clone(text) // a megabyte at a time: tens of them in one piece hold a processor
				}
				copy(out[i+2:], "fffd")
			}
		}
		j := bytes.IndexByte(text[i+2:], '\\')
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return out
}

// hex4 reads the four hex digits of a \u escape at t[i:].
func hex4(t []byte, i int) (rune, bool) {
	if i+4 > len(t) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(t[i:i+4]), 16, 32)
	return rune(v), err == nil
}

// number reads a JSON number; its tag is yaml.v3's.
func (r *jsonReader) number() (*Node, bool) {
	t := r.t
	i := r.i
	if t[i] == '-' {
		i++
	}
	digits := func() bool {
		s := i
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		return i > s
	}
	intStart := i
	if !digits() || t[intStart] == '0' && i-intStart > 1 {
		return nil, false
	}
	integer := true
	if i < len(t) && t[i] == '.' {
		i++
		integer = false
		if !digits() {
			return nil, false
		}
	}
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		i++
		integer = false
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			i++
		}
		if !digits() {
			return nil, false
		}
	}
	if i < len(t) && !delimiter(t[i]) {
		return nil, false
	}
	tag := "!!int"
	switch {
	case integer && i-intStart <= 18:
	case r.skipping > 0:
		// Not cached: a skipped array of distinct floats would fill the
		// cache for nothing.
		if tag = numberTag(string(t[r.i:i])); tag == "" {
			tag = r.tagOf(string(t[r.i:i]))
		}
	default:
		tag = r.tagOf(string(t[r.i:i]))
	}
	n := r.node(ScalarNode, 0, tag)
	if r.skipping == 0 {
		n.Value = string(t[r.i:i])
	}
	r.i = i
	return n, tag != ""
}

// tagOf asks yaml.v3 how it resolves a number written tok.
func (r *jsonReader) tagOf(tok string) string {
	if tag, ok := r.tags[tok]; ok {
		return tag
	}
	tag := numberTag(tok)
	if tag == "" {
		var n yaml.Node
		if yaml.Unmarshal([]byte(tok), &n) == nil && len(n.Content) == 1 {
			tag = n.Content[0].Tag
		}
	}
	if r.tags == nil {
		r.tags = map[string]string{}
	}
	r.tags[tok] = tag
	return tag
}

// numberTag is the tag yaml.v3 resolves a JSON number to, as its resolve
// decides for these shapes: an integer of 64 bits, signed or not, is an
// int; any other number that ParseFloat reads is a float. "" leaves the
// rest (a float out of range) to yaml.Unmarshal, a thousand times slower:
// called once per distinct number, it was most of the time of a document
// of measurements.
func numberTag(tok string) string {
	if _, err := strconv.ParseInt(tok, 10, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseUint(tok, 10, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseFloat(tok, 64); err == nil {
		return "!!float"
	}
	return ""
}
