package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Tests of issue 13's hostile inputs to check: special files, sizes,
// names, and --fix racing other writers.

// teapot is a Go file with a warning (deprecated-status-code) and a hint
// with a safe fix (use-status-constant), both at 5:47.
const teapot = "package a\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(418) }\n"

// within fails the test when run takes long: a FIFO read blocks for
// ever, and the test would hang instead of failing.
func within(t *testing.T, run func() runResult) runResult {
	t.Helper()
	done := make(chan runResult, 1)
	go func() { done <- run() }()
	select {
	case res := <-done:
		return res
	case <-time.After(20 * time.Second):
		t.Fatal("check blocked")
		return runResult{}
	}
}

// A .gitignore or configuration file that is a FIFO or a link to
// /dev/zero is refused at once, not read: exit 2 and a line saying why. A
// .gitignore that is a link is not followed, as git does not follow it;
// a note says so and the walk goes on.
func TestSpecialFiles(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	fifo := func(t *testing.T, path string) {
		if err := mkfifo(path); err != nil {
			t.Skip("no FIFOs here:", err)
		}
	}
	zero := func(t *testing.T, path string) {
		if err := os.Symlink("/dev/zero", path); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name    string
		make    func(t *testing.T, path string)
		file    string
		args    []string
		wantErr string
	}{
		{"FIFO .gitignore", fifo, ".gitignore", nil, "httpcode-lsp: .gitignore: not a regular file (a named pipe)\n"},
		{"FIFO configuration", fifo, ".httpcode-lsp.yaml", nil, "httpcode-lsp: configuration .httpcode-lsp.yaml: not a regular file (a named pipe)\n"},
		{"FIFO --config", fifo, "conf.yaml", []string{"--config", "conf.yaml"}, "httpcode-lsp: configuration conf.yaml: not a regular file (a named pipe)\n"},
		{"/dev/zero configuration", zero, ".httpcode-lsp.yaml", nil, "httpcode-lsp: configuration .httpcode-lsp.yaml: not a regular file (a device)\n"},
		{"/dev/zero --config", zero, "conf.yaml", []string{"--config", "conf.yaml"}, "httpcode-lsp: configuration conf.yaml: not a regular file (a device)\n"},
		{"/dev/zero .gitignore", zero, ".gitignore", nil, "httpcode-lsp: .gitignore: not read: a symbolic link, which git does not follow either\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "a.go", teapot)
			tc.make(t, filepath.Join(dir, tc.file))
			res := within(t, func() runResult { return runCheck(t, dir, append(tc.args, "--fail-on", "none")...) })
			if res.stderr != tc.wantErr {
				t.Errorf("stderr %q, want %q", res.stderr, tc.wantErr)
			}
			switch note := strings.Contains(tc.wantErr, "not read"); {
			case note && (res.code != ExitOK || !strings.Contains(res.stdout, "a.go:5:47:")):
				t.Errorf("exit %d, stdout %q; want 0 and a.go checked", res.code, res.stdout)
			case !note && res.code != ExitError:
				t.Errorf("exit %d, want %d", res.code, ExitError)
			}
		})
	}

	t.Run("linked .gitignore is not followed", func(t *testing.T) {
		dir := tree(t, map[string]string{"ignore-list": "gen.go\n", "gen.go": teapot, "a.go": teapot})
		if err := os.Symlink("ignore-list", filepath.Join(dir, ".gitignore")); err != nil {
			t.Fatal(err)
		}
		res := runCheck(t, dir, "--fail-on", "none")
		if !strings.Contains(res.stdout, "gen.go:5:") || res.stderr != "httpcode-lsp: .gitignore: not read: a symbolic link, which git does not follow either\n" {
			t.Errorf("stdout %q, stderr %q; want gen.go checked and a note", res.stdout, res.stderr)
		}
	})
}

// A file over limits.maxDocumentSize is not read: it gets one info
// finding that names the limit. The sparse file would take a gigabyte
// to read.
func TestFileOverTheSizeLimit(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.go", teapot)
	f, err := os.Create(filepath.Join(dir, "data.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Skip("no sparse file:", err)
	}
	f.Close()
	res := runCheck(t, dir, "--fail-on", "none")
	want := "data.json:1:1: info limits: httpcode-lsp does not analyse this file: its 1 GiB are more than limits.maxDocumentSize (16 MiB)\n"
	if res.code != ExitOK || !strings.HasSuffix(res.stdout, want) || strings.Count(res.stdout, "\n") != 3 || res.stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want a.go's findings and %q", res.code, res.stdout, res.stderr, want)
	}

	// The limit is the configuration's, as for the editor.
	writeFile(t, dir, ".httpcode-lsp.yaml", "limits:\n  maxDocumentSize: 50\n")
	res = runCheck(t, dir, "--fail-on", "none", "a.go")
	if want := "a.go:1:1: info limits: httpcode-lsp does not analyse this file: its 83 bytes are more than limits.maxDocumentSize (50 bytes)\n"; res.stdout != want {
		t.Errorf("stdout %q, want %q", res.stdout, want)
	}
	// In colour, the finding has no excerpt: the text was not read.
	res = runCheck(t, dir, "--fail-on", "none", "--color", "always", "a.go")
	if want := "\x1b[1ma.go:1:1:\x1b[0m \x1b[1m\x1b[34minfo\x1b[0m \x1b[2mlimits:\x1b[0m httpcode-lsp does not analyse this file: its 83 bytes are more than limits.maxDocumentSize (50 bytes)\n"; !strings.HasPrefix(res.stdout, want) || strings.Count(res.stdout, "\n") != 2 {
		t.Errorf("stdout %q, want %q and the summary", res.stdout, want)
	}
	// Its SARIF rule exists.
	if res := runCheck(t, dir, "--format", "sarif", "a.go"); !strings.Contains(res.stdout, `"ruleId": "limits"`) || strings.Contains(res.stdout, `"ruleIndex": -1`) {
		t.Errorf("SARIF:\n%s", res.stdout)
	}
}

// A Go file that does not parse gets one syntax-error finding where the
// parser stopped, like YAML and JSON; the rules still report what
// parsed.
func TestGoSyntaxError(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "broken.go", "package b\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) {\n\tw.WriteHeader(http.StatusTeapot\n}\n")
	res := runCheck(t, dir, "--color", "never")
	want := "broken.go:6:16: warning deprecated-status-code: 418 is reserved and unused in HTTP (RFC 9110 §15.5.19); use 403 or 429 to refuse a request\n" +
		"broken.go:6:33: error syntax-error: missing ',' before newline in argument list\n"
	if res.code != ExitFindings || res.stdout != want {
		t.Errorf("exit %d, stdout:\n%s\nwant 1 and\n%s", res.code, res.stdout, want)
	}
}

// A file named on the command line that check does not read is named on
// stderr, not skipped in silence; the run's exit status is the
// findings'.
func TestExplicitFileNotChecked(t *testing.T) {
	dir := tree(t, map[string]string{"notes.txt": "200", ".httpcode-lsp.yaml": "", "a.go": teapot})
	args := []string{"notes.txt", ".httpcode-lsp.yaml", "a.go"}
	wantErr := "httpcode-lsp: notes.txt: not checked: check reads .go, .yaml, .yml and .json files only\n" +
		"httpcode-lsp: .httpcode-lsp.yaml: not checked: it is the configuration, which check reads as such\n"
	if mkfifo(filepath.Join(dir, "pipe.yaml")) == nil {
		args = append(args, "pipe.yaml")
		wantErr += "httpcode-lsp: pipe.yaml: not checked: not a regular file (a named pipe)\n"
	}
	res := within(t, func() runResult { return runCheck(t, dir, args...) })
	if res.code != ExitOK || res.stderr != wantErr || !strings.Contains(res.stdout, "a.go:5:") {
		t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant 0, a.go's findings and\n%s", res.code, res.stdout, res.stderr, wantErr)
	}
}

// A name with a newline cannot forge a line of output: it is quoted, Go's
// way. A name that is not UTF-8 keeps its bytes in JSON's rawPath.
func TestFileNames(t *testing.T) {
	dir := t.TempDir()
	forged := "x.go:1:1: error fake: forged\nb.go"
	if err := os.WriteFile(filepath.Join(dir, forged), []byte(teapot), 0o644); err != nil {
		t.Skip("no such names here:", err)
	}
	res := runCheck(t, dir, "--color", "never", "--fail-on", "none")
	want := `"x.go:1:1: error fake: forged\nb.go":5:47: warning deprecated-status-code:`
	if strings.Count(res.stdout, "\n") != 2 || !strings.HasPrefix(res.stdout, want) {
		t.Errorf("stdout:\n%s\nwant two lines, the first starting %s", res.stdout, want)
	}
	if got := quoteName("plain/dir with space/a.go"); got != "plain/dir with space/a.go" {
		t.Errorf("a plain name is quoted: %s", got)
	}

	dir = t.TempDir()
	raw := "caf\xe9.go" // Latin-1
	if err := os.WriteFile(filepath.Join(dir, raw), []byte(teapot), 0o644); err != nil {
		t.Skip("no such names here:", err)
	}
	found := jsonFindings(t, runCheck(t, dir, "--format", "json"))
	if len(found) == 0 || !bytes.Equal(found[0].RawPath, []byte(raw)) || found[0].Path != "caf\uFFFD.go" {
		t.Errorf("findings %+v; want rawPath %q", found, raw)
	}
	if res := runCheck(t, dir, "--color", "never", "--fail-on", "none"); !strings.HasPrefix(res.stdout, `"caf\xe9.go":5:47:`) {
		t.Errorf("text: %q", res.stdout)
	}
}

// fixedTeapot is teapot after --fix.
const fixedTeapot = "package a\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(http.StatusTeapot) }\n"

// withBeforeWrite sets the seam between --fix's read and its write for
// one test.
func withBeforeWrite(t *testing.T, f func(path string)) {
	beforeWrite = f
	t.Cleanup(func() { beforeWrite = nil })
}

// A file another program changes between --fix's read and its write is
// not written: the other program's text stays, and the file is reported
// as not fixed. Whether the other program rewrites the file (same size,
// same time) or saves by renaming a new file over it, as editors do.
func TestFixDoesNotLoseAnotherWrite(t *testing.T) {
	theirs := strings.Replace(teapot, "418", "419", 1) // the same size
	for _, tc := range []struct {
		name  string
		write func(path string) error
	}{
		{"rewritten, time kept", func(path string) error {
			info, err := os.Stat(path)
			if err == nil {
				err = os.WriteFile(path, []byte(theirs), 0o644)
			}
			if err == nil {
				err = os.Chtimes(path, info.ModTime(), info.ModTime())
			}
			return err
		}},
		{"renamed over", func(path string) error {
			tmp := path + ".new"
			if err := os.WriteFile(tmp, []byte(theirs), 0o644); err != nil {
				return err
			}
			return os.Rename(tmp, path)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := writeFile(t, dir, "a.go", teapot)
			withBeforeWrite(t, func(string) {
				if err := tc.write(path); err != nil {
					t.Error(err)
				}
			})
			res := runCheck(t, dir, "--fix", "--fail-on", "none", "a.go")
			if got, _ := os.ReadFile(path); string(got) != theirs {
				t.Errorf("the file holds\n%s\nwant the other program's text", got)
			}
			if want := "not fixed a.go: changed since it was read, so its fixes are not written\n"; res.code != ExitOK || res.stderr != want {
				t.Errorf("exit %d, stderr %q; want 0 and %q", res.code, res.stderr, want)
			}
			// The findings printed are those of the text read.
			if !strings.Contains(res.stdout, "a.go:5:47: hint use-status-constant:") {
				t.Errorf("stdout %q", res.stdout)
			}
		})
	}
}

// --fix writes in place, as gofmt -w does: the inode stays, so a hard
// link sees the new text, and the mode, setgid included, stays; no other
// file appears.
func TestFixWritesInPlace(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "a.go", teapot)
	if err := os.Link(path, filepath.Join(dir, "b.go.orig")); err != nil {
		t.Skip("no hard links here:", err)
	}
	if err := os.Chmod(path, 0o775|os.ModeSetgid); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if before.Mode()&os.ModeSetgid == 0 {
		t.Fatalf("mode %v: setgid did not take", before.Mode())
	}
	res := runCheck(t, dir, "--fix", "a.go")
	if res.code != ExitOK || res.stderr != "fixed a.go: 1 finding (use-status-constant)\n" {
		t.Errorf("exit %d, stderr %q", res.code, res.stderr)
	}
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) || after.Mode() != before.Mode() {
		t.Errorf("after --fix: %v, same file %v; want %v and the same file", after.Mode(), os.SameFile(before, after), before.Mode())
	}
	for _, name := range []string{"a.go", "b.go.orig"} {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != fixedTeapot {
			t.Errorf("%s holds\n%s", name, got)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("%d files in the directory after --fix, want 2", len(entries))
	}
}

// --fix never writes through a link found in a walk, whose target may be
// outside the paths given; it says so. A link named on the command line
// is written through, as gofmt -w writes through it.
func TestFixDoesNotWriteThroughLinksInTheTree(t *testing.T) {
	dir := t.TempDir()
	outside := writeFile(t, dir, "outside/a.go", teapot)
	if err := os.MkdirAll(filepath.Join(dir, "tree"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "tree", "link.go")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	res := runCheck(t, dir, "--fix", "--fail-on", "none", "tree")
	want := "not fixed " + filepath.Join("tree", "link.go") + ": a symbolic link found in the walk, which --fix does not write through; name it to fix its target\n"
	if res.stderr != want || res.code != ExitOK {
		t.Errorf("exit %d, stderr %q; want 0 and %q", res.code, res.stderr, want)
	}
	if got, _ := os.ReadFile(outside); string(got) != teapot {
		t.Errorf("the file outside the tree was changed:\n%s", got)
	}
	res = runCheck(t, dir, "--fix", filepath.Join("tree", "link.go"))
	if got, _ := os.ReadFile(outside); string(got) != fixedTeapot || res.code != ExitOK {
		t.Errorf("exit %d, stderr %q; the link named on the command line was not written through:\n%s", res.code, res.stderr, got)
	}
}

// A read-only file is not fixed: permission denied, exit 2, as gofmt -w
// fails. Root may write any file; cmd/httpcode-lsp's
// TestFixReadOnlyAsNobody runs this as an unprivileged user.
func TestFixReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes every file; cmd/httpcode-lsp's TestFixReadOnlyAsNobody runs this as an unprivileged user")
	}
	dir := t.TempDir()
	path := writeFile(t, dir, "a.go", teapot)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	res := runCheck(t, dir, "--fix", "a.go")
	if got, _ := os.ReadFile(path); res.code != ExitError || res.stderr != "httpcode-lsp: a.go: permission denied\n" || string(got) != teapot {
		t.Errorf("exit %d, stderr %q, file\n%s", res.code, res.stderr, got)
	}
}
