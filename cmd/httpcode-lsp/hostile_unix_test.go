//go:build unix

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Issue 13's hostile inputs to check and --fix, against the built binary.

// teapotGo has a warning and a hint with a safe fix, both at 5:47.
const teapotGo = "package a\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(418) }\n"

// runWithin runs the binary in dir, killing it after a while: a FIFO read
// would block it for ever.
func runWithin(t *testing.T, dir string, args ...string) cliResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	res := runBinary(t, dir, exec.CommandContext(ctx, binary, args...))
	if ctx.Err() != nil {
		t.Fatalf("check %v blocked", args)
	}
	return res
}

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A FIFO or a link to /dev/zero as .gitignore or configuration is refused
// at once with one line; the run does not hang or fill memory.
func TestCheckSpecialFiles(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		args       []string
		fifo       bool
		wantErr    string
	}{
		{"FIFO .gitignore", ".gitignore", nil, true, "httpcode-lsp: .gitignore: not a regular file (a named pipe)\n"},
		{"FIFO --config", "c.yaml", []string{"--config", "c.yaml"}, true, "httpcode-lsp: configuration c.yaml: not a regular file (a named pipe)\n"},
		{"/dev/zero configuration", ".httpcode-lsp.yaml", nil, false, "httpcode-lsp: configuration .httpcode-lsp.yaml: not a regular file (a device)\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, map[string]string{"a.go": teapotGo})
			var err error
			if tc.fifo {
				err = syscall.Mkfifo(filepath.Join(dir, tc.file), 0o644)
			} else {
				err = os.Symlink("/dev/zero", filepath.Join(dir, tc.file))
			}
			if err != nil {
				t.Skip(err)
			}
			res := runWithin(t, dir, append([]string{"check"}, tc.args...)...)
			if res.code != 2 || res.stderr != tc.wantErr {
				t.Errorf("exit %d, stderr %q; want 2 and %q", res.code, res.stderr, tc.wantErr)
			}
		})
	}
}

// A sparse 1.5 GB data.json is not read: one info finding, and the
// process stays small.
func TestCheckHugeFileIsNotRead(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.go": teapotGo})
	f, err := os.Create(filepath.Join(dir, "data.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(3 << 29); err != nil {
		t.Skip("no sparse files:", err)
	}
	f.Close()
	cmd := exec.Command(binary, "check", "--fail-on", "none", ".")
	res := runBinary(t, dir, cmd)
	want := "data.json:1:1: info limits: httpcode-lsp does not analyse this file: its 1.5 GiB are more than limits.maxDocumentSize (16 MiB)\n"
	if res.code != 0 || !strings.HasSuffix(res.stdout, want) || res.stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0 and %q", res.code, res.stdout, res.stderr, want)
	}
	// A child's peak includes the test process's memory when it forked,
	// so it is compared with that of a run on a small file.
	small := exec.Command(binary, "check", "--fail-on", "none", "a.go")
	runBinary(t, dir, small)
	if grew := peakMB(cmd) - peakMB(small); grew > 100 {
		t.Errorf("peak memory %d MB more than for a small file", grew)
	}
}

// peakMB is the peak resident memory of a command that ran, in MB.
func peakMB(c *exec.Cmd) int64 {
	ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage)
	switch {
	case !ok:
		return 0
	case runtime.GOOS == "darwin":
		return int64(ru.Maxrss) >> 20 // bytes
	}
	return int64(ru.Maxrss) >> 10 // kilobytes
}

// check over many documents and no Go code keeps no document's model
// past its own findings: its peak memory is about that of the largest,
// not of all of them together. (Drift between Go code and documents needs
// the models of all, and only a tree with Go code finds any.)
func TestCheckManyDocumentsPeak(t *testing.T) {
	var spec strings.Builder // 376 kB and no finding
	spec.WriteString("openapi: 3.0.3\npaths:\n")
	for i := range 2500 {
		fmt.Fprintf(&spec, "  /items%d/{id}:\n    get:\n      responses:\n"+
			"        '200': {description: ok, content: {application/json: {}}}\n        '404': {description: not found}\n", i)
	}
	one, many := t.TempDir(), t.TempDir()
	writeTree(t, one, map[string]string{"s.yaml": spec.String()})
	files := map[string]string{}
	for i := range 40 {
		files[fmt.Sprintf("api%d/s.yaml", i)] = spec.String()
	}
	writeTree(t, many, files)
	runs := map[string]*exec.Cmd{}
	for name, dir := range map[string]string{"one": one, "many": many} {
		runs[name] = exec.Command(binary, "check", "-j", "1", ".")
		if res := runBinary(t, dir, runs[name]); res.code != 0 || res.stdout != "" || res.stderr != "" {
			t.Fatalf("%s: exit %d, stdout %q, stderr %q", name, res.code, res.stdout, res.stderr)
		}
	}
	// Kept, the 40 models took 530 MB more than one.
	if grew := peakMB(runs["many"]) - peakMB(runs["one"]); grew > 200 {
		t.Errorf("40 documents: peak memory %d MB more than for one", grew)
	}
}

// A Go file that does not parse is one syntax-error finding and exit 1,
// as YAML and JSON are; a file named that check does not read is named on
// stderr.
func TestCheckBrokenGoAndSkippedFiles(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"broken.go": "package b\n\nfunc f() {\n\tx := (\n}\n",
		"notes.txt": "404",
	})
	res := runCLI(t, dir, "check", "broken.go", "notes.txt")
	if res.code != 1 || res.stdout != "broken.go:5:1: error syntax-error: expected operand, found '}'\n" ||
		res.stderr != "httpcode-lsp: notes.txt: not checked: check reads .go, .yaml, .yml and .json files only\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
	}
}

// A file name with a newline does not forge a line of output: it is
// quoted.
func TestCheckNameWithNewline(t *testing.T) {
	dir := t.TempDir()
	name := "x.go:1:1: error fake: forged\nb.go"
	writeTree(t, dir, map[string]string{name: teapotGo})
	res := runCLI(t, dir, "check", "--fail-on", "none")
	lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], `"x.go:1:1: error fake: forged\nb.go":5:47: `) {
		t.Errorf("stdout:\n%s", res.stdout)
	}
}

// --fix on a read-only file fails with a permission error and leaves it
// as it was, as gofmt -w does; the same user fixes a file they may write.
// Root may write any file, so as root the binary runs as nobody, who owns
// the files.
func TestFixReadOnlyAsNobody(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeTree(t, dir, map[string]string{"locked.go": teapotGo, "open.go": teapotGo})
	for name, mode := range map[string]os.FileMode{"locked.go": 0o444, "open.go": 0o644} {
		path := filepath.Join(dir, name)
		if os.Geteuid() == 0 {
			if err := os.Chown(path, 65534, 65534); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(binary, "check", "--fix", "--fail-on", "none", ".")
	if os.Geteuid() == 0 {
		asNobody(cmd)
	}
	res := runBinary(t, dir, cmd)
	if res.code != 2 || !strings.Contains(res.stderr, "httpcode-lsp: locked.go: permission denied\n") ||
		!strings.Contains(res.stderr, "fixed open.go: 1 finding (use-status-constant)\n") {
		t.Errorf("exit %d, stderr %q; want 2, permission denied for locked.go, open.go fixed", res.code, res.stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "locked.go")); string(got) != teapotGo {
		t.Errorf("the read-only file was changed:\n%s", got)
	}
}

// --fix writes in place: it creates, renames and removes no file (a kill
// can leave no temporary behind), and writes only the files it was given,
// not through a link in the tree to a file outside.
func TestFixCreatesNoFileAndWritesOnlyItsPaths(t *testing.T) {
	strace := straceOrSkip(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"tree/a.go": teapotGo, "tree/sub/b.go": teapotGo, "outside/c.go": teapotGo})
	if err := os.Symlink(filepath.Join(dir, "outside", "c.go"), filepath.Join(dir, "tree", "link.go")); err != nil {
		t.Fatal(err)
	}
	trace := t.TempDir() + "/trace"
	cmd := exec.Command(strace, "-f", "-qq", "-o", trace, "-e", "trace=%file,%desc", binary, "check", "--fix", "--fail-on", "none", "tree")
	res := runBinary(t, dir, cmd)
	if res.code != 0 || !strings.Contains(res.stderr, "fixed tree/a.go") || !strings.Contains(res.stderr, "fixed tree/sub/b.go") ||
		!strings.Contains(res.stderr, "not fixed tree/link.go: a symbolic link") {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	b, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	written := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		call, args, _ := strings.Cut(strings.TrimLeft(strings.TrimLeft(line, "0123456789"), " "), "(")
		switch call {
		case "creat", "mkdir", "mkdirat", "unlink", "unlinkat", "rename", "renameat", "renameat2", "link", "linkat", "symlink", "symlinkat", "rmdir", "mknod", "mknodat":
			t.Errorf("a call that makes or removes files: %s", line)
		case "open", "openat", "openat2":
			if strings.Contains(line, "O_CREAT") {
				t.Errorf("a file created: %s", line)
			}
			if strings.Contains(line, "O_WRONLY") || strings.Contains(line, "O_RDWR") {
				if _, rest, ok := strings.Cut(args, `"`); ok {
					path, _, _ := strings.Cut(rest, `"`)
					written[strings.TrimPrefix(path, dir+"/")] = true
				}
			}
		}
	}
	if len(written) != 2 || !written["tree/a.go"] || !written["tree/sub/b.go"] {
		t.Errorf("opened for writing: %v; want tree/a.go and tree/sub/b.go", written)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "outside", "c.go")); string(got) != teapotGo {
		t.Errorf("the file outside the tree was changed:\n%s", got)
	}
}
