// Package neovim holds the Neovim set-up for httpcode-lsp and its test: the
// real Neovim client, headless, drives the built server binary.
package neovim

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

func TestNeovimClient(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("nvim is not installed; .ci/run installs it")
		}
		t.Skip("nvim is not installed (apt-get install -y neovim); skipping the editor test")
	}
	binary := lsptest.BuildServer(t)
	fixtures, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-u", "NONE", "-c", "luafile test.lua")
	cmd.Env = append(os.Environ(), "HTTPCODE_LSP="+binary, "FIXTURES="+fixtures, "HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("neovim test failed: %v\n%s", err, out)
	}
	t.Logf("neovim: %s", out)
}
