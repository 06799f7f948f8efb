package lint

import (
	"path/filepath"
	"testing"

	goldenfile "github.com/httpcode-lsp/httpcode-lsp/internal/golden"
	"github.com/httpcode-lsp/httpcode-lsp/internal/wanttest"
)

// TestRulesDocIsCurrent keeps docs/rules.md, which every diagnostic links
// to, equal to RulesMarkdown (go test ./internal/lint -update rewrites it).
func TestRulesDocIsCurrent(t *testing.T) {
	goldenfile.Check(t, filepath.Join("..", "..", "docs", "rules.md"), []byte(RulesMarkdown()), wanttest.Diff)
}
