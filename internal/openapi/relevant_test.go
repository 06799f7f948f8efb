package openapi

import "testing"

func TestRelevant(t *testing.T) {
	for _, tc := range []struct {
		src          string
		statusValues bool
		extra        []string
		want         bool
	}{
		{"[1, 2, 3]", true, nil, false},
		{"- 1\n- 2\n", true, nil, false},
		{`{"name": "x", "scripts": {}}`, false, nil, false},
		{`{"openapi": "3.0.0"}`, false, nil, true},
		{"swagger: '2.0'\n", false, nil, true},
		{"x:\n  responses:\n    '200': {}\n", false, nil, true},
		{"'200':\n  description: OK\n", false, nil, true},
		{"'200':\n  $ref: '#/x'\n", false, nil, true},
		{`{"4XX" : {"description": "x"}}`, false, nil, true},
		{"default:\n  description: x\n", false, nil, true},
		{"? 200\n: {description: x}\n", false, nil, true},
		{"{\"200\"\n: {\"description\": \"x\"}}", false, nil, true},
		// A description is no response without a status key.
		{`[{"id": 200, "description": "x"}, {"id": 404, "2000": 2}]`, false, nil, false},
		{"items:\n- description: x\n  count: 200\n", false, nil, false},
		// Keys are compared as Match compares them.
		{"Expected-Status: 200\n", true, nil, true},
		{"Expected-Status: 200\n", false, nil, false},
		{"RETRY_ON: [502]\n", true, nil, true},
		{"s_t_a_t_u_s: 200\n", true, nil, true},
		{"myKey: 200\n", true, nil, false},
		{"my-key: 200\n", true, []string{"MyKey"}, true},
		{"'it''s': 200\n", true, []string{"it's"}, true},
		// An escape may spell any key.
		{`{"\u006fpenapi": "3.0.0"}`, false, nil, true},
		{"\"st\\x61tus\": 200\n", true, nil, true},
		{"\"open\\\n  api\": 3.0.0\n", false, nil, true},
		{`{"a": "\n\t\\"}`, false, nil, false},
	} {
		if got := Relevant([]byte(tc.src), tc.statusValues, tc.extra); got != tc.want {
			t.Errorf("Relevant(%q, %v, %q) = %v, want %v", tc.src, tc.statusValues, tc.extra, got, tc.want)
		}
	}
}

func TestDeclared(t *testing.T) {
	for src, want := range map[string]bool{
		"openapi: 3.0.3\n":                 true,
		"  swagger : '2.0'\n":              true,
		`{"openapi": "3.1.0", "paths": [}`: true,
		`{"a": 1,"swagger":"2.0"}`:         true,
		"info:\n  x-openapi: 1\n":          false,
		"description: see openapi: docs\n": false,
		`{"name": "openapi"}`:              false,
		"openapi\n":                        false,
		"":                                 false,
	} {
		if got := Declared([]byte(src)); got != want {
			t.Errorf("Declared(%q) = %v, want %v", src, got, want)
		}
	}
}
