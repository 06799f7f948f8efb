package analysis

import (
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/httpcode-lsp/httpcode-lsp/internal/complete"
	"github.com/httpcode-lsp/httpcode-lsp/internal/config"
	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/hover"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
	"github.com/httpcode-lsp/httpcode-lsp/internal/yamldoc"
)

// Language is the analyser a file goes to.
type Language int

const (
	Unknown Language = iota
	Go
	YAML
	JSON
)

// LanguageOf trusts an editor's languageId and falls back to the file
// name's extension, since some clients send an empty or generic id.
func LanguageOf(languageID, name string) Language {
	switch languageID {
	case "go":
		return Go
	case "yaml", "yml":
		return YAML
	case "json", "jsonc":
		return JSON
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".go":
		return Go
	case ".yaml", ".yml":
		return YAML
	case ".json":
		return JSON
	}
	return Unknown
}

// Settings is what of the configuration the analysis reads.
type Settings struct {
	StatusKeys []string // extra plain-YAML status keys
	Lint       lint.Options
}

// Configure merges settings sources (JSON in config.Config's shape, later
// ones overriding earlier ones) and checks the result, rule IDs included.
func Configure(sources ...json.RawMessage) (config.Config, error) {
	var c config.Config
	for _, raw := range sources {
		var err error
		if c, err = c.Merge(raw); err != nil {
			return config.Config{}, err
		}
	}
	if err := c.Check(func(id string) bool { _, ok := lint.Lookup(id); return ok }); err != nil {
		var unknown *config.UnknownRuleError
		if errors.As(err, &unknown) {
			if near, ok := lint.Suggest(unknown.ID); ok {
				err = fmt.Errorf("%w; did you mean %q?", err, near)
			}
		}
		return config.Config{}, err
	}
	return c, nil
}

// SettingsOf derives the analysis settings from a configuration that
// Configure accepted.
func SettingsOf(cfg config.Config) Settings {
	opts := lint.Options{Severities: map[string]lint.Severity{}, CustomCodes: map[int]string{}}
	for id, sev := range cfg.Rules {
		opts.Severities[id], _ = lint.ParseSeverity(sev)
	}
	for code, phrase := range cfg.Codes {
		n, _ := strconv.Atoi(code)
		opts.CustomCodes[n] = phrase
	}
	return Settings{StatusKeys: cfg.YAML.StatusKeys, Lint: opts}
}

// SyntaxErrorID is the rule ID of a finding that is a syntax error (Go,
// or YAML and JSON that are OpenAPI or hold status values) rather than a
// rule's.
const SyntaxErrorID = "syntax-error"

// LimitsID is the rule ID of a finding that a limit of the configuration
// (limits.maxDocumentSize, limits.analysisTimeout) stopped the analysis,
// from the language server and the command line alike.
const LimitsID = "limits"

// TooLargeMessage is the limits finding of a file that is not analysed
// because its size is over limits.maxDocumentSize, in the server's
// diagnostic and check's output alike.
func TooLargeMessage(size, limit int64) string {
	return fmt.Sprintf("httpcode-lsp does not analyse this file: its %s are more than limits.maxDocumentSize (%s)",
		SizeText(size), SizeText(limit))
}

// SizeText is a size in bytes as people read it: "16 MiB", "20.5 MiB",
// "300 KiB", "12 bytes".
func SizeText(n int64) string {
	for _, u := range []struct {
		size int64
		name string
	}{{1 << 30, "GiB"}, {1 << 20, "MiB"}, {1 << 10, "KiB"}} {
		if n >= u.size {
			return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/float64(u.size)), ".0") + " " + u.name
		}
	}
	return fmt.Sprintf("%d bytes", n)
}

// File is one file's text and its analysis.
type File struct {
	Lang Language
	// text is the file's text; src, its bytes, made flat when the
	// analysis starts: before, hover and completion read text around
	// their cursor, which a keystroke does not copy.
	text     *lines.Text
	src      []byte
	settings Settings
	// pkg returns a Go file's package and the file's index in it
	// (InPackage); nil for a file seen alone.
	pkg func() ([]golang.Source, int)
	// inView is how many files of its package a Go analysis has in view,
	// 0 until pkg has returned them.
	inView atomic.Int32

	// base is an analysed earlier version of the file whose parse the
	// analysis may reuse, with the edit from its text to src; it is
	// dropped once the analysis has run.
	base     atomic.Pointer[baseVersion]
	analysed atomic.Bool
	// last is the newest analysed earlier version, with the edit from its
	// text to src, which answers JSON completion and YAML and JSON hover
	// until the analysis has run (base is dropped when it starts, and is
	// not analysed while the version before runs).
	last atomic.Pointer[baseVersion]

	// typing is the JSON text as completion reads it: made from last
	// before the analysis (CompletionsNow), from the analysis after.
	typing atomic.Pointer[openapi.Typing]
	// jsonKind is the kind of the newest version of a JSON text that
	// parsed: this one's, or last's when this one has a syntax error
	// (whose repair may have dropped the root's openapi key).
	jsonKind openapi.Kind

	once     sync.Once
	goFile   *golang.File
	goSyntax func() golang.Syntax // for the rules, dropped once they have run
	spec     *openapi.Document
	occs     []occurrence.Occurrence
	httpQual string

	lintOnce sync.Once
	findings []lint.Finding
}

// baseVersion is an earlier version of a file, and the edit from its
// text to the file's.
type baseVersion struct {
	file *File
	edit lines.Edit
}

// New returns the analysis of src; src must not change afterwards.
func New(lang Language, src []byte, settings Settings) *File {
	return &File{Lang: lang, text: lines.NewText(src), src: src, settings: settings}
}

// InPackage returns the analysis of src, a Go file, with its package's
// other files in view: pkg returns the package and src's index in it, as
// workspace.Index.GoPackage does. It is called once, when the analysis
// runs, so that reading the package from disk is part of the run; the
// text at the index is taken to be src whatever pkg returns there, and a
// file pkg does not place is seen alone.
func InPackage(src []byte, settings Settings, pkg func() ([]golang.Source, int)) *File {
	f := New(Go, src, settings)
	f.pkg = pkg
	return f
}

// Edited returns the analysis of text, the text edit made of the one prev
// analyses (lines.Whole, spanning all, when the change is not known). It
// equals New(lang, text.Bytes(), settings); for YAML and JSON it is
// computed by reading again only the part of the text that changed since
// the newest analysed version (yamldoc.Reparse), so that a keystroke in a
// large document does not cost a parse of all of it. text is made flat
// when the analysis runs, not before.
func Edited(prev *File, lang Language, text *lines.Text, edit lines.Edit, settings Settings) *File {
	f := &File{Lang: lang, text: text, settings: settings}
	if prev == nil || prev.Lang != lang || lang != YAML && lang != JSON {
		return f
	}
	b := baseVersion{file: prev, edit: edit}
	if !prev.analysed.Load() {
		// Versions typed faster than the debounce are never analysed:
		// reuse the one before them, the edits composed.
		if pb := prev.base.Load(); pb != nil {
			b = baseVersion{file: pb.file, edit: pb.edit.Then(edit)}
		}
	}
	f.base.Store(&b)
	// prev's last is dropped after prev is marked analysed.
	pl := prev.last.Load()
	switch {
	case prev.analysed.Load():
		f.last.Store(&baseVersion{file: prev, edit: edit})
	case pl != nil:
		f.last.Store(&baseVersion{file: pl.file, edit: pl.edit.Then(edit)})
	}
	return f
}

func (f *File) analyse() {
	f.once.Do(func() {
		defer func() {
			f.analysed.Store(true)
			f.last.Store(nil)
		}()
		f.src = f.text.Bytes()
		base := f.base.Swap(nil)
		switch f.Lang {
		case Go:
			f.goFile, f.goSyntax = golang.ScanPackageLater(f.packageFiles())
			f.occs = f.goFile.Occurrences
			if f.goFile.HTTPName != "." {
				f.httpQual = f.goFile.HTTPName
			}
		case YAML, JSON:
			// Plain YAML may hold status values under known keys; JSON
			// that is not OpenAPI has no such convention.
			statusValues := f.Lang == YAML
			// An edit of a parsed version is parsed again where it
			// changed: Relevant reads the whole text (30 ms for 13 MB,
			// more than the reparse of a keystroke), and a text that was
			// worth a tree mostly still is.
			switch {
			case base != nil && base.file.analysed.Load() && base.file.spec != nil && base.file.spec.Doc.Parses > 0:
				f.spec = openapi.Model(yamldoc.Reparse(base.file.spec.Doc, f.src, base.edit))
			case !openapi.Relevant(f.src, statusValues, f.settings.StatusKeys):
				f.spec = openapi.Model(yamldoc.Unparsed(f.src))
			default:
				f.spec = openapi.Parse(f.src)
			}
			if f.Lang == JSON {
				f.jsonKind = f.spec.Kind
				if last := f.last.Load(); len(f.spec.Errors) > 0 && last != nil {
					f.jsonKind = last.file.jsonKind
				}
				// The states of the JSON scan that completion saved carry
				// over to the next versions.
				if t := f.typing.Load(); t != nil {
					f.spec.Adopt(t)
				} else if last := f.last.Load(); last != nil && last.file.spec != nil {
					f.spec.Follow(last.file.spec, last.edit)
				}
				f.typing.Store(f.spec.Typed(lines.Flat(f.src), lines.Edit{}, f.jsonKind))
				if f.jsonKind != openapi.NotOpenAPI {
					// Here rather than in the first completion.
					f.spec.Scanned()
				}
			}
			switch {
			case f.spec.Kind.IsOpenAPI():
				f.occs = f.spec.Occurrences
			case statusValues:
				f.occs = openapi.StatusValues(f.spec.Doc, f.settings.StatusKeys)
			}
		}
	})
}

// packageFiles returns the Go file's package and its index in it: the
// file alone when it has no package.
func (f *File) packageFiles() ([]golang.Source, int) {
	alone := []golang.Source{{Src: f.src}}
	if f.pkg == nil {
		f.inView.Store(1)
		return alone, 0
	}
	files, i := f.pkg()
	if i < 0 || i >= len(files) {
		f.inView.Store(1)
		return alone, 0
	}
	files = slices.Clone(files)
	files[i].Src = f.src
	f.inView.Store(int32(len(files)))
	return files, i
}

// InView returns how many files of its package a Go analysis has in view,
// itself included, once it has read them (InPackage); 0 before.
func (f *File) InView() int { return int(f.inView.Load()) }

// Analysed reports whether the file has been analysed: whether its parse
// takes memory.
func (f *File) Analysed() bool { return f.analysed.Load() }

// Occurrences returns the status codes written in the file, sorted.
func (f *File) Occurrences() []occurrence.Occurrence {
	f.analyse()
	return f.occs
}

// Spec returns the OpenAPI model of a YAML or JSON document that is
// OpenAPI, nil otherwise.
func (f *File) Spec() *openapi.Document {
	f.analyse()
	if f.spec == nil || !f.spec.Kind.IsOpenAPI() {
		return nil
	}
	return f.spec
}

// goQualifier is how the file spells net/http's constants ("http", an
// alias), "" for a dot-import or a file that is not Go.
func (f *File) goQualifier() string {
	f.analyse()
	return f.httpQual
}

// Hover returns the occurrence at offset and its hover Markdown, custom
// codes of the configuration included; false where there is none.
func (f *File) Hover(offset int) (occurrence.Occurrence, string, bool) {
	occ, ok := occurrence.At(f.Occurrences(), offset)
	if !ok {
		return occ, "", false
	}
	md, ok := hover.Markdown(occ, f.src, f.goQualifier(), f.settings.Lint.CustomCodes)
	return occ, md, ok
}

// HoverNow returns the hover at offset without waiting for the file's
// analysis where the newest analysed earlier version of a YAML or JSON
// file answers it: a code whose text the edits since that version did not
// touch, with its range in this text, or none where that version has none
// and the word under the cursor is not touched either (until the
// analysis, an edit that makes text elsewhere a code, typing a responses
// key above it, shows no code there). ok is false where the analysis is
// needed, a word in or beside the text edited: then Hover.
func (f *File) HoverNow(offset int) (occ occurrence.Occurrence, md string, found, ok bool) {
	if f.analysed.Load() {
		occ, md, found = f.Hover(offset)
		return occ, md, found, true
	}
	b := f.last.Load()
	if b == nil || !slices.Equal(b.file.settings.StatusKeys, f.settings.StatusKeys) {
		// The keys make the occurrences of plain YAML.
		return occ, "", false, false
	}
	e, old := b.edit, offset
	switch {
	case e.IsNop() || offset < e.Start:
	case offset >= e.NewEnd():
		old = offset - e.Delta()
	default:
		return occ, "", false, false
	}
	occ, found = occurrence.At(b.file.Occurrences(), old)
	switch {
	case !found:
		// A code the edits made, "4004" cut to "404", touches them.
		start, end, short := word(f.text.View(), offset)
		return occ, "", false, !short || e.IsNop() || end < e.Start || start > e.NewEnd()
	case !e.IsNop() && e.Start <= occ.End && occ.Start <= e.End:
		return occ, "", false, false
	}
	// The code's text is the old version's, which the edits left.
	md, found = hover.Markdown(occ, b.file.src, "", f.settings.Lint.CustomCodes)
	occ.Start, occ.End = e.Moved(occ.Start), e.Moved(occ.End)
	return occ, md, found, true
}

// word returns the span of the word of letters, digits and quotes around
// offset in src, as a status code is written in YAML and JSON ('404',
// "4XX", default); short is false, and the span partial, when it is
// longer than any code.
func word(src lines.Patched, offset int) (start, end int, short bool) {
	const longest = len(`"default"`)
	offset = min(max(offset, 0), src.Len())
	start, end = offset, offset
	for start > 0 && offset-start <= longest && isWordByte(src.At(start-1)) {
		start--
	}
	for end < src.Len() && end-start <= longest && isWordByte(src.At(end)) {
		end++
	}
	return start, end, end-start <= longest
}

func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '"' || c == '\''
}

// Completions returns the completion items at offset.
func (f *File) Completions(offset int) []complete.Item {
	f.analyse()
	switch {
	case f.goFile != nil:
		return complete.Go(f.goFile.CompletionAt(f.src, offset), f.settings.Lint.CustomCodes)
	case f.typing.Load() != nil:
		// JSON, read with the kind of the newest version that parsed.
		return complete.YAML(f.typing.Load().CompletionAt(offset), f.settings.Lint.CustomCodes)
	case f.spec != nil:
		return complete.YAML(openapi.CompletionAt(f.spec, offset, f.settings.StatusKeys), f.settings.Lint.CustomCodes)
	}
	return nil
}

// CompletionsNow returns the completion items at offset without waiting
// for the file's analysis where completion does not need it: in JSON,
// which completion reads around the cursor, once an earlier version was
// analysed. ok is false where the analysis is needed: then Completions.
func (f *File) CompletionsNow(offset int) (items []complete.Item, ok bool) {
	if f.analysed.Load() {
		return f.Completions(offset), true
	}
	t := f.typed()
	if t == nil {
		return nil, false
	}
	return complete.YAML(t.CompletionAt(offset), f.settings.Lint.CustomCodes), true
}

// typed returns the file's JSON text for completion before its analysis,
// made from the last analysed version; nil when it is not JSON or has no
// such version.
func (f *File) typed() *openapi.Typing {
	if t := f.typing.Load(); t != nil || f.analysed.Load() {
		return t
	}
	b := f.last.Load()
	if f.Lang != JSON || b == nil || b.file.spec == nil {
		return nil
	}
	t := b.file.spec.Typed(f.text.View(), b.edit, b.file.jsonKind)
	if !f.typing.CompareAndSwap(nil, t) {
		return f.typing.Load()
	}
	return t
}

// Findings returns the file's diagnostics: its syntax error first, then
// the lint rules' findings. A YAML or JSON document that is neither
// OpenAPI nor holds status values has none.
func (f *File) Findings() []lint.Finding {
	f.analyse()
	f.lintOnce.Do(func() {
		var out []lint.Finding
		switch {
		case f.goFile != nil:
			var ok bool
			if out, ok = goFindings.edited(f.goFile, f.src, f.settings.Lint); !ok {
				syn := f.goSyntax()
				if e := syn.Error; e != nil {
					// At the point where the parser stopped, as gopls and
					// go vet show it; the rules still run on what parsed.
					out = append(out, lint.Finding{RuleID: SyntaxErrorID, Severity: lint.Error, Start: e.Offset, End: e.Offset, Message: e.Message})
				}
				out = append(out, lint.Go(f.src, f.goFile, syn, f.settings.Lint)...)
			}
			goFindings.put(f.goFile.ID(), f.settings.Lint, out)
			f.goSyntax = nil
		case f.spec != nil:
			if !f.spec.Kind.IsOpenAPI() && len(f.occs) == 0 && !openapi.Declared(f.src) {
				// Only a document recognised as OpenAPI or holding
				// status values is ours to judge: package.json, a JSON
				// file with comments or a CI workflow gets nothing, not
				// even a syntax error that other tools read otherwise.
				// One that says it is OpenAPI is, though its error cost
				// the line that says so (a spec on one line).
				break
			}
			// The rules' findings are not copied behind the syntax
			// error: a spec may have 100,000.
			out = lint.OpenAPI(f.spec, f.settings.Lint)
			syntax := make([]lint.Finding, len(f.spec.Errors))
			for i, e := range f.spec.Errors {
				syntax[i] = lint.Finding{RuleID: SyntaxErrorID, Severity: lint.Error, Start: e.Start, End: e.End, Message: e.Message}
			}
			out = slices.Insert(out, 0, syntax...)
		}
		f.findings = out
	})
	return f.findings
}

// findingsCache keeps the findings of the Go scans checked last, by scan
// ID: the next version of a file typed into inside a comment or a
// function's body takes them over (lint.GoEdited).
type findingsCache struct {
	mu      sync.Mutex
	entries []cachedFindings // the most recently used last
}

type cachedFindings struct {
	id       uint64
	opts     lint.Options
	findings []lint.Finding
}

// maxFindings bounds the findingsCache: the files being typed into, and
// the versions their next ones are made from.
const maxFindings = 4

var goFindings = &findingsCache{}

func (c *findingsCache) put(id uint64, opts lint.Options, findings []lint.Finding) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = append(c.entries, cachedFindings{id: id, opts: opts, findings: findings})
	if len(c.entries) > maxFindings {
		c.entries = slices.Delete(c.entries, 0, 1)
	}
}

// edited returns the findings of f made from those of the scan it was
// edited from, when they are cached with the same options.
func (c *findingsCache) edited(f *golang.File, src []byte, opts lint.Options) ([]lint.Finding, bool) {
	ed, ok := f.Edited()
	if !ok {
		return nil, false
	}
	c.mu.Lock()
	k := slices.IndexFunc(c.entries, func(e cachedFindings) bool { return e.id == ed.Base && reflect.DeepEqual(e.opts, opts) })
	var prev []lint.Finding
	if k >= 0 {
		// Kept while versions are made from it.
		e := c.entries[k]
		prev = e.findings
		c.entries = append(slices.Delete(c.entries, k, k+1), e)
	}
	c.mu.Unlock()
	if k < 0 {
		return nil, false
	}
	return lint.GoEdited(prev, src, f, opts)
}
