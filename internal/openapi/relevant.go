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

// openAPIWords are the keys without which Model finds nothing: the root
// markers, the `responses` key of a fragment, and the keys that make a
// root mapping of codes a responses map (hasResponseObjects).
var openAPIWords = []string{"openapi", "swagger", "responses", "description", "$ref"}

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
