// Package editors checks the set-ups kept as files for editors no test
// runs (Helix, Zed): each parses as its editor reads it, names the
// httpcode-lsp command with arguments the server takes, attaches it to
// Go, YAML and JSON, and is the snippet the README shows.
package editors

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// command is what `go install ./cmd/httpcode-lsp` puts on PATH.
const command = "httpcode-lsp"

func TestHelixLanguagesTOML(t *testing.T) {
	var cfg struct {
		LanguageServer map[string]struct {
			Command string   `toml:"command"`
			Args    []string `toml:"args"`
		} `toml:"language-server"`
		Language []struct {
			Name            string   `toml:"name"`
			LanguageServers []string `toml:"language-servers"`
		} `toml:"language"`
	}
	src := readSnippet(t, "helix/languages.toml", "toml")
	md, err := toml.Decode(src, &cfg)
	if err != nil {
		t.Fatal(err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		t.Errorf("keys Helix would not read here: %v", undecoded)
	}
	server, ok := cfg.LanguageServer[command]
	if !ok || server.Command != command {
		t.Fatalf("[language-server.%s] command %q, want %q", command, server.Command, command)
	}
	serves(t, server.Args)
	attached := map[string]bool{}
	for _, l := range cfg.Language {
		if slices.Contains(l.LanguageServers, command) {
			attached[l.Name] = true
		}
	}
	for _, name := range []string{"go", "yaml", "json"} {
		if !attached[name] {
			t.Errorf("language %q does not list %s", name, command)
		}
	}
}

func TestZedSettingsJSON(t *testing.T) {
	var cfg struct {
		LSP map[string]struct {
			Binary struct {
				Path      string   `json:"path"`
				Arguments []string `json:"arguments"`
			} `json:"binary"`
		} `json:"lsp"`
		Languages map[string]struct {
			LanguageServers []string `json:"language_servers"`
		} `json:"languages"`
	}
	dec := json.NewDecoder(strings.NewReader(readSnippet(t, "zed/settings.json", "json")))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		t.Fatal(err)
	}
	server, ok := cfg.LSP[command]
	if !ok || server.Binary.Path != command {
		t.Fatalf("lsp.%s.binary.path %q, want %q", command, server.Binary.Path, command)
	}
	serves(t, server.Binary.Arguments)
	for _, name := range []string{"Go", "YAML", "JSON"} {
		// "..." keeps the language's other servers (gopls and the like).
		if servers := cfg.Languages[name].LanguageServers; !slices.Contains(servers, command) || !slices.Contains(servers, "...") {
			t.Errorf("languages.%s.language_servers %q, want %s and \"...\"", name, servers, command)
		}
	}
}

// readSnippet returns a set-up file, failing the test unless the README
// shows it whole in a code block of the language.
func readSnippet(t *testing.T, name, language string) string {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(readme, []byte("```"+language+"\n"+string(src)+"```\n")) {
		t.Errorf("README.md does not show editors/%s as it is", name)
	}
	return string(src)
}

// pipes is the server's stdout and stdin, as one connection.
type pipes struct {
	io.Reader
	io.WriteCloser
}

// serves starts the server with args, as the editor would, and checks that
// it answers initialize and shuts down cleanly.
func serves(t *testing.T, args []string) {
	t.Helper()
	cmd := exec.Command(lsptest.BuildServer(t), args...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := lsptest.New(t, pipes{stdout, stdin})
	result := c.Initialize(`{}`)
	if info, _ := result["serverInfo"].(map[string]interface{}); info["name"] != command {
		t.Errorf("%s %q: serverInfo %v", command, args, result["serverInfo"])
	}
	c.MustCall("shutdown", nil, nil)
	c.Notify("exit", nil)
	if err := cmd.Wait(); err != nil {
		t.Errorf("%s %q: %v\n%s", command, args, err, stderr.String())
	}
}
