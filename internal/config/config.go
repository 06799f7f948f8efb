// Package config is httpcode-lsp's configuration. It has one shape wherever
// it comes from — LSP initializationOptions and
// workspace/didChangeConfiguration today — and a later source overrides
// the fields it sets, leaving the others as they were.
package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
)

// Config is the whole configuration.
type Config struct {
	YAML YAML `json:"yaml"`
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
	c.YAML.StatusKeys = slices.Clone(c.YAML.StatusKeys)
	return c
}
