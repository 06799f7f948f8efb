package main

import "net/http"

// café 😀 — multi-byte text before a code checks the positions.
func notFound(w http.ResponseWriter, r *http.Request) {
	/* é😀 */ w.WriteHeader(404)
}

func teapot(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTeapot)
}

func created(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader()
}
