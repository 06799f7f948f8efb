// lint-options: {"customCodes": {"499": "Client Closed Request"}}
package handlers

import "net/http"

func h(w http.ResponseWriter) {
	w.WriteHeader(499)
	w.WriteHeader(200)
	w.WriteHeader(298) // want "unknown-status-code: 298"
}
