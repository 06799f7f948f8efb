// analysis.go: what the server knows of one snapshot — its language and
// the occurrences, completion context and findings of the analyser for
// that language — computed once, on first use, and shared by every request
// on that version.
package server

import (
	"strings"
	"sync"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/complete"
	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
	"github.com/httpcode-lsp/httpcode-lsp/internal/text"
)

type language int

const (
	langUnknown language = iota
	langGo
	langYAML
	langJSON
)

// languageOf trusts the client's languageId and falls back to the file
// extension, since some clients send an empty or generic id.
func languageOf(s *text.Snapshot) language {
	switch s.Language {
	case "go":
		return langGo
	case "yaml", "yml":
		return langYAML
	case "json", "jsonc":
		return langJSON
	}
	uri := strings.ToLower(string(s.URI))
	switch {
	case strings.HasSuffix(uri, ".go"):
		return langGo
	case strings.HasSuffix(uri, ".yaml"), strings.HasSuffix(uri, ".yml"):
		return langYAML
	case strings.HasSuffix(uri, ".json"):
		return langJSON
	}
	return langUnknown
}

// document is one immutable snapshot with its analysis.
type document struct {
	snap       *text.Snapshot
	lang       language
	statusKeys []string // extra plain-YAML status keys from the configuration

	once     sync.Once
	goFile   *golang.File
	spec     *openapi.Document
	occs     []occurrence.Occurrence
	httpQual string // how hovers spell net/http constants in a Go file
}

func (s *Server) newDocument(snap *text.Snapshot) *document {
	return &document{snap: snap, lang: languageOf(snap), statusKeys: s.config().YAML.StatusKeys}
}

func (d *document) analyse() {
	d.once.Do(func() {
		src := d.snap.Text()
		switch d.lang {
		case langGo:
			d.goFile = golang.Scan(src)
			d.occs = d.goFile.Occurrences
			if d.goFile.HTTPName != "." {
				d.httpQual = d.goFile.HTTPName
			}
		case langYAML, langJSON:
			d.spec = openapi.Parse(src)
			switch {
			case d.spec.Kind.IsOpenAPI():
				d.occs = d.spec.Occurrences
			case d.lang == langYAML:
				// Plain YAML: status values under known keys. JSON that
				// is not OpenAPI has no such convention.
				d.occs = openapi.StatusValues(d.spec.Doc, d.statusKeys)
			}
		}
	})
}

// occurrences returns the status codes written in the document, sorted.
func (d *document) occurrences() []occurrence.Occurrence {
	d.analyse()
	return d.occs
}

// completions returns the completion items at offset.
func (d *document) completions(offset int) []complete.Item {
	d.analyse()
	switch {
	case d.goFile != nil:
		return complete.Go(golang.CompletionAt(d.snap.Text(), offset))
	case d.spec != nil:
		return complete.YAML(openapi.CompletionAt(d.spec, offset, d.statusKeys))
	}
	return nil
}

// finding is one diagnostic in byte offsets.
type finding struct {
	start, end int
	severity   protocol.DiagnosticSeverity
	message    string
}

// findings returns the document's diagnostics: for now, the syntax error
// of a YAML or JSON document.
func (d *document) findings() []finding {
	d.analyse()
	var out []finding
	if d.spec != nil {
		for _, e := range d.spec.Errors {
			out = append(out, finding{start: e.Start, end: e.End, severity: protocol.DiagnosticSeverityError, message: e.Message})
		}
	}
	return out
}
