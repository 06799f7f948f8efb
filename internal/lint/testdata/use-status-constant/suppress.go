package handlers

import "net/http"

func h(w http.ResponseWriter) {
	w.WriteHeader(200) //httpcode-lsp:ignore use-status-constant
	//httpcode-lsp:ignore use-status-constant
	w.WriteHeader(201)
	w.WriteHeader(203) //httpcode-lsp:ignore
	// httpcode-lsp:ignore unknown-status-code,use-status-constant
	w.WriteHeader(206)
	w.WriteHeader(202) // want "use-status-constant: use http.StatusAccepted"
}
