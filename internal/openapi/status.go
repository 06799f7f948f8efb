// status.go: status codes written as values in plain YAML files: test
// suites (expected_status: 404), gateway and retry configuration
// (retriable_status_codes: [502, 503]), Kubernetes annotations
// (nginx.ingress.kubernetes.io/permanent-redirect-code: "308").

package openapi

import (
	"bytes"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
	"github.com/httpcode-lsp/httpcode-lsp/internal/yamldoc"
)

// DefaultStatusKeys name a single status value. Keys are compared without
// case, dashes and underscores, so statusCode also matches status_code
// and StatusCode. A list under one of these keys counts as well.
var DefaultStatusKeys = []string{
	"status", "statusCode", "status_code", "httpStatus", "http_status",
	"expectedStatus", "expected_status", "responseCode", "redirect_code",
}

// DefaultStatusListKeys name a list of status values. A single value under
// one of these keys counts as well. Only the numeric items of a list
// count (Envoy's retry_on is a string of words: nothing there).
var DefaultStatusListKeys = []string{
	"status_codes", "statusCodes", "retriable_status_codes", "retryOn",
	"expected_codes", "retryable_status_codes", "acceptable_status_codes",
}

// StatusKeys is a compiled set of status keys.
type StatusKeys struct {
	names map[string]bool
}

// NewStatusKeys returns the default keys plus extra ones (from the user's
// configuration). Any key matches both a value and a list of values.
func NewStatusKeys(extra []string) *StatusKeys {
	k := &StatusKeys{names: map[string]bool{}}
	for _, list := range [][]string{DefaultStatusKeys, DefaultStatusListKeys, extra} {
		for _, name := range list {
			if n := normalizeKey(name); n != "" {
				k.names[n] = true
			}
		}
	}
	return k
}

// normalizeKey folds case and drops dashes and underscores.
func normalizeKey(s string) string {
	return string(appendNormalized(nil, s))
}

func appendNormalized[T string | []byte](b []byte, s T) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-' || c == '_':
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// Match reports whether a key names a status. code is "code" alone, which
// names a status only where its siblings or parent say so (see
// CodeContext); annotation tells that the key is in the style of a
// Kubernetes annotation, whose values are quoted strings.
func (k *StatusKeys) Match(key string) (ok, code, annotation bool) {
	var buf [64]byte
	n := appendNormalized(buf[:0], key)
	if i := bytes.LastIndexByte(n, '/'); i >= 0 {
		n = n[i+1:]
	}
	switch {
	case k.names[string(n)]:
	case bytes.HasSuffix(n, []byte("redirectcode")):
	case string(n) == "code":
		code = true
	default:
		return false, false, false
	}
	annotation = strings.Contains(key, "/") || strings.HasSuffix(strings.ToLower(key), "-redirect-code")
	return true, code, annotation
}

// mentionsStatus reports whether a key speaks of HTTP statuses, which
// makes a sibling `code` key a status.
func mentionsStatus(key string) bool {
	k := strings.ToLower(key)
	for _, w := range []string{"http", "status", "response", "redirect"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// CodeContext reports whether a `code` key in mapping m, which stands
// under parentKey, names a status: a sibling key or the parent key speaks
// of http, status, response or redirect.
func CodeContext(m *yamldoc.Node, parentKey string) bool {
	if mentionsStatus(parentKey) {
		return true
	}
	if m == nil {
		return false
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Value != "code" && mentionsStatus(k.Value) {
			return true
		}
	}
	return false
}

// StatusValues finds the status codes written as values in a plain YAML
// document: integers 100..599 under the default status keys and the
// extra ones, scalars or list items, and quoted numbers under
// annotation-style keys. Each occurrence has Kind Value and the key as
// Context; its range is the value as written, quotes included.
func StatusValues(d *yamldoc.Doc, extra []string) []occurrence.Occurrence {
	keys := NewStatusKeys(extra)
	var occs []occurrence.Occurrence
	for _, root := range d.Roots {
		yamldoc.Walk(root, func(v yamldoc.Visit) bool {
			m := v.Node
			if m.Kind != yamldoc.MappingNode {
				return true
			}
			parentKey := ""
			if k := v.Key; k != nil {
				parentKey = k.Value
			} else if pk := v.ParentKey(); pk != nil {
				parentKey = pk.Value // a mapping in a list
			}
			for i := 0; i+1 < len(m.Content); i += 2 {
				k, val := m.Content[i], m.Content[i+1]
				ok, code, annotation := keys.Match(k.Value)
				if !ok || code && !CodeContext(m, parentKey) {
					continue
				}
				switch val.Kind {
				case yamldoc.ScalarNode:
					occs = appendValue(occs, d, val, k.Value, annotation)
				case yamldoc.SequenceNode:
					for _, item := range val.Content {
						if item.Kind == yamldoc.ScalarNode {
							occs = appendValue(occs, d, item, k.Value, annotation)
						}
					}
				}
			}
			return true
		})
	}
	occurrence.Sort(occs)
	return occs
}

// appendValue adds a scalar that is a status code.
func appendValue(occs []occurrence.Occurrence, d *yamldoc.Doc, n *yamldoc.Node, key string, quotedOK bool) []occurrence.Occurrence {
	code, ok := statusNumber(n.Value)
	if !ok {
		return occs
	}
	quoted := n.Style&(yamldoc.SingleQuotedStyle|yamldoc.DoubleQuotedStyle) != 0
	if n.Tag() == "!!int" && !quoted || quoted && quotedOK {
		start, end := d.NodeRange(n)
		if start < end {
			occs = append(occs, occurrence.Occurrence{Start: start, End: end, Code: code, Kind: occurrence.Value, Context: key})
		}
	}
	return occs
}

// statusNumber reads a decimal status code 100..599.
func statusNumber(s string) (int, bool) {
	if len(s) != 3 || s[0] < '1' || s[0] > '5' || !isDigit(s[1]) || !isDigit(s[2]) {
		return 0, false
	}
	return int(s[0]-'0')*100 + int(s[1]-'0')*10 + int(s[2]-'0'), true
}
