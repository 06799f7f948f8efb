// bench_test.go: benchmarks on a 10 MB document.
package text

import (
	"math/rand/v2"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// benchText is about 10 MB of source-like lines: mostly ASCII, some é, 😀
// and CJK, CRLF endings on a quarter of them.
func benchText() []byte {
	lines := []string{
		"\tw.WriteHeader(http.StatusOK)\n",
		"\t// é: the café returns 418 😀 when asked for coffee\r\n",
		"      '404': { description: 状态码 未找到 }\n",
		"func handler(w http.ResponseWriter, r *http.Request) { return }\n",
	}
	var b strings.Builder
	for i := 0; b.Len() < 10<<20; i++ {
		b.WriteString(lines[i%len(lines)])
	}
	return []byte(b.String())
}

// benchPoints returns random offsets into s and the positions they map to.
func benchPoints(s *Snapshot, enc Encoding) ([]int, []protocol.Position) {
	rng := rand.New(rand.NewPCG(1, 2))
	offsets := make([]int, 1024)
	positions := make([]protocol.Position, len(offsets))
	for i := range offsets {
		offsets[i] = rng.IntN(len(s.text) + 1)
		positions[i] = s.Position(offsets[i], enc)
	}
	return offsets, positions
}

var benchSink int

func BenchmarkPosition(b *testing.B) {
	s := NewSnapshot("file:///bench", 1, "", benchText())
	for _, enc := range encodings {
		b.Run(enc.String(), func(b *testing.B) {
			offsets, _ := benchPoints(s, enc)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				benchSink += int(s.Position(offsets[i%len(offsets)], enc).Character)
			}
		})
	}
	b.Run("one-10MB-line", func(b *testing.B) {
		long := NewSnapshot("file:///bench", 1, "", []byte(strings.Repeat("é😀状x", 1<<20)))
		offsets, _ := benchPoints(long, UTF16)
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			benchSink += int(long.Position(offsets[i%len(offsets)], UTF16).Character)
		}
	})
}

func BenchmarkOffset(b *testing.B) {
	s := NewSnapshot("file:///bench", 1, "", benchText())
	for _, enc := range encodings {
		b.Run(enc.String(), func(b *testing.B) {
			_, positions := benchPoints(s, enc)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				benchSink += s.Offset(positions[i%len(positions)], enc)
			}
		})
	}
}

func BenchmarkNewSnapshot(b *testing.B) {
	text := benchText()
	lf := []byte(strings.ReplaceAll(string(text), "\r\n", "\n"))
	for _, c := range []struct {
		name string
		text []byte
	}{{"crlf", text}, {"lf-only", lf}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			for b.Loop() {
				benchSink += NewSnapshot("file:///bench", 1, "", c.text).LineCount()
			}
		})
	}
}

func BenchmarkApply(b *testing.B) {
	s := NewSnapshot("file:///bench", 1, "", benchText())
	mid := s.Position(len(s.text)/2, UTF16)
	one := []Change{{Range: &protocol.Range{Start: mid, End: mid}, Text: "x"}}
	var ten []Change
	for i := range 10 {
		p := protocol.Position{Line: mid.Line + uint32(i*100), Character: 1}
		ten = append(ten, Change{Range: &protocol.Range{Start: p, End: p}, Text: "y\n"})
	}
	for _, c := range []struct {
		name    string
		changes []Change
	}{{"one-insert", one}, {"ten-inserts", ten}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(s.text)))
			b.ReportAllocs()
			for b.Loop() {
				next, _, err := s.Apply(2, c.changes, UTF16)
				if err != nil {
					b.Fatal(err)
				}
				benchSink += len(next.text)
			}
		})
	}
}
