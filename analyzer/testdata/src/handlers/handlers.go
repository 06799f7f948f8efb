package handlers

import (
	"encoding/json"
	"net/http"
)

func get(w http.ResponseWriter, r *http.Request) {
	v, err := load(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
	json.NewEncoder(w).Encode(v) // want `status-written-twice: json.NewEncoder\(w\).Encode after http.Error \(line 11\)`
}

func remove(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
	w.Header().Set("X-Deleted", "1") // want `header-after-write: w.Header\(\).Set after w.WriteHeader \(line 17\)`
	w.Write([]byte("gone"))          // want `body-not-allowed: w.Write after w.WriteHeader\(204\)`
}

func moved(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/new", http.StatusOK) // want `redirect-status: http.Redirect with 200`
}

func hinted(w http.ResponseWriter) {
	w.WriteHeader(200) // a hint (use-status-constant) is not reported by default
}

func suppressed(w http.ResponseWriter) {
	http.Error(w, "x", http.StatusBadRequest)
	w.WriteHeader(http.StatusOK) //httpcode-lsp:ignore status-written-twice
}

func load(r *http.Request) (any, error) { return nil, nil }
