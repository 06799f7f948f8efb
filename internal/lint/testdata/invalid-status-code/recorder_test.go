// A test file: codes written to a recorder or fake writer test how the
// handler copes with them, and are hints; asserts and lookups are quiet.
package handlers

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
)

type fakeWriter struct{ code int }

func (f *fakeWriter) WriteHeader(code int) { f.code = code }

func TestOdd(t *testing.T) {
	rec := httptest.NewRecorder()
	rec.WriteHeader(42) // want "invalid-status-code: WriteHeader\\(42\\) panics at run time.*\\(hint\\)"
	rec.Code = 1        // want "invalid-status-code: 1 is not a valid status code.*\\(hint\\)"
	actual := &fakeWriter{}
	actual.WriteHeader(1000) // want "\\(hint\\)"
	assert.Equal(t, 1000, rec.Code)
	if rec.Code != 0 {
		t.Fatal(http.StatusText(1000))
	}
	tests := []struct {
		name string
		code int
	}{
		{"zero", 0},
		{"huge", 1200},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.code, rec.Code)
	}
}
