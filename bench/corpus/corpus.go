// corpus.go: what is measured of one document (its operations, its
// findings, the time check and yaml.v3 take) and the summary of them all.

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/httpcode-lsp/httpcode-lsp/internal/cli"
)

// doc is what the corpus run learned of one document.
type doc struct {
	rel  string // path under the corpus directory, slash-separated
	size int
	ops  int
	// crash is set when check failed on the document: its exit status
	// and the first line of its error output.
	crash string
	// syntax holds the messages of its syntax-error findings.
	syntax []string
	rules  map[string]int
	// yaml and check are the best of the timed runs of a yaml.v3 parse
	// and of check in this process; yamlErr is yaml.v3's error, if any.
	yaml, check time.Duration
	yamlErr     string
}

func (d *doc) ratio() float64 {
	if d.yaml <= 0 {
		return 0
	}
	return float64(d.check) / float64(d.yaml)
}

// listDocs returns the .json, .yaml and .yml files under dir, sorted.
func listDocs(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".json", ".yaml", ".yml":
			if !e.IsDir() {
				out = append(out, p)
			}
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

var methods = map[string]bool{"get": true, "put": true, "post": true, "delete": true, "options": true, "head": true, "patch": true, "trace": true}

// operations counts the operations of an OpenAPI or Swagger document:
// the methods of its path items.
func operations(src []byte) int {
	var n yaml.Node
	if err := yaml.Unmarshal(src, &n); err != nil || len(n.Content) == 0 {
		return 0
	}
	paths := member(n.Content[0], "paths")
	if paths == nil || paths.Kind != yaml.MappingNode {
		return 0
	}
	ops := 0
	for i := 1; i < len(paths.Content); i += 2 {
		item := paths.Content[i]
		if item.Kind != yaml.MappingNode {
			continue
		}
		for j := 0; j+1 < len(item.Content); j += 2 {
			if methods[item.Content[j].Value] {
				ops++
			}
		}
	}
	return ops
}

func member(m *yaml.Node, key string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// jsonFinding is the part of check's JSON output the corpus reads.
type jsonFinding struct {
	Path    string `json:"path"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
}

// checkInProcess runs check on path in this process, as the binary would
// (JSON output, one job, no configuration file: work is an empty
// directory), and returns its exit status and output.
func checkInProcess(path, work string) (int, []byte, []byte) {
	var out, errOut bytes.Buffer
	code := cli.Main([]string{"check", "--format", "json", "--fail-on", "none", "-j", "1", "--no-gitignore", path},
		cli.Env{Stdout: &out, Stderr: &errOut, Dir: work}, cli.Server{})
	return code, out.Bytes(), errOut.Bytes()
}

// record adds check's output on the document to d.
func (d *doc) record(code int, out, errOut []byte) {
	if code != cli.ExitOK {
		line, _, _ := strings.Cut(strings.TrimSpace(string(errOut)), "\n")
		d.crash = fmt.Sprintf("exit %d: %s", code, line)
	}
	var fs []jsonFinding
	if err := json.Unmarshal(out, &fs); err != nil && d.crash == "" {
		d.crash = "output is not JSON: " + err.Error()
	}
	d.addFindings(fs)
}

func (d *doc) addFindings(fs []jsonFinding) {
	if d.rules == nil {
		d.rules = map[string]int{}
	}
	for _, f := range fs {
		d.rules[f.Rule]++
		if f.Rule == "syntax-error" {
			d.syntax = append(d.syntax, f.Message)
		}
	}
}

// timeDoc sets d.yaml and d.check to the best of runs alternated runs of
// each (more for small documents, whose times are short and noisy). Each
// timed run follows a collection, so that it does not pay for the
// garbage of the one before; for a small document, an untimed run of the
// same work comes in between. A small document's run is tens of
// microseconds, and right after a collection it paid for the pages the
// collector had just returned to the system, more the larger the heap
// the process had held before: a check of a 0.5 kB document went from
// 0.10 ms after the first document to 0.29 ms after 900 others (its
// yaml.v3 parse from 0.03 to 0.06 ms), and with the run in between it
// stays at 0.06 ms (0.02–0.03 ms).
func (d *doc) timeDoc(path, work string, src []byte, runs int) {
	small := d.size < 256<<10
	if small {
		runs *= 3
	}
	parse := func() error {
		var n yaml.Node
		return yaml.Unmarshal(src, &n)
	}
	check := func() error {
		checkInProcess(path, work)
		return nil
	}
	timed := func(f func() error) (time.Duration, error) {
		runtime.GC()
		if small {
			f()
		}
		t0 := time.Now()
		err := f()
		return time.Since(t0), err
	}
	for range runs {
		y, err := timed(parse)
		if err != nil {
			d.yamlErr = err.Error()
		}
		c, _ := timed(check)
		if d.yaml == 0 || y < d.yaml {
			d.yaml = y
		}
		if d.check == 0 || c < d.check {
			d.check = c
		}
	}
}

// summary is the Markdown report of a corpus run.
type summary struct {
	docs []*doc
	// whole is the wall time and peak RSS of one check process over the
	// whole directory; zero when not measured.
	whole    time.Duration
	wholeRSS int64
	jobs     int
}

func (s *summary) write(w io.Writer) {
	var bytes, ops int
	var sumYAML, sumCheck time.Duration
	var crashes, syntax, yamlErrs []*doc
	rules := map[string]int{}
	filesWith := map[string]int{}
	for _, d := range s.docs {
		bytes += d.size
		ops += d.ops
		sumYAML += d.yaml
		sumCheck += d.check
		if d.crash != "" {
			crashes = append(crashes, d)
		}
		if len(d.syntax) > 0 {
			syntax = append(syntax, d)
		}
		if d.yamlErr != "" {
			yamlErrs = append(yamlErrs, d)
		}
		for r, n := range d.rules {
			rules[r] += n
			filesWith[r]++
		}
	}
	fmt.Fprintf(w, "%d documents, %.1f MB, %d operations\n\n", len(s.docs), float64(bytes)/1e6, ops)
	goal := func(ok bool) string {
		if ok {
			return "met"
		}
		return "NOT MET"
	}

	fmt.Fprintf(w, "- crashes: %d (goal 0: %s)\n", len(crashes), goal(len(crashes) == 0))
	for _, d := range crashes {
		fmt.Fprintf(w, "  - %s: %s\n", d.rel, d.crash)
	}
	fmt.Fprintf(w, "- documents with syntax errors: %d (goal 0: %s)\n", len(syntax), goal(len(syntax) == 0))
	for _, d := range syntax {
		fmt.Fprintf(w, "  - %s (%s): %s\n", d.rel, kB(d.size), d.syntax[0])
	}
	if len(yamlErrs) > 0 {
		fmt.Fprintf(w, "- yaml.v3 fails to parse %d (their baseline is the time to the error):", len(yamlErrs))
		for i, d := range yamlErrs {
			if i == 10 {
				fmt.Fprintf(w, " …")
				break
			}
			fmt.Fprintf(w, " %s", d.rel)
		}
		fmt.Fprintln(w)
	}

	byRatio := append([]*doc(nil), s.docs...)
	sort.SliceStable(byRatio, func(i, j int) bool { return byRatio[i].ratio() > byRatio[j].ratio() })
	if len(byRatio) > 0 && byRatio[0].yaml > 0 {
		d := byRatio[0]
		fmt.Fprintf(w, "- slowest against its own yaml.v3 parse: %s, %.2f× (check %s, yaml.v3 %s, %s) (goal ≤ 3×: %s)\n",
			d.rel, d.ratio(), ms(d.check), ms(d.yaml), kB(d.size), goal(d.ratio() <= 3))
		over := 0
		for _, d := range byRatio {
			if d.ratio() > 3 {
				over++
			}
		}
		fmt.Fprintf(w, "  - documents over 3×: %d; the next slowest:", over)
		for _, d := range byRatio[1:min(6, len(byRatio))] {
			fmt.Fprintf(w, " %s %.2f× (%s);", d.rel, d.ratio(), kB(d.size))
		}
		fmt.Fprintln(w)
		// Below some tens of kilobytes a parse takes tens of
		// microseconds, and check's fixed cost per call (flags, the
		// configuration looked up, the file read, the rules set up)
		// weighs more than the document does.
		for _, d := range byRatio {
			if d.size >= bigDoc && d.yamlErr == "" {
				fmt.Fprintf(w, "  - slowest of %d kB or more: %s, %.2f× (check %s, yaml.v3 %s, %s)\n",
					bigDoc>>10, d.rel, d.ratio(), ms(d.check), ms(d.yaml), kB(d.size))
				break
			}
		}
	}
	if sumYAML > 0 {
		fmt.Fprintf(w, "- summed over the documents, in this process (best of the runs of each): check %s, yaml.v3 %s: %.2f×\n",
			sec(sumCheck), sec(sumYAML), float64(sumCheck)/float64(sumYAML))
	}
	if s.whole > 0 && sumYAML > 0 {
		r := float64(s.whole) / float64(sumYAML)
		fmt.Fprintf(w, "- the whole directory, one `check -j %d` process: %s wall, %d MB peak RSS, %.2f× the summed yaml.v3 parse (goal ≤ 1.5×: %s)\n",
			s.jobs, sec(s.whole), s.wholeRSS>>20, r, goal(r <= 1.5))
	}

	fmt.Fprintf(w, "\n| rule | findings | per operation | documents |\n|---|---|---|---|\n")
	names := make([]string, 0, len(rules))
	for r := range rules {
		names = append(names, r)
	}
	sort.Slice(names, func(i, j int) bool {
		if rules[names[i]] != rules[names[j]] {
			return rules[names[i]] > rules[names[j]]
		}
		return names[i] < names[j]
	})
	for _, r := range names {
		per := 0.0
		if ops > 0 {
			per = float64(rules[r]) / float64(ops)
		}
		fmt.Fprintf(w, "| %s | %d | %.3f | %d |\n", r, rules[r], per, filesWith[r])
	}
}

// bigDoc is the size from which the summary names the slowest document
// again.
const bigDoc = 64 << 10

func kB(n int) string { return fmt.Sprintf("%.1f kB", float64(n)/1024) }

func ms(d time.Duration) string  { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }
func sec(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }
