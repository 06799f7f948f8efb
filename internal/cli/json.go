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

func writeJSON(w io.Writer, findings []finding) error {
	out := make([]jsonFinding, 0, len(findings))
	for _, f := range findings {
		jf := jsonFinding{
			Path:      f.file.display,
			jsonRange: jsonRange{f.line, f.col, f.endLine, f.endCol},
			Severity:  f.Severity.String(),
			Rule:      f.RuleID,
			Message:   f.Message,
			URL:       f.URL,
			Fixable:   hasSafeFix(f.Finding),
		}
		if !utf8.ValidString(jf.Path) {
			jf.RawPath = []byte(jf.Path)
		}
		for i, r := range f.Related {
			rf := f.related[i]
			line, col := rf.src.lineCol(r.Start)
			endLine, endCol := rf.src.lineCol(r.End)
			jr := jsonRelated{jsonRange: jsonRange{line, col, endLine, endCol}, Message: r.Message}
			if rf != f.file {
				jr.Path = rf.display
			}
			jf.Related = append(jf.Related, jr)
		}
		out = append(out, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
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
