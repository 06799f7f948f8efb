// score.go: comparing what the analysis found in the labelled files with
// the labels and the judged findings.

package main

import (
	"fmt"
	"io"
	"sort"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

// occ is one occurrence the analysis reported.
type occ struct {
	Start, End int
	Role       string
}

// finding is one finding of a scored rule.
type finding struct {
	Rule      string
	Line, Col int
	Message   string
}

// fileResult is what one labelled file gave.
type fileResult struct {
	Module, File string
	// Path is the file on disk.
	Path  string
	Src   []byte
	Lines lines.Table
	// Labels have their Offset resolved.
	Labels   []label
	Occs     []occ
	Findings []finding
	// Unlabelled are the candidates no label is at.
	Unlabelled []candidate
	// Stdlib are the offsets of usestdlibvars' literal findings.
	Stdlib []int
}

// miss is a labelled status position no occurrence covers, or one whose
// role is wrong.
type miss struct {
	File  *fileResult
	Label label
	Got   string // the role found, for a wrong role
}

// stray is an occurrence at a position labelled not-status or not
// labelled at all.
type stray struct {
	File *fileResult
	Occ  occ
}

// ruleScore counts the judgements of one rule's findings.
type ruleScore struct {
	True, False int
	Unjudged    []judgement
}

// score is one set's figures.
type score struct {
	Set                       string
	Results                   []*fileResult
	Files, Labels             int
	Status, Hovered           int
	Boundary, BoundaryHovered int
	RoleRight                 int
	Occs                      int
	False                     []stray
	Unlabelled                []stray
	Misses, WrongRoles        []miss
	Rules                     map[string]*ruleScore
	UncoveredCandidates       int
	Stdlib, StdlibHovered     int
	StdlibMisses              []stray
}

// scoreSet scores the results of one set against the judgements; others,
// the unlabelled files of the labelled files' packages, count for
// usestdlibvars only.
func scoreSet(name string, files, others []*fileResult, judged map[string]judgement) *score {
	s := &score{Set: name, Results: files, Files: len(files), Rules: map[string]*ruleScore{}}
	for _, f := range files {
		s.Labels += len(f.Labels)
		s.UncoveredCandidates += len(f.Unlabelled)
		s.Occs += len(f.Occs)
		for _, l := range f.Labels {
			if !l.Status {
				continue
			}
			s.Status++
			if l.Boundary {
				s.Boundary++
			}
			o, ok := covering(f.Occs, l.Offset, l.Offset+len(l.Text))
			if !ok {
				s.Misses = append(s.Misses, miss{File: f, Label: l})
				continue
			}
			s.Hovered++
			if l.Boundary {
				s.BoundaryHovered++
			}
			if o.Role == l.Role {
				s.RoleRight++
			} else {
				s.WrongRoles = append(s.WrongRoles, miss{File: f, Label: l, Got: o.Role})
			}
		}
		for _, o := range f.Occs {
			l, ok := labelAt(f.Labels, o)
			switch {
			case !ok:
				s.Unlabelled = append(s.Unlabelled, stray{File: f, Occ: o})
			case !l.Status:
				s.False = append(s.False, stray{File: f, Occ: o})
			}
		}
		for _, fd := range f.Findings {
			r := s.Rules[fd.Rule]
			if r == nil {
				r = &ruleScore{}
				s.Rules[fd.Rule] = r
			}
			j := judgement{Module: f.Module, File: f.File, Line: fd.Line, Col: fd.Col, Rule: fd.Rule, Why: fd.Message}
			switch got, ok := judged[j.key()]; {
			case !ok:
				r.Unjudged = append(r.Unjudged, j)
			case got.True:
				r.True++
			default:
				r.False++
			}
		}
	}
	for _, f := range append(files[:len(files):len(files)], others...) {
		for _, off := range f.Stdlib {
			s.Stdlib++
			if _, ok := covering(f.Occs, off, off+1); ok {
				s.StdlibHovered++
			} else {
				s.StdlibMisses = append(s.StdlibMisses, stray{File: f, Occ: occ{Start: off, End: off + 1}})
			}
		}
	}
	return s
}

// covering returns an occurrence overlapping [start, end).
func covering(occs []occ, start, end int) (occ, bool) {
	for _, o := range occs {
		if o.Start < end && start < o.End {
			return o, true
		}
	}
	return occ{}, false
}

// labelAt returns the label an occurrence overlaps.
func labelAt(labels []label, o occ) (label, bool) {
	for _, l := range labels {
		if o.Start < l.Offset+len(l.Text) && l.Offset < o.End {
			return l, true
		}
	}
	return label{}, false
}

func percent(n, d int) string {
	if d == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f%% (%d/%d)", 100*float64(n)/float64(d), n, d)
}

// printScores writes the table of the sets and then each rule's precision.
func printScores(w io.Writer, scores []*score, stdlibRan bool) {
	fmt.Fprintln(w, "| set | files | labels | hover recall | class-boundary recall | false hovers | unlabelled hovers | role accuracy | usestdlibvars literals hovered (labelled files' packages) |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|")
	for _, s := range scores {
		stdlib := "not run"
		if stdlibRan {
			stdlib = percent(s.StdlibHovered, s.Stdlib)
		}
		fmt.Fprintf(w, "| %s | %d | %d | %s | %s | %s | %d | %s | %s |\n", s.Set, s.Files, s.Labels,
			percent(s.Hovered, s.Status), percent(s.BoundaryHovered, s.Boundary),
			percent(len(s.False), s.Occs), len(s.Unlabelled), percent(s.RoleRight, s.Hovered), stdlib)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| set | rule | precision | unjudged |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, s := range scores {
		ids := make([]string, 0, len(s.Rules))
		for id := range s.Rules {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			r := s.Rules[id]
			fmt.Fprintf(w, "| %s | %s | %s | %d |\n", s.Set, id, percent(r.True, r.True+r.False), len(r.Unjudged))
		}
	}
	for _, s := range scores {
		if s.UncoveredCandidates > 0 {
			fmt.Fprintf(w, "\n%s: %d candidate positions of the labelled files have no label (--list-unlabelled)\n", s.Set, s.UncoveredCandidates)
		}
	}
}

// printModules writes the figures of each module of the sets.
func printModules(w io.Writer, scores []*score, judged map[string]judgement) {
	fmt.Fprintln(w, "\n| set | module | labels | hover recall | class-boundary recall | false hovers | role accuracy |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, s := range scores {
		var mods []string
		byModule := map[string][]*fileResult{}
		for _, r := range s.Results {
			if byModule[r.Module] == nil {
				mods = append(mods, r.Module)
			}
			byModule[r.Module] = append(byModule[r.Module], r)
		}
		for _, m := range mods {
			ms := scoreSet(s.Set, byModule[m], nil, judged)
			fmt.Fprintf(w, "| %s | %s | %d | %s | %s | %s | %s |\n", s.Set, m, ms.Labels, percent(ms.Hovered, ms.Status),
				percent(ms.BoundaryHovered, ms.Boundary), percent(len(ms.False), ms.Occs), percent(ms.RoleRight, ms.Hovered))
		}
	}
}

// lineOf returns the 1-based line and byte column of off, and the line's
// text.
func (f *fileResult) lineOf(off int) (line, col int, text string) {
	l := f.Lines.Of(off)
	start := f.Lines.Start(l)
	return l + 1, off - start + 1, string(f.Src[start:f.Lines.End(f.Src, l)])
}

// offsetOf is lineOf's inverse: the offset of a 1-based line and byte
// column, false outside the line.
func (f *fileResult) offsetOf(line, col int) (int, bool) {
	if line < 1 || line > f.Lines.Count() {
		return 0, false
	}
	start := f.Lines.Start(line - 1)
	off := start + col - 1
	return off, off <= f.Lines.End(f.Src, line-1)
}
