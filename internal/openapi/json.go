// json.go: the completion context in a JSON document, read from the
// tokens before the cursor: a stack of open objects and arrays tells
// which object the cursor is in, under which keys, and whether a key or a
// value is due.

package openapi

import "strings"

// jsonFrame is an open object or array.
type jsonFrame struct {
	object bool
	key    span // the member key the container is the value of
	start  int  // offset of its bracket
	state  jsonState
	// keysFrom is where the object's keys start in the scan's list: the
	// keys of open objects are listed in stack order.
	keysFrom int
	// valueEnd is the end of the last value in the container.
	valueEnd int
}

// span is a token's range; the zero span is no token.
type span struct{ start, end int }

func (s span) text(src []byte) string { return unquoteJSON(src[s.start:s.end]) }

type jsonState int

const (
	wantKey   jsonState = iota // after { or , in an object; after [ or , in an array
	wantColon                  // after a key
	wantValue                  // after a colon
	afterValue
)

// json finds a response key position in a JSON document.
func (s *cursorScan) json(cursor int) Completion {
	src := s.src
	var stack []jsonFrame
	var keys []span
	top := func() *jsonFrame {
		if len(stack) == 0 {
			return nil
		}
		return &stack[len(stack)-1]
	}
	tokStart, tokEnd := -1, -1 // the string or word at the cursor
	var quote byte
	for i := 0; i < cursor; {
		c := src[i]
		switch c {
		case ' ', '\t', '\r', '\n':
			i++
		case '{', '[':
			f := jsonFrame{object: c == '{', start: i, keysFrom: len(keys)}
			if t := top(); t != nil {
				if t.object && t.state == wantValue && len(keys) > t.keysFrom {
					f.key = keys[len(keys)-1]
				}
				t.state = afterValue
			}
			stack = append(stack, f)
			i++
		case '}', ']':
			if len(stack) > 0 {
				keys = keys[:stack[len(stack)-1].keysFrom]
				stack = stack[:len(stack)-1]
			}
			if t := top(); t != nil {
				t.valueEnd = i + 1
			}
			i++
		case ':':
			if t := top(); t != nil && t.state == wantColon {
				t.state = wantValue
			}
			i++
		case ',':
			if t := top(); t != nil {
				t.state = wantKey
			}
			i++
		default:
			j := i + 1
			if c == '"' {
				j = stringEnd(src, i)
			} else {
				for j < len(src) && !isJSONDelimiter(src[j]) {
					j++
				}
			}
			if j >= cursor && (c != '"' || j > cursor || src[j-1] != '"' || j-1 == i) {
				tokStart, tokEnd = i, j
				if c == '"' {
					quote = '"'
				}
				i = cursor
				break
			}
			if t := top(); t != nil {
				switch {
				case t.object && (t.state == wantKey || t.state == afterValue):
					keys = append(keys, span{i, j})
					t.state = wantColon
				default:
					t.state = afterValue
					t.valueEnd = j
				}
			}
			i = j
		}
	}
	t := top()
	if t == nil || !t.object || t.key.text(src) != "responses" || t.state != wantKey && t.state != afterValue {
		return Completion{}
	}
	c := Completion{Kind: ResponseKeyCompletion, Start: cursor, End: cursor, DocKind: s.doc.Kind, JSON: true, Quote: '"'}
	if tokStart >= 0 {
		c.Start, c.End = tokStart, tokEnd
		typed := src[tokStart:cursor]
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
			if src[c.End-1] != '"' || c.End-1 == c.Start {
				e := cursor
				for e < c.End && isKeyChar(src[e]) {
					e++
				}
				c.End = e
			}
		}
	} else if cursor < len(src) && !strings.ContainsRune(" \t\r\n}", rune(src[cursor])) {
		return Completion{}
	}
	c.Prefix = string(src[c.Start:cursor])
	c.LeadingComma = t.state == afterValue
	c.CommaAt = t.valueEnd

	// What follows: a colon (the key has a value), another member.
	k := c.End
	for k < len(src) && strings.ContainsRune(" \t\r\n", rune(src[k])) {
		k++
	}
	if k < len(src) {
		switch src[k] {
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
	for ls > 0 && src[ls-1] != '\n' && src[ls-1] != '\r' {
		ls--
	}
	if strings.TrimLeft(string(src[ls:c.Start]), " \t") == "" {
		c.Indent = string(src[ls:c.Start])
	}
	bs := t.start
	for bs > 0 && src[bs-1] != '\n' && src[bs-1] != '\r' {
		bs--
	}
	bi := 0
	for bs+bi < t.start && (src[bs+bi] == ' ' || src[bs+bi] == '\t') {
		bi++
	}
	c.IndentUnit = indentUnit(len(c.Indent) - bi)
	return c
}

// isJSONDelimiter reports whether c ends a bare word.
func isJSONDelimiter(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', ',', ':', '{', '}', '[', ']', '"':
		return true
	}
	return false
}

// stringEnd returns the end of the JSON string starting at i: after its
// closing quote, or the end of its line when it is left open.
func stringEnd(src []byte, i int) int {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		case '\n', '\r':
			return j
		}
	}
	return len(src)
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
func jsonKeysAfter(src []byte, i int) []string {
	var keys []string
	depth := 0
	for i < len(src) {
		switch c := src[i]; c {
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
				for k < len(src) && strings.ContainsRune(" \t\r\n", rune(src[k])) {
					k++
				}
				if k < len(src) && src[k] == ':' {
					keys = append(keys, unquoteJSON(src[i:j]))
				}
			}
			i = j
		default:
			i++
		}
	}
	return keys
}
