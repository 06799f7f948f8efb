package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// A client may write its whole session at once and close its end: every
// request read before the end of the input is still answered (in any
// order, as JSON-RPC allows), shutdown included.
func TestBurstThenEndOfInput(t *testing.T) {
	frame := func(msg string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(msg), msg) }
	session := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`) +
		frame(`{"jsonrpc":"2.0","method":"initialized","params":{}}`) +
		frame(`{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///never-opened.go"},"position":{"line":0,"character":0}}}`) +
		frame(`{"jsonrpc":"2.0","id":3,"method":"shutdown"}`)
	for _, tc := range []struct {
		name, input string
		code        int
	}{
		{"shutdown, exit", session + frame(`{"jsonrpc":"2.0","method":"exit"}`), 0},
		{"shutdown, no exit", session, 0},
	} {
		for run := 0; run < 3; run++ {
			cmd := exec.Command(binary)
			cmd.Stdin = strings.NewReader(tc.input)
			var stdout bytes.Buffer
			cmd.Stdout = &stdout
			err := cmd.Run()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.code {
				t.Errorf("%s: exit code %d, want %d", tc.name, code, tc.code)
			}
			var ids []string
			for _, part := range strings.Split(stdout.String(), "Content-Length: ")[1:] {
				body := part[strings.Index(part, "\r\n\r\n")+4:]
				var m struct {
					ID json.RawMessage `json:"id"`
				}
				if err := json.Unmarshal([]byte(body), &m); err != nil {
					t.Fatalf("%s: frame %q: %v", tc.name, part, err)
				}
				ids = append(ids, string(m.ID))
			}
			slices.Sort(ids)
			if got := strings.Join(ids, ","); got != "1,2,3" || strings.Contains(stdout.String(), `"error"`) {
				t.Errorf("%s: answers to ids %q, want 1,2,3 without errors; stdout %q", tc.name, got, stdout.String())
			}
		}
	}
}
