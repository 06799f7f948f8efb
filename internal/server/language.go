// language.go decides which analyser reads a document.
package server

import (
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/text"
)

type language int

const (
	langUnknown language = iota
	langGo
)

// languageOf trusts the client's languageId and falls back to the file
// extension, since some clients send an empty or generic id.
func languageOf(s *text.Snapshot) language {
	switch s.Language {
	case "go":
		return langGo
	}
	if strings.HasSuffix(string(s.URI), ".go") {
		return langGo
	}
	return langUnknown
}
