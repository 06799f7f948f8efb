// json.go: the completion context in a JSON document, read from the
// tokens before the cursor: a stack of open objects and arrays tells
// which object the cursor is in, under which keys, and whether a key or a
// value is due.

package openapi

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/yamldoc"
)

// jsonFrame is an open object or array.
type jsonFrame struct {
	object bool
	key    span // the member key the container is the value of
	start  int  // offset of its bracket
	state  jsonState
	// keysFrom is where the object's keys start in the scan's list: the
	// keys of open objects are listed in stack order. Only a responses
	// object, whose codes completion leaves out, lists all its keys;
	// another lists its last, the key of a container opened in it.
	keysFrom int
	allKeys  bool
	// valueEnd is the end of the last value in the container.
	valueEnd int
}

// span is a token's range; the zero span is no token.
type span struct{ start, end int }

func (s span) text(src lines.Patched) string { return unquoteJSON(src.Slice(s.start, s.end)) }

type jsonState int

const (
	wantKey   jsonState = iota // after { or , in an object; after [ or , in an array
	wantColon                  // after a key
	wantValue                  // after a colon
	afterValue
)

// jsonScan is where a scan of the tokens stands: the open objects and
// arrays, the keys of the open objects, and the offset reached.
type jsonScan struct {
	stack []jsonFrame
	keys  []span
	i     int
	// deep counts the containers open past yamldoc.MaxDepth, which the
	// model does not read either: they are counted, not stacked, so that
	// the stack and every mark that copies it stay short however deep
	// the text nests.
	deep int
}

func (st *jsonScan) top() *jsonFrame {
	if len(st.stack) == 0 {
		return nil
	}
	return &st.stack[len(st.stack)-1]
}

func (st *jsonScan) clone() jsonScan {
	return jsonScan{stack: slices.Clone(st.stack), keys: slices.Clone(st.keys), i: st.i, deep: st.deep}
}

// scan reads the tokens from st.i on, stopping before offset limit or at
// the string or word that holds cursor (or ends at it), whose range and
// quote it returns (start -1 when none).
func (st *jsonScan) scan(src lines.Patched, cursor, limit int) (tokStart, tokEnd int, quote byte) {
	tokStart, tokEnd = -1, -1
	for st.i < cursor && st.i < limit {
		i := st.i
		c := src.At(i)
		switch c {
		case ' ', '\t', '\r', '\n':
			// The blanks at once: they are most of a pretty-printed text.
			b := src.From(i)
			b = b[:min(len(b), cursor-i, limit-i)]
			k := 1
			for k < len(b) && (b[k] == ' ' || b[k] == '\t' || b[k] == '\r' || b[k] == '\n') {
				k++
			}
			st.i += k
		case '{', '[':
			if st.deep > 0 || len(st.stack) >= yamldoc.MaxDepth {
				if t := st.top(); t != nil && st.deep == 0 {
					t.state = afterValue
				}
				st.deep++
				st.i++
				continue
			}
			f := jsonFrame{object: c == '{', start: i, keysFrom: len(st.keys)}
			if t := st.top(); t != nil {
				if t.object && t.state == wantValue && len(st.keys) > t.keysFrom {
					f.key = st.keys[len(st.keys)-1]
					f.allKeys = f.key.text(src) == "responses"
				}
				t.state = afterValue
			}
			st.stack = append(st.stack, f)
			st.i++
		case '}', ']':
			if st.deep > 0 {
				st.deep--
				if t := st.top(); t != nil && st.deep == 0 {
					t.valueEnd = i + 1
				}
				st.i++
				continue
			}
			if len(st.stack) > 0 {
				st.keys = st.keys[:st.stack[len(st.stack)-1].keysFrom]
				st.stack = st.stack[:len(st.stack)-1]
			}
			if t := st.top(); t != nil {
				t.valueEnd = i + 1
			}
			st.i++
		case ':':
			if t := st.top(); t != nil && st.deep == 0 && t.state == wantColon {
				t.state = wantValue
			}
			st.i++
		case ',':
			if t := st.top(); t != nil && st.deep == 0 {
				t.state = wantKey
			}
			st.i++
		default:
			j := i + 1
			if c == '"' {
				j = stringEnd(src, i)
			} else {
				for j < src.Len() && !isJSONDelimiter(src.At(j)) {
					j++
				}
			}
			if j >= cursor && (c != '"' || j > cursor || src.At(j-1) != '"' || j-1 == i) {
				if c == '"' {
					quote = '"'
				}
				st.i = cursor
				return i, j, quote
			}
			if t := st.top(); t != nil && st.deep == 0 {
				switch {
				case t.object && (t.state == wantKey || t.state == afterValue):
					if t.allKeys || len(st.keys) == t.keysFrom {
						st.keys = append(st.keys, span{i, j})
					} else {
						st.keys[len(st.keys)-1] = span{i, j}
					}
					t.state = wantColon
				default:
					t.state = afterValue
					t.valueEnd = j
				}
			}
			st.i = j
		}
	}
	return tokStart, tokEnd, quote
}

// jsonMarkStep is the distance between the saved states of a JSON
// document's scan (a variable for the tests, which use smaller texts).
var jsonMarkStep = 16 << 10

// jsonMarks are states of the scan of a text, saved about every
// jsonMarkStep bytes, so that a completion in a large document scans from
// the nearest one instead of from the start. The scan up to a saved
// offset does not depend on the cursor when the cursor is past it. They
// are made as far as the completions asked for need them, and safe for
// concurrent use.
type jsonMarks struct {
	mu    sync.Mutex
	marks []jsonScan
	// st is where making them stopped; end tells that it reached the
	// end of the text.
	st  jsonScan
	end bool
	// after are the states saved on the text before edit, after the
	// edit: once the scan of this text reaches one of them, moved by the
	// edit, in the same state, it and all after it are this text's too.
	after []jsonScan
	edit  lines.Edit
}

// before returns a copy of the last state saved before cursor, saving
// states up to there first.
func (m *jsonMarks) before(src lines.Patched, cursor int) jsonScan {
	if m == nil || src.Len() <= jsonMarkStep {
		return jsonScan{}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for !m.end && m.st.i+jsonMarkStep < cursor {
		limit := (m.st.i/jsonMarkStep + 1) * jsonMarkStep
		if len(m.after) > 0 {
			limit = min(limit, m.edit.Moved(m.after[0].i))
		}
		if limit >= src.Len() {
			m.end = true
			break
		}
		if start, _, _ := m.st.scan(src, src.Len(), limit); start >= 0 {
			m.end = true
			break
		}
		if n := len(m.marks); n == 0 || m.marks[n-1].i != m.st.i {
			m.marks = append(m.marks, m.st.clone())
		}
		m.sync()
	}
	k := sort.Search(len(m.marks), func(k int) bool { return m.marks[k].i >= cursor }) - 1
	if k < 0 {
		return jsonScan{}
	}
	return m.marks[k].clone()
}

// sync takes the states saved before the edit, moved, when the scan has
// reached the first of them in the same state; it drops those the scan
// has reached or passed otherwise.
func (m *jsonMarks) sync() {
	for len(m.after) > 0 && m.edit.Moved(m.after[0].i) < m.st.i {
		m.after = m.after[1:]
	}
	if len(m.after) == 0 || m.edit.Moved(m.after[0].i) != m.st.i {
		return
	}
	if !m.st.equal(m.after[0].moved(m.edit)) {
		m.after = m.after[1:]
		return
	}
	m.marks = m.marks[:len(m.marks)-1]
	for _, st := range m.after {
		m.marks = append(m.marks, st.moved(m.edit))
	}
	m.st, m.after = m.marks[len(m.marks)-1].clone(), nil
}

// kept returns the marks of text, the text m's were saved on with edit
// applied: those saved before the edit, the scan to which read nothing it
// changed, and those after it, to be taken once the scan of the new text
// meets one of them (sync).
func (m *jsonMarks) kept(edit lines.Edit) *jsonMarks {
	m.mu.Lock()
	defer m.mu.Unlock()
	// A token's end is found by the byte after it: a state saved at the
	// edit's start may have read it.
	k := sort.Search(len(m.marks), func(k int) bool { return m.marks[k].i >= edit.Start })
	out := &jsonMarks{marks: m.marks[:k:k], edit: edit}
	if k > 0 {
		out.st = m.marks[k-1].clone()
	}
	a := sort.Search(len(m.marks), func(k int) bool { return m.marks[k].i >= edit.End })
	out.after = m.marks[a:len(m.marks):len(m.marks)]
	return out
}

// moved returns a copy of st, a state of the scan of a text before e,
// with its offsets moved by e; offsets inside e's span become -1, which
// no state of the text after e holds.
func (st jsonScan) moved(e lines.Edit) jsonScan {
	out := st.clone()
	out.i = e.Moved(st.i)
	for k := range out.stack {
		f := &out.stack[k]
		f.key = span{e.Moved(f.key.start), e.Moved(f.key.end)}
		f.start, f.valueEnd = e.Moved(f.start), e.Moved(f.valueEnd)
	}
	for k, sp := range out.keys {
		out.keys[k] = span{e.Moved(sp.start), e.Moved(sp.end)}
	}
	return out
}

// equal reports whether two states of a scan are the same.
func (st jsonScan) equal(o jsonScan) bool {
	return st.i == o.i && st.deep == o.deep && slices.Equal(st.stack, o.stack) && slices.Equal(st.keys, o.keys)
}

// json finds a response key position in a JSON document.
func (s *cursorScan) json(cursor int) Completion {
	src := s.text
	st := s.marks.before(src, cursor)
	tokStart, tokEnd, quote := st.scan(src, cursor, cursor)
	stack, keys := st.stack, st.keys
	top := st.top
	t := top()
	if t == nil || !t.object || !t.allKeys || t.state != wantKey && t.state != afterValue || st.deep > 0 {
		return Completion{}
	}
	c := Completion{Kind: ResponseKeyCompletion, Start: cursor, End: cursor, DocKind: s.kind, JSON: true, Quote: '"'}
	if tokStart >= 0 {
		c.Start, c.End = tokStart, tokEnd
		typed := src.Slice(tokStart, cursor)
		if quote != 0 {
			typed = typed[1:]
		}
		for _, b := range []byte(typed) {
			if !isKeyChar(b) {
				return Completion{}
			}
		}
		if quote != 0 {
			// A string left open runs to the end of its line; the key
			// typed is what stands before blanks or a brace there.
			if src.At(c.End-1) != '"' || c.End-1 == c.Start {
				e := cursor
				for e < c.End && isKeyChar(src.At(e)) {
					e++
				}
				c.End = e
			}
		}
	} else if cursor < src.Len() && !strings.ContainsRune(" \t\r\n}", rune(src.At(cursor))) {
		return Completion{}
	}
	c.Prefix = string(src.Slice(c.Start, cursor))
	c.LeadingComma = t.state == afterValue
	c.CommaAt = t.valueEnd

	// What follows: a colon (the key has a value), another member.
	k := c.End
	for k < src.Len() && strings.ContainsRune(" \t\r\n", rune(src.At(k))) {
		k++
	}
	if k < src.Len() {
		switch src.At(k) {
		case ':':
			c.HasValue = true
			c.LeadingComma, c.CommaAt = false, 0
		case '"':
			c.TrailingComma = true
		}
	}

	// The keys of the map, before and after the cursor.
	for _, key := range keys[t.keysFrom:] {
		c.Present = append(c.Present, ParseStatus(key.text(src)))
	}
	for _, key := range jsonKeysAfter(src, c.End) {
		c.Present = append(c.Present, ParseStatus(key))
	}

	// The operation: a method key, and the path key above it.
	n := len(stack)
	if n >= 2 {
		switch key := stack[n-2].key.text(src); {
		case isMethod(key):
			c.Method = strings.ToUpper(key)
			if path := stack[max(0, n-3)].key.text(src); n >= 3 && !isMethod(path) {
				c.Path = path
			}
		case key == "components":
			return Completion{}
		}
	}
	if c = s.settle(c); c.Kind == NoCompletion {
		return c
	}

	// Indentation: that of the cursor's line, and the step from the line
	// of the map's opening brace.
	ls := c.Start
	for ls > 0 && src.At(ls-1) != '\n' && src.At(ls-1) != '\r' {
		ls--
	}
	if indent := string(src.Slice(ls, c.Start)); strings.TrimLeft(indent, " \t") == "" {
		c.Indent = indent
	}
	bs := t.start
	for bs > 0 && src.At(bs-1) != '\n' && src.At(bs-1) != '\r' {
		bs--
	}
	bi := 0
	for bs+bi < t.start && (src.At(bs+bi) == ' ' || src.At(bs+bi) == '\t') {
		bi++
	}
	c.IndentUnit = indentUnit(len(c.Indent) - bi)
	return c
}

// stringEnd returns the end of the JSON string opening at src[i], after
// its closing quote, as yamldoc.JSONStringEnd finds it in flat bytes: a
// string left open ends at its line's end.
func stringEnd(src lines.Patched, i int) int {
	escaped := false
	for j := i + 1; j < src.Len(); {
		b := src.From(j)
		for k, c := range b {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				return j + k + 1
			case c == '\n' || c == '\r':
				return j + k
			}
		}
		j += len(b)
	}
	return src.Len()
}

// isJSONDelimiter reports whether c ends a bare word.
func isJSONDelimiter(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', ',', ':', '{', '}', '[', ']', '"':
		return true
	}
	return false
}

// unquoteJSON returns a key's text without its quotes (escapes are left:
// status keys have none).
func unquoteJSON(b []byte) string {
	s := string(b)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return s[1 : len(s)-1]
	}
	return strings.TrimPrefix(s, `"`)
}

// jsonKeysAfter returns the keys of the object the cursor at i is in that
// stand after it, up to the object's closing brace.
func jsonKeysAfter(src lines.Patched, i int) []string {
	var keys []string
	depth := 0
	for i < src.Len() {
		switch c := src.At(i); c {
		case '{', '[':
			depth++
			i++
		case '}', ']':
			if depth == 0 {
				return keys
			}
			depth--
			i++
		case '"':
			j := stringEnd(src, i)
			if depth == 0 {
				k := j
				for k < src.Len() && strings.ContainsRune(" \t\r\n", rune(src.At(k))) {
					k++
				}
				if k < src.Len() && src.At(k) == ':' {
					keys = append(keys, unquoteJSON(src.Slice(i, j)))
				}
			}
			i = j
		default:
			i++
		}
	}
	return keys
}
