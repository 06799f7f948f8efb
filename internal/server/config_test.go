package server

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/config"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// A configuration file that is no regular file, or is too large, is not
// read: initialize is answered at once, the file gets one diagnostic
// saying why, and the defaults are in force. A FIFO blocked the server
// for ever; a link to /dev/zero filled its memory.
func TestConfigFileThatIsNotARegularFile(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		make       func(path string) error
	}{
		{"FIFO", "not a regular file", func(path string) error { return syscall.Mkfifo(path, 0o644) }},
		{"link to /dev/zero", "not a regular file", func(path string) error { return os.Symlink("/dev/zero", path) }},
		{"over 1 MiB", "larger than 1024 KiB", func(path string) error {
			return os.WriteFile(path, []byte("rules: {}\n"+strings.Repeat("# padding\n", config.MaxFileSize/10)), 0o644)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			if err := tc.make(filepath.Join(root, ".httpcode-lsp.yaml")); err != nil {
				t.Skip(err)
			}
			rootURI := "file://" + filepath.ToSlash(root)
			s := start(t)
			started := time.Now()
			s.MustCall("initialize", map[string]interface{}{"capabilities": map[string]interface{}{}, "rootUri": rootURI}, nil)
			if d := time.Since(started); d > lsptest.Timeout/2 {
				t.Errorf("initialize took %v", d)
			}
			p := diagnosticsFor(t, s, rootURI+"/.httpcode-lsp.yaml", 0)
			if len(p.Diagnostics) != 1 || !strings.Contains(p.Diagnostics[0].Message, tc.want) {
				t.Errorf("diagnostics on the file: %+v, want one saying %q", p.Diagnostics, tc.want)
			}
			const uri = "file:///work/api.go"
			s.Open(uri, "go", "package p\n\nimport \"net/http\"\n\nvar x = http.StatusTeapot\n")
			if h := s.Hover(uri, protocol.Position{Line: 4, Character: 15}); h == nil {
				t.Error("no hover after the configuration file was refused")
			}
		})
	}
}

// A negative version, which a client may send, is published as no
// version, not as a huge one.
func TestNegativeVersionIsPublishedAsNone(t *testing.T) {
	s := start(t)
	s.Initialize(`{}`)
	const uri = "file:///work/negative.yaml"
	s.Notify("textDocument/didOpen", map[string]interface{}{
		"textDocument": map[string]interface{}{"uri": uri, "languageId": "yaml", "version": -5, "text": limitSpec(1)},
	})
	p := diagnosticsFor(t, s, uri, 0)
	if len(p.Diagnostics) == 0 {
		t.Error("no diagnostics")
	}
	for _, n := range s.Notifications() {
		if strings.Contains(string(n.Params), "4294967291") {
			t.Errorf("published %s", n.Params)
		}
	}
}
