package handlers

import "net/http"

// @Success 2000 {object} Item // want "invalid-status-code: 2000 is not a valid status code; use a code in 100–599"
// @Failure 400,4040 {object} Error // want "invalid-status-code: 4040 is not a valid"
func h(w http.ResponseWriter, resp *http.Response) {
	w.WriteHeader(1000) // want "invalid-status-code: WriteHeader\\(1000\\) panics at run time; use a code in 100–599"
	w.WriteHeader(99)   // want "invalid-status-code: WriteHeader\\(99\\) panics at run time"
	w.WriteHeader(600)  // want "invalid-status-code: 600 is not a valid status code"
	if resp.StatusCode == 0 {
		return
	}
	if resp.StatusCode != 1200 { // a comparison reads a code, it sends none
		return
	}
	http.Error(w, "x", 0) // want "invalid-status-code: 0 is not a valid"
	code := 999           // want "invalid-status-code: 999 is not a valid"
	w.WriteHeader(code)
	status := 42
	if resp == nil {
		status = 600 // want "invalid-status-code: 600 is not a valid"
	}
	w.WriteHeader(status)
	_ = http.StatusText(1000) // a lookup sends nothing
}

// A constant of the package sent is checked where it is sent.
const tooBig = 1000

func big(w http.ResponseWriter) {
	w.WriteHeader(tooBig) // want "invalid-status-code: WriteHeader\\(1000\\) panics at run time"
}
