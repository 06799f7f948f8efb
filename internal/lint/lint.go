package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

// Severity is how loudly a finding is shown. Error..Hint have the numbers
// of LSP's DiagnosticSeverity; Off, the zero value, disables a rule.
type Severity int8

const (
	Off Severity = iota
	Error
	Warning
	Info
	Hint
)

var severityNames = [...]string{Off: "off", Error: "error", Warning: "warning", Info: "info", Hint: "hint"}

func (s Severity) String() string {
	if s >= 0 && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// ParseSeverity reads "error", "warning", "info", "hint" or "off" (any
// case; "information" and "none" are accepted too).
func ParseSeverity(s string) (Severity, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, true
	case "warning", "warn":
		return Warning, true
	case "info", "information":
		return Info, true
	case "hint":
		return Hint, true
	case "off", "none":
		return Off, true
	}
	return Off, false
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name, so that configuration decodes
// into Options.Severities directly.
func (s *Severity) UnmarshalText(b []byte) error {
	v, ok := ParseSeverity(string(b))
	if !ok {
		return fmt.Errorf("unknown severity %q (want error, warning, info, hint or off)", b)
	}
	*s = v
	return nil
}

// Language is the set of file kinds a rule applies to.
type Language uint8

const (
	LanguageOpenAPI Language = 1 << iota
	LanguageGo
)

func (l Language) String() string {
	var parts []string
	if l&LanguageOpenAPI != 0 {
		parts = append(parts, "OpenAPI")
	}
	if l&LanguageGo != 0 {
		parts = append(parts, "Go")
	}
	return strings.Join(parts, ", ")
}

// Rule is one check, written in a file of its own (rule_<id>.go) with
// its fixtures in testdata/<id>/, and listed in registry.go. It has a run
// for each language it applies to.
type Rule struct {
	// ID is stable: configuration, suppression comments and the
	// documentation anchor use it.
	ID string
	// Doc is one paragraph: what the rule checks, why (naming the RFC 9110
	// section or the seed notes' REST guidance), and the fix.
	Doc             string
	DefaultSeverity Severity
	// RunOpenAPI checks an OpenAPI document (Pass.Doc); nil when the rule
	// does not apply to OpenAPI.
	RunOpenAPI func(*Pass)
	// RunGo checks a Go file (Pass.GoFile); nil when the rule does not
	// apply to Go.
	RunGo func(*Pass)
	// RunContract checks Go code against its OpenAPI documents
	// (ContractPass.Result); its findings stand in the files of
	// contractLanguage.
	RunContract      func(*ContractPass)
	contractLanguage Language

	// summary and source fill the documentation's table: what the rule
	// checks, in a few words, and where the guidance comes from.
	summary, source string
	// severityNote tells where a finding's default severity differs from
	// DefaultSeverity ("warning for 3xx Location").
	severityNote string
	// fixNote says what the quick fix does, for the documentation.
	fixNote string
	// url is URL(ID), one string for all the rule's findings.
	url string
}

// Language returns the languages the rule has a run for.
func (r *Rule) Language() Language {
	var l Language
	if r.RunOpenAPI != nil {
		l |= LanguageOpenAPI
	}
	if r.RunGo != nil {
		l |= LanguageGo
	}
	return l | r.contractLanguage
}

// Summary is what the rule checks, in a few words.
func (r *Rule) Summary() string { return r.summary }

// run returns the rule's run for a language, nil when it has none.
func (r *Rule) run(lang Language) func(*Pass) {
	switch lang {
	case LanguageOpenAPI:
		return r.RunOpenAPI
	case LanguageGo:
		return r.RunGo
	}
	return nil
}

// Finding is one diagnostic.
type Finding struct {
	RuleID string
	// Start and End are byte offsets, End exclusive.
	Start, End int
	// Message is one line that names the fix.
	Message string
	Fixes   []Fix
	Related []Related
	// Severity and namesLine come last, in the padding of the fields
	// before: a spec of 100,000 operations has twice as many findings.
	Severity Severity
	// namesLine is set when Message names a line by its number, which an
	// edit adding or removing lines above it makes wrong (GoEdited).
	namesLine bool
}

// String is "rule-id: message", the form test expectations match.
func (f Finding) String() string { return f.RuleID + ": " + f.Message }

// URL returns the documentation link of the finding's rule, "" for a
// finding no rule makes (a syntax error, a file over the size limit).
func (f Finding) URL() string {
	if r, ok := byID[f.RuleID]; ok {
		return r.url
	}
	return ""
}

// Related is another place that explains a finding.
type Related struct {
	// Path is the file of the place, "" for the finding's own.
	Path       string
	Start, End int
	Message    string
}

// Fix is a quick fix: edits that together repair the finding.
type Fix struct {
	Title string
	// Path is the file the edits apply to, "" for the finding's own: a
	// contract finding in Go is fixed in the OpenAPI document.
	Path  string
	Edits []Edit
	// Safe fixes change nothing but what the finding is about and may be
	// applied without review, by a fix-all action.
	Safe bool
}

// Edit replaces the bytes [Start, End) with NewText.
type Edit struct {
	Start, End int
	NewText    string
}

// Options configure a run.
type Options struct {
	// Severities overrides rules' severities by rule ID: every finding of
	// the rule gets the severity given, and Off disables the rule.
	Severities map[string]Severity
	// CustomCodes are codes the project uses on purpose, with their
	// phrase: they are known (no unknown-status-code) and their phrase is
	// theirs (description-mismatch).
	CustomCodes map[int]string
}

// DocsURL is where the rules are documented; a rule's anchor is its ID.
const DocsURL = "https://github.com/httpcode-lsp/httpcode-lsp/blob/main/docs/rules.md"

// URL returns the documentation link of a rule.
func URL(id string) string { return DocsURL + "#" + id }

// Pass is what a rule's run sees of one file.
type Pass struct {
	Rule *Rule
	// Src is the file's text.
	Src []byte
	// Doc is the OpenAPI model, nil when the file is Go.
	Doc *openapi.Document
	// GoFile is the Go scan, nil when the file is OpenAPI.
	GoFile  *golang.File
	Options Options

	gosyn   *goSyntax
	indexes map[*openapi.ResponseMap]*mapIndex
	// stamp fills in what the rule says of its findings; out gathers
	// every rule's findings, checked with clean.
	stamp stamp
	out   *findingList
}

// Language is the language of the file being checked.
func (p *Pass) Language() Language {
	if p.Doc != nil {
		return LanguageOpenAPI
	}
	return LanguageGo
}

// Report records a finding. RuleID, URL and, when left Off, Severity are
// filled in from the rule.
func (p *Pass) Report(f Finding) {
	p.stamp.apply(&f)
	if f, ok := clean(f, len(p.Src)); ok {
		p.out.add(f)
	}
}

// findingList gathers findings in blocks: a slice grown by append to
// hold 100,000 findings allocated five times their size, since a large
// slice grows by a quarter at a time.
type findingList struct {
	blocks [][]Finding
	n      int
}

// maxBlock bounds the findings of a block.
const maxBlock = 4096

func (l *findingList) add(f Finding) {
	if k := len(l.blocks); k == 0 || len(l.blocks[k-1]) == cap(l.blocks[k-1]) {
		l.blocks = append(l.blocks, make([]Finding, 0, min(max(l.n, 16), maxBlock)))
	}
	b := &l.blocks[len(l.blocks)-1]
	*b = append(*b, f)
	l.n++
}

// truncate drops the findings added after the first n.
func (l *findingList) truncate(n int) {
	for l.n > n {
		b := &l.blocks[len(l.blocks)-1]
		k := max(0, len(*b)-(l.n-n))
		l.n -= len(*b) - k
		clear((*b)[k:])
		if *b = (*b)[:k]; k == 0 {
			l.blocks = l.blocks[:len(l.blocks)-1]
		}
	}
}

// flat returns the findings in one slice.
func (l *findingList) flat() []Finding {
	if l.n == 0 {
		return nil
	}
	out := make([]Finding, 0, l.n)
	for _, b := range l.blocks {
		out = append(out, b...)
	}
	return out
}

// stamp is what a rule's run fills in of its findings.
type stamp struct {
	id         string
	def        Severity
	override   Severity
	overridden bool
}

// stampOf returns the stamp of rule r under opts, false when opts turn
// it off.
func stampOf(r *Rule, opts Options) (stamp, bool) {
	override, overridden := opts.Severities[r.ID]
	return stamp{id: r.ID, def: r.DefaultSeverity, override: override, overridden: overridden},
		!overridden || override != Off
}

// apply fills in the finding's rule ID and severity.
func (s stamp) apply(f *Finding) {
	f.RuleID = s.id
	switch {
	case s.overridden:
		f.Severity = s.override
	case f.Severity == Off:
		f.Severity = s.def
	}
}

// custom reports whether a code is declared in the configuration.
func (p *Pass) custom(code int) bool {
	_, ok := p.Options.CustomCodes[code]
	return ok
}

// recoverPanics keeps a rule's panic from taking the caller down: the
// rule's findings for the file are dropped. Tests turn it off so that the
// fuzzers see panics.
var recoverPanics = true

// OpenAPI checks an OpenAPI document. A document that is not OpenAPI
// yields nothing.
func OpenAPI(doc *openapi.Document, opts Options) []Finding {
	if doc == nil || doc.Doc == nil || !doc.Kind.IsOpenAPI() {
		return nil
	}
	src := doc.Doc.Source()
	base := Pass{Src: src, Doc: doc, Options: opts, indexes: map[*openapi.ResponseMap]*mapIndex{}}
	return run(&base, LanguageOpenAPI, yamlIgnores)
}

// Go checks a Go file: src is its text, and f and syn what
// golang.ScanPackage (or ScanSyntax) found in it.
func Go(src []byte, f *golang.File, syn golang.Syntax, opts Options) []Finding {
	if f == nil {
		return nil
	}
	base := Pass{Src: src, GoFile: f, Options: opts, gosyn: goSyntaxOf(syn)}
	return run(&base, LanguageGo, goIgnores)
}

func run(base *Pass, lang Language, ignores func([]byte) ignoreSet) []Finding {
	var list findingList
	for _, r := range registry {
		fn := r.run(lang)
		if fn == nil {
			continue
		}
		st, on := stampOf(r, base.Options)
		if !on {
			continue
		}
		p := *base
		p.Rule, p.stamp, p.out = r, st, &list
		mark := list.n
		if !runRule(func() { fn(&p) }) {
			list.truncate(mark)
		}
	}
	out := list.flat()
	if len(out) == 0 {
		return out
	}
	out = suppress(out, base.Src, ignores(base.Src))
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].RuleID < out[j].RuleID
	})
	// The same key reached through an alias, or a response map shared
	// by two operations, yields the same finding twice.
	dedup := out[:0]
	for _, f := range out {
		dup := false
		for k := len(dedup) - 1; k >= 0 && dedup[k].Start == f.Start; k-- {
			if dedup[k].RuleID == f.RuleID && dedup[k].End == f.End && dedup[k].Message == f.Message {
				dup = true
				break
			}
		}
		if !dup {
			dedup = append(dedup, f)
		}
	}
	return dedup
}

// runRule runs a rule, false when it panicked: its findings are then
// dropped.
func runRule(fn func()) (ok bool) {
	if recoverPanics {
		defer func() {
			if recover() != nil {
				ok = false
			}
		}()
	}
	fn()
	return true
}

// clean makes a finding safe to hand out: a range within the text, and
// only fixes whose edits are within it, ordered and not overlapping.
func clean(f Finding, n int) (Finding, bool) {
	if f.Start < 0 || f.End < f.Start || f.End > n {
		return f, false
	}
	rel := f.Related[:0:0]
	for _, r := range f.Related {
		if r.Path != "" || r.Start >= 0 && r.Start <= r.End && r.End <= n {
			rel = append(rel, r)
		}
	}
	f.Related = rel
	fixes := f.Fixes[:0:0]
	for _, fx := range f.Fixes {
		if fx.Path != "" {
			fixes = append(fixes, fx) // checked against that file's text by Contract
			continue
		}
		if edits, ok := normalizeEdits(fx.Edits, n); ok && len(edits) > 0 {
			fx.Edits = edits
			fixes = append(fixes, fx)
		}
	}
	f.Fixes = fixes
	return f, true
}
