// labels.go: reading the labelled positions and the judged findings.

package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// label is one hand-labelled position.
type label struct {
	Module string // module@version
	File   string // slash path inside the module
	Line   int    // 1-based
	Col    int    // 1-based byte column
	Text   string
	Status bool
	// Role is send, observe, lookup or define for a status; "" otherwise.
	Role     string
	Boundary bool
	Note     string
	// Offset is resolved against the file's text when it is loaded.
	Offset int
}

var roles = map[string]bool{"send": true, "observe": true, "lookup": true, "define": true}

// labelColumns is the header line a label file starts with.
const labelColumns = "module\tfile\tline\tcol\ttext\tverdict\trole\tboundary\tnote"

// readLabels reads one label file: a header of '#' lines and the column
// line, then one label a line.
func readLabels(path string) ([]label, error) {
	var out []label
	err := eachRow(path, labelColumns, 9, func(lineNo int, f []string) error {
		l := label{Module: f[0], File: f[1], Text: f[4], Role: f[6], Note: f[8]}
		var err error
		if l.Line, l.Col, err = lineCol(f[2], f[3]); err != nil {
			return err
		}
		switch f[5] {
		case "status":
			l.Status = true
			if !roles[l.Role] {
				return fmt.Errorf("role %q: want send, observe, lookup or define", l.Role)
			}
		case "not-status":
			if l.Role != "-" {
				return fmt.Errorf("a not-status label has role %q, want -", l.Role)
			}
			l.Role = ""
		default:
			return fmt.Errorf("verdict %q: want status or not-status", f[5])
		}
		switch f[7] {
		case "yes":
			l.Boundary = true
		case "no":
		default:
			return fmt.Errorf("boundary %q: want yes or no", f[7])
		}
		if l.Boundary && !l.Status {
			return fmt.Errorf("a not-status label cannot be a boundary")
		}
		out = append(out, l)
		return nil
	})
	return out, err
}

// judgement is the verdict on one finding of a rule.
type judgement struct {
	Module, File string
	Line, Col    int
	Rule         string
	True         bool
	Why          string
}

const findingColumns = "module\tfile\tline\tcol\trule\tverdict\twhy"

func (j judgement) key() string {
	return fmt.Sprintf("%s\t%s\t%d\t%d\t%s", j.Module, j.File, j.Line, j.Col, j.Rule)
}

// readJudgements reads findings.tsv, keyed by module, file, line, column
// and rule. A missing file is no judgement.
func readJudgements(path string) (map[string]judgement, error) {
	out := map[string]judgement{}
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return out, nil
	}
	err := eachRow(path, findingColumns, 7, func(_ int, f []string) error {
		j := judgement{Module: f[0], File: f[1], Rule: f[4], Why: f[6]}
		var err error
		if j.Line, j.Col, err = lineCol(f[2], f[3]); err != nil {
			return err
		}
		switch f[5] {
		case "true":
			j.True = true
		case "false":
		default:
			return fmt.Errorf("verdict %q: want true or false", f[5])
		}
		if _, dup := out[j.key()]; dup {
			return fmt.Errorf("judged twice")
		}
		out[j.key()] = j
		return nil
	})
	return out, err
}

// eachRow calls row for each data line of a tab-separated file whose
// first line that is not a '#' comment is header.
func eachRow(path, header string, n int, row func(int, []string) error) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	seenHeader := false
	for lineNo := 1; sc.Scan(); lineNo++ {
		text := sc.Text()
		if strings.HasPrefix(text, "#") || strings.TrimSpace(text) == "" {
			continue
		}
		if !seenHeader {
			if text != header {
				return fmt.Errorf("%s:%d: the column line is %q, want %q", path, lineNo, text, header)
			}
			seenHeader = true
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != n {
			return fmt.Errorf("%s:%d: %d columns, want %d", path, lineNo, len(f), n)
		}
		if err := row(lineNo, f); err != nil {
			return fmt.Errorf("%s:%d: %w", path, lineNo, err)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if !seenHeader {
		return fmt.Errorf("%s: no column line %q", path, header)
	}
	return nil
}

func lineCol(line, col string) (int, int, error) {
	l, err1 := strconv.Atoi(line)
	c, err2 := strconv.Atoi(col)
	if err1 != nil || err2 != nil || l < 1 || c < 1 {
		return 0, 0, fmt.Errorf("line %q, column %q: want positive numbers", line, col)
	}
	return l, c, nil
}

// labelSet is the labels of one set (dev or held-out), by module and file.
type labelSet struct {
	Name  string
	Files []*labelledFile
}

type labelledFile struct {
	Module, File string
	Labels       []label
}

// readSet reads every .tsv file of dir.
func readSet(name, dir string) (*labelSet, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		return nil, err
	}
	byKey := map[string]*labelledFile{}
	set := &labelSet{Name: name}
	for _, p := range paths {
		ls, err := readLabels(p)
		if err != nil {
			return nil, err
		}
		for _, l := range ls {
			k := l.Module + "\t" + l.File
			lf := byKey[k]
			if lf == nil {
				lf = &labelledFile{Module: l.Module, File: l.File}
				byKey[k] = lf
				set.Files = append(set.Files, lf)
			}
			lf.Labels = append(lf.Labels, l)
		}
	}
	sort.Slice(set.Files, func(i, j int) bool {
		a, b := set.Files[i], set.Files[j]
		if a.Module != b.Module {
			return a.Module < b.Module
		}
		return a.File < b.File
	})
	return set, nil
}
