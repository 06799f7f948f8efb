// codeaction.go defines textDocument/codeAction: the lint rules' quick
// fixes for the diagnostics in a range, and one action that applies every
// safe fix of the file. A client that takes no CodeAction literals gets
// each as a Command, which workspace/executeCommand carries out by asking
// the client to apply the edit.

package server

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

// applyFixCommand is the command of a fix offered as a Command.
const applyFixCommand = "httpcode-lsp.applyFix"

// contentModified is LSP's error for a request whose document changed
// under it; jsonrpc2 v0.10 has no constant for it.
const contentModified jsonrpc2.Code = -32801

// fixArgument is the argument of applyFixCommand: the edit of a fix
// offered on one version of a document (the edit may change another file,
// such as a spec the fix adds a response to).
type fixArgument struct {
	URI     protocol.DocumentURI   `json:"uri"`
	Version int32                  `json:"version"`
	Title   string                 `json:"title"`
	Edit    protocol.WorkspaceEdit `json:"edit"`
}

// sourceFixAll is LSP 3.15's kind for fixing a whole file; protocol v0.12
// has no constant for it.
const sourceFixAll protocol.CodeActionKind = "source.fixAll"

// codeAction returns the quick fixes of the findings that overlap the
// requested range, and the fix-all action when the file has safe fixes.
func (s *Server) codeAction(ctx context.Context, d *document, params *protocol.CodeActionParams) (any, error) {
	actions, err := s.codeActions(ctx, d, params)
	if err != nil {
		return nil, err
	}
	if sup := s.support(); !sup.actionLiterals {
		return asCommands(d, actions, sup.applyEdit), nil
	}
	return actions, nil
}

// asCommands turns actions into Commands, for a client that takes no
// CodeAction literals; none for a client that cannot apply an edit.
func asCommands(d *document, actions []protocol.CodeAction, applyEdit bool) []protocol.Command {
	cmds := []protocol.Command{}
	if !applyEdit {
		return cmds
	}
	for _, a := range actions {
		arg := fixArgument{URI: d.snap.URI, Version: d.snap.Version, Title: a.Title, Edit: *a.Edit}
		cmds = append(cmds, protocol.Command{Title: a.Title, Command: applyFixCommand, Arguments: []any{arg}})
	}
	return cmds
}

// codeActions returns the actions for the range as CodeAction literals.
func (s *Server) codeActions(ctx context.Context, d *document, params *protocol.CodeActionParams) ([]protocol.CodeAction, error) {
	actions := []protocol.CodeAction{}
	if d == nil || !s.sched.analysed(ctx, d) {
		return actions, nil
	}
	enc := s.positionEncoding()
	start, end := d.snap.Offset(params.Range.Start, enc), d.snap.Offset(params.Range.End, enc)
	findings := s.findings(d)

	if wants(params.Context.Only, protocol.QuickFix) {
		// Only the findings in the range are converted: a document may
		// have 200,000.
		var here []lint.Finding
		for _, f := range findings {
			if f.End >= start && f.Start <= end {
				here = append(here, f)
			}
		}
		diags := slices.Collect(s.diagnostics(d, here))
		for i, f := range here {
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

// executeCommand carries out a fix offered as a Command: it asks the
// client to apply the fix's edits, if the document is still the version
// they were made for.
func (s *Server) executeCommand(ctx context.Context, d *document, params *protocol.ExecuteCommandParams) (any, error) {
	if params.Command != applyFixCommand {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "unknown command %q (httpcode-lsp has %q)", params.Command, applyFixCommand)
	}
	var arg fixArgument
	if len(params.Arguments) != 1 || remarshal(params.Arguments[0], &arg) != nil || arg.URI == "" {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%s takes one argument, the fix that codeAction gave", applyFixCommand)
	}
	if d == nil || d.snap.Version != arg.Version {
		return nil, jsonrpc2.NewError(contentModified, "the document changed since the fix was offered; ask for the fixes again")
	}
	conn := s.connection()
	if conn == nil {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	edit := protocol.ApplyWorkspaceEditParams{Label: arg.Title, Edit: arg.Edit}
	var res protocol.ApplyWorkspaceEditResponse
	if err := conn.Call(ctx, "workspace/applyEdit", edit, &res); err != nil {
		return nil, err
	}
	if !res.Applied {
		return nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "the client did not apply the fix: %s", res.FailureReason)
	}
	return nil, nil
}

// remarshal decodes v, a value decoded from JSON into interfaces, into out.
func remarshal(v any, out any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}
