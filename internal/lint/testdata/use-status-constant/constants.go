// use-status-constant with net/http imported: the constant is spelled
// with the file's name for it.
package handlers

import (
	"fmt"
	"net/http"
)

func get(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "no", 405) // want "use-status-constant: use http.StatusMethodNotAllowed instead of 405"
		return
	}
	w.WriteHeader(200) // want "use-status-constant: use http.StatusOK instead of 200"
	fmt.Fprintln(w, "ok")
}

func check(resp *http.Response) bool {
	switch resp.StatusCode {
	case 404: // want "use-status-constant: use http.StatusNotFound instead of 404"
		return false
	}
	return resp.StatusCode == 0x1F4 // want "use-status-constant: use http.StatusInternalServerError instead of 0x1F4"
}

func fine(w http.ResponseWriter) {
	w.WriteHeader(http.StatusCreated)
	n := 200 // not a status position
	_ = n
}

func failed(w http.ResponseWriter, err error) {
	http.Error(w, err.Error(), 500) // want "use-status-constant: use http.StatusInternalServerError instead of 500"
}

// Deprecated and no-content codes have constants too.
func teapot(w http.ResponseWriter, resp *http.Response) {
	w.WriteHeader(418)          // want "use-status-constant: use http.StatusTeapot instead of 418"
	if resp.StatusCode == 305 { // want "use-status-constant: use http.StatusUseProxy instead of 305"
		return
	}
	w.WriteHeader(205) // want "use-status-constant: use http.StatusResetContent"
}
