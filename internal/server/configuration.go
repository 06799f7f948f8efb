// configuration.go defines the configuration from the workspace's
// .httpcode-lsp.yaml, initializationOptions and
// workspace/didChangeConfiguration, merged in that order.

package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/analysis"
	"github.com/httpcode-lsp/httpcode-lsp/internal/config"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
	"github.com/httpcode-lsp/httpcode-lsp/internal/regfile"
	"github.com/httpcode-lsp/httpcode-lsp/internal/text"
)

// settingsLayers holds each source's settings as JSON; a source whose
// settings are bad holds nil, so the others (and the defaults) stay in
// force.
type settingsLayers struct {
	file, init, change json.RawMessage
	root               string // workspace root directory, "" when unknown
}

// didChangeConfigurationParams keeps the settings as sent.
type didChangeConfigurationParams struct {
	Settings json.RawMessage `json:"settings"`
}

// didChangeConfiguration applies the new settings and re-analyses every
// open document with them.
func (s *Server) didChangeConfiguration(ctx context.Context, params *didChangeConfigurationParams) {
	if len(params.Settings) == 0 || string(params.Settings) == "null" {
		return
	}
	s.setLayer(ctx, func(l *settingsLayers) *json.RawMessage { return &l.change }, params.Settings, "didChangeConfiguration")
}

// setLayer replaces one source's settings after checking that they merge
// into a valid configuration; bad settings are logged and shown, and the
// source keeps its previous settings.
func (s *Server) setLayer(ctx context.Context, layer func(*settingsLayers) *json.RawMessage, raw json.RawMessage, from string) bool {
	s.configuring.Lock()
	defer s.configuring.Unlock()
	s.mu.Lock()
	next := s.layers
	*layer(&next) = raw
	s.mu.Unlock()
	cfg, err := next.merge()
	if err != nil {
		s.log.Error("ignoring bad settings", zap.String("from", from), zap.Error(err))
		s.showError("httpcode-lsp: ignoring bad " + from + " (previous settings kept): " + err.Error())
		return false
	}
	s.mu.Lock()
	s.layers, s.cfg = next, cfg
	s.mu.Unlock()
	s.log.Info("configuration", zap.String("from", from), zap.Any("config", cfg))
	s.reanalyse()
	s.refreshHints()
	return true
}

// merge applies the layers over the defaults and checks the result.
func (l settingsLayers) merge() (config.Config, error) {
	return analysis.Configure(l.file, l.init, l.change)
}

// reanalyse replaces every open document's analysis with one under the
// current configuration. The configuration file itself has its own
// diagnostics.
func (s *Server) reanalyse() {
	for _, d := range s.docs.all() {
		if s.isConfigFile(d.snap.URI) {
			continue
		}
		fresh := s.docs.replace(d.snap.URI, func(cur *document) *document {
			if cur == nil {
				return nil // closed meanwhile
			}
			return s.newDocument(cur.snap, cur, lines.Edit{}) // the same text
		})
		if fresh != nil {
			s.schedule(fresh, 0)
		}
	}
}

// loadConfigFile reads <root>/.httpcode-lsp.yaml into the file layer: the
// text open in the editor when snap is given, else the file on disk. A
// missing file is no configuration; a bad one gets one diagnostic on the
// file and the defaults stay in force.
func (s *Server) loadConfigFile(ctx context.Context, snap *text.Snapshot) {
	s.mu.Lock()
	root := s.layers.root
	s.mu.Unlock()
	if root == "" {
		return
	}
	path := filepath.Join(root, config.FileName)
	uri := fileURI(path)
	var data []byte
	var version int32
	if snap != nil {
		data, version = snap.Text(), snap.Version
	} else {
		b, err := readConfigFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			if s.layersSnapshot().file != nil {
				s.setLayer(ctx, func(l *settingsLayers) *json.RawMessage { return &l.file }, nil, config.FileName)
			}
			return
		}
		if err != nil {
			s.configProblem(ctx, uri, 0, nil, err)
			return
		}
		data = b
	}
	raw, err := config.FromYAML(data)
	if err == nil {
		if _, err = (settingsLayers{file: raw}).merge(); err == nil {
			s.setLayer(ctx, func(l *settingsLayers) *json.RawMessage { return &l.file }, raw, config.FileName)
			s.sendConfigDiagnostic(uri, version, nil)
			return
		}
	}
	s.configProblem(ctx, uri, version, data, err)
}

// readConfigFile reads the configuration file from disk, through regfile:
// a FIFO would block the read for ever, a link to /dev/zero would fill
// memory.
func readConfigFile(path string) ([]byte, error) {
	data, _, err := regfile.Read(path, config.MaxFileSize)
	var notRegular *regfile.NotRegularError
	var tooLarge *regfile.TooLargeError
	switch {
	case errors.As(err, &notRegular):
		return nil, fmt.Errorf("%s is %w; it is not read", config.FileName, err)
	case errors.As(err, &tooLarge):
		return nil, fmt.Errorf("%s is larger than %d KiB; it is not read", config.FileName, config.MaxFileSize>>10)
	}
	return data, err
}

// configProblem reports a bad configuration file: logged once, shown as a
// diagnostic on the file (version is the open file's, 0 for the file on
// disk), the file's settings dropped.
func (s *Server) configProblem(ctx context.Context, uri protocol.DocumentURI, version int32, text []byte, err error) {
	s.log.Error("bad configuration file; using the defaults", zap.String("uri", string(uri)), zap.Error(err))
	s.configuring.Lock()
	defer s.configuring.Unlock()
	s.mu.Lock()
	s.layers.file = nil
	s.mu.Unlock()
	if cfg, merr := s.layersSnapshot().merge(); merr == nil {
		s.mu.Lock()
		s.cfg = cfg
		s.mu.Unlock()
		s.reanalyse()
		s.refreshHints()
	}
	line := problemLine(text, err.Error())
	s.sendConfigDiagnostic(uri, version, []protocol.Diagnostic{{
		Range:    protocol.Range{Start: protocol.Position{Line: line}, End: protocol.Position{Line: line + 1}},
		Severity: protocol.DiagnosticSeverityError,
		Source:   Name,
		Message:  err.Error() + " (the defaults are used until it is fixed)",
	}})
}

func (s *Server) layersSnapshot() settingsLayers {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.layers
}

func (s *Server) sendConfigDiagnostic(uri protocol.DocumentURI, version int32, diags []protocol.Diagnostic) {
	s.publishing.Lock()
	defer s.publishing.Unlock()
	s.send(uri, version, slices.Values(diags))
}

// problemLine guesses the 0-based line a configuration error is about: the
// "line N" of a YAML syntax error, else the first line naming the quoted
// key or value the message names, else the first line.
func problemLine(text []byte, msg string) uint32 {
	if i := strings.Index(msg, "line "); i >= 0 {
		digits := msg[i+5:]
		n := 0
		for n < len(digits) && digits[n] >= '0' && digits[n] <= '9' {
			n++
		}
		if v, err := strconv.Atoi(digits[:n]); err == nil && v > 0 {
			return uint32(v - 1)
		}
	}
	if i := strings.IndexByte(msg, '"'); i >= 0 {
		if j := strings.IndexByte(msg[i+1:], '"'); j > 0 {
			needle := []byte(msg[i+1 : i+1+j])
			t := lines.New(text)
			for n := range t.Count() {
				if bytes.Contains(text[t.Start(n):t.End(text, n)], needle) {
					return uint32(n)
				}
			}
		}
	}
	return 0
}

// showError tells the user through window/showMessage.
func (s *Server) showError(msg string) {
	s.notify(protocol.MethodWindowShowMessage, &protocol.ShowMessageParams{Type: protocol.MessageTypeError, Message: msg})
}

// rootDirs returns the workspace's directories: its folders, else
// rootUri, else rootPath; non-file URIs are left out. The first holds the
// configuration file.
func rootDirs(params *protocol.InitializeParams) []string {
	var roots []string
	for _, f := range params.WorkspaceFolders {
		if p, ok := filePath(protocol.DocumentURI(f.URI)); ok {
			roots = append(roots, p)
		}
	}
	if len(roots) > 0 {
		return roots
	}
	if p, ok := filePath(params.RootURI); ok {
		return []string{p}
	}
	if params.RootPath != "" {
		return []string{params.RootPath}
	}
	return nil
}

// isConfigFile reports whether uri is the workspace's configuration file.
func (s *Server) isConfigFile(uri protocol.DocumentURI) bool {
	root := s.layersSnapshot().root
	if root == "" {
		return false
	}
	path, ok := filePath(uri)
	return ok && path == filepath.Join(root, config.FileName)
}
