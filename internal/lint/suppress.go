// suppress.go: suppression comments, in the manner of nolint. In YAML
//
//	'499':  # httpcode-lsp-ignore unknown-status-code
//
// and in Go
//
//	//httpcode-lsp:ignore use-status-constant,unknown-status-code
//	w.WriteHeader(499)
//
// A comment on a finding's first line, or alone on the line before it,
// silences the rules it lists (comma-separated, right after the marker);
// one that lists none silences every rule on that line.

package lint

import (
	"bytes"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

const (
	yamlIgnoreMarker = "httpcode-lsp-ignore"
	goIgnoreMarker   = "httpcode-lsp:ignore"
)

// ignore is one suppression comment.
type ignore struct {
	// all tells that no rule was named: every rule is silenced.
	all bool
	ids []string
	// alone tells that the comment is the only thing on its line, so it
	// applies to the next line as well.
	alone bool
}

func (ig ignore) matches(id string) bool {
	if ig.all {
		return true
	}
	for _, x := range ig.ids {
		if x == id {
			return true
		}
	}
	return false
}

// ignoreSet holds the suppression comments of a file by 0-based line, and
// where each line starts.
type ignoreSet struct {
	byLine map[int]ignore
	lines  lines.Table
}

func (s ignoreSet) silenced(f Finding) bool {
	if len(s.byLine) == 0 {
		return false
	}
	line := s.lines.Of(f.Start)
	if ig, ok := s.byLine[line]; ok && ig.matches(f.RuleID) {
		return true
	}
	if ig, ok := s.byLine[line-1]; ok && ig.alone && ig.matches(f.RuleID) {
		return true
	}
	return false
}

func suppress(fs []Finding, src []byte, set ignoreSet) []Finding {
	if len(set.byLine) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if !set.silenced(f) {
			out = append(out, f)
		}
	}
	return out
}

// yamlIgnores finds `# httpcode-lsp-ignore` comments.
func yamlIgnores(src []byte) ignoreSet {
	return scanIgnores(src, yamlIgnoreMarker, func(line []byte, at int) (int, bool) {
		// The marker follows '#' (and blanks) that starts the line or
		// follows a blank: a YAML comment.
		i := at - 1
		for i >= 0 && (line[i] == ' ' || line[i] == '\t') {
			i--
		}
		if i < 0 || line[i] != '#' {
			return 0, false
		}
		if i > 0 && line[i-1] != ' ' && line[i-1] != '\t' {
			return 0, false
		}
		return i, true
	})
}

// goIgnores finds `//httpcode-lsp:ignore` comments.
func goIgnores(src []byte) ignoreSet {
	return scanIgnores(src, goIgnoreMarker, func(line []byte, at int) (int, bool) {
		i := at - 1
		for i >= 0 && line[i] == ' ' {
			i-- // "// httpcode-lsp:ignore" is accepted too
		}
		if i < 1 || line[i] != '/' || line[i-1] != '/' {
			return 0, false
		}
		return i - 1, true
	})
}

// scanIgnores finds the lines holding marker where comment(line, at)
// confirms it stands in a comment starting at the offset it returns.
func scanIgnores(src []byte, marker string, comment func(line []byte, at int) (int, bool)) ignoreSet {
	if !bytes.Contains(src, []byte(marker)) {
		// Most files have none: this costs one fast search, where the
		// line index would cost a loop over every byte.
		return ignoreSet{}
	}
	set := ignoreSet{lines: lines.New(src), byLine: map[int]ignore{}}
	for n := range set.lines.Count() {
		line := src[set.lines.Start(n):set.lines.End(src, n)]
		at := bytes.Index(line, []byte(marker))
		if at < 0 {
			continue
		}
		cstart, ok := comment(line, at)
		if !ok {
			continue
		}
		rest := line[at+len(marker):]
		if len(rest) > 0 && rest[0] != ' ' && rest[0] != '\t' {
			continue // httpcode-lsp-ignored, or another word
		}
		ig := ignore{alone: len(bytes.TrimSpace(line[:cstart])) == 0}
		if fields := strings.Fields(string(rest)); len(fields) > 0 && isIDList(fields[0]) {
			for _, id := range strings.Split(fields[0], ",") {
				if id != "" {
					ig.ids = append(ig.ids, id)
				}
			}
		}
		ig.all = len(ig.ids) == 0
		set.byLine[n] = ig
	}
	return set
}

// isIDList reports whether s looks like rule IDs: lower-case words joined
// by dashes, separated by commas.
func isIDList(s string) bool {
	if s == "" || !strings.Contains(s, "-") {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == ',') {
			return false
		}
	}
	return true
}
