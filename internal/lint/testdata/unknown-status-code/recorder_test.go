// A test file: a proxy's 499 observed is fine; one written to a recorder
// is a hint.
package handlers

import (
	"net/http/httptest"
	"testing"
)

func TestProxy(t *testing.T) {
	rec := httptest.NewRecorder()
	rec.WriteHeader(299) // want "unknown-status-code: 299 is not a registered status code.*\\(hint\\)"
	for _, want := range []int{499, 520} {
		if rec.Code == want {
			return
		}
	}
	if rec.Code >= 299 {
		t.Fatal("x")
	}
}
