package handlers

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// A test file writes twice on purpose: nothing is flagged.
func TestSuperfluous(t *testing.T) {
	h := func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "x", http.StatusBadRequest)
		w.WriteHeader(http.StatusOK)
	}
	h(httptest.NewRecorder(), nil)
}
