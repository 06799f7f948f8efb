package handlers

import "net/http"

func h(w http.ResponseWriter) {
	w.WriteHeader(200) //httpcode-lsp:ignore use-status-constant
	//httpcode-lsp:ignore use-status-constant
	w.WriteHeader(201)
	w.WriteHeader(299) //httpcode-lsp:ignore
	// httpcode-lsp:ignore unknown-status-code,use-status-constant
	w.WriteHeader(298)
	w.WriteHeader(297) //httpcode-lsp:ignore use-status-constant // want "unknown-status-code: 297"
	w.WriteHeader(202) // want "use-status-constant: use http.StatusAccepted"
	//httpcode-lsp:ignore unknown-status-code
	_ = 1
	w.WriteHeader(296) // want "unknown-status-code: 296"
}
