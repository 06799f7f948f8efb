package handlers

import "net/http"

func h(w http.ResponseWriter) {
	w.WriteHeader(299) //httpcode-lsp:ignore
	// httpcode-lsp:ignore unknown-status-code,use-status-constant
	w.WriteHeader(298)
	w.WriteHeader(297) //httpcode-lsp:ignore use-status-constant // want "unknown-status-code: 297"
	//httpcode-lsp:ignore unknown-status-code
	_ = 1
	w.WriteHeader(296) // want "unknown-status-code: 296"
}
