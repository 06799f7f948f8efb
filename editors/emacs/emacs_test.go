// Package emacs holds the eglot set-up for httpcode-lsp and its test: the
// real eglot, in a headless Emacs, drives the built server binary.
package emacs

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

func TestEglotClient(t *testing.T) {
	emacs, err := exec.LookPath("emacs")
	if err == nil {
		// Debian's elpa-eglot is on the load path of a batch Emacs that
		// reads the site start files (no -Q).
		err = exec.Command(emacs, "--batch", "--eval", "(require 'eglot)").Run()
	}
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("emacs with eglot is not installed (%v); .ci/run installs emacs-nox and elpa-eglot", err)
		}
		t.Skipf("emacs with eglot is not installed (apt-get install -y emacs-nox elpa-eglot): %v; skipping the Emacs test", err)
	}
	binary := lsptest.BuildServer(t)
	// The quick fix edits the fixtures: the test works on a copy.
	fixtures := filepath.Join(t.TempDir(), "fixtures")
	if err := os.CopyFS(fixtures, os.DirFS("testdata")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, emacs, "--batch", "-l", "test.el")
	cmd.Env = append(os.Environ(), "HTTPCODE_LSP="+binary, "FIXTURES="+fixtures, "HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("emacs test failed: %v\n%s", err, out)
	}
	t.Logf("emacs: %s", out)
}
