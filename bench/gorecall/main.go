package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

// options are the command line's flags.
type options struct {
	labels, findings, cache string
	stdlibvars              bool
	listMisses              bool
	listUnlabelled          bool
	listFindings            bool
	byModule                bool
	heldOutMisses           bool
	freshMisses             bool
}

func main() {
	var o options
	flag.StringVar(&o.labels, "labels", "bench/gorecall/labels", "the directory of the label sets (dev/, heldout/, fresh/)")
	flag.StringVar(&o.findings, "findings", "bench/gorecall/findings.tsv", "the judged findings")
	flag.StringVar(&o.cache, "cache", "bench/.cache/gomod", "the module cache the labelled modules are downloaded into")
	flag.BoolVar(&o.stdlibvars, "stdlibvars", true, "run usestdlibvars on the labelled files (builds bench/gorecall/stdlibvars)")
	flag.BoolVar(&o.listMisses, "list-misses", false, "print the dev set's labelled status positions not hovered, those with a wrong role and the false hovers")
	flag.BoolVar(&o.heldOutMisses, "held-out-misses", false, "with --list-misses, the held-out set's too (not to tune on)")
	flag.BoolVar(&o.freshMisses, "fresh-misses", false, "with --list-misses, the fresh set's too (not to tune on)")
	flag.BoolVar(&o.listUnlabelled, "list-unlabelled", false, "print the hovers and the candidate positions that have no label")
	flag.BoolVar(&o.listFindings, "list-findings", false, "print the unjudged findings as rows for findings.tsv")
	flag.BoolVar(&o.byModule, "by-module", false, "print the figures of each module too")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), `usage: gorecall [flags]
       gorecall candidates module@version file...

The first form scores the Go analysis against the labelled positions; the
second prints the candidate positions of files of a module as label rows
to be judged.

`)
		flag.PrintDefaults()
	}
	flag.Parse()
	var err error
	mods := &modules{cache: o.cache, dirs: map[string]string{}}
	if flag.Arg(0) == "candidates" {
		err = printCandidates(os.Stdout, mods, flag.Arg(1), flag.Args()[2:])
	} else if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	} else {
		err = run(os.Stdout, o, mods)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gorecall:", err)
		os.Exit(1)
	}
}

// run scores the label sets of o.labels, their modules found by mods.
func run(w io.Writer, o options, mods *modules) error {
	judged, err := readJudgements(o.findings)
	if err != nil {
		return err
	}
	var sets []*labelSet
	for _, s := range [...]struct{ name, dir string }{{"dev", "dev"}, {"held-out", "heldout"}, {"fresh", "fresh"}} {
		set, err := readSet(s.name, filepath.Join(o.labels, s.dir))
		if err != nil {
			return err
		}
		sets = append(sets, set)
	}
	results := make([][]*fileResult, len(sets))
	// others are the other files of the labelled files' packages, where
	// usestdlibvars' findings are looked for too.
	others := make([][]*fileResult, len(sets))
	var paths []string
	byPath := map[string]*fileResult{}
	for i, set := range sets {
		var pkgs [][]golang.Source
		for _, lf := range set.Files {
			r, srcs, err := analyse(mods, lf)
			if err != nil {
				return err
			}
			results[i] = append(results[i], r)
			paths = append(paths, r.Path)
			byPath[r.Path] = r
			pkgs = append(pkgs, srcs)
		}
		if !o.stdlibvars {
			continue
		}
		for k, srcs := range pkgs {
			dir := strings.TrimSuffix(results[i][k].Path, filepath.FromSlash(results[i][k].File))
			for j, src := range srcs {
				if byPath[src.Path] != nil {
					continue
				}
				r := otherFile(results[i][k].Module, dir, srcs, j)
				others[i] = append(others[i], r)
				paths = append(paths, r.Path)
				byPath[r.Path] = r
			}
		}
	}
	if o.stdlibvars {
		if err := runStdlibvars(mods.cache, paths, byPath); err != nil {
			return err
		}
	}
	var scores []*score
	for i, set := range sets {
		scores = append(scores, scoreSet(set.Name, results[i], others[i], judged))
	}
	printScores(w, scores, o.stdlibvars)
	if o.byModule {
		printModules(w, scores, judged)
	}
	// The misses of the sets not to tune on are listed only when asked.
	listed := map[string]bool{"dev": true, "held-out": o.heldOutMisses, "fresh": o.freshMisses}
	for _, s := range scores {
		if o.listMisses && listed[s.Set] {
			printMisses(w, s)
		}
		if o.listUnlabelled {
			printUnlabelled(w, s)
		}
		if o.listFindings {
			printUnjudged(w, s)
		}
	}
	return nil
}

// modules downloads modules into the cache, once each.
type modules struct {
	cache string
	dirs  map[string]string
}

// dir returns where module@version is, downloading it through the module
// proxy the first time.
func (m *modules) dir(modVersion string) (string, error) {
	if d, ok := m.dirs[modVersion]; ok {
		return d, nil
	}
	cache, err := filepath.Abs(m.cache)
	if err != nil {
		return "", err
	}
	cmd := exec.Command("go", "mod", "download", "-json", modVersion)
	// Outside any module, so that nothing reads or writes a go.mod.
	cmd.Dir = os.TempDir()
	cmd.Env = append(os.Environ(), "GOMODCACHE="+cache, "GOFLAGS=-mod=mod", "GOWORK=off", "GO111MODULE=on")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	var info struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &info); jerr != nil || info.Error != "" || info.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %v %s", modVersion, err, info.Error)
	}
	m.dirs[modVersion] = info.Dir
	return info.Dir, nil
}

// analyse scans a labelled file with its package in view, lints it and
// resolves its labels. It returns the files of the package too.
func analyse(mods *modules, lf *labelledFile) (*fileResult, []golang.Source, error) {
	dir, err := mods.dir(lf.Module)
	if err != nil {
		return nil, nil, err
	}
	path := filepath.Join(dir, filepath.FromSlash(lf.File))
	srcs, i, err := packageOf(path)
	if err != nil {
		return nil, nil, err
	}
	src := srcs[i].Src
	r := &fileResult{Module: lf.Module, File: lf.File, Path: path, Src: src, Lines: lines.New(src)}
	for _, l := range lf.Labels {
		off, ok := r.offsetOf(l.Line, l.Col)
		if !ok || !bytes.HasPrefix(src[off:], []byte(l.Text)) {
			return nil, nil, fmt.Errorf("%s %s:%d:%d: the text there is not %q", lf.Module, lf.File, l.Line, l.Col, l.Text)
		}
		l.Offset = off
		r.Labels = append(r.Labels, l)
	}
	f, syn := golang.ScanPackage(srcs, i)
	for _, o := range f.Occurrences {
		r.Occs = append(r.Occs, occ{Start: o.Start, End: o.End, Role: o.Role.String()})
	}
	for _, fd := range lint.Go(src, f, syn, lint.Options{}) {
		if fd.Severity == lint.Hint {
			continue
		}
		line, col, _ := r.lineOf(fd.Start)
		r.Findings = append(r.Findings, finding{Rule: fd.RuleID, Line: line, Col: col, Message: fd.Message})
	}
	var all [][]byte
	for _, s := range srcs {
		all = append(all, s.Src)
	}
	labelled := map[int]bool{}
	for _, l := range r.Labels {
		labelled[l.Offset] = true
	}
	for _, c := range candidates(src, packageConsts(all)) {
		if !labelled[c.Offset] {
			r.Unlabelled = append(r.Unlabelled, c)
		}
	}
	return r, srcs, nil
}

// otherFile is the scan of srcs[j], a file of a labelled file's package
// in the module whose directory is dir.
func otherFile(module, dir string, srcs []golang.Source, j int) *fileResult {
	src := srcs[j].Src
	r := &fileResult{Module: module, File: filepath.ToSlash(strings.TrimPrefix(srcs[j].Path, dir)), Path: srcs[j].Path, Src: src, Lines: lines.New(src)}
	f, _ := golang.ScanPackage(srcs, j)
	for _, o := range f.Occurrences {
		r.Occs = append(r.Occs, occ{Start: o.Start, End: o.End, Role: o.Role.String()})
	}
	return r
}

// packageOf reads the .go files of path's directory that are in its
// package or its external test package (or, for a file of the external
// test package, the package it tests), and returns the index of path.
func packageOf(path string) ([]golang.Source, int, error) {
	names, err := filepath.Glob(filepath.Join(filepath.Dir(path), "*.go"))
	if err != nil {
		return nil, 0, err
	}
	sort.Strings(names)
	pkgs := map[string]string{}
	texts := map[string][]byte{}
	for _, n := range names {
		src, err := os.ReadFile(n)
		if err != nil {
			return nil, 0, err
		}
		texts[n] = src
		if af, _ := parser.ParseFile(token.NewFileSet(), "", src, parser.PackageClauseOnly); af != nil && af.Name != nil {
			pkgs[n] = strings.TrimSuffix(af.Name.Name, "_test")
		}
	}
	if _, ok := texts[path]; !ok {
		return nil, 0, fmt.Errorf("%s: no such Go file", path)
	}
	var srcs []golang.Source
	at := -1
	for _, n := range names {
		if pkgs[n] != pkgs[path] {
			continue
		}
		if n == path {
			at = len(srcs)
		}
		srcs = append(srcs, golang.Source{Path: n, Src: texts[n]})
	}
	return srcs, at, nil
}

// runStdlibvars runs usestdlibvars on the files and adds its findings to
// their results.
func runStdlibvars(cache string, paths []string, byPath map[string]*fileResult) error {
	cache, err := filepath.Abs(cache)
	if err != nil {
		return err
	}
	bin := filepath.Join(filepath.Dir(cache), "stdlibvars")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = "bench/gorecall/stdlibvars"
	build.Env = append(os.Environ(), "GOMODCACHE="+cache, "GOWORK=off")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building usestdlibvars' driver: %w", err)
	}
	cmd := exec.Command(bin, paths...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("usestdlibvars: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.SplitN(sc.Text(), "\t", 3)
		if len(f) != 3 || !strings.Contains(f[2], "http.Status") {
			continue
		}
		off, err := strconv.Atoi(f[1])
		r := byPath[f[0]]
		if err != nil || r == nil {
			return fmt.Errorf("usestdlibvars printed %q", sc.Text())
		}
		r.Stdlib = append(r.Stdlib, off)
	}
	return nil
}

func printMisses(w io.Writer, s *score) {
	fmt.Fprintf(w, "\n## %s: labelled status positions not hovered (%d)\n\n", s.Set, len(s.Misses))
	for _, m := range s.Misses {
		_, _, text := m.File.lineOf(m.Label.Offset)
		b := ""
		if m.Label.Boundary {
			b = " boundary"
		}
		fmt.Fprintf(w, "%s %s:%d:%d %s (%s%s)\t%s\n", m.File.Module, m.File.File, m.Label.Line, m.Label.Col, m.Label.Text, m.Label.Role, b, strings.TrimSpace(text))
	}
	fmt.Fprintf(w, "\n## %s: hovered with a wrong role (%d)\n\n", s.Set, len(s.WrongRoles))
	for _, m := range s.WrongRoles {
		_, _, text := m.File.lineOf(m.Label.Offset)
		fmt.Fprintf(w, "%s %s:%d:%d %s want %s, got %s\t%s\n", m.File.Module, m.File.File, m.Label.Line, m.Label.Col, m.Label.Text, m.Label.Role, m.Got, strings.TrimSpace(text))
	}
	fmt.Fprintf(w, "\n## %s: false hovers (%d)\n\n", s.Set, len(s.False))
	printStrays(w, s.False)
	fmt.Fprintf(w, "\n## %s: usestdlibvars literals not hovered (%d)\n\n", s.Set, len(s.StdlibMisses))
	printStrays(w, s.StdlibMisses)
}

func printStrays(w io.Writer, strays []stray) {
	for _, st := range strays {
		line, col, text := st.File.lineOf(st.Occ.Start)
		fmt.Fprintf(w, "%s %s:%d:%d %s (%s)\t%s\n", st.File.Module, st.File.File, line, col, st.File.Src[st.Occ.Start:st.Occ.End], st.Occ.Role, strings.TrimSpace(text))
	}
}

func printUnlabelled(w io.Writer, s *score) {
	fmt.Fprintf(w, "\n## %s: hovers at unlabelled positions (%d)\n\n", s.Set, len(s.Unlabelled))
	printStrays(w, s.Unlabelled)
	fmt.Fprintf(w, "\n## %s: candidate positions without a label (%d)\n\n", s.Set, s.UncoveredCandidates)
	for _, r := range s.Results {
		for _, c := range r.Unlabelled {
			fmt.Fprintln(w, candidateRow(r, c))
		}
	}
}

// candidateRow is a label row for a candidate, to be judged: the verdict
// and role are "?", and the note is why it is a candidate and its line.
func candidateRow(r *fileResult, c candidate) string {
	line, col, text := r.lineOf(c.Offset)
	return fmt.Sprintf("%s\t%s\t%d\t%d\t%s\t?\t?\tno\t%s: %s", r.Module, r.File, line, col, c.Text, c.Why, strings.Join(strings.Fields(text), " "))
}

// printCandidates prints the candidate rows of files of a module.
func printCandidates(w io.Writer, mods *modules, modVersion string, files []string) error {
	if modVersion == "" || len(files) == 0 {
		return fmt.Errorf("candidates: want module@version and files")
	}
	fmt.Fprintln(w, labelColumns)
	for _, file := range files {
		r, _, err := analyse(mods, &labelledFile{Module: modVersion, File: file})
		if err != nil {
			return err
		}
		for _, c := range r.Unlabelled {
			fmt.Fprintln(w, candidateRow(r, c))
		}
	}
	return nil
}

func printUnjudged(w io.Writer, s *score) {
	ids := make([]string, 0, len(s.Rules))
	for id := range s.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		for _, j := range s.Rules[id].Unjudged {
			fmt.Fprintf(w, "%s\t?\t%s\n", j.key(), j.Why)
		}
	}
}
