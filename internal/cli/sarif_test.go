package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// The SARIF output is checked against the official SARIF 2.1.0 schema in
// testdata (see testdata/README.md) by jsonSchema below: a JSON Schema
// draft-04 validator for the keywords that schema uses. A test makes sure
// the schema uses no keyword the validator does not implement, and others
// that it rejects broken logs.

// jsonSchema validates instances against a draft-04 schema whose $refs
// point into the same document.
type jsonSchema struct {
	root map[string]interface{}
}

// schemaKeywords are the keywords jsonSchema implements, and the
// annotations it may ignore.
var schemaKeywords = map[string]bool{
	"$ref": true, "type": true, "enum": true, "properties": true, "additionalProperties": true,
	"required": true, "items": true, "minItems": true, "maxItems": true, "uniqueItems": true,
	"minimum": true, "maximum": true, "pattern": true, "format": true,
	"anyOf": true, "oneOf": true, "allOf": true, "not": true,
	// annotations
	"description": true, "default": true, "title": true, "id": true, "$schema": true, "definitions": true,
}

func loadSchema(t *testing.T) *jsonSchema {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]interface{}
	if err := decodeJSON(data, &root); err != nil {
		t.Fatal(err)
	}
	return &jsonSchema{root: root}
}

// decodeJSON keeps numbers as json.Number, so that 1 and 1.5 differ.
func decodeJSON(data []byte, v interface{}) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}

// usedKeywords lists the keywords of every schema in the document.
func usedKeywords(s interface{}, out map[string]bool) {
	m, ok := s.(map[string]interface{})
	if !ok {
		return
	}
	for k, v := range m {
		out[k] = true
		switch k {
		case "properties", "definitions":
			for _, sub := range v.(map[string]interface{}) {
				usedKeywords(sub, out)
			}
		case "items", "additionalProperties", "not":
			usedKeywords(v, out)
		case "anyOf", "oneOf", "allOf":
			for _, sub := range v.([]interface{}) {
				usedKeywords(sub, out)
			}
		}
	}
}

func (js *jsonSchema) validate(inst interface{}) []string {
	var errs []string
	js.check(js.root, inst, "$", &errs)
	return errs
}

func (js *jsonSchema) resolve(ref string) map[string]interface{} {
	if !strings.HasPrefix(ref, "#/") {
		panic("unsupported $ref " + ref)
	}
	var cur interface{} = js.root
	for _, part := range strings.Split(ref[2:], "/") {
		cur = cur.(map[string]interface{})[part]
	}
	return cur.(map[string]interface{})
}

func jsonType(v interface{}) string {
	switch n := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case []interface{}:
		return "array"
	case map[string]interface{}:
		return "object"
	case json.Number:
		if _, err := n.Int64(); err == nil {
			return "integer"
		}
		return "number"
	}
	return fmt.Sprintf("%T", v)
}

func typeMatches(want string, v interface{}) bool {
	got := jsonType(v)
	return got == want || (want == "number" && got == "integer")
}

func number(v interface{}) *big.Float {
	f, _, err := big.ParseFloat(string(v.(json.Number)), 10, 64, big.ToNearestEven)
	if err != nil {
		panic(err)
	}
	return f
}

func canonical(v interface{}) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func (js *jsonSchema) check(schema map[string]interface{}, inst interface{}, path string, errs *[]string) {
	fail := func(format string, args ...interface{}) {
		*errs = append(*errs, path+": "+fmt.Sprintf(format, args...))
	}
	if ref, ok := schema["$ref"].(string); ok {
		js.check(js.resolve(ref), inst, path, errs) // draft-04: siblings of $ref are ignored
		return
	}
	switch t := schema["type"].(type) {
	case string:
		if !typeMatches(t, inst) {
			fail("type %s, want %s", jsonType(inst), t)
			return
		}
	case []interface{}:
		ok := false
		for _, w := range t {
			ok = ok || typeMatches(w.(string), inst)
		}
		if !ok {
			fail("type %s, want one of %v", jsonType(inst), t)
			return
		}
	}
	if enum, ok := schema["enum"].([]interface{}); ok {
		found := false
		for _, e := range enum {
			found = found || canonical(e) == canonical(inst)
		}
		if !found {
			fail("%s is not one of %v", canonical(inst), enum)
		}
	}
	switch v := inst.(type) {
	case map[string]interface{}:
		props, _ := schema["properties"].(map[string]interface{})
		for _, req := range asSlice(schema["required"]) {
			if _, ok := v[req.(string)]; !ok {
				fail("missing required property %q", req)
			}
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if sub, ok := props[k]; ok {
				js.check(sub.(map[string]interface{}), v[k], path+"."+k, errs)
				continue
			}
			switch ap := schema["additionalProperties"].(type) {
			case bool:
				if !ap {
					fail("property %q is not allowed", k)
				}
			case map[string]interface{}:
				js.check(ap, v[k], path+"."+k, errs)
			}
		}
	case []interface{}:
		if n, ok := schema["minItems"].(json.Number); ok && int64(len(v)) < mustInt(n) {
			fail("%d items, want at least %s", len(v), n)
		}
		if n, ok := schema["maxItems"].(json.Number); ok && int64(len(v)) > mustInt(n) {
			fail("%d items, want at most %s", len(v), n)
		}
		if u, _ := schema["uniqueItems"].(bool); u {
			seen := map[string]bool{}
			for _, e := range v {
				if c := canonical(e); seen[c] {
					fail("duplicate item %s", c)
				} else {
					seen[c] = true
				}
			}
		}
		if items, ok := schema["items"].(map[string]interface{}); ok {
			for i, e := range v {
				js.check(items, e, fmt.Sprintf("%s[%d]", path, i), errs)
			}
		}
	case json.Number:
		if m, ok := schema["minimum"]; ok && number(v).Cmp(number(m)) < 0 {
			fail("%s is below the minimum %s", v, m)
		}
		if m, ok := schema["maximum"]; ok && number(v).Cmp(number(m)) > 0 {
			fail("%s is above the maximum %s", v, m)
		}
	case string:
		if p, ok := schema["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(v) {
			fail("%q does not match %s", v, p)
		}
		switch schema["format"] {
		case "uri":
			if u, err := url.Parse(v); err != nil || u.Scheme == "" {
				fail("%q is not an absolute URI", v)
			}
		case "uri-reference":
			if _, err := url.Parse(v); err != nil {
				fail("%q is not a URI reference", v)
			}
		case "date-time":
			if _, err := time.Parse(time.RFC3339, v); err != nil {
				fail("%q is not a date-time", v)
			}
		}
	}
	for _, sub := range asSlice(schema["allOf"]) {
		js.check(sub.(map[string]interface{}), inst, path, errs)
	}
	if anyOf := asSlice(schema["anyOf"]); len(anyOf) > 0 && js.matching(anyOf, inst, path) == 0 {
		fail("matches none of anyOf")
	}
	if one := asSlice(schema["oneOf"]); len(one) > 0 {
		if n := js.matching(one, inst, path); n != 1 {
			fail("matches %d of oneOf, want exactly 1", n)
		}
	}
	if not, ok := schema["not"].(map[string]interface{}); ok {
		var sub []string
		js.check(not, inst, path, &sub)
		if len(sub) == 0 {
			fail("matches the schema under not")
		}
	}
}

func (js *jsonSchema) matching(schemas []interface{}, inst interface{}, path string) int {
	n := 0
	for _, s := range schemas {
		var sub []string
		js.check(s.(map[string]interface{}), inst, path, &sub)
		if len(sub) == 0 {
			n++
		}
	}
	return n
}

func asSlice(v interface{}) []interface{} {
	s, _ := v.([]interface{})
	return s
}

func mustInt(n json.Number) int64 {
	i, err := n.Int64()
	if err != nil {
		panic(err)
	}
	return i
}

func TestSchemaKeywordsSupported(t *testing.T) {
	js := loadSchema(t)
	used := map[string]bool{}
	usedKeywords(js.root, used)
	for k := range used {
		if !schemaKeywords[k] {
			t.Errorf("the SARIF schema uses %q, which the test's validator does not implement", k)
		}
	}
	if js.root["title"] == nil || !strings.Contains(js.root["title"].(string), "2.1.0") {
		t.Errorf("testdata holds another schema: %v", js.root["title"])
	}
}

// sarifOf runs check --format sarif on a copy of examples/.
func sarifOf(t *testing.T) []byte {
	t.Helper()
	dir := copyExamples(t)
	res := runCheck(t, dir, "--format", "sarif", "examples")
	if res.code != ExitFindings {
		t.Fatalf("exit %d, stderr %s", res.code, res.stderr)
	}
	return []byte(res.stdout)
}

func TestSARIFValidAgainstSchema(t *testing.T) {
	js := loadSchema(t)
	var log interface{}
	if err := decodeJSON(sarifOf(t), &log); err != nil {
		t.Fatal(err)
	}
	for _, e := range js.validate(log) {
		t.Error(e)
	}
}

func TestSARIFValidWithErrorsAndNoFindings(t *testing.T) {
	js := loadSchema(t)
	dir := t.TempDir()
	writeFile(t, dir, "ok.go", "package ok\n")
	if err := os.Symlink("missing.yaml", filepath.Join(dir, "gone.yaml")); err != nil {
		t.Fatal(err)
	}
	res := runCheck(t, dir, "--format", "sarif")
	if res.code != ExitError {
		t.Fatalf("exit %d, want 2", res.code)
	}
	var log map[string]interface{}
	if err := decodeJSON([]byte(res.stdout), &log); err != nil {
		t.Fatal(err)
	}
	for _, e := range js.validate(log) {
		t.Error(e)
	}
	run := log["runs"].([]interface{})[0].(map[string]interface{})
	if results := run["results"].([]interface{}); len(results) != 0 {
		t.Errorf("results %v, want []", results)
	}
	inv := run["invocations"].([]interface{})[0].(map[string]interface{})
	if inv["executionSuccessful"] != false || len(asSlice(inv["toolExecutionNotifications"])) != 1 {
		t.Errorf("invocation %v, want one notification and executionSuccessful false", inv)
	}
}

// TestSchemaValidatorRejects makes sure the validator is not a rubber
// stamp: each broken copy of a valid log must fail.
func TestSchemaValidatorRejects(t *testing.T) {
	js := loadSchema(t)
	valid := sarifOf(t)
	for name, breakIt := range map[string]func(log map[string]interface{}){
		"no version":       func(l map[string]interface{}) { delete(l, "version") },
		"wrong version":    func(l map[string]interface{}) { l["version"] = "2.0.0" },
		"unknown property": func(l map[string]interface{}) { l["extra"] = true },
		"hint level": func(l map[string]interface{}) {
			result(l)["level"] = "hint"
		},
		"no message": func(l map[string]interface{}) { delete(result(l), "message") },
		"column 0": func(l map[string]interface{}) {
			loc := asSlice(result(l)["locations"])[0].(map[string]interface{})
			loc["physicalLocation"].(map[string]interface{})["region"].(map[string]interface{})["startColumn"] = json.Number("0")
		},
		"no driver name": func(l map[string]interface{}) {
			run := asSlice(l["runs"])[0].(map[string]interface{})
			delete(run["tool"].(map[string]interface{})["driver"].(map[string]interface{}), "name")
		},
		"relative informationUri": func(l map[string]interface{}) {
			run := asSlice(l["runs"])[0].(map[string]interface{})
			run["tool"].(map[string]interface{})["driver"].(map[string]interface{})["informationUri"] = "example"
		},
		"bad columnKind": func(l map[string]interface{}) {
			asSlice(l["runs"])[0].(map[string]interface{})["columnKind"] = "characters"
		},
	} {
		var log map[string]interface{}
		if err := decodeJSON(valid, &log); err != nil {
			t.Fatal(err)
		}
		breakIt(log)
		if errs := js.validate(log); len(errs) == 0 {
			t.Errorf("%s: the validator accepted a broken log", name)
		}
	}
}

func result(log map[string]interface{}) map[string]interface{} {
	run := asSlice(log["runs"])[0].(map[string]interface{})
	return asSlice(run["results"])[0].(map[string]interface{})
}

func TestSARIFRulesAndResults(t *testing.T) {
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version string
					Rules   []struct {
						ID                   string
						HelpURI              string
						ShortDescription     struct{ Text string }
						DefaultConfiguration struct{ Level string }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
			}
		}
	}
	if err := json.Unmarshal(sarifOf(t), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	driver := log.Runs[0].Tool.Driver
	if driver.Version != testVersion {
		t.Errorf("driver version %q", driver.Version)
	}
	ids := map[string]bool{}
	for _, r := range driver.Rules {
		if ids[r.ID] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		ids[r.ID] = true
		if r.ShortDescription.Text == "" || r.DefaultConfiguration.Level == "" {
			t.Errorf("rule %s: %+v", r.ID, r)
		}
		if r.ID != "syntax-error" && r.ID != "limits" && !strings.HasSuffix(r.HelpURI, "#"+r.ID) {
			t.Errorf("rule %s: helpUri %q", r.ID, r.HelpURI)
		}
	}
	levels := map[string]bool{}
	for _, res := range log.Runs[0].Results {
		if driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s has ruleIndex %d (%s)", res.RuleID, res.RuleIndex, driver.Rules[res.RuleIndex].ID)
		}
		levels[res.Level] = true
	}
	for _, l := range []string{"error", "warning", "note"} {
		if !levels[l] {
			t.Errorf("no result of level %s in the examples' SARIF (levels %v)", l, levels)
		}
	}
}
