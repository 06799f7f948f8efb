// A test file: asserting or looking up 418 is fine; writing it to a
// recorder tests the code path for it, so it is a hint.
package handlers

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTeapot(t *testing.T) {
	rec := httptest.NewRecorder()
	rec.WriteHeader(http.StatusTeapot) // want "deprecated-status-code: 418 is reserved.*\\(hint\\)"
	assert.Equal(t, http.StatusTeapot, rec.Code)
	assert.Equal(t, 305, rec.Code)
	_ = http.StatusText(http.StatusTeapot)
	checkStatus(t, rec, 418)
}

func checkStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	if rec.Code != want {
		t.Errorf("status %d, want %d", rec.Code, want)
	}
}
