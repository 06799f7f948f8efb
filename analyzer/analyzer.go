// Package analyzer runs the Go rules of httpcode-lsp as a go/analysis
// Analyzer, so that `go vet -vettool`, golangci-lint (as a module plugin,
// see analyzer/golangci) and any other driver of go/analysis report what
// the editor and `httpcode-lsp check` report on Go files: the same
// findings, messages, suppression comments and quick fixes (as suggested
// fixes).
package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

// Analyzer reports the findings of the default rules (Rules()). Its flag
// -rules chooses others.
var Analyzer = New(nil)

// Rules returns the IDs of the Go rules an Analyzer reports by default:
// those whose default severity is error or warning (a hint such as
// use-status-constant belongs in an editor, not in a vet run).
func Rules() []string {
	var out []string
	for _, r := range lint.Rules() {
		if r.Language()&lint.LanguageGo != 0 && (r.DefaultSeverity == lint.Error || r.DefaultSeverity == lint.Warning) {
			out = append(out, r.ID)
		}
	}
	return out
}

// AllRules returns the IDs of every Go rule.
func AllRules() []string {
	var out []string
	for _, r := range lint.Rules() {
		if r.Language()&lint.LanguageGo != 0 {
			out = append(out, r.ID)
		}
	}
	return out
}

// New returns an Analyzer that reports the rules with the IDs given, the
// default ones when rules is empty. An unknown ID makes its run fail.
func New(rules []string) *analysis.Analyzer {
	c := &config{rules: strings.Join(rules, ",")}
	a := &analysis.Analyzer{
		Name: "httpcode",
		Doc: "report HTTP status bugs of Go servers\n\n" +
			"httpcode runs the Go rules of httpcode-lsp: a status written twice on one path, a header set " +
			"after the status or body, WriteHeader after the body, a body after 204/304, a redirect with a " +
			"code that is not one, invalid, unknown and deprecated codes. Rules are documented at " + lint.DocsURL + ".",
		URL: lint.DocsURL,
		Run: c.run,
	}
	a.Flags.StringVar(&c.rules, "rules", c.rules,
		"comma-separated rule IDs to report, or \"all\" (default: "+strings.Join(Rules(), ",")+")")
	return a
}

type config struct{ rules string }

// CheckRules reports an ID that names no Go rule.
func CheckRules(ids []string) error {
	_, err := options(strings.Join(ids, ","))
	return err
}

// options turns every Go rule off but the chosen ones (a comma-separated
// list, "all", or "" for the defaults).
func options(rules string) (lint.Options, error) {
	chosen := Rules()
	switch s := strings.TrimSpace(rules); s {
	case "":
	case "all":
		chosen = AllRules()
	default:
		chosen = strings.Split(s, ",")
	}
	on := map[string]bool{}
	for _, id := range chosen {
		id = strings.TrimSpace(id)
		r, ok := lint.Lookup(id)
		if !ok || r.Language()&lint.LanguageGo == 0 {
			return lint.Options{}, fmt.Errorf("httpcode: -rules: %q is not a Go rule (Go rules: %s)", id, strings.Join(AllRules(), ", "))
		}
		on[id] = true
	}
	sev := map[string]lint.Severity{}
	for _, r := range lint.Rules() {
		if !on[r.ID] {
			sev[r.ID] = lint.Off
		}
	}
	return lint.Options{Severities: sev}, nil
}

func (c *config) run(pass *analysis.Pass) (any, error) {
	opts, err := options(c.rules)
	if err != nil {
		return nil, err
	}
	type file struct {
		ast *ast.File
		tf  *token.File
	}
	var (
		files []file
		srcs  []golang.Source
	)
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		src, err := readFile(pass, tf.Name())
		if err != nil || len(src) != tf.Size() {
			continue // not the text the positions are of (cgo)
		}
		files = append(files, file{f, tf})
		srcs = append(srcs, golang.Source{Path: tf.Name(), Src: src})
	}
	for i, f := range files {
		if ast.IsGenerated(f.ast) {
			continue
		}
		gf, syn := golang.ScanPackage(srcs, i)
		for _, fd := range lint.Go(srcs[i].Src, gf, syn, opts) {
			pass.Report(diagnostic(f.tf, fd))
		}
	}
	return nil, nil
}

// readFile reads a file of the package as the driver sees it, from disk
// where the driver gives no ReadFile (golangci-lint).
func readFile(pass *analysis.Pass, name string) ([]byte, error) {
	if pass.ReadFile != nil {
		return pass.ReadFile(name)
	}
	return os.ReadFile(name)
}

// diagnostic converts a finding, its related places and its fixes.
func diagnostic(tf *token.File, fd lint.Finding) analysis.Diagnostic {
	pos := func(off int) token.Pos { return tf.Pos(off) }
	d := analysis.Diagnostic{Pos: pos(fd.Start), End: pos(fd.End), Category: fd.RuleID,
		Message: fd.RuleID + ": " + fd.Message, URL: fd.URL()}
	for _, r := range fd.Related {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos(r.Start), End: pos(r.End), Message: r.Message})
	}
	for _, fx := range fd.Fixes {
		edits := append([]lint.Edit(nil), fx.Edits...)
		sort.Slice(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
		sf := analysis.SuggestedFix{Message: fx.Title}
		for _, e := range edits {
			sf.TextEdits = append(sf.TextEdits, analysis.TextEdit{Pos: pos(e.Start), End: pos(e.End), NewText: []byte(e.NewText)})
		}
		d.SuggestedFixes = append(d.SuggestedFixes, sf)
	}
	return d
}
