package main

import "net/http"

func notFound(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(404)
}
