package config

import (
	"slices"
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
