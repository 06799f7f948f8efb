// fix.go applies the safe quick fixes of a file (--fix, --diff) and
// writes the result in place.

package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"syscall"

	"github.com/httpcode-lsp/httpcode-lsp/internal/analysis"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
	"github.com/httpcode-lsp/httpcode-lsp/internal/regfile"
)

// maxFixPasses bounds the re-analysis after fixing: a fix left out because
// it clashed with another is applied by the next pass, and the result is
// what a second --fix would leave unchanged.
const maxFixPasses = 8

// fixFile applies every safe fix of findings to src, re-analysing with
// analyse until no safe fix is left. It returns the fixed text (nil when
// nothing changed), its findings, and how many findings of each rule went
// away.
func fixFile(src []byte, findings []lint.Finding, analyse func([]byte) *analysis.File) ([]byte, []lint.Finding, map[string]int) {
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
		cur, curFindings = next, analyse(next).Findings()
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

// errChanged is writeInPlace's error for a file changed since it was read.
var errChanged = errors.New("changed since it was read, so its fixes are not written")

// beforeWrite, when tests set it, runs between the read of a file and the
// write of its fixes: where another program's write must be noticed.
var beforeWrite func(path string)

// writeInPlace replaces the text of the file at path, read as old with
// info, by data. As gofmt -w does, it writes through the path into the
// same file: hard links see the new text; owner, mode (setgid included)
// and ACLs stay; the kernel checks write permission, so a read-only file
// fails with "permission denied" (for anyone but root); and no temporary
// file is made that a kill could leave behind.
//
// A file that changed since it was read is left alone (errChanged): one
// replaced by another (an editor saving by rename), one with another size
// or time, or one whose text differs. The last check is made on the
// descriptor written to, just before the write; a program writing in the
// microseconds between the two is the window that no check without a
// lock shared with that program can close.
func writeInPlace(path string, old, data []byte, info fs.FileInfo) error {
	if beforeWrite != nil {
		beforeWrite(path)
	}
	// O_NONBLOCK: should path have become a FIFO, the open must not wait
	// for a reader.
	f, err := os.OpenFile(path, os.O_RDWR|syscall.O_NONBLOCK, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	now, err := f.Stat()
	if err != nil {
		return err
	}
	if !os.SameFile(now, info) || !now.ModTime().Equal(info.ModTime()) || now.Size() != info.Size() {
		return errChanged
	}
	cur, err := regfile.ReadAll(f, now, int64(len(old)))
	if err != nil || !bytes.Equal(cur, old) {
		return errChanged
	}
	if _, err := f.WriteAt(data, 0); err != nil {
		// A write that extends the file can fail half-way (the disk is
		// full); the old text, which fitted, is put back.
		if _, werr := f.WriteAt(old, 0); werr == nil {
			_ = f.Truncate(int64(len(old)))
		}
		return err
	}
	if err := f.Truncate(int64(len(data))); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	return f.Close()
}

// reportFixes says on stderr what --fix changed, one line per file:
// "fixed api.yaml: 3 findings (unquoted-status-code ×2, missing-header)",
// and which files it left alone though they have fixes: "not fixed
// api.yaml: changed since it was read, ...".
func reportFixes(env Env, results []fileResult) {
	for _, r := range results {
		if r.notFixed != "" {
			fmt.Fprintf(env.Stderr, "not fixed %s: %s\n", quoteName(r.display), r.notFixed)
		}
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
			fmt.Fprintf(env.Stderr, "fixed %s\n", quoteName(r.display))
			continue
		}
		fmt.Fprintf(env.Stderr, "fixed %s: %d %s (%s)\n", quoteName(r.display), total, noun, strings.Join(parts, ", "))
	}
}
