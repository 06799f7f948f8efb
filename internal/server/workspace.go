// workspace.go connects the server to the workspace index: the package a
// Go document is analysed with, the watched files
// (workspace/didChangeWatchedFiles, registered at initialized), and the
// file-only answer given while a package is being read.

package server

import (
	"context"
	"encoding/json"
	"net/url"
	"path/filepath"
	"time"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/analysis"
	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
	"github.com/httpcode-lsp/httpcode-lsp/internal/jsonrpc"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/workspace"
)

// filePath returns the path of a file: URI; false for any other.
func filePath(uri protocol.DocumentURI) (string, bool) {
	u, err := url.Parse(string(uri))
	if err != nil || u.Scheme != "file" || u.Path == "" {
		return "", false
	}
	return filepath.FromSlash(u.Path), true
}

// fileURI is the file: URI of a path.
func fileURI(p string) protocol.DocumentURI {
	return protocol.DocumentURI((&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String())
}

// index returns the workspace index.
func (s *Server) index() *workspace.Index {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ws
}

// goAnalysis returns the analysis of a Go document with its package in
// view, read from the index when the analysis runs, and the analysis of
// the file alone, for the answers given before the package is read; nil
// and nil for a document that is no file.
func (s *Server) goAnalysis(uri protocol.DocumentURI, src []byte, settings analysis.Settings) (pkg, alone *analysis.File) {
	path, ok := filePath(uri)
	if !ok {
		return nil, nil
	}
	ws := s.index()
	pkg = analysis.InPackage(src, settings, func() ([]golang.Source, int) { return readPackage(ws, path) })
	// Alone, the file still has its path: a _test.go file is a test.
	alone = analysis.InPackage(src, settings, func() ([]golang.Source, int) { return []golang.Source{{Path: path, Src: src}}, 0 })
	return pkg, alone
}

// readPackage reads a Go file's package; tests make it slow.
var readPackage = (*workspace.Index).GoPackage

// fileFirst is how long a request waits for a Go document's analysis with
// its package before it is answered from the file alone: reading and
// scanning a package of a thousand files takes longer than a hover may.
const fileFirst = 100 * time.Millisecond

// answering returns the analysis a request about d answers from, once it
// is made: d's, or, while a Go document's package is still being read
// after fileFirst, the file's alone. Nil when ctx ends first or the
// analysis is over its time budget.
func (s *Server) answering(ctx context.Context, d *document) *analysis.File {
	if alone := s.late(ctx, d); alone != nil {
		return alone
	}
	if !s.sched.analysed(ctx, d) {
		return nil
	}
	return d.analysis
}

// late starts d's analysis and returns the analysis of a Go document's
// file alone when the analysis with its package has not finished within
// fileFirst; nil when it has, when ctx ends first, for another document,
// and when the package turned out to be the file alone: its analysis is
// the one running.
func (s *Server) late(ctx context.Context, d *document) *analysis.File {
	alone := d.alone.Load()
	if alone == nil {
		return nil
	}
	s.sched.start(d)
	t := time.NewTimer(fileFirst)
	defer t.Stop()
	select {
	case <-d.run.done:
		d.alone.Store(nil) // no longer needed: its parse is memory
		return nil
	case <-ctx.Done():
		return nil
	case <-t.C:
		if d.analysis.InView() == 1 {
			return nil
		}
		return alone
	}
}

// watchedFiles are the files whose changes on disk the server asks the
// client for: Go files, for the packages, and the specs.
var watchedFiles = []string{"**/*.go", "**/*.{yaml,yml,json}"}

// initialized asks a client that registers capabilities dynamically to
// send the changes of the watched files. Its params, empty, are not read:
// some clients leave them out.
func initialized(s *Server, _ context.Context, _ json.RawMessage) (jsonrpc.Work, error) {
	s.registerWatchers()
	return nil, nil
}

// registerWatchers asks the client for the changes of the watched files,
// if it registers them dynamically.
func (s *Server) registerWatchers() {
	if !s.support().watchFiles {
		return
	}
	watchers := make([]protocol.FileSystemWatcher, len(watchedFiles))
	for i, g := range watchedFiles {
		watchers[i] = protocol.FileSystemWatcher{GlobPattern: g}
	}
	params := &protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID:              "httpcode-lsp-watched-files",
		Method:          protocol.MethodWorkspaceDidChangeWatchedFiles,
		RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: watchers},
	}}}
	s.callClient(protocol.MethodClientRegisterCapability, params)
}

// didChangeWatchedFiles tells the index what changed on disk and analyses
// the open Go documents of the packages changed again. The configuration
// file, when it is not open, is read again, off the goroutine that reads
// messages.
func (s *Server) didChangeWatchedFiles(ctx context.Context, params *protocol.DidChangeWatchedFilesParams) {
	var paths []string
	for _, c := range params.Changes {
		if p, ok := filePath(c.URI); ok {
			paths = append(paths, p)
		}
		if _, open := s.docs.get(c.URI); s.isConfigFile(c.URI) && !open {
			go s.loadConfigFile(context.WithoutCancel(ctx), nil)
		}
	}
	if len(paths) == 0 {
		return
	}
	s.index().Changed(paths)
	s.packageChanged(paths, "", 0)
}

// packageChanged analyses again, after delay, the open Go documents in
// the directories of paths but skip: their package changed. Paths that
// are no Go file (a spec) change no package; one with no extension may be
// a directory removed.
func (s *Server) packageChanged(paths []string, skip protocol.DocumentURI, delay time.Duration) {
	dirs := map[string]bool{}
	for _, p := range paths {
		if ext := filepath.Ext(p); ext == ".go" || ext == "" {
			dirs[filepath.Dir(p)] = true
		}
	}
	if len(dirs) == 0 {
		return
	}
	for _, d := range s.docs.all() {
		path, ok := filePath(d.snap.URI)
		if d.snap.URI == skip || !ok || d.analysis.Lang != analysis.Go || !dirs[filepath.Dir(path)] {
			continue
		}
		fresh := s.docs.replace(d.snap.URI, func(cur *document) *document {
			if cur == nil {
				return nil // closed meanwhile
			}
			return s.newDocument(cur.snap, cur, lines.Edit{})
		})
		if fresh != nil {
			s.schedule(fresh, delay)
		}
	}
}
