package jsonrpc

import (
	"encoding/json"
	"strings"
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
			if err := DecodeTyped(req.Params, &p); err != nil || len(p.TextDocument.Text) != len(text) {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDecodeUntyped decodes initialize params whose
// initializationOptions (an untyped value) are 500 arrays nested a
// thousand deep, against the baseline of as many bytes of numbers: with
// DecodeParams the two cost alike, where segmentio's decoder took 50 times
// longer on the nested ones.
func BenchmarkDecodeUntyped(b *testing.B) {
	deep := strings.Repeat(strings.Repeat("[", MaxDepth-2)+strings.Repeat("]", MaxDepth-2)+",", 500) + "1"
	flat := strings.Repeat("1,", len(deep)/2) + "1"
	for _, tc := range []struct{ name, options string }{{"baseline", flat}, {"nested", deep}} {
		params := []byte(`{"capabilities":{},"initializationOptions":[` + tc.options + `]}`)
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(params)))
			for b.Loop() {
				var p protocol.InitializeParams
				if err := DecodeParams(params, &p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
