// bench_test.go: benchmarks on a 10 MB document.
package text

import (
	"math/rand/v2"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
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
		offsets[i] = rng.IntN(s.Len() + 1)
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
	mid := s.Position(s.Len()/2, UTF16)
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
			b.SetBytes(int64(s.Len()))
			b.ReportAllocs()
			for b.Loop() {
				next, _, err := s.Apply(2, c.changes, UTF16)
				if err != nil {
					b.Fatal(err)
				}
				benchSink += next.Len()
			}
		})
	}
}

// BenchmarkLongLine converts the offset at column 2,000,000 of a 4 MB
// minified JSON line, and back, from the line's checkpoints (lines.Marks)
// and, in the same run, from the line's start as before them: a snapshot
// without checkpoints; and after a keystroke, from checkpoints carried
// over it and from checkpoints made again. The short-line pair is the
// common case, which the checkpoints must not slow.
func BenchmarkLongLine(b *testing.B) {
	var long strings.Builder
	for long.Len() < 4<<20 {
		long.WriteString(`{"200":{"description":"OK — café 😀"},"404":{"description":"Not Found"}},`)
	}
	for _, c := range []struct {
		name string
		text []byte
		at   int
	}{{"column-2M", []byte(long.String()), 2_000_000}, {"short-lines", benchText(), 5 << 20}} {
		s := NewSnapshot("file:///bench", 1, "", c.text)
		old := &Snapshot{text: s.text}
		old.idx.Store(&index{text: s.flat().text, lines: s.flat().lines})
		p := s.Position(c.at, UTF16)
		if c.name == "column-2M" {
			// A keystroke at column 1,000,000 (Apply copies the 4 MB
			// line) and the first conversion after it: on checkpoints
			// carried over the edit, or made again for the new snapshot.
			mid := s.Position(1_000_000, UTF16)
			typed := []Change{{Range: &protocol.Range{Start: mid, End: mid}, Text: "x"}}
			s.Offset(p, UTF16) // makes the line's checkpoints
			b.Run(c.name+"/after-a-keystroke/carried", func(b *testing.B) {
				for b.Loop() {
					next, _, _ := s.Apply(2, typed, UTF16)
					benchSink += int(next.Position(c.at, UTF16).Character)
				}
			})
			b.Run(c.name+"/after-a-keystroke/made-again", func(b *testing.B) {
				for b.Loop() {
					next, _, _ := s.Apply(2, typed, UTF16)
					x := *next.flat()
					x.marks = lines.NewMarks()
					next.idx.Store(&x)
					benchSink += int(next.Position(c.at, UTF16).Character)
				}
			})
		}
		for _, v := range []struct {
			name string
			s    *Snapshot
		}{{"checkpoints", s}, {"from-line-start", old}} {
			b.Run(c.name+"/position/"+v.name, func(b *testing.B) {
				for b.Loop() {
					benchSink += int(v.s.Position(c.at, UTF16).Character)
				}
			})
			b.Run(c.name+"/offset/"+v.name, func(b *testing.B) {
				for b.Loop() {
					benchSink += v.s.Offset(p, UTF16)
				}
			})
		}
	}
}
