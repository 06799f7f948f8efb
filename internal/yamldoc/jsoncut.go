// jsoncut.go: the repair of a JSON text that stops short — a document
// being typed, its closing brackets not written yet. Blanking lines, the
// repair for everything else, cannot help there: what is missing is at the
// end. The text is cut after the last complete member and the parser is
// given the brackets still open.

package yamldoc

import (
	"bytes"

	"github.com/httpcode-lsp/httpcode-lsp/internal/bigcopy"
)

// maxCutDepth bounds the nesting jsonCut follows; it copies the open
// brackets at every complete value.
const maxCutDepth = 512

// jsonCut scans text as JSON up to its first error (or its end) and
// returns the offset just after the last complete value inside the root
// (or after the root's opening bracket) and the closing brackets open
// there. short tells that the text is a JSON text cut short: the scan met
// no error before the end. ok is false when text does not start as a JSON
// object or array, or nests deeper than maxCutDepth.
func jsonCut(text []byte) (cut int, closers []byte, short, ok bool) {
	// What a container expects next.
	const (
		keyOrClose = iota
		key
		colon
		value
		valueOrClose
		commaOrClose
	)
	type frame struct {
		close byte // '}' or ']'
		want  int
	}
	var stack []frame
	i := 0
	for i < len(text) && jsonSpace(text[i]) {
		i++
	}
	if i >= len(text) || text[i] != '{' && text[i] != '[' {
		return 0, nil, false, false
	}
	// complete records that a value ended at i.
	complete := func() {
		stack[len(stack)-1].want = commaOrClose
		cut, closers = i, closers[:0]
		for k := len(stack) - 1; k >= 0; k-- {
			closers = append(closers, stack[k].close)
		}
	}
	for {
		for i < len(text) && jsonSpace(text[i]) {
			i++
		}
		if i >= len(text) {
			return cut, closers, true, true
		}
		c := text[i]
		want := -1
		if len(stack) > 0 {
			want = stack[len(stack)-1].want
		}
		takesValue := len(stack) == 0 || want == value || want == valueOrClose
		switch {
		case (c == '{' || c == '[') && takesValue:
			if len(stack) >= maxCutDepth {
				return 0, nil, false, false
			}
			if c == '{' {
				stack = append(stack, frame{'}', keyOrClose})
			} else {
				stack = append(stack, frame{']', valueOrClose})
			}
			i++
			if len(stack) == 1 {
				cut, closers = i, []byte{stack[0].close}
			}
		case c == '}' && (want == keyOrClose || want == commaOrClose) && stack[len(stack)-1].close == '}',
			c == ']' && (want == valueOrClose || want == commaOrClose) && stack[len(stack)-1].close == ']':
			stack = stack[:len(stack)-1]
			i++
			if len(stack) == 0 {
				return i, nil, false, true
			}
			complete()
		case c == ',' && want == commaOrClose:
			if stack[len(stack)-1].close == '}' {
				stack[len(stack)-1].want = key
			} else {
				stack[len(stack)-1].want = value
			}
			i++
		case c == ':' && want == colon:
			stack[len(stack)-1].want = value
			i++
		case c == '"' && len(stack) > 0 && (want == keyOrClose || want == key || takesValue):
			end, closed := JSONStringEnd(text, i)
			if !closed {
				// A string that runs to the end is being typed.
				return cut, closers, end == len(text), true
			}
			i = end
			if want == keyOrClose || want == key {
				stack[len(stack)-1].want = colon
			} else {
				complete()
			}
		default:
			end := i
			for end < len(text) && !jsonSpace(text[end]) && bytes.IndexByte([]byte(",:{}[]\""), text[end]) < 0 {
				end++
			}
			if !takesValue || len(stack) == 0 || !scalarWord(text[i:end]) {
				return cut, closers, false, true
			}
			i = end
			complete()
		}
	}
}

func jsonSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// JSONStringEnd returns the end of the JSON string opening at src[i]:
// after its closing quote, with closed set, or where it is left open — at
// the line break or the end of the text.
func JSONStringEnd(src []byte, i int) (end int, closed bool) {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case '"':
			return j + 1, true
		case '\n', '\r':
			return j, false
		}
	}
	return len(src), false
}

// scalarWord reports whether w is a JSON number or literal.
func scalarWord(w []byte) bool {
	switch string(w) {
	case "true", "false", "null":
		return true
	}
	if len(w) == 0 {
		return false
	}
	for _, c := range w {
		if !(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
			return false
		}
	}
	return true
}

// cutJSON tries the repair on the document's text: the text after the cut
// is blanked (lines kept) and the parser reads it with the open brackets
// closed after it. It reports whether the parser then read the text.
// With onlyShort, it tries only a text cut short, where the repair is
// surely the right one; elsewhere it is the last resort, as it drops all
// that follows the error.
func (d *Doc) cutJSON(res result, onlyShort bool) bool {
	cut, closers, short, ok := jsonCut(d.text)
	if !ok || cut == 0 || onlyShort && !short {
		return false
	}
	t := bigcopy.Clone(d.text)
	blank(t, cut, len(t))
	r := run(append(t[:len(t):len(t)], closers...), len(t)+len(closers))
	d.Parses++
	if r.err != nil {
		return false
	}
	if short {
		last := len(d.text)
		for last > 0 && jsonSpace(d.text[last-1]) {
			last--
		}
		d.addError(d.lines.lineOf(max(0, last-1)), "unexpected end of the document: "+string(closers)+" missing")
	} else {
		msg, cands, _ := d.candidates(res)
		d.addError(earliest(cands), msg)
	}
	d.text = t
	for l := d.lines.lineOf(cut); l < d.lines.count(); l++ {
		d.lines.refresh(d.text, l)
	}
	d.Roots = r.roots
	return true
}
