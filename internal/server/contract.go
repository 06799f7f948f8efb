// contract.go connects the server to the contract between the
// workspace's Go handlers and its OpenAPI documents (and swag
// annotations): the view of it, built from the workspace index after a
// change settles; its findings in the diagnostics of open documents;
// textDocument/definition and textDocument/references between a send site
// and its response key; the contract's word in a send site's hover.

package server

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/analysis"
	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/config"
	"github.com/httpcode-lsp/httpcode-lsp/internal/contract"
	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
	"github.com/httpcode-lsp/httpcode-lsp/internal/text"
	"github.com/httpcode-lsp/httpcode-lsp/internal/workspace"
)

// contractSettle is how long the workspace must stay unchanged before
// the contract is built again: typing in a handler rebuilds it once.
var contractSettle = 300 * time.Millisecond

// contracts holds the current view of the contract and builds the next.
type contracts struct {
	mu    sync.Mutex
	view  *contractView
	gen   int64 // changes seen; the view is current when its gen is
	timer *time.Timer
	// stopped is set when Serve ends: no build starts after it, and
	// building counts the builds it waits for.
	stopped  bool
	building sync.WaitGroup
	// scans and specs keep the packages' scans and the specs' models of
	// the last build for the next: a change to one file reads that file's
	// package again, and a spec again only when its text changed.
	scans contract.Cache
	specs specCache
}

// specCache is the model of each spec, by path, with the text it was made
// from.
type specCache struct {
	mu   sync.Mutex
	docs map[string]*openapi.Document
}

// keep drops the models of the specs not in paths: removed, renamed.
func (c *specCache) keep(paths map[string]bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for p := range c.docs {
		if !paths[p] {
			delete(c.docs, p)
		}
	}
}

// parse returns the model of a spec's text, the last one made when the
// text is the same.
func (c *specCache) parse(path string, src []byte) *openapi.Document {
	c.mu.Lock()
	doc := c.docs[path]
	c.mu.Unlock()
	if doc != nil && doc.Doc != nil && bytes.Equal(doc.Doc.Source(), src) {
		return doc
	}
	doc = openapi.Parse(src)
	c.mu.Lock()
	if c.docs == nil {
		c.docs = map[string]*openapi.Document{}
	}
	c.docs[path] = doc
	c.mu.Unlock()
	return doc
}

// stop cancels the next build and waits for the one running.
func (c *contracts) stop() {
	c.mu.Lock()
	c.stopped = true
	if c.timer != nil {
		c.timer.Stop()
	}
	c.mu.Unlock()
	c.building.Wait()
}

// contractView is the contract as of one state of the workspace.
type contractView struct {
	gen  int64
	root string
	res  *contract.Result
	// findings are by file path, absolute.
	findings map[string][]lint.Finding
	// sites are the send sites by file path (absolute), and the routes
	// they are sent for; keys the response keys by spec path.
	sites map[string][]siteRef
	keys  map[string][]keyRef

	snapMu sync.Mutex
	snaps  map[string]*text.Snapshot
}

// siteRef is a send site and the route a handler sends it for.
type siteRef struct {
	contract.Site
	route *contract.Route
}

// keyRef is a response key of an operation that code serves.
type keyRef struct {
	op *contract.Op
	r  *openapi.Response
}

// contractChanged is told of the paths the index saw change: the view is
// stale, and is built again once the changes settle.
func (s *Server) contractChanged([]string) {
	c := &s.contract
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	if c.timer != nil {
		c.timer.Stop()
	}
	if c.stopped {
		return
	}
	gen := c.gen
	delay := contractSettle
	if c.view == nil {
		delay = 0 // the first view: documents are being opened, not typed in
	}
	c.timer = time.AfterFunc(delay, func() { s.buildContract(gen) })
}

// buildContract builds the view of gen unless a newer change came, then
// publishes again the diagnostics of the open documents it concerns.
func (s *Server) buildContract(gen int64) {
	c := &s.contract
	c.mu.Lock()
	if c.gen != gen || c.stopped {
		c.mu.Unlock()
		return
	}
	c.building.Add(1)
	c.mu.Unlock()
	defer c.building.Done()
	v := s.makeContractView(gen)
	c.mu.Lock()
	if c.gen != gen {
		c.mu.Unlock()
		return
	}
	old := c.view
	c.view = v
	c.mu.Unlock()
	// Only the documents with contract findings, before or now, have
	// diagnostics to publish again: the others' analyses may have been
	// dropped for memory, and are not made again for nothing.
	for _, d := range s.docs.all() {
		p, ok := filePath(d.snap.URI)
		if ok && d.published.Load() && (len(v.findings[p]) > 0 || old != nil && len(old.findings[p]) > 0) {
			s.schedule(d, 0)
		}
	}
}

// contractView returns the current view, nil before the first is built.
func (s *Server) contractView() *contractView {
	c := &s.contract
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.view
}

// makeContractView reads the workspace's packages and specs from the
// index and analyses them. Without a spec, only the packages of open Go
// documents are read: swag annotations need no spec, and the whole
// workspace is not read for them.
func (s *Server) makeContractView(gen int64) *contractView {
	start := time.Now()
	s.mu.Lock()
	ws, root, cfg := s.ws, s.layers.root, s.cfg
	s.mu.Unlock()
	var open []string
	for _, d := range s.docs.all() {
		if p, ok := filePath(d.snap.URI); ok && d.analysis.Lang == analysis.Go {
			open = append(open, p)
		}
	}
	v := &contractView{gen: gen, root: root, findings: map[string][]lint.Finding{}, sites: map[string][]siteRef{},
		keys: map[string][]keyRef{}, snaps: map[string]*text.Snapshot{}}
	in := contractInput(ws, root, cfg, open, &s.contract.specs)
	in.Cache = &s.contract.scans
	v.res = contract.Analyze(in)
	for _, f := range lint.Contract(v.res, analysis.SettingsOf(cfg).Lint) {
		p := v.abs(f.Path)
		v.findings[p] = append(v.findings[p], f.Finding)
	}
	for _, r := range v.res.Routes {
		for _, st := range r.Sends.Sites {
			p := v.abs(st.Path)
			v.sites[p] = append(v.sites[p], siteRef{st, r})
		}
	}
	for _, op := range v.res.Ops {
		p := v.abs(op.Spec.Path)
		for _, r := range op.Responses.Entries {
			v.keys[p] = append(v.keys[p], keyRef{op, r})
		}
	}
	for _, refs := range v.sites {
		sort.Slice(refs, func(i, j int) bool { return refs[i].Start < refs[j].Start })
	}
	for _, refs := range v.keys {
		sort.Slice(refs, func(i, j int) bool { return refs[i].r.KeyStart < refs[j].r.KeyStart })
	}
	s.log.Debug("contract", zap.Int("packages", len(in.Packages)), zap.Int("specs", len(in.Specs)),
		zap.Int("routes", len(v.res.Routes)), zap.Duration("took", time.Since(start)))
	return v
}

// contractInput reads the contract's input from the index: every
// package when the workspace has specs, else those of the open Go files.
// Paths are relative to root, slash-separated, as the configuration
// writes them.
func contractInput(ws *workspace.Index, root string, cfg config.Config, open []string, specs *specCache) contract.Input {
	var in contract.Input
	rel := func(p string) string {
		if r, err := filepath.Rel(root, p); err == nil && root != "" && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
		return filepath.ToSlash(p)
	}
	found := ws.Specs()
	dirs := map[string]string{} // a Go file of each directory
	if len(found) > 0 {
		for _, d := range ws.GoDirs() {
			if f := aGoFile(d); f != "" {
				dirs[d] = f
			}
		}
	}
	for _, p := range open {
		dirs[filepath.Dir(p)] = p
	}
	keys := make([]string, 0, len(dirs))
	for d := range dirs {
		keys = append(keys, d)
	}
	sort.Strings(keys)
	for _, d := range keys {
		files, _ := ws.GoPackage(dirs[d])
		var pkg []golang.Source
		for _, f := range files {
			if !strings.HasSuffix(f.Path, "_test.go") && filepath.Dir(f.Path) == d {
				pkg = append(pkg, golang.Source{Path: rel(f.Path), Src: f.Src})
			}
		}
		if len(pkg) > 0 {
			in.Packages = append(in.Packages, pkg)
		}
	}
	if len(in.Packages) > 0 {
		// Without Go code, the specs' parse would be memory for nothing.
		seen := map[string]bool{}
		for _, sp := range found {
			seen[sp.Path] = true
		}
		specs.keep(seen)
		for _, sp := range found {
			if doc := specs.parse(sp.Path, sp.Src); doc.Kind.IsOpenAPI() {
				in.Specs = append(in.Specs, contract.Spec{Path: rel(sp.Path), Doc: doc})
			}
		}
	}
	for _, c := range cfg.Contract {
		in.Pairs = append(in.Pairs, contract.Pair{Spec: filepath.ToSlash(filepath.Clean(c.Spec)), Code: c.CodePattern()})
	}
	return in
}

// aGoFile returns a Go file of dir that is not a test, "" if none.
func aGoFile(dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return ""
	}
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
			return filepath.Join(dir, n)
		}
	}
	return ""
}

// abs turns a contract path into a file path.
func (v *contractView) abs(p string) string {
	if filepath.IsAbs(filepath.FromSlash(p)) || v.root == "" {
		return filepath.FromSlash(p)
	}
	return filepath.Join(v.root, filepath.FromSlash(p))
}

// rel turns a file path into the contract's.
func (v *contractView) rel(p string) string {
	if r, err := filepath.Rel(v.root, p); err == nil && v.root != "" && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(p)
}

// current reports whether the view was made from the text src of the
// file at path: only then do its offsets hold in that text.
func (v *contractView) current(path string, src []byte) bool {
	have, ok := v.res.Source(v.rel(path))
	return ok && bytes.Equal(have, src)
}

// location converts a range of a file of the view to an LSP location.
func (v *contractView) location(path string, start, end int, enc text.Encoding) (protocol.Location, bool) {
	v.snapMu.Lock()
	snap, ok := v.snaps[path]
	if !ok {
		if src, found := v.res.Source(v.rel(path)); found {
			snap = text.NewSnapshot(fileURI(path), 0, "", src)
		}
		v.snaps[path] = snap
	}
	v.snapMu.Unlock()
	if snap == nil {
		return protocol.Location{}, false
	}
	return protocol.Location{URI: snap.URI, Range: snap.Range(start, end, enc)}, true
}

// contractFindings returns the contract's findings in the document d,
// when the view was made from its current text.
func (s *Server) contractFindings(d *document) []lint.Finding {
	v := s.contractView()
	path, ok := filePath(d.snap.URI)
	if v == nil || !ok || len(v.findings[path]) == 0 || !v.current(path, d.snap.Text()) {
		return nil
	}
	return v.findings[path]
}

// relatedElsewhere converts a related place in another file.
func relatedElsewhere(v *contractView, r lint.Related, enc text.Encoding) (protocol.Location, bool) {
	if v == nil {
		return protocol.Location{}, false
	}
	return v.location(v.abs(r.Path), r.Start, r.End, enc)
}

// fixElsewhere returns the edit of a fix to another file.
func (s *Server) fixElsewhere(fx lint.Fix) (protocol.DocumentURI, []protocol.TextEdit, bool) {
	v := s.contractView()
	if v == nil {
		return "", nil, false
	}
	path := v.abs(fx.Path)
	var out []protocol.TextEdit
	for _, e := range fx.Edits {
		loc, ok := v.location(path, e.Start, e.End, s.positionEncoding())
		if !ok {
			return "", nil, false
		}
		out = append(out, protocol.TextEdit{Range: loc.Range, NewText: e.NewText})
	}
	return fileURI(path), out, true
}

// contractTargets returns the places the contract ties to the offset of
// a document: from a send site, the response keys of the operations its
// route serves for that code; from a response key, the send sites of
// that code in the operation's handlers; from a route's path, its
// operations, and back; from a swag annotation's code, its sends.
func (s *Server) contractTargets(d *document, offset int) []protocol.Location {
	v := s.contractView()
	path, ok := filePath(d.snap.URI)
	if v == nil || !ok || !v.current(path, d.snap.Text()) {
		return nil
	}
	enc := s.positionEncoding()
	var out []protocol.Location
	seen := map[protocol.Location]bool{}
	add := func(p string, start, end int) {
		if loc, ok := v.location(p, start, end, enc); ok && !seen[loc] {
			seen[loc] = true
			out = append(out, loc)
		}
	}
	for _, ref := range v.sitesAt(path, offset) {
		for _, op := range ref.route.Ops {
			if r := responseFor(op, ref.Code); r != nil {
				add(v.abs(op.Spec.Path), r.KeyStart, r.KeyEnd)
			} else {
				add(v.abs(op.Spec.Path), op.Responses.KeyStart, op.Responses.KeyEnd)
			}
		}
	}
	for _, k := range v.keys[path] {
		if offset < k.r.KeyStart || offset > k.r.KeyEnd {
			continue
		}
		// The sites whose code the key documents: its code, or a code of
		// its range or of default that no other key names.
		for _, st := range k.op.Sites(0) {
			if responseFor(k.op, st.Code) == k.r {
				add(v.abs(st.Path), st.Start, st.End)
			}
		}
	}
	// A route's path leads to its operations' method keys, and back.
	rel := v.rel(path)
	for _, r := range v.res.Routes {
		if r.FilePath == rel && r.Start <= offset && offset <= r.End {
			for _, op := range r.Ops {
				add(v.abs(op.Spec.Path), op.MethodStart, op.MethodEnd)
			}
		}
	}
	for _, op := range v.res.Ops {
		if op.Spec.Path == rel && op.MethodStart <= offset && offset <= op.MethodEnd {
			for _, r := range op.Routes {
				add(v.abs(r.FilePath), r.Start, r.End)
			}
		}
	}
	// A swag annotation's code leads to the sends of that code.
	for _, a := range v.res.Annotated {
		if a.FilePath != rel {
			continue
		}
		for _, c := range a.Codes {
			if c.Start <= offset && offset <= c.End {
				for _, st := range a.Sends.Sites {
					if st.Code == c.Code {
						add(v.abs(st.Path), st.Start, st.End)
					}
				}
			}
		}
	}
	return out
}

// sitesAt returns the send sites of path whose range holds offset.
func (v *contractView) sitesAt(path string, offset int) []siteRef {
	refs := v.sites[path]
	i := sort.Search(len(refs), func(i int) bool { return refs[i].End >= offset })
	var out []siteRef
	for ; i < len(refs) && refs[i].Start <= offset; i++ {
		if offset <= refs[i].End {
			out = append(out, refs[i])
		}
	}
	return out
}

// responseFor returns the entry of an operation that documents code: the
// code, else its class's range, else default; nil if none.
func responseFor(op *contract.Op, code int) *openapi.Response {
	var class, def *openapi.Response
	for _, r := range op.Responses.Entries {
		switch s := r.Status; {
		case s.Code == code:
			return r
		case s.Class != 0 && s.Class == code/100 && class == nil:
			class = r
		case s.Default && def == nil:
			def = r
		}
	}
	if class != nil {
		return class
	}
	return def
}

// definition answers textDocument/definition from the contract.
func (s *Server) definition(ctx context.Context, d *document, params *protocol.DefinitionParams) ([]protocol.Location, error) {
	if d == nil {
		return nil, nil
	}
	return s.contractTargets(d, d.snap.Offset(params.Position, s.positionEncoding())), nil
}

// references answers textDocument/references from the contract: the
// places tied to the one under the cursor, and that one when the client
// asks for the declaration too.
func (s *Server) references(ctx context.Context, d *document, params *protocol.ReferenceParams) ([]protocol.Location, error) {
	if d == nil {
		return nil, nil
	}
	offset := d.snap.Offset(params.Position, s.positionEncoding())
	out := s.contractTargets(d, offset)
	if len(out) == 0 {
		return nil, nil
	}
	if params.Context.IncludeDeclaration {
		if loc, ok := s.contractHere(d, offset); ok {
			out = append([]protocol.Location{loc}, out...)
		}
	}
	return out, nil
}

// contractHere returns the send site or response key under the offset.
func (s *Server) contractHere(d *document, offset int) (protocol.Location, bool) {
	v := s.contractView()
	path, _ := filePath(d.snap.URI)
	if v == nil {
		return protocol.Location{}, false
	}
	if refs := v.sitesAt(path, offset); len(refs) > 0 {
		return v.location(path, refs[0].Start, refs[0].End, s.positionEncoding())
	}
	for _, k := range v.keys[path] {
		if k.r.KeyStart <= offset && offset <= k.r.KeyEnd {
			return v.location(path, k.r.KeyStart, k.r.KeyEnd, s.positionEncoding())
		}
	}
	return protocol.Location{}, false
}

// contractHover is what the contract says of the send site at offset, in
// Markdown, "" when it says nothing: the operations the route serves and
// how each documents the code.
func (s *Server) contractHover(d *document, offset int) string {
	v := s.contractView()
	path, ok := filePath(d.snap.URI)
	if v == nil || !ok {
		return ""
	}
	// The text is compared only where the view has a send site: a spec's
	// has none, and its text being typed is not made flat for a hover.
	refs := v.sitesAt(path, offset)
	if len(refs) == 0 || !v.current(path, d.snap.Text()) {
		return ""
	}
	var lines []string
	seen := map[string]bool{}
	for _, ref := range refs {
		for _, op := range ref.route.Ops {
			var line string
			if r := responseFor(op, ref.Code); r != nil {
				desc := ""
				if t := r.Target(); t.Description != nil && t.Description.Value != "" {
					desc = ": " + strings.TrimSpace(t.Description.Value)
				}
				line = fmt.Sprintf("`%s` in %s documents `%s`%s", op.Context, op.Spec.Path, r.Key, desc)
			} else {
				line = fmt.Sprintf("`%s` in %s does not document %d", op.Context, op.Spec.Path, ref.Code)
				if e, ok := catalog.Lookup(ref.Code); ok {
					line = fmt.Sprintf("`%s` in %s does not document %s", op.Context, op.Spec.Path, e.Title())
				}
			}
			if !seen[line] {
				seen[line] = true
				lines = append(lines, "- "+line)
			}
		}
	}
	if len(lines) == 0 {
		return ""
	}
	return "**Contract**\n\n" + strings.Join(lines, "\n")
}
