// check.go defines the check command: flags, configuration, the parallel
// analysis of the files, and the exit code.

package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/httpcode-lsp/httpcode-lsp/internal/analysis"
	"github.com/httpcode-lsp/httpcode-lsp/internal/config"
	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
	"github.com/httpcode-lsp/httpcode-lsp/internal/regfile"
	"github.com/httpcode-lsp/httpcode-lsp/internal/workspace"
)

const checkLong = `Checks the status codes in Go, YAML and OpenAPI JSON files with the rules
the editor shows, under the working directory's .httpcode-lsp.yaml.
Directories are walked (PATH defaults to "."), skipping .git, vendor,
node_modules, testdata (as Go tools do; --include-testdata walks it) and
what .gitignore files ignore; a file named explicitly is always checked.

Exit status: 0 no finding at the threshold, 1 findings, 2 usage,
configuration or I/O error.`

// checkCommand is `httpcode-lsp check`.
func checkCommand(env Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "check [flags] [PATH...]",
		Short: "Report the findings the editor shows, for CI (exit 1 on findings, 2 on errors)",
		Long:  checkLong,
	}
	fs := cmd.Flags()
	format := fs.String("format", "text", "output `FORMAT`: text, json or sarif")
	failOn := fs.String("fail-on", "error", "exit 1 when a finding is at least this `SEVERITY`: error, warning, info, hint or none")
	color := fs.String("color", "auto", "colour and source excerpts in text output, `WHEN`: auto (stdout is a terminal), always or never")
	fix := fs.Bool("fix", false, "apply every safe quick fix in place, then report what remains")
	diff := fs.Bool("diff", false, "print the safe fixes as a unified diff; write nothing")
	jobs := fs.IntP("jobs", "j", runtime.NumCPU(), "`N` files analysed in parallel")
	configPath := fs.String("config", "", "configuration `FILE` (default ./.httpcode-lsp.yaml)")
	excludes := fs.StringArray("exclude", nil, "skip paths matching `PATTERN` (.gitignore syntax, relative to the working directory); repeatable")
	noGitignore := fs.Bool("no-gitignore", false, "do not read .gitignore files")
	includeTestdata := fs.Bool("include-testdata", false, "walk testdata directories too")
	enumFlag(cmd, "format", "text", "json", "sarif")
	enumFlag(cmd, "fail-on", "error", "warning", "info", "hint", "none")
	enumFlag(cmd, "color", "auto", "always", "never")
	cmd.RunE = func(_ *cobra.Command, paths []string) error {
		opts := checkOptions{format: *format, fix: *fix, diff: *diff, jobs: *jobs}
		walk := walkOptions{excludes: *excludes, gitignore: !*noGitignore, testdata: *includeTestdata}
		return exitWith(check(env, opts, *failOn, *color, *configPath, walk, paths))
	}
	return cmd
}

// checkOptions are check's parsed flags.
type checkOptions struct {
	format    string
	threshold lint.Severity // Off: never fail on findings
	color     bool
	fix, diff bool
	jobs      int
	settings  analysis.Settings
	// maxSize is limits.maxDocumentSize: a larger file is not read.
	maxSize int64
	// packages gives a Go file's package.
	packages *packages
	// contract tells that the files checked include Go code (not tests),
	// so that a drift between it and the documents may be found: only
	// then are the texts and models kept until every file is analysed.
	contract bool
}

// fileResult is what check learned of one file.
type fileResult struct {
	target
	// src holds the text the findings refer to: the fixed text after
	// --fix.
	src      *source
	findings []lint.Finding
	// before and after are the text and its fixed version, when --fix or
	// --diff changed something; fixed counts the findings fixed by rule.
	before, after []byte
	fixed         map[string]int
	// notFixed says why --fix left the file as it was, though it has
	// safe fixes.
	notFixed string
	err      error
	// contractText is the text of a Go file (not a test) and spec the
	// OpenAPI model of a document, for the contract between them.
	contractText []byte
	spec         *openapi.Document
	// contractPath is the file's slash-separated path relative to the
	// working directory, as contract findings name it.
	contractPath string
}

// check runs `httpcode-lsp check` with its parsed flags.
func check(env Env, opts checkOptions, failOn, color, configPath string, walk walkOptions, paths []string) int {
	var err error
	switch opts.format {
	case "text", "json", "sarif":
	default:
		return env.fail("check: --format %q: want text, json or sarif", opts.format)
	}
	if opts.threshold, err = parseThreshold(failOn); err != nil {
		return env.fail("check: %v", err)
	}
	if opts.color, err = env.colorFor(color, env.StdoutTerminal); err != nil {
		return env.fail("check: %v", err)
	}
	if opts.jobs < 1 {
		return env.fail("check: -j %d: want 1 or more", opts.jobs)
	}
	if opts.diff && opts.format != "text" {
		return env.fail("check: --diff prints a diff; it does not combine with --format %s", opts.format)
	}
	for _, p := range walk.excludes {
		if _, ok := parsePattern(p); !ok {
			return env.fail("check: --exclude %q: not a pattern", p)
		}
	}

	cwd, err := env.dir()
	if err != nil {
		return env.fail("check: %v", err)
	}
	cfg, err := loadConfig(cwd, configPath)
	if err != nil {
		return env.fail("%v", err)
	}
	opts.settings, opts.maxSize = analysis.SettingsOf(cfg), cfg.Limits.MaxSize()

	if len(paths) == 0 {
		paths = []string{"."}
	}
	w := newWalker(cwd, walk)
	for _, p := range paths {
		w.add(p)
	}
	sort.Slice(w.files, func(i, j int) bool { return w.files[i].display < w.files[j].display })
	roots := make([]string, len(paths))
	for i, p := range paths {
		if roots[i] = p; !filepath.IsAbs(p) {
			roots[i] = filepath.Join(cwd, p)
		}
	}
	opts.packages = newPackages(workspace.New(roots, workspace.Options{MaxFileSize: opts.maxSize}), w.files)
	opts.contract = slices.ContainsFunc(w.files, func(t target) bool { return isGoCode(t.abs) })

	results := opts.run(w.files, env)
	checkContract(cwd, results, cfg, opts)

	var ioErrs []error
	ioErrs = append(ioErrs, w.errs...)
	for _, r := range results {
		if r.err != nil {
			ioErrs = append(ioErrs, r.err)
		}
	}
	for _, n := range w.notes {
		env.errorf("%s", n)
	}
	for _, err := range ioErrs {
		env.errorf("%v", err)
	}

	all := collect(results)
	switch {
	case opts.diff:
		for _, r := range results {
			if r.after != nil && err == nil {
				err = writeUnifiedDiff(env.Stdout, quoteName(filepath.ToSlash(r.display)), r.before, r.after)
			}
		}
	case opts.format == "json":
		err = writeJSON(env.Stdout, all)
	case opts.format == "sarif":
		err = writeSARIF(env.Stdout, all, sarifRun{version: env.Version, cwd: cwd, errs: ioErrs})
	default:
		err = writeText(env.Stdout, all, opts.color, len(results))
	}
	if opts.fix && !opts.diff {
		reportFixes(env, results)
	}
	if err != nil {
		return env.fail("check: %v", err)
	}

	if len(ioErrs) > 0 {
		return ExitError
	}
	if opts.threshold != lint.Off {
		for _, f := range all {
			if f.Severity != lint.Off && f.Severity <= opts.threshold {
				return ExitFindings
			}
		}
	}
	return ExitOK
}

// parseThreshold reads --fail-on.
func parseThreshold(s string) (lint.Severity, error) {
	if s == "none" {
		return lint.Off, nil
	}
	if sev, ok := lint.ParseSeverity(s); ok && sev != lint.Off && strings.ToLower(s) == sev.String() {
		return sev, nil
	}
	return lint.Off, fmt.Errorf("--fail-on %q: want error, warning, info, hint or none", s)
}

// loadConfig reads the configuration as the language server does: the
// file (path, or .httpcode-lsp.yaml in cwd, which may be missing) merged
// over the defaults and checked. Like the server, it reads a regular file
// of at most config.MaxFileSize only.
func loadConfig(cwd, path string) (config.Config, error) {
	explicit := path != ""
	if !explicit {
		path = config.FileName
	}
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(cwd, path)
	}
	data, _, err := regfile.Read(abs, config.MaxFileSize)
	if err != nil {
		if !explicit && errors.Is(err, fs.ErrNotExist) {
			return config.Config{}, nil
		}
		return config.Config{}, fmt.Errorf("configuration %w", fileError(path, err))
	}
	raw, err := config.FromYAML(data)
	var cfg config.Config
	if err == nil {
		cfg, err = analysis.Configure(raw)
	}
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), config.FileName+": ")
		return config.Config{}, fmt.Errorf("bad configuration %s: %s", quoteName(path), msg)
	}
	return cfg, nil
}

// run analyses the files on opts.jobs goroutines; results are in the
// files' order. A goroutine takes a directory's files at a time: the Go
// files of a package share one analysis of it, which a second goroutine
// on the same package would wait for while other packages wait for none.
func (opts checkOptions) run(files []target, env Env) []fileResult {
	results := make([]fileResult, len(files))
	prog := startProgress(env, len(files))
	defer prog.stop()
	if opts.jobs == 1 || len(files) == 1 {
		// No worker to hand the files to: a small file costs less than
		// waking one.
		for i := range files {
			results[i] = opts.analyse(files[i])
			prog.done()
		}
		return results
	}
	dirs := byDirectory(files)
	next := make(chan []int)
	var wg sync.WaitGroup
	for n := min(opts.jobs, len(dirs)); n > 0; n-- {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for dir := range next {
				for _, i := range dir {
					results[i] = opts.analyse(files[i])
					prog.done()
				}
			}
		}()
	}
	for _, dir := range dirs {
		next <- dir
	}
	close(next)
	wg.Wait()
	return results
}

// byDirectory groups the indexes of files by directory, in the order the
// directories first appear.
func byDirectory(files []target) [][]int {
	var dirs [][]int
	at := map[string]int{}
	for i, t := range files {
		d := filepath.Dir(t.abs)
		k, ok := at[d]
		if !ok {
			k = len(dirs)
			at[d] = k
			dirs = append(dirs, nil)
		}
		dirs[k] = append(dirs[k], i)
	}
	return dirs
}

// excerpts tells whether the output shows source excerpts, which need
// the files' text.
func (opts checkOptions) excerpts() bool { return opts.format == "text" && opts.color && !opts.diff }

// binarySniff is how much of a file is searched for a NUL byte, as git
// does to tell binary files.
const binarySniff = 8000

// collectAfter is the size of a file whose analysis is collected as soon
// as it is dropped. A cycle of the collector marks only what is live, a
// few milliseconds, against the hundreds a file of a megabyte takes to
// analyse.
const collectAfter = 1 << 20

// analyse reads, analyses and, with --fix or --diff, fixes one file. A
// file over opts.maxSize is not read: it gets one finding that says so.
func (opts checkOptions) analyse(t target) fileResult {
	r := fileResult{target: t}
	src, info, err := regfile.Read(t.abs, opts.maxSize)
	var tooLarge *regfile.TooLargeError
	if errors.As(err, &tooLarge) {
		r.src = newSource(nil, nil, false)
		r.findings = []lint.Finding{{RuleID: analysis.LimitsID, Severity: lint.Info, Message: analysis.TooLargeMessage(tooLarge.Size, tooLarge.Limit)}}
		return r
	}
	if err != nil {
		r.err = fileError(t.display, err)
		return r
	}
	if bytes.IndexByte(src[:min(len(src), binarySniff)], 0) >= 0 {
		return r // binary: nothing a person wrote status codes in
	}
	analyse := opts.analyser(t.abs)
	a := analyse(src)
	findings := a.Findings()
	if opts.contract {
		if r.spec = a.Spec(); r.spec != nil || isGoCode(t.abs) {
			r.contractText = src
		}
	}
	// The analysis is not used from here on: its tree and model, most of
	// a large document's memory, are free to go while the positions are
	// converted. They are collected at once: left to the collector, which
	// runs beside the allocations that follow, the positions and the
	// output took new memory while it freed the old, and the dense JSON
	// spec peaked at 46 bytes per byte instead of 38.
	if len(src) >= collectAfter {
		runtime.GC()
	}
	r.src, r.findings = newSource(src, findings, opts.excerpts()), findings
	if !opts.fix && !opts.diff {
		return r
	}
	fixed, remaining, counts := fixFile(src, findings, analyse)
	if fixed == nil {
		return r
	}
	r.before, r.after, r.fixed = src, fixed, counts
	if opts.diff {
		return r // nothing written: the findings stand
	}
	if t.link {
		r.notFixed = "a symbolic link found in the walk, which --fix does not write through; name it to fix its target"
	} else if err := writeInPlace(t.abs, src, fixed, info); errors.Is(err, errChanged) {
		r.notFixed = err.Error()
	} else if err != nil {
		r.err = fileError(t.display, err)
	}
	if r.notFixed != "" || r.err != nil {
		r.after, r.fixed = nil, nil
		return r
	}
	r.src, r.findings = newSource(fixed, remaining, opts.excerpts()), remaining
	if r.contractText != nil {
		// The contract is checked on what --fix wrote.
		r.contractText = fixed
		if r.spec != nil {
			r.spec = openapi.Parse(fixed)
		}
	}
	return r
}

// isGoCode tells whether the file at path is Go code a contract holds
// to its documents: a Go file that is not a test.
func isGoCode(path string) bool {
	return analysis.LanguageOf("", path) == analysis.Go && !strings.HasSuffix(path, "_test.go")
}

// analyser returns how the file at path is analysed: a Go file with its
// package in view, as the editor sees it.
func (opts checkOptions) analyser(path string) func([]byte) *analysis.File {
	lang := analysis.LanguageOf("", path)
	if lang != analysis.Go {
		return func(src []byte) *analysis.File { return analysis.New(lang, src, opts.settings) }
	}
	return func(src []byte) *analysis.File {
		return analysis.InPackage(src, opts.settings, func() ([]golang.Source, int) { return opts.packages.of(path) })
	}
}

// finding is one finding placed in its file, for output. It is small, and
// its positions are read when written: a finding copied with its
// positions took 170 bytes, and check's output of 200,000 took new
// memory of the collector for want of a free run that long.
type finding struct {
	*lint.Finding
	file *fileResult
	// files holds the result of each path, for the related places.
	files map[string]*fileResult
}

// at returns the 1-based line and column (in characters) of the
// finding's start.
func (f finding) at() (line, col int) { return f.file.src.lineCol(f.Start) }

// end returns the 1-based line and column of the finding's end,
// exclusive.
func (f finding) end() (line, col int) { return f.file.src.lineCol(f.End) }

// relatedFile returns the file of the finding's i-th related place.
func (f finding) relatedFile(i int) *fileResult {
	if p := f.Related[i].Path; p != "" {
		if o, ok := f.files[p]; ok {
			return o
		}
	}
	return f.file
}

// collect places and orders every finding: by path, line, column, rule
// and message.
func collect(results []fileResult) []finding {
	n := 0
	files := map[string]*fileResult{}
	for i := range results {
		files[results[i].contractPath] = &results[i]
		n += len(results[i].findings)
	}
	// Made to size: appended to, 200,000 findings allocated five times
	// their size.
	out := make([]finding, 0, n)
	for i := range results {
		r := &results[i]
		for j := range r.findings {
			out = append(out, finding{Finding: &r.findings[j], file: r, files: files})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.file.display != b.file.display:
			return a.file.display < b.file.display
		case a.file == b.file && a.Start != b.Start:
			// In one text, offsets are in the order of positions.
			return a.Start < b.Start
		case a.file != b.file:
			al, ac := a.at()
			bl, bc := b.at()
			if al != bl || ac != bc {
				return al < bl || al == bl && ac < bc
			}
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		return a.Message < b.Message
	})
	return out
}
