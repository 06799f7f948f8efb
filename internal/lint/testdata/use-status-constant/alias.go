package handlers

import (
	stdhttp "net/http"
)

func h(w stdhttp.ResponseWriter) {
	w.WriteHeader(201) // want "use-status-constant: use stdhttp.StatusCreated instead of 201"
}
