package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

var binary string

// TestMain builds the real binary once; the tests drive it as an editor
// would, over its stdin and stdout.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "httpcode-lsp-test")
	if err != nil {
		panic(err)
	}
	// Readable by all: TestUnreadableAsNobody runs the binary as another
	// user.
	if err := os.Chmod(dir, 0o755); err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "httpcode-lsp")
	// -buildvcs=false: the version is the -ldflags one alone, wherever
	// the test runs (TestVersionFromVCS builds with the commit).
	build := exec.Command("go", "build", "-buildvcs=false", "-ldflags", "-X main.version=v9.9.9-test", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("build: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// startBinary starts the binary with a JSON-RPC client on its stdio.
func startBinary(t *testing.T, args ...string) (*rawProcess, *lsptest.Client) {
	t.Helper()
	p, stdout := launch(t, binary, args...)
	return p, lsptest.New(t, pipe{stdout, p.stdin})
}

type pipe struct {
	io.ReadCloser
	io.WriteCloser
}

func (p pipe) Close() error { return errors.Join(p.WriteCloser.Close(), p.ReadCloser.Close()) }

func TestBinaryHoverAndCompletion(t *testing.T) {
	p, c := startBinary(t, "--stdio", "--log-level", "debug")
	res := c.Initialize(`{}`)
	if info := res["serverInfo"].(map[string]interface{}); info["version"] != "v9.9.9-test" {
		t.Errorf("serverInfo %v, want the -ldflags version", info)
	}

	src, pos := lsptest.Cursor(t, "package main\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) {\n\t// 😀\n\tw.WriteHeader(http.StatusTea|pot)\n}\n")
	const uri = "file:///tmp/h.go"
	c.Open(uri, "go", src)
	h := c.Hover(uri, pos)
	if h == nil || !strings.Contains(h.Contents.Value, "418") {
		t.Fatalf("hover on http.StatusTeapot: %v", h)
	}

	src2, pos2 := lsptest.Cursor(t, "package main\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\thttp.Redirect(w, r, \"/x\", |\n}\n")
	c.Open("file:///tmp/r.go", "go", src2)
	list := c.Completion("file:///tmp/r.go", pos2)
	best := ""
	for _, it := range list.Items {
		if best == "" || it.SortText < best {
			best = it.SortText
		}
	}
	var top []string
	for _, it := range list.Items {
		if it.SortText == best {
			top = append(top, it.Label)
		}
	}
	if len(top) != 1 || !strings.HasPrefix(top[0], "3") {
		t.Errorf("top completion for http.Redirect's code: %v, want one 3xx code", top)
	}

	c.MustCall("shutdown", nil, nil)
	c.Notify("exit", nil)
	if code := p.exitCode(t); code != 0 {
		t.Errorf("exit code %d after shutdown+exit, want 0", code)
	}
	if !strings.Contains(p.stderr.String(), "initialize") {
		t.Errorf("no log on stderr:\n%s", p.stderr.String())
	}
}

func TestBinaryExitWithoutShutdown(t *testing.T) {
	p, c := startBinary(t)
	c.Initialize(`{}`)
	c.Notify("exit", nil)
	if code := p.exitCode(t); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
}

func TestBinaryStdinClosed(t *testing.T) {
	p, c := startBinary(t)
	c.Initialize(`{}`)
	p.stdin.Close()
	if code := p.exitCode(t); code != 1 {
		t.Errorf("exit code %d after stdin closed, want 1", code)
	}
}

// session runs the server with args through initialize, shutdown and
// exit, and returns it with its exit code.
func session(t *testing.T, args ...string) (*rawProcess, int) {
	p, c := startBinary(t, args...)
	c.Initialize(`{}`)
	c.MustCall("shutdown", nil, nil)
	c.Notify("exit", nil)
	return p, p.exitCode(t)
}

func TestBinaryLogFile(t *testing.T) {
	logPath := filepath.Join(t.TempDir(), "server.log")
	p, _ := session(t, "serve", "--log-file", logPath)
	b, err := os.ReadFile(logPath)
	if err != nil || !strings.Contains(string(b), "initialize") {
		t.Errorf("log file: %q, %v", b, err)
	}
	if p.stderr.Len() != 0 {
		t.Errorf("stderr should be quiet with --log-file, got %q", p.stderr.String())
	}
}

// TestBinaryTrace: --trace writes an execution trace of the session to
// the file, and nothing but frames to stdout.
func TestBinaryTrace(t *testing.T) {
	tracePath := filepath.Join(t.TempDir(), "session.trace")
	if _, code := session(t, "serve", "--trace", tracePath); code != 0 {
		t.Fatalf("exit code %d, want 0", code)
	}
	b, err := os.ReadFile(tracePath)
	if err != nil || !strings.HasPrefix(string(b), "go 1.") {
		t.Errorf("trace file: %d bytes beginning %q, %v; want a Go execution trace", len(b), b[:min(len(b), 16)], err)
	}
	cmd := exec.Command(binary, "serve", "--trace", filepath.Join(t.TempDir(), "no", "such", "dir"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err = cmd.Run()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 2 || !strings.Contains(stderr.String(), "--trace") {
		t.Errorf("a trace file that cannot be created: %v, stderr %q; want exit 2 naming --trace", err, stderr.String())
	}
}

func TestVersionAndUsage(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		out, err := exec.Command(binary, args...).Output()
		if err != nil || string(out) != "httpcode-lsp v9.9.9-test\n" {
			t.Errorf("%v: %q, %v; want the -ldflags version", args, out, err)
		}
	}
	for _, args := range [][]string{{"frobnicate"}, {"--no-such-flag"}, {"serve", "--log-level", "loud"}} {
		err := exec.Command(binary, args...).Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 2 {
			t.Errorf("%v: %v, want exit code 2", args, err)
		}
	}
}
