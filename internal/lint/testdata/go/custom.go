// lint-options: {"customCodes": {"499": "Client Closed Request", "600": "Ours"}, "severities": {"use-status-constant": "off"}}
package handlers

import "net/http"

func h(w http.ResponseWriter) {
	w.WriteHeader(499)
	w.WriteHeader(200)
	w.WriteHeader(298) // want "unknown-status-code: 298"
	w.WriteHeader(600)
	w.WriteHeader(601) // want "invalid-status-code: 601"
}
