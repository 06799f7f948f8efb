// workspace.go: the speed rows about a package, a module or a workspace
// rather than one file. Issue 15's: the first hover on a file of a
// 1,000-file package, against the same file in a package of two; and
// `check` over k8s.io/apiserver (bench/fetch.sh downloads it), against
// `gofmt -l` on the same files. Issue 17's: the workspace index of 1,000
// Go files and GitHub's 13 MB description, against reading them.

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/httpcode-lsp/httpcode-lsp/internal/specgen"
	"github.com/httpcode-lsp/httpcode-lsp/internal/workspace"
)

// packageResult is what measurePackage measured: from didOpen to the
// first hover answered on a literal, and to the first that shows a
// constant another file of the package declares, in a package of two
// files and in one of files.
type packageResult struct {
	files, linesPerFile          int
	pairFirst, pairPackage       []time.Duration
	packageFirst, packagePackage []time.Duration
}

// statusGoneFile declares the constant the opened file uses.
const statusGoneFile = "package handlers\n\nconst statusGone = 410\n"

// openedFile is the file opened: generated handlers, then a use of the
// constant another file declares.
func openedFile() []byte {
	return append(specgen.Go(100), "\nfunc gone(w http.ResponseWriter) {\n\tw.WriteHeader(statusGone)\n}\n"...)
}

// measurePackage writes a package of two files and one of files (the
// others generated handlers of about 100 lines) under dir, and opens the
// same file in each, in a new server on each, rounds times.
// runPackage prints the package rows alone (lspbench --package), over
// five rounds.
func runPackage(bin, dir string) error {
	cfg := config{rounds: 5, packageFiles: 1000}
	p, err := measurePackage(bin, dir, cfg.packageFiles, cfg.rounds)
	if err != nil {
		return err
	}
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }
	fmt.Printf("| package of %d files (%d lines each) | p50 | max | × package of 2 (p50) |\n|---|---|---|---|\n", p.files, p.linesPerFile)
	for _, r := range []struct {
		name      string
		pkg, pair []time.Duration
	}{{"didOpen → first hover", p.packageFirst, p.pairFirst}, {"didOpen → hover with the package in view", p.packagePackage, p.pairPackage}} {
		fmt.Printf("| %s | %s | %s | %.2f× |\n", r.name, ms(percentile(r.pkg, 50)), ms(slices.Max(r.pkg)),
			float64(percentile(r.pkg, 50))/float64(max(percentile(r.pair, 50), 1)))
	}
	return nil
}

func measurePackage(bin, dir string, files, rounds int) (*packageResult, error) {
	src := openedFile()
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	pair, pkg := filepath.Join(dir, "package2"), filepath.Join(dir, fmt.Sprintf("package%d", files))
	other := specgen.Go(100)
	r := &packageResult{files: files, linesPerFile: bytes.Count(other, []byte("\n"))}
	for _, d := range []struct {
		dir   string
		files int
	}{{pair, 2}, {pkg, files}} {
		if err := os.RemoveAll(d.dir); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(d.dir, 0o755); err != nil {
			return nil, err
		}
		write := func(name string, text []byte) error { return os.WriteFile(filepath.Join(d.dir, name), text, 0o644) }
		if err := write("gone.go", []byte(statusGoneFile)); err != nil {
			return nil, err
		}
		if err := write("opened.go", src); err != nil {
			return nil, err
		}
		for i := 2; i < d.files; i++ {
			if err := write(fmt.Sprintf("h%04d.go", i), other); err != nil {
				return nil, err
			}
		}
	}
	for range rounds {
		first, inView, err := firstHovers(bin, pair, src)
		if err != nil {
			return nil, fmt.Errorf("package of 2: %w", err)
		}
		r.pairFirst, r.pairPackage = append(r.pairFirst, first), append(r.pairPackage, inView)
		if first, inView, err = firstHovers(bin, pkg, src); err != nil {
			return nil, fmt.Errorf("package of %d: %w", files, err)
		}
		r.packageFirst, r.packagePackage = append(r.packageFirst, first), append(r.packagePackage, inView)
	}
	return r, nil
}

// firstHovers starts a server on the workspace dir, opens dir/opened.go
// (src) and returns the time from didOpen to the first hover answered on
// its first 404, and to the first hover on statusGone that shows 410.
func firstHovers(bin, dir string, src []byte) (first, inView time.Duration, err error) {
	c, err := startInitialized(bin, dir, nil)
	if err != nil {
		return 0, 0, err
	}
	defer c.stop()
	uri := "file://" + filepath.ToSlash(filepath.Join(dir, "opened.go"))
	open, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didOpen",
		"params": map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "go", "version": 1, "text": string(src)}}})
	if err != nil {
		return 0, 0, err
	}
	idx := newLineIndex(src)
	hover := func(needle []byte, shows string) (bool, error) {
		pos := idx.position(src, bytes.LastIndex(src, needle))
		res, err := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos})
		return string(res) != "null" && strings.Contains(string(res), shows), err
	}
	t0 := time.Now()
	if err := c.writeBody(open); err != nil {
		return 0, 0, err
	}
	for _, h := range []struct {
		needle, shows string
		took          *time.Duration
	}{{"404", "404", &first}, {"statusGone", "410", &inView}} {
		for {
			ok, err := hover([]byte(h.needle), h.shows)
			if err != nil {
				return 0, 0, err
			}
			if ok {
				*h.took = time.Since(t0)
				break
			}
			if time.Since(t0) > timeout {
				return 0, 0, fmt.Errorf("no hover on %s showing %s after %v", h.needle, h.shows, timeout)
			}
		}
	}
	return first, inView, nil
}

// checkResult is what measureModuleCheck measured.
type checkResult struct {
	name         string
	files        int
	check, gofmt []time.Duration
	checkRSS     int64
}

// moduleDir returns the directory of k8s.io/apiserver that bench/fetch.sh
// downloaded, named in dir/apiserver.dir; "" when there is none.
func moduleDir(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, "apiserver.dir"))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// measureModuleCheck runs `check` and `gofmt -l` over a module's
// directory, alternately, rounds times.
func measureModuleCheck(bin, dir string, rounds int) (*checkResult, error) {
	gofmt, err := exec.LookPath("gofmt")
	if err != nil {
		return nil, err
	}
	r := &checkResult{name: filepath.Base(dir)}
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") {
			r.files++
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	for range rounds {
		took, _, err := runCommand(gofmt, "-l", dir)
		if err != nil {
			return nil, err
		}
		r.gofmt = append(r.gofmt, took)
		took, rss, err := runCommand(bin, "check", "--fail-on", "none", dir)
		if err != nil {
			return nil, err
		}
		r.check, r.checkRSS = append(r.check, took), max(r.checkRSS, rss)
	}
	return r, nil
}

// indexResult is what measureIndex measured: the workspace index built
// over goFiles Go files and a spec of specSize bytes, against reading the
// same files whole.
type indexResult struct {
	goFiles, specSize int
	build, read       []time.Duration
}

// measureIndex writes a workspace of goFiles generated Go files, 50 a
// directory, and spec (GitHub's description, or a generated spec in the
// smoke test) under dir, and builds its index in this process: the walk,
// every package and the specs, as the contract's discovery asks for them;
// the baseline reads every file whole with os.ReadFile.
func measureIndex(dir string, goFiles int, spec []byte, rounds int) (*indexResult, error) {
	root := filepath.Join(dir, "index")
	if err := os.RemoveAll(root); err != nil {
		return nil, err
	}
	src := specgen.Go(100)
	var paths []string
	firsts := map[string]string{} // a Go file of each directory
	write := func(name string, text []byte) error {
		p := filepath.Join(root, name)
		paths = append(paths, p)
		if _, ok := firsts[filepath.Dir(p)]; !ok && strings.HasSuffix(p, ".go") {
			firsts[filepath.Dir(p)] = p
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, text, 0o644)
	}
	for i := range goFiles {
		if err := write(fmt.Sprintf("pkg%02d/h%04d.go", i/50, i), src); err != nil {
			return nil, err
		}
	}
	if err := write("api/openapi.json", spec); err != nil {
		return nil, err
	}
	r := &indexResult{goFiles: goFiles, specSize: len(spec)}
	for range rounds {
		t0 := time.Now()
		for _, p := range paths {
			if _, err := os.ReadFile(p); err != nil {
				return nil, err
			}
		}
		r.read = append(r.read, time.Since(t0))
		t0 = time.Now()
		x := workspace.New([]string{root}, workspace.Options{})
		read := 0
		for _, d := range x.GoDirs() {
			files, _ := x.GoPackage(firsts[d])
			read += len(files)
		}
		specs := x.Specs()
		r.build = append(r.build, time.Since(t0))
		if len(specs) != 1 || read != goFiles {
			return nil, fmt.Errorf("the index found %d specs and read %d Go files, want 1 and %d", len(specs), read, goFiles)
		}
	}
	return r, nil
}
