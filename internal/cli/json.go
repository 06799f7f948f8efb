// json.go writes findings as a JSON array (--format json). Its shape is
// part of the command line's interface: fields are only ever added.
//
//	[
//	  {
//	    "path": "examples/openapi.yaml",   // as printed in text output
//	    "line": 11, "column": 9,          // 1-based; columns count characters
//	    "endLine": 11, "endColumn": 12,   // exclusive end
//	    "severity": "warning",            // error, warning, info or hint
//	    "rule": "unquoted-status-code",
//	    "message": "response key 200 is a YAML integer; quote it: '200'",
//	    "url": "https://…/docs/rules.md#unquoted-status-code",
//	    "fixable": true,                  // --fix applies a fix
//	    "related": [{"line": …, "column": …, "endLine": …, "endColumn": …, "message": "…"}]
//	                                       // a related place in another file has its "path"
//	  }
//	]
//
// No finding gives []. A path that is not UTF-8 cannot be a JSON string:
// "path" then holds U+FFFD for the bytes that are not, and "rawPath" the
// path's bytes, base64-encoded as encoding/json encodes []byte.

package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"unicode/utf8"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

type jsonFinding struct {
	Path    string `json:"path"`
	RawPath []byte `json:"rawPath,omitempty"` // only when Path is not UTF-8
	jsonRange
	Severity string        `json:"severity"`
	Rule     string        `json:"rule"`
	Message  string        `json:"message"`
	URL      string        `json:"url,omitempty"`
	Fixable  bool          `json:"fixable"`
	Related  []jsonRelated `json:"related,omitempty"`
}

type jsonRange struct {
	Line      int `json:"line"`
	Column    int `json:"column"`
	EndLine   int `json:"endLine"`
	EndColumn int `json:"endColumn"`
}

type jsonRelated struct {
	// Path is set when the place is in another file than the finding.
	Path string `json:"path,omitempty"`
	jsonRange
	Message string `json:"message"`
}

// writeJSON writes check's findings as --format json shows them.
func writeJSON(w io.Writer, findings []finding) error {
	a := &jsonArray{n: len(findings), elem: func(i int) any { return jsonFindingOf(findings[i]) }}
	return encodeJSON(w, a, a)
}

// jsonFindingOf is a finding as the JSON output shows it.
func jsonFindingOf(f finding) jsonFinding {
	line, col := f.at()
	endLine, endCol := f.end()
	jf := jsonFinding{
		Path:      f.file.display,
		jsonRange: jsonRange{line, col, endLine, endCol},
		Severity:  f.Severity.String(),
		Rule:      f.RuleID,
		Message:   f.Message,
		URL:       f.URL(),
		Fixable:   hasSafeFix(*f.Finding),
	}
	if !utf8.ValidString(jf.Path) {
		jf.RawPath = []byte(jf.Path)
	}
	for i, r := range f.Related {
		rf := f.relatedFile(i)
		line, col := rf.src.lineCol(r.Start)
		endLine, endCol := rf.src.lineCol(r.End)
		jr := jsonRelated{jsonRange: jsonRange{line, col, endLine, endCol}, Message: r.Message}
		if rf != f.file {
			jr.Path = rf.display
		}
		jf.Related = append(jf.Related, jr)
	}
	return jf
}

// jsonArray is an array of n elements that encodeJSON writes an element
// at a time, so that a long one never stands whole in memory, as values
// or as text: check's JSON output of 100,000 findings held 250 MB more
// at its peak than its text output.
type jsonArray struct {
	n    int
	elem func(i int) any
	// standIn is what the array encodes as within the value holding it,
	// for encodeJSON to find its place.
	standIn string
}

func (a *jsonArray) MarshalJSON() ([]byte, error) { return []byte(a.standIn), nil }

// encodeJSON writes v as a json.Encoder with two-space indentation and
// no HTML escaping does, but the elements of a, which is v or stands once
// within it, one at a time.
func encodeJSON(w io.Writer, v any, a *jsonArray) error {
	encode := func(b *bytes.Buffer, v any, prefix string) error {
		enc := json.NewEncoder(b)
		enc.SetEscapeHTML(false)
		enc.SetIndent(prefix, "  ")
		return enc.Encode(v)
	}
	// The array stands where v encoded with two different stand-ins
	// first differs.
	var zero, one bytes.Buffer
	a.standIn = "0"
	if err := encode(&zero, v, ""); err != nil {
		return err
	}
	a.standIn = "1"
	if err := encode(&one, v, ""); err != nil {
		return err
	}
	text := zero.Bytes()
	at := 0
	for text[at] == one.Bytes()[at] {
		at++
	}
	head := text[:at]
	line := head[bytes.LastIndexByte(head, '\n')+1:]
	indent := string(line[:len(line)-len(bytes.TrimLeft(line, " "))]) + "  "
	bw := bufio.NewWriter(w)
	bw.Write(head)
	if a.n == 0 {
		bw.WriteString("[]")
	} else {
		bw.WriteString("[\n")
		var elem bytes.Buffer
		for i := range a.n {
			if i > 0 {
				bw.WriteString(",\n")
			}
			elem.Reset()
			if err := encode(&elem, a.elem(i), indent); err != nil {
				return err
			}
			bw.WriteString(indent)
			bw.Write(bytes.TrimSuffix(elem.Bytes(), []byte("\n")))
		}
		bw.WriteString("\n" + indent[2:] + "]")
	}
	bw.Write(text[at+1:])
	return bw.Flush()
}

// hasSafeFix tells whether --fix would repair the finding.
func hasSafeFix(f lint.Finding) bool {
	for _, fx := range f.Fixes {
		if fx.Safe {
			return true
		}
	}
	return false
}
