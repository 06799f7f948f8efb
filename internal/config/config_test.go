package config

import (
	"slices"
	"strings"
	"testing"
)

func TestMerge(t *testing.T) {
	base := Config{YAML: YAML{StatusKeys: []string{"a"}}}
	for _, tc := range []struct {
		name, raw string
		keys      []string
		wantErr   bool
	}{
		{"empty", ``, []string{"a"}, false},
		{"null", `null`, []string{"a"}, false},
		{"other fields keep their value", `{"unrelated": 1}`, []string{"a"}, false},
		{"top level", `{"yaml": {"statusKeys": ["b", "c"]}}`, []string{"b", "c"}, false},
		{"VS Code section", `{"httpcodeLsp": {"yaml": {"statusKeys": ["d"]}}}`, []string{"d"}, false},
		{"dashed section", `{"httpcode-lsp": {"yaml": {"statusKeys": []}}}`, []string{}, false},
		{"wrong type", `{"yaml": {"statusKeys": 5}}`, []string{"a"}, true},
		{"not an object", `[1]`, []string{"a"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := base.Merge([]byte(tc.raw))
			if (err != nil) != tc.wantErr {
				t.Fatalf("error %v, want error %v", err, tc.wantErr)
			}
			if !slices.Equal(got.YAML.StatusKeys, tc.keys) {
				t.Errorf("status keys %q, want %q", got.YAML.StatusKeys, tc.keys)
			}
			if !slices.Equal(base.YAML.StatusKeys, []string{"a"}) {
				t.Fatalf("Merge changed its receiver: %q", base.YAML.StatusKeys)
			}
		})
	}
}

func TestMergeLayers(t *testing.T) {
	file, err := FromYAML([]byte("rules:\n  missing-header: off\n  unknown-status-code: error\ncodes:\n  499: Client Closed Request\nyaml:\n  statusKeys: [want_code]\n"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Config{}.Merge(file)
	if err != nil {
		t.Fatal(err)
	}
	// A later source sets one rule; the others stay as the file set them.
	c, err = c.Merge([]byte(`{"httpcodeLsp": {"rules": {"missing-header": "warning"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Rules["missing-header"] != "warning" || c.Rules["unknown-status-code"] != "error" {
		t.Errorf("rules %v", c.Rules)
	}
	if c.Codes["499"] != "Client Closed Request" || !slices.Equal(c.YAML.StatusKeys, []string{"want_code"}) {
		t.Errorf("codes %v, keys %v", c.Codes, c.YAML.StatusKeys)
	}
	known := func(id string) bool { return id == "missing-header" || id == "unknown-status-code" }
	if err := c.Check(known); err != nil {
		t.Errorf("valid config: %v", err)
	}
}

func TestCheckAndFileErrors(t *testing.T) {
	known := func(id string) bool { return id == "missing-header" }
	for _, tc := range []struct {
		name, file, want string
	}{
		{"unknown rule", "rules:\n  no-such-rule: off\n", `unknown rule "no-such-rule"`},
		{"bad severity", "rules:\n  missing-header: loud\n", `severity "loud"`},
		{"bad code", "codes:\n  99: Tiny\n", `"99" is not a status code`},
		{"no phrase", "codes:\n  499: ''\n", "499 has no reason phrase"},
		{"syntax", "rules: [\n", ".httpcode-lsp.yaml"},
		{"not a mapping", "- a\n", "must be a mapping"},
		{"wrong type", "yaml:\n  statusKeys: 5\n", "yaml.statusKeys"},
		{"misspelt setting", "rule:\n  missing-header: off\n", `unknown setting "rule"`},
		{"misspelt nested setting", "yaml:\n  statusKey: [x]\n", `unknown setting "statusKey"`},
		{"contract without spec", "contract:\n  - code: ./...\n", "contract[0]: no spec"},
		{"misspelt contract setting", "contract:\n  - spec: a.yaml\n    pkg: ./...\n", `unknown setting "pkg"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw, err := FromYAML([]byte(tc.file))
			if err == nil {
				var c Config
				if c, err = (Config{}).Merge(raw); err == nil {
					err = c.Check(known)
				}
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
	if raw, err := FromYAML(nil); err != nil || raw != nil {
		t.Errorf("empty file: %s, %v", raw, err)
	}
}

// TestContract reads the contract setting, its code pattern defaulting to
// every package.
func TestContract(t *testing.T) {
	raw, err := FromYAML([]byte("contract:\n  - spec: api/openapi.yaml\n    code: ./cmd/api/...\n  - spec: admin.json\n"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := (Config{}).Merge(raw)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Check(func(string) bool { return true }); err != nil {
		t.Fatal(err)
	}
	if len(c.Contract) != 2 || c.Contract[0].Spec != "api/openapi.yaml" || c.Contract[0].CodePattern() != "./cmd/api/..." ||
		c.Contract[1].Spec != "admin.json" || c.Contract[1].CodePattern() != "./..." {
		t.Errorf("contract %+v", c.Contract)
	}
}
