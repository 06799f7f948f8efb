package handlers

import . "net/http"

func h(w ResponseWriter) {
	w.WriteHeader(202) // want "use-status-constant: use StatusAccepted instead of 202"
}
