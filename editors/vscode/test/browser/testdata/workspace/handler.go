package main

import "net/http"

func notFound(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(404)
}

func unregistered(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(477)
}

func created(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader()
}
