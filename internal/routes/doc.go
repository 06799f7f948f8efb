// Package routes finds the HTTP routes a Go package registers, from syntax
// alone: net/http 1.22 patterns ("GET /books/{id}"), chi (Get, Route,
// Group, Method, Mount), gin and echo (GET, Group), gorilla/mux
// (HandleFunc(...).Methods, PathPrefix(...).Subrouter) and fiber (Get,
// Group, Route). Each route has its method, its path with the parameters
// written one way ({id}), where it is registered and the function that
// handles it: a function, a method value, a function literal or the
// closure a constructor of the same package returns. It speaks byte
// offsets and knows nothing of LSP or OpenAPI.
package routes
