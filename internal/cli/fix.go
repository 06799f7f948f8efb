// fix.go applies the safe quick fixes of a file (--fix, --diff) and
// writes the result atomically.

package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/analysis"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

// maxFixPasses bounds the re-analysis after fixing: a fix left out because
// it clashed with another is applied by the next pass, and the result is
// what a second --fix would leave unchanged.
const maxFixPasses = 8

// fixFile applies every safe fix of findings to src, re-analysing until no
// safe fix is left. It returns the fixed text (nil when nothing changed),
// its findings, and how many findings of each rule went away.
func fixFile(lang analysis.Language, src []byte, findings []lint.Finding, settings analysis.Settings) ([]byte, []lint.Finding, map[string]int) {
	cur, curFindings := src, findings
	for pass := 0; pass < maxFixPasses; pass++ {
		edits := lint.FixAll(curFindings)
		if len(edits) == 0 {
			break
		}
		next, err := lint.Apply(cur, edits)
		if err != nil || bytes.Equal(next, cur) {
			break // FixAll's edits always apply; nothing to do if not
		}
		cur, curFindings = next, analysis.New(lang, next, settings).Findings()
	}
	if bytes.Equal(cur, src) {
		return nil, findings, nil
	}
	counts := map[string]int{}
	for _, f := range findings {
		counts[f.RuleID]++
	}
	for _, f := range curFindings {
		counts[f.RuleID]--
	}
	for id, n := range counts {
		if n <= 0 {
			delete(counts, id)
		}
	}
	return cur, curFindings, counts
}

// writeAtomic replaces the file at path (a link is followed) with data:
// written to a temporary file in the same directory, synced, given the
// old file's mode, then renamed over it, so that a reader sees the old
// text or the new one, never a part. before is the file's state when it
// was read; a file changed since is left alone.
func writeAtomic(path string, data []byte, before fs.FileInfo) (err error) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	now, err := os.Stat(real)
	if err != nil {
		return err
	}
	if !now.ModTime().Equal(before.ModTime()) || now.Size() != before.Size() {
		return errors.New("changed while being fixed; not written")
	}
	tmp, err := os.CreateTemp(filepath.Dir(real), "."+filepath.Base(real)+".httpcode-lsp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(now.Mode().Perm()); err != nil {
		return err
	}
	keepOwner(tmp, now)
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), real)
}

// reportFixes says on stderr what --fix changed, one line per file:
// "fixed api.yaml: 3 findings (unquoted-status-code ×2, missing-header)".
func reportFixes(env Env, results []fileResult) {
	for _, r := range results {
		if r.after == nil || r.err != nil {
			continue
		}
		ids := make([]string, 0, len(r.fixed))
		total := 0
		for id, n := range r.fixed {
			ids = append(ids, id)
			total += n
		}
		sort.Strings(ids)
		parts := make([]string, len(ids))
		for i, id := range ids {
			parts[i] = id
			if n := r.fixed[id]; n > 1 {
				parts[i] += fmt.Sprintf(" ×%d", n)
			}
		}
		noun := "findings"
		if total == 1 {
			noun = "finding"
		}
		if total == 0 {
			// The text changed but the findings did not go away
			// one for one (a fix can make another finding appear).
			fmt.Fprintf(env.Stderr, "fixed %s\n", r.display)
			continue
		}
		fmt.Fprintf(env.Stderr, "fixed %s: %d %s (%s)\n", r.display, total, noun, strings.Join(parts, ", "))
	}
}
