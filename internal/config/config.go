package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// FileName is the configuration file looked for at the workspace root.
const FileName = ".httpcode-lsp.yaml"

// MaxFileSize bounds the configuration file, for the server and the
// command line alike: a few kilobytes are plenty, and a larger file is
// not read (it could be a link to something that never ends).
const MaxFileSize = 1 << 20

// Config is the whole configuration.
type Config struct {
	// Rules sets a rule's severity by its ID: "error", "warning",
	// "info", "hint", or "off" to disable it.
	Rules map[string]string `json:"rules"`
	// Codes makes extra status codes known, with their reason phrase
	// ("499": "Client Closed Request").
	Codes map[string]string `json:"codes"`
	YAML  YAML              `json:"yaml"`
	// Limits bound the work the language server spends on one file.
	Limits Limits `json:"limits"`
	// InlayHints shows the reason phrase after numeric codes in the
	// editor; nil means the default, on.
	InlayHints *bool `json:"inlayHints"`
	// Contract ties OpenAPI documents to the Go packages they describe;
	// without it, a document describes the code when the code's routes
	// serve its operations.
	Contract []Contract `json:"contract"`
}

// Contract is one OpenAPI document and the Go packages it describes.
type Contract struct {
	// Spec is the document's path, relative to the workspace root.
	Spec string `json:"spec"`
	// Code is a package pattern relative to the root: ./... (the
	// default), ./cmd/api/..., ./internal/http.
	Code string `json:"code"`
}

// CodePattern returns Code or its default, ./... .
func (c Contract) CodePattern() string {
	if strings.TrimSpace(c.Code) == "" {
		return "./..."
	}
	return c.Code
}

// HintsOn reports whether inlay hints are shown.
func (c Config) HintsOn() bool { return c.InlayHints == nil || *c.InlayHints }

// Limits bound the work the language server spends on one file. Zero
// values mean the defaults.
type Limits struct {
	// MaxDocumentSize is the size in bytes above which a document is not
	// analysed (DefaultMaxDocumentSize).
	MaxDocumentSize int64 `json:"maxDocumentSize"`
	// AnalysisTimeout is how long hover, completion, code actions and
	// diagnostics wait for a document's analysis, as a Go duration such
	// as "10s" (DefaultAnalysisTimeout).
	AnalysisTimeout string `json:"analysisTimeout"`
}

// The default limits: GitHub's 13 MB REST description is analysed in
// about a second.
const (
	DefaultMaxDocumentSize = 16 << 20
	DefaultAnalysisTimeout = 10 * time.Second
)

// MaxSize returns MaxDocumentSize or its default.
func (l Limits) MaxSize() int64 {
	if l.MaxDocumentSize > 0 {
		return l.MaxDocumentSize
	}
	return DefaultMaxDocumentSize
}

// Timeout returns AnalysisTimeout or its default; Check has rejected a
// value that does not parse.
func (l Limits) Timeout() time.Duration {
	if d, err := time.ParseDuration(l.AnalysisTimeout); err == nil && d > 0 {
		return d
	}
	return DefaultAnalysisTimeout
}

// YAML configures plain YAML documents.
type YAML struct {
	// StatusKeys are keys whose values (or list items) are HTTP status
	// codes, in addition to the built-in ones.
	StatusKeys []string `json:"statusKeys"`
}

// Sections are the names under which editors nest this server's settings
// in workspace/didChangeConfiguration (VS Code sends
// {"httpcodeLsp": {...}}); settings without one are taken as they are.
var Sections = []string{"httpcodeLsp", "httpcode-lsp"}

// Merge returns c with the settings in raw (a JSON object in Config's
// shape, possibly nested under one of Sections) applied over it. Fields raw
// does not mention keep their value. null or empty raw changes nothing. On
// error c is returned unchanged with the error.
func (c Config) Merge(raw json.RawMessage) (Config, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return c, nil
	}
	var sections map[string]json.RawMessage
	if err := json.Unmarshal(raw, &sections); err != nil {
		return c, fmt.Errorf("settings: %w", err)
	}
	for _, name := range Sections {
		if inner, ok := sections[name]; ok {
			raw = inner
			break
		}
	}
	next := c.clone()
	if err := json.Unmarshal(raw, &next); err != nil {
		return c, fmt.Errorf("settings: %w", err)
	}
	return next, nil
}

// clone copies c deeply, so that decoding into the copy leaves c intact.
func (c Config) clone() Config {
	c.Rules = maps.Clone(c.Rules)
	c.Codes = maps.Clone(c.Codes)
	c.YAML.StatusKeys = slices.Clone(c.YAML.StatusKeys)
	c.Contract = slices.Clone(c.Contract)
	return c
}

// Severities are the values a rule may be set to.
var Severities = []string{"error", "warning", "info", "hint", "off"}

// UnknownRuleError is Check's error for a rule ID that isRule does not
// know.
type UnknownRuleError struct{ ID string }

func (e *UnknownRuleError) Error() string { return fmt.Sprintf("rules: unknown rule %q", e.ID) }

// Check reports the first setting that is not valid: an unknown rule ID
// (isRule says which are known; an *UnknownRuleError), a severity not in Severities, a custom
// code that is not a number from 100 to 999 or has no phrase, an empty
// status key, a negative size or a bad duration in limits.
func (c Config) Check(isRule func(id string) bool) error {
	for _, id := range slices.Sorted(maps.Keys(c.Rules)) {
		if !isRule(id) {
			return &UnknownRuleError{ID: id}
		}
		if !slices.Contains(Severities, c.Rules[id]) {
			return fmt.Errorf("rules: %s: severity %q is not one of %s", id, c.Rules[id], strings.Join(Severities, ", "))
		}
	}
	for _, code := range slices.Sorted(maps.Keys(c.Codes)) {
		n, err := strconv.Atoi(code)
		if err != nil || n < 100 || n > 999 {
			return fmt.Errorf("codes: %q is not a status code from 100 to 999", code)
		}
		if strings.TrimSpace(c.Codes[code]) == "" {
			return fmt.Errorf("codes: %s has no reason phrase", code)
		}
	}
	for _, k := range c.YAML.StatusKeys {
		if strings.TrimSpace(k) == "" {
			return fmt.Errorf("yaml.statusKeys: empty key")
		}
	}
	for i, ct := range c.Contract {
		if strings.TrimSpace(ct.Spec) == "" {
			return fmt.Errorf("contract[%d]: no spec (the OpenAPI document's path)", i)
		}
	}
	if c.Limits.MaxDocumentSize < 0 {
		return fmt.Errorf("limits.maxDocumentSize: %d is negative", c.Limits.MaxDocumentSize)
	}
	if t := c.Limits.AnalysisTimeout; t != "" {
		if d, err := time.ParseDuration(t); err != nil || d <= 0 {
			return fmt.Errorf("limits.analysisTimeout: %q is not a positive duration such as \"10s\"", t)
		}
	}
	return nil
}

// FromYAML converts the text of a configuration file into the JSON that
// Merge takes. YAML keys that are numbers (499:) become strings.
func FromYAML(data []byte) (json.RawMessage, error) {
	var v interface{}
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("%s: %w", FileName, err)
	}
	if v == nil {
		return nil, nil
	}
	if _, ok := v.(map[string]interface{}); !ok {
		return nil, fmt.Errorf("%s: the file must be a mapping (rules:, codes:, yaml:)", FileName)
	}
	raw, err := json.Marshal(stringKeys(v))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", FileName, err)
	}
	// A misspelt setting (rule: for rules:) would otherwise be dropped
	// without a word. Editors' settings are not held to this: clients
	// send keys of their own beside ours.
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&Config{}); err != nil {
		if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			return nil, fmt.Errorf("%s: unknown setting %s (the settings are rules, codes, yaml.statusKeys, limits, inlayHints and contract)", FileName, name)
		}
		return nil, fmt.Errorf("%s: %w", FileName, err)
	}
	return raw, nil
}

// stringKeys turns the map[interface{}]interface{} yaml.v3 produces for
// mappings with non-string keys into maps JSON can encode.
func stringKeys(v interface{}) interface{} {
	switch m := v.(type) {
	case map[string]interface{}:
		for k, e := range m {
			m[k] = stringKeys(e)
		}
	case map[interface{}]interface{}:
		out := make(map[string]interface{}, len(m))
		for k, e := range m {
			out[fmt.Sprint(k)] = stringKeys(e)
		}
		return out
	case []interface{}:
		for i, e := range m {
			m[i] = stringKeys(e)
		}
	}
	return v
}
