// codeaction.go defines textDocument/codeAction: the lint rules' quick
// fixes for the diagnostics in a range, and one action that applies every
// safe fix of the file.

package server

import (
	"context"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

// sourceFixAll is LSP 3.15's kind for fixing a whole file; protocol v0.12
// has no constant for it.
const sourceFixAll protocol.CodeActionKind = "source.fixAll"

// codeAction returns the quick fixes of the findings that overlap the
// requested range, and the fix-all action when the file has safe fixes.
func (s *Server) codeAction(ctx context.Context, d *document, params *protocol.CodeActionParams) ([]protocol.CodeAction, error) {
	actions := []protocol.CodeAction{}
	if d == nil || !s.sched.analysed(ctx, d) {
		return actions, nil
	}
	enc := s.positionEncoding()
	start, end := d.snap.Offset(params.Range.Start, enc), d.snap.Offset(params.Range.End, enc)
	findings := s.findings(d)
	diags := s.diagnostics(d, findings)

	if wants(params.Context.Only, protocol.QuickFix) {
		for i, f := range findings {
			if f.End < start || f.Start > end {
				continue
			}
			for _, fix := range f.Fixes {
				edit := s.workspaceEdit(d, fix.Edits)
				if fix.Path != "" {
					uri, edits, ok := s.fixElsewhere(fix)
					if !ok {
						continue
					}
					edit = &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{uri: edits}}
				}
				actions = append(actions, protocol.CodeAction{
					Title:       fix.Title,
					Kind:        protocol.QuickFix,
					Diagnostics: []protocol.Diagnostic{diags[i]},
					IsPreferred: fix.Safe && len(f.Fixes) == 1,
					Edit:        edit,
				})
			}
		}
	}
	if wants(params.Context.Only, sourceFixAll) {
		if edits := lint.FixAll(findings); len(edits) > 0 {
			actions = append(actions, protocol.CodeAction{
				Title: "Fix all safe httpcode-lsp findings",
				Kind:  sourceFixAll,
				Edit:  s.workspaceEdit(d, edits),
			})
		}
	}
	return actions, nil
}

// wants reports whether a client's `only` filter admits kind: an empty
// filter admits all, "source" admits "source.fixAll".
func wants(only []protocol.CodeActionKind, kind protocol.CodeActionKind) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if o == kind || strings.HasPrefix(string(kind), string(o)+".") {
			return true
		}
	}
	return false
}

func (s *Server) workspaceEdit(d *document, edits []lint.Edit) *protocol.WorkspaceEdit {
	enc := s.positionEncoding()
	out := make([]protocol.TextEdit, 0, len(edits))
	for _, e := range edits {
		out = append(out, protocol.TextEdit{Range: d.snap.Range(e.Start, e.End, enc), NewText: e.NewText})
	}
	return &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{d.snap.URI: out}}
}
