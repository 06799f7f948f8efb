// typing.go: completion and hover while a new response key is typed into
// a JSON spec, which breaks it until the key is whole.

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// typingSites is how many responses maps, spread through the file, a key
// is typed into.
const typingSites = 20

// typingResult is what was measured typing keys.
type typingResult struct {
	completion []time.Duration
	// roundTrip are hovers on a document not open, each sent after a
	// completion: the server's answer with no work, under the same load
	// (the analyses of the versions typed).
	roundTrip []time.Duration
	sites     int
	// answered counts the completions that offered codes, the one of the
	// member the key is typed after left out.
	answered int
	// hover are hovers, each sent after a completion, on the key of the
	// member the key is typed after and on the next response key after
	// it on a later line; hovered counts those that showed a code.
	hover   []time.Duration
	hovered int
}

// typeKeys types a new response key after members of responses maps
// spread through src, the text of the open document uri at version: a
// comma, a line break and the member's indentation, then `"`, `4` and
// `0`, asking for completion after each of those three as an editor does
// while the user types, and hovering on the response keys before and
// after it; then it removes what it typed and waits for the diagnostics.
// keys are sorted offsets inside response keys.
func typeKeys(c *client, uri string, src []byte, keys []int, version int) (*typingResult, error) {
	res := &typingResult{}
	idx := newLineIndex(src)
	for _, key := range spread(keys, typingSites) {
		keyStart := bytes.LastIndexByte(src[:key], '"')
		end := memberEnd(src, keyStart)
		if keyStart < 0 || end < 0 {
			continue
		}
		res.sites++
		code := string(src[keyStart+1 : bytes.IndexByte(src[keyStart+1:], '"')+keyStart+1])
		indent := keyStart - idx[idx.lineOf(keyStart)]
		at := idx.position(src, end)
		line, char := at["line"], at["character"]
		pos := func(l, c int) map[string]int { return map[string]int{"line": l, "character": c} }
		hovered := []map[string]int{idx.position(src, key)}
		if i, _ := slices.BinarySearch(keys, end); i < len(keys) && idx.lineOf(keys[i]) > line {
			after := idx.position(src, keys[i])
			after["line"]++ // once the line break is typed
			hovered = append(hovered, after)
		}
		change := func(start, end map[string]int, text string) error {
			version++
			return c.notify("textDocument/didChange", map[string]any{
				"textDocument":   map[string]any{"uri": uri, "version": version},
				"contentChanges": []any{map[string]any{"range": map[string]any{"start": start, "end": end}, "text": text}},
			})
		}
		if err := change(at, at, ","); err != nil {
			return nil, err
		}
		if err := change(pos(line, char+1), pos(line, char+1), "\n"+strings.Repeat(" ", indent)); err != nil {
			return nil, err
		}
		for k, typed := range []string{`"`, "4", "0"} {
			p := pos(line+1, indent+k)
			if err := change(p, p, typed); err != nil {
				return nil, err
			}
			t0 := time.Now()
			reply, err := c.call("textDocument/completion", map[string]any{
				"textDocument": map[string]any{"uri": uri}, "position": pos(line+1, indent+k+1)})
			if err != nil {
				return nil, err
			}
			res.completion = append(res.completion, time.Since(t0))
			t0 = time.Now()
			if _, err := c.call("textDocument/hover", map[string]any{
				"textDocument": map[string]any{"uri": uri + ".closed"}, "position": pos(0, 0)}); err != nil {
				return nil, err
			}
			res.roundTrip = append(res.roundTrip, time.Since(t0))
			for _, p := range hovered {
				t0 = time.Now()
				reply, err := c.call("textDocument/hover", map[string]any{
					"textDocument": map[string]any{"uri": uri}, "position": p})
				if err != nil {
					return nil, err
				}
				res.hover = append(res.hover, time.Since(t0))
				if bytes.Contains(reply, []byte("### ")) {
					res.hovered++
				}
			}
			var list struct {
				Items []struct {
					Label string `json:"label"`
				} `json:"items"`
			}
			if err := json.Unmarshal(reply, &list); err != nil {
				return nil, fmt.Errorf("completion reply: %w", err)
			}
			offered := len(list.Items) > 0
			for _, it := range list.Items {
				if strings.HasPrefix(it.Label, code+" ") {
					offered = false
				}
			}
			if offered {
				res.answered++
			}
		}
		ch := c.expectDiagnostics(uri, version+1)
		if err := change(at, pos(line+1, indent+3), ""); err != nil {
			return nil, err
		}
		if _, err := wait(ch, fmt.Sprintf("diagnostics of version %d", version)); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// memberEnd returns the end of the value of the JSON member whose key
// opens at src[keyStart] (an object, as a response is), -1 if there is
// none.
func memberEnd(src []byte, keyStart int) int {
	i := keyStart + 1
	for i < len(src) && src[i] != '"' {
		i++
	}
	for i < len(src) && src[i] != '{' {
		i++
	}
	depth := 0
	for ; i < len(src); i++ {
		switch src[i] {
		case '"':
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return -1
}
