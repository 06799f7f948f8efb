// inputs.go: the generated inputs, the JSON-to-YAML conversion of the
// GitHub description, where the requests go in each file, and LSP
// positions computed independently of the server.

package main

import (
	"bytes"
	"os"
	"sort"
	"unicode/utf16"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

// toYAML converts a JSON document to block-style YAML, keeping key order.
func toYAML(jsonPath, yamlPath string) error {
	src, err := os.ReadFile(jsonPath)
	if err != nil {
		return err
	}
	var n yaml.Node
	if err := yaml.Unmarshal(src, &n); err != nil {
		return err
	}
	var clear func(*yaml.Node)
	clear = func(n *yaml.Node) {
		n.Style &^= yaml.FlowStyle
		if n.Kind == yaml.ScalarNode && n.Style&yaml.DoubleQuotedStyle != 0 {
			n.Style = 0 // the encoder quotes where YAML needs it
		}
		for _, c := range n.Content {
			clear(c)
		}
	}
	clear(&n)
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&n); err != nil {
		return err
	}
	return os.WriteFile(yamlPath, out.Bytes(), 0o644)
}

// keyOffsets returns where hover and completion are asked: inside each
// response key (OpenAPI) or status code (Go).
func keyOffsets(f file, src []byte) []int {
	var out []int
	if f.lang == "go" {
		for _, o := range golang.Scan(src).Occurrences {
			out = append(out, o.Start+1)
		}
		return out
	}
	for _, o := range openapi.Parse(src).Occurrences {
		out = append(out, o.Start+1)
	}
	return out
}

// editOffset returns where the edits type: inside a description in the
// middle of an OpenAPI file, inside a comment in the middle of a Go file.
func editOffset(f file, src []byte) int {
	mid := len(src) / 2
	needle := "description: "
	switch f.lang {
	case "json":
		needle = `"description": "`
	case "go":
		needle = "// handle"
	}
	i := bytes.Index(src[mid:], []byte(needle))
	if i < 0 {
		return mid
	}
	return mid + i + len(needle)
}

// lineIndex holds where lines start (lines end at \n; a \r before it is
// part of the line's end).
type lineIndex []int

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range src {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

func (idx lineIndex) lineOf(off int) int {
	return sort.Search(len(idx), func(i int) bool { return idx[i] > off }) - 1
}

// position returns the LSP position (UTF-16) of a byte offset.
func (idx lineIndex) position(src []byte, off int) map[string]int {
	line := idx.lineOf(off)
	char := 0
	for i := idx[line]; i < off; {
		r, w := utf8.DecodeRune(src[i:])
		char += len(utf16.Encode([]rune{r}))
		i += w
	}
	return map[string]int{"line": line, "character": char}
}
