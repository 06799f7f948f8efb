package jsonrpc

import (
	"encoding/json"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/specgen"
)

// BenchmarkDecodeDidOpen decodes the didOpen message of a 50,000-line
// JSON spec (2.4 MB as a JSON string) and its params, against the
// baseline of reading that message into a map of raw values with
// encoding/json.
func BenchmarkDecodeDidOpen(b *testing.B) {
	text := string(specgen.JSON(specgen.OpenAPI(50000)))
	body, err := json.Marshal(map[string]interface{}{
		"jsonrpc": "2.0", "method": "textDocument/didOpen",
		"params": map[string]interface{}{"textDocument": map[string]interface{}{
			"uri": "file:///api.json", "languageId": "json", "version": 1, "text": text}},
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("baseline", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for i := 0; i < b.N; i++ {
			var m map[string]json.RawMessage
			if err := json.Unmarshal(body, &m); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decodeMessage", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for i := 0; i < b.N; i++ {
			req, _, bad := decodeMessage(body)
			if bad != nil {
				b.Fatal(bad.message)
			}
			var p protocol.DidOpenTextDocumentParams
			if err := DecodeParams(req.Params, &p); err != nil || len(p.TextDocument.Text) != len(text) {
				b.Fatal(err)
			}
		}
	})
}
