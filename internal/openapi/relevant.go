// relevant.go: whether a text is worth a node tree. A node costs about
// 150 bytes, and a data file (a JSON array of numbers, a YAML list of a
// million items) has one every two to four bytes: parsed, it costs a
// hundred times its size, for nothing, since such a file can hold no
// response key and no status value. A scan of the bytes for the key
// names the model and StatusValues look for tells those files apart
// first.

package openapi

import (
	"bytes"
	"strings"
)

// openAPIWords are the keys without which Model finds nothing but a root
// responses map: the root markers and the `responses` key of a fragment.
// responseWords are the keys that make a root mapping of codes a
// responses map (hasResponseObjects); as data files are full of
// descriptions, they count only in a text with a status key.
var (
	openAPIWords  = []string{"openapi", "swagger", "responses"}
	responseWords = []string{"description", "$ref"}
)

// statusWords are what every default status key, normalised, contains
// (NewStatusKeys, Match).
var statusWords = []string{"status", "code", "retryon"}

// Relevant reports whether src may hold an OpenAPI document or a fragment
// of one, or, with statusValues, a status value under one of the default
// keys or extraKeys (see StatusValues). It errs only towards true: where
// it reports false, Model finds a document that is not OpenAPI and has no
// response maps, and StatusValues finds nothing, whatever the text.
//
// Keys are compared as Match compares them, case folded and dashes and
// underscores dropped; an escape that may spell a letter (\x, \u, \U) or
// join two lines (a backslash before a line break) in a quoted key
// makes the text relevant, as the scan does not decode escapes.
func Relevant(src []byte, statusValues bool, extraKeys []string) bool {
	if Declared(src) {
		// A spec says so at its start: no copy of its text to read.
		return true
	}
	for i := bytes.IndexByte(src, '\\'); i >= 0 && i+1 < len(src); {
		switch src[i+1] {
		case 'x', 'u', 'U', '\n', '\r':
			return true
		}
		j := bytes.IndexByte(src[i+2:], '\\')
		if j < 0 {
			break
		}
		i += 2 + j
	}
	// The text as Match sees a key: an extra byte per byte of input for
	// the time of the scan, against a hundred for a node tree.
	norm := appendNormalized(make([]byte, 0, len(src)), src)
	words := openAPIWords
	if statusKey(src) {
		words = append(append([]string(nil), words...), responseWords...)
	}
	if statusValues {
		words = append(append(append([]string(nil), words...), statusWords...), extraKeys...)
		for _, k := range extraKeys {
			if strings.ContainsRune(k, '\'') {
				return true // written doubled in a single-quoted key
			}
		}
	}
	for _, w := range words {
		if w = normalizeKey(w); w != "" && bytes.Contains(norm, []byte(w)) {
			return true
		}
	}
	return false
}

// statusKey reports whether src may hold a mapping key that is a response
// key (ParseStatus: 404, 4XX, 4xx, default): such a word, quoted or not,
// standing alone before a colon (the blanks and line breaks between
// skipped, which a flow mapping or a repaired text may put there) or
// after the ? of an explicit key.
func statusKey(src []byte) bool {
	word := func(start, end int) bool {
		if start < 0 || end > len(src) || start >= end {
			return false
		}
		before := byte(' ')
		if start > 0 {
			before = src[start-1]
		}
		return strings.IndexByte(" \t\r\n\"'{[,", before) >= 0 && ParseStatus(string(src[start:end])).Valid()
	}
	alnum := func(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	for i, c := range src {
		switch c {
		case ':':
			end := i
			for end > 0 && isSpace(src[end-1]) {
				end--
			}
			if end > 0 && (src[end-1] == '"' || src[end-1] == '\'') {
				end--
			}
			start := end
			for start > 0 && end-start < len("default") && alnum(src[start-1]) {
				start--
			}
			if word(start, end) {
				return true
			}
		case '?':
			start := i + 1
			for start < len(src) && isSpace(src[start]) {
				start++
			}
			if start < len(src) && (src[start] == '"' || src[start] == '\'') {
				start++
			}
			end := start
			for end < len(src) && end-start <= len("default") && alnum(src[end]) {
				end++
			}
			if word(start, end) {
				return true
			}
		}
	}
	return false
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// Declared reports whether src states that it is an OpenAPI or Swagger
// document, read from its bytes: an `openapi` or `swagger` key (a name at
// the start of a line or after `{` or `,`, maybe quoted, then a colon). A
// document whose syntax error hides the statement from the model still
// says so.
func Declared(src []byte) bool {
	for _, word := range []string{"openapi", "swagger"} {
		for rest := src; ; {
			i := bytes.Index(rest, []byte(word))
			if i < 0 {
				break
			}
			at := len(src) - len(rest) + i
			if declaresAt(src, at, at+len(word)) {
				return true
			}
			rest = rest[i+len(word):]
		}
	}
	return false
}

// declaresAt reports whether the word at src[start:end] is a key that
// begins an entry: blanks and a quote around it, a colon after it, and
// before it the start of a line, `{` or `,`.
func declaresAt(src []byte, start, end int) bool {
	if end < len(src) && (src[end] == '"' || src[end] == '\'') {
		end++
	}
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	if end >= len(src) || src[end] != ':' {
		return false
	}
	if start > 0 && (src[start-1] == '"' || src[start-1] == '\'') {
		start--
	}
	for start > 0 && (src[start-1] == ' ' || src[start-1] == '\t') {
		start--
	}
	return start == 0 || strings.IndexByte("\n\r{,", src[start-1]) >= 0
}
