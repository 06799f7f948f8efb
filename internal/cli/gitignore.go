// gitignore.go defines ignoreFile: the patterns of one .gitignore file (or
// of --exclude) and whether they ignore a path.
//
// The matcher follows gitignore(5) for what repositories use: blank lines
// and # comments, trailing spaces, `!` negation (the last matching
// pattern wins, a deeper file over a shallower one), `dir/` for
// directories only, a leading or inner `/` anchoring the pattern to the
// file's directory, `*`, `?`, `[a-z]`, `[!a]`, `**/`, `/**` and `/**/`, and
// backslash escapes. As in git, a file inside an ignored directory cannot
// be re-included: the walk never enters that directory.

package cli

import (
	"bufio"
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
)

// ignoreFile holds the patterns read from one file.
type ignoreFile struct {
	// dir is the absolute directory the patterns are relative to.
	dir   string
	rules []ignoreRule
}

type ignoreRule struct {
	re      *regexp.Regexp
	negate  bool
	dirOnly bool
	// base is set for a pattern without a slash, which matches the last
	// name of a path at any depth: re is matched against that name alone.
	base bool
}

// parseIgnore reads gitignore patterns relative to dir. Patterns that
// cannot be read as globs are dropped, as git drops them.
func parseIgnore(dir string, data []byte) *ignoreFile {
	f := &ignoreFile{dir: dir}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if r, ok := parsePattern(sc.Text()); ok {
			f.rules = append(f.rules, r)
		}
	}
	return f
}

func parsePattern(line string) (ignoreRule, bool) {
	line = strings.TrimSuffix(line, "\r")
	if line == "" || line[0] == '#' {
		return ignoreRule{}, false
	}
	// Trailing spaces are dropped unless escaped with a backslash.
	for strings.HasSuffix(line, " ") && !strings.HasSuffix(line, `\ `) {
		line = line[:len(line)-1]
	}
	var r ignoreRule
	if line[0] == '!' {
		r.negate, line = true, line[1:]
	}
	if strings.HasSuffix(line, "/") {
		r.dirOnly, line = true, strings.TrimRight(line, "/")
	}
	if line == "" {
		return ignoreRule{}, false
	}
	// A slash at the start or in the middle anchors the pattern to the
	// file's directory; otherwise it matches a name at any depth.
	r.base = !strings.Contains(line, "/")
	line = strings.TrimPrefix(line, "/")
	expr, ok := globRegexp(line)
	if !ok {
		return ignoreRule{}, false
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return ignoreRule{}, false
	}
	r.re = re
	return r, true
}

// globRegexp translates a gitignore glob, matched against a slash-separated
// path relative to the pattern's directory, to an anchored regexp; false
// for a glob with an unclosed bracket, which matches nothing in git.
func globRegexp(p string) (string, bool) {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(p); {
		atSegmentStart := i == 0 || p[i-1] == '/'
		switch c := p[i]; {
		case atSegmentStart && strings.HasPrefix(p[i:], "**/"):
			b.WriteString("(?:.*/)?") // zero or more directories
			i += 3
		case atSegmentStart && p[i:] == "**":
			b.WriteString(".*") // everything inside
			i += 2
		case c == '*':
			for i < len(p) && p[i] == '*' {
				i++
			}
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
			i++
		case c == '[':
			class, n := globClass(p[i:])
			if n == 0 {
				return "", false
			}
			b.WriteString(class)
			i += n
		case c == '\\' && i+1 < len(p):
			b.WriteString(regexp.QuoteMeta(p[i+1 : i+2]))
			i += 2
		default:
			b.WriteString(regexp.QuoteMeta(p[i : i+1]))
			i++
		}
	}
	b.WriteString("$")
	return b.String(), true
}

// globClass translates the bracket expression at the start of p, returning
// the regexp class and the bytes consumed; 0 when the bracket is not
// closed. A class never matches "/".
func globClass(p string) (string, int) {
	i := 1
	var b strings.Builder
	b.WriteString("[")
	if i < len(p) && (p[i] == '!' || p[i] == '^') {
		b.WriteString("^/")
		i++
	}
	for first := true; i < len(p); first = false {
		c := p[i]
		switch {
		case c == ']' && !first:
			b.WriteString("]")
			return b.String(), i + 1
		case c == '[' && strings.HasPrefix(p[i:], "[:"):
			end := strings.Index(p[i+2:], ":]")
			if end < 0 {
				return "", 0
			}
			b.WriteString(p[i : i+2+end+2])
			i += 2 + end + 2
		case c == '\\' && i+1 < len(p):
			b.WriteString(regexp.QuoteMeta(p[i+1 : i+2]))
			i += 2
		case c == '-':
			b.WriteString("-")
			i++
		default:
			b.WriteString(regexp.QuoteMeta(p[i : i+1]))
			i++
		}
	}
	return "", 0
}

// match tells whether the file's patterns decide about path (absolute),
// and how: ignored or re-included by a negation.
func (f *ignoreFile) match(path string, isDir bool) (ignored, decided bool) {
	rel, err := filepath.Rel(f.dir, path)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false, false
	}
	rel = filepath.ToSlash(rel)
	name := rel[strings.LastIndexByte(rel, '/')+1:]
	// The last pattern that matches decides.
	for i := len(f.rules) - 1; i >= 0; i-- {
		r := &f.rules[i]
		if r.dirOnly && !isDir {
			continue
		}
		subject := rel
		if r.base {
			subject = name
		}
		if r.re.MatchString(subject) {
			return !r.negate, true
		}
	}
	return false, false
}

// ignoredBy applies the files in order, outermost first: a later file's
// decision overrides an earlier one's.
func ignoredBy(files []*ignoreFile, path string, isDir bool) bool {
	ignored := false
	for _, f := range files {
		if ig, ok := f.match(path, isDir); ok {
			ignored = ig
		}
	}
	return ignored
}
