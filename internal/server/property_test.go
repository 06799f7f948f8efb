package server

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// propertyEdits are typed into the specs: whole response entries and
// lines, the pieces of one, and bytes that break the syntax for a while.
var propertyEdits = []string{
	"        '418': {description: x}\n", "        '201':\n          description: Created\n", "      responses:\n",
	"  /things/{id}:\n    delete:\n      responses:\n        '200': {description: OK}\n",
	"'", "\"", ":", " ", "\n", "\t", "4", "0", "9", "2XX", "default", "-", "{", "}", "[", "#", "é", "😀", "\r\n",
	"content:\n            application/json: {}\n", "headers:\n            Location: {schema: {type: string}}\n",
}

// TestIncrementalEditsDiagnoseLikeAFreshOpen is a property test: after
// every edit of a random sequence, the diagnostics of the edited document
// equal those of a fresh open of its text. The edited document is
// analysed from the previous version's parse; the fresh one from nothing.
func TestIncrementalEditsDiagnoseLikeAFreshOpen(t *testing.T) {
	fixtures, _ := filepath.Glob("../lint/testdata/*/*.yaml")
	jsons, _ := filepath.Glob("../lint/testdata/*/*.json")
	if len(fixtures) < 6 || len(jsons) < 1 {
		t.Fatalf("only %d YAML and %d JSON fixtures", len(fixtures), len(jsons))
	}
	fixtures = append(fixtures[:6], jsons[0])
	steps := 60
	if testing.Short() {
		steps = 15
	}
	srv := New(Options{Logger: zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel))})
	s := startServer(t, srv)
	s.Initialize(`{}`)
	for n, path := range fixtures {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			rng := rand.New(rand.NewSource(int64(n)))
			text := string(src)
			ext := filepath.Ext(path)
			uri := fmt.Sprintf("file:///property/edited%d%s", n, ext)
			s.Open(uri, ext[1:], text)
			diagnosticsFor(t, s, uri, 1)
			for v := 2; v < steps+2; v++ {
				// One to three changes in a notification, each on the
				// text the one before it made.
				var changes []interface{}
				for k := rng.Intn(3); k >= 0; k-- {
					var change map[string]interface{}
					text, change = randomEdit(rng, text)
					changes = append(changes, change)
				}
				s.ForgetNotifications()
				s.Notify("textDocument/didChange", map[string]interface{}{
					"textDocument":   map[string]interface{}{"uri": uri, "version": v},
					"contentChanges": changes,
				})
				fresh := fmt.Sprintf("file:///property/fresh%d-%d%s", n, v, ext)
				s.Open(fresh, ext[1:], text)
				got := diagnosticsFor(t, s, uri, uint32(v)).Diagnostics
				want := diagnosticsFor(t, s, fresh, 1).Diagnostics
				s.Notify("textDocument/didClose", map[string]interface{}{"textDocument": map[string]string{"uri": fresh}})
				for i := range want {
					for j := range want[i].RelatedInformation {
						want[i].RelatedInformation[j].Location.URI = protocol.DocumentURI(uri)
					}
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("after edit %d (%v) the text is\n%s\nedited: %+v\nfresh:  %+v", v-1, changes, text, got, want)
				}
				if d, _ := srv.docs.get(protocol.DocumentURI(uri)); string(d.snap.Text()) != text {
					t.Fatalf("after edit %d the server has another text", v-1)
				}
			}
		})
	}
}

// randomEdit replaces a random range of text, between character
// boundaries, with one of propertyEdits or nothing; it returns the new
// text and the change as the client sends it.
func randomEdit(rng *rand.Rand, text string) (string, map[string]interface{}) {
	start := charBoundary(text, rng.Intn(len(text)+1))
	end := start
	if rng.Intn(3) == 0 {
		end = max(start, charBoundary(text, min(len(text), start+rng.Intn(40))))
	}
	ins := ""
	if rng.Intn(4) > 0 {
		ins = propertyEdits[rng.Intn(len(propertyEdits))]
	}
	r := protocol.Range{Start: lsptest.PositionOf(text, start, "utf-16"), End: lsptest.PositionOf(text, end, "utf-16")}
	return text[:start] + ins + text[end:], map[string]interface{}{"range": r, "text": ins}
}

// charBoundary moves at back to the start of its character, and out of
// the middle of a CRLF.
func charBoundary(text string, at int) int {
	for at > 0 && at < len(text) && (text[at]&0xC0 == 0x80 || text[at-1] == '\r' && text[at] == '\n') {
		at--
	}
	return at
}
