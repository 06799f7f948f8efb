package lsptest

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// BuildServer builds the httpcode-lsp binary into a directory the test
// removes, and returns its path: the editors' tests start it as their
// editors would.
func BuildServer(t testing.TB) string {
	t.Helper()
	binary := filepath.Join(t.TempDir(), "httpcode-lsp")
	build := exec.Command("go", "build", "-o", binary, "github.com/httpcode-lsp/httpcode-lsp/cmd/httpcode-lsp")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return binary
}
