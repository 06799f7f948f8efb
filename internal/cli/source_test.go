package cli

import (
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

func TestSourcePositions(t *testing.T) {
	tests := []struct {
		text          string
		offset        int
		line, col     int
		utf16Col      int
		alsoConverted []int // other offsets of the findings
	}{
		{"", 0, 1, 1, 1, nil},
		{"200", 0, 1, 1, 1, nil},
		{"a😀 200", 6, 1, 4, 5, []int{7, 1}},
		{"é\r\n状态 404", 11, 2, 4, 4, []int{0, 12}},
		{"a\rb", 2, 2, 1, 1, nil},
		{"a\r\nb", 2, 1, 2, 2, nil}, // inside the line break
		{"ab", 99, 1, 3, 3, nil},
		{"😀😀x", 2, 1, 1, 1, []int{6}}, // inside a character
	}
	for _, tt := range tests {
		findings := []lint.Finding{{Start: tt.offset, End: tt.offset}}
		for _, o := range tt.alsoConverted {
			findings = append(findings, lint.Finding{Start: o, End: o})
		}
		for _, s := range []*source{newSource([]byte(tt.text), findings, false), newSource([]byte(tt.text), findings, true), newSource([]byte(tt.text), nil, true)} {
			line, col := s.lineCol(tt.offset)
			if line != tt.line || col != tt.col {
				t.Errorf("lineCol(%q, %d) = %d:%d; want %d:%d", tt.text, tt.offset, line, col, tt.line, tt.col)
			}
			if r := sarifRegionOf(s, tt.offset, tt.offset); r.StartColumn != tt.utf16Col || r.StartLine != tt.line {
				t.Errorf("sarifRegionOf(%q, %d) = %+v; want %d:%d", tt.text, tt.offset, r, tt.line, tt.utf16Col)
			}
		}
	}
}

// TestSourceLongLine places findings on a long line, given out of order.
func TestSourceLongLine(t *testing.T) {
	const unit = "é😀a" // 7 bytes, 3 characters, 4 UTF-16 units
	text := strings.Repeat(unit, 20000)
	var findings []lint.Finding
	for k := 19990; k > 0; k -= 997 {
		findings = append(findings, lint.Finding{Start: 7 * k, End: 7*k + 7})
	}
	s := newSource([]byte(text), findings, false)
	for _, f := range findings {
		k := f.Start / 7
		if line, col := s.lineCol(f.Start); line != 1 || col != 3*k+1 {
			t.Fatalf("lineCol(%d) = %d:%d; want 1:%d", f.Start, line, col, 3*k+1)
		}
		if r := sarifRegionOf(s, f.Start, f.End); r.StartColumn != 4*k+1 || r.EndColumn != 4*k+5 {
			t.Fatalf("sarifRegionOf(%d) = %+v; want columns %d..%d", f.Start, r, 4*k+1, 4*k+5)
		}
	}
}
