// lint-options: {"customCodes": {"600": "Ours"}}
package handlers

import "net/http"

func h(w http.ResponseWriter) {
	w.WriteHeader(600)
	w.WriteHeader(601) // want "invalid-status-code: 601"
}
