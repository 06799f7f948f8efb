// Values followed to a status: every role but a definition is checked.
package handlers

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

const statusRetry = 503 // a definition

var reasons = map[int]string{200: "OK", 404: "Not Found"} // a status→text table

func respond(w http.ResponseWriter, code int) { w.WriteHeader(code) }

func h(w http.ResponseWriter, resp *http.Response) {
	code := 201 // want "use-status-constant: use http.StatusCreated instead of 201"
	respond(w, code)
	respond(w, statusRetry)
	if resp.StatusCode >= 500 || resp.StatusCode < 200 {
		return
	}
	_ = reasons[resp.StatusCode]
}

func TestH(t *testing.T, rec *Recorder) {
	tests := []struct{ want int }{{want: 409}} // want "use-status-constant: use http.StatusConflict instead of 409"
	for _, tt := range tests {
		assert.Equal(t, tt.want, rec.Code)
	}
}
