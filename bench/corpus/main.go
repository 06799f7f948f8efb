package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/httpcode-lsp/httpcode-lsp/bench/internal/proc"
)

func main() {
	dir := flag.String("dir", "", "the directory of documents (required)")
	bin := flag.String("bin", "", "the httpcode-lsp binary, for the whole-directory run and crashes")
	jobs := flag.Int("j", 1, "check's -j in the whole-directory run")
	runs := flag.Int("runs", 3, "timed runs of each document (three times as many under 256 kB)")
	only := flag.String("only", "", "check only the documents whose path contains this")
	details := flag.String("details", "", "write one tab-separated line per document here")
	flag.Parse()
	if *dir == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*dir, *bin, *jobs, *runs, *only, *details); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

func run(dir, bin string, jobs, runs int, only, details string) error {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if bin != "" {
		if bin, err = filepath.Abs(bin); err != nil {
			return err
		}
	}
	paths, err := listDocs(dir)
	if err != nil {
		return err
	}
	if only != "" {
		kept := paths[:0]
		for _, p := range paths {
			if strings.Contains(p, only) {
				kept = append(kept, p)
			}
		}
		paths = kept
	}
	if len(paths) == 0 {
		return fmt.Errorf("no documents under %s", dir)
	}
	// check runs in an empty directory: no configuration file is read.
	work, err := os.MkdirTemp("", "corpus")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	docs := make([]*doc, len(paths))
	for i, p := range paths {
		rel, _ := filepath.Rel(dir, p)
		docs[i] = &doc{rel: filepath.ToSlash(rel)}
	}
	s := &summary{docs: docs, jobs: jobs}
	if bin != "" {
		args := []string{"check", "--format", "json", "--fail-on", "none", "-j", strconv.Itoa(jobs), "--no-gitignore"}
		if only != "" {
			args = append(args, paths...)
		} else {
			args = append(args, dir)
		}
		fmt.Fprintf(os.Stderr, "corpus: one check process over %d documents\n", len(paths))
		code, _, errOut, wall, rss, err := runCheck(bin, work, args)
		if err != nil {
			return err
		}
		s.whole, s.wholeRSS = wall, rss
		if code != 0 {
			fmt.Fprintf(os.Stderr, "corpus: it exited %d (%s); checking each document in a process of its own\n", code, firstLine(errOut))
			s.whole = 0
			for i, p := range paths {
				code, _, errOut, _, _, err := runCheck(bin, work, []string{"check", "--format", "json", "--fail-on", "none", "-j", "1", p})
				if err != nil {
					return err
				}
				if code != 0 {
					docs[i].crash = fmt.Sprintf("exit %d: %s", code, firstLine(errOut))
					fmt.Fprintf(os.Stderr, "corpus: %s: %s\n", docs[i].rel, docs[i].crash)
				}
			}
		}
	}

	t0 := time.Now()
	for i, p := range paths {
		d := docs[i]
		if i%100 == 0 {
			fmt.Fprintf(os.Stderr, "corpus: %d/%d documents, %s\n", i, len(paths), time.Since(t0).Round(time.Second))
		}
		if d.crash != "" {
			continue // it would take this process down too
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		d.size = len(src)
		d.ops = operations(src)
		d.record(checkInProcess(p, work))
		d.timeDoc(p, work, src, runs)
	}

	if details != "" {
		var b bytes.Buffer
		b.WriteString("document\tbytes\toperations\tcheck_ms\tyaml_ms\tratio\tfindings\tsyntax_errors\tcrash\n")
		for _, d := range docs {
			n := 0
			for _, c := range d.rules {
				n += c
			}
			fmt.Fprintf(&b, "%s\t%d\t%d\t%.2f\t%.2f\t%.2f\t%d\t%d\t%s\n", d.rel, d.size, d.ops,
				float64(d.check)/1e6, float64(d.yaml)/1e6, d.ratio(), n, len(d.syntax), d.crash)
		}
		if err := os.WriteFile(details, b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	s.write(os.Stdout)
	return nil
}

// runCheck runs the binary in work and returns its exit status (-1 when
// its output is not JSON), output, wall time and peak RSS.
func runCheck(bin, work string, args []string) (int, []byte, []byte, time.Duration, int64, error) {
	cmd := exec.Command(bin, args...)
	cmd.Dir = work
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	wall, rss, err := proc.Run(cmd)
	if err != nil {
		return 0, nil, nil, 0, 0, err
	}
	code := cmd.ProcessState.ExitCode()
	if code == 0 && !json.Valid(out.Bytes()) {
		code = -1
		errOut.WriteString("output is not JSON")
	}
	return code, out.Bytes(), errOut.Bytes(), wall, rss, nil
}

func firstLine(b []byte) string {
	line, _, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
	return line
}
