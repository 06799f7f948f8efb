package handlers

import (
	"encoding/json"
	"net/http"
)

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

func respondError(w http.ResponseWriter, err error) {
	writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
}

type api struct{}

func (api) fail(w http.ResponseWriter, msg string) {
	http.Error(w, msg, http.StatusBadRequest)
}

// maybeFail writes on some paths only: its calls count as no write.
func maybeFail(w http.ResponseWriter, err error) bool {
	if err == nil {
		return false
	}
	http.Error(w, err.Error(), http.StatusBadRequest)
	return true
}

func check(r *http.Request) error { return nil }

func helperTwice(w http.ResponseWriter, r *http.Request) {
	if err := check(r); err != nil {
		respondError(w, err)
	}
	writeJSON(w, http.StatusOK, "ok") // want `status-written-twice: writeJSON after respondError \(line 37\): the status is written twice`
}

func methodHelper(a api, w http.ResponseWriter, r *http.Request) {
	if r.URL.RawQuery == "" {
		a.fail(w, "no query")
	}
	w.Write([]byte("ok")) // want `status-written-twice: w.Write after a.fail \(line 44\)`
}

func afterStatus(w http.ResponseWriter) {
	w.WriteHeader(http.StatusCreated)
	writeJSON(w, http.StatusCreated, "x") // want `status-written-twice: writeJSON after w.WriteHeader \(line 50\)`
}

// Nothing below is flagged.

func conditionalHelper(w http.ResponseWriter, r *http.Request) {
	if maybeFail(w, check(r)) {
		return
	}
	writeJSON(w, http.StatusOK, "ok")
}

func helperReturns(w http.ResponseWriter, r *http.Request) {
	if err := check(r); err != nil {
		respondError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, "ok")
}

func recursive(w http.ResponseWriter, n int) {
	if n > 0 {
		recursive(w, n-1)
		return
	}
	w.WriteHeader(http.StatusOK)
}

type wireError struct{}

// Two types declare error: a call of it is no helper call.
func (wireError) error(w http.ResponseWriter, msg string) { http.Error(w, msg, http.StatusBadRequest) }

type authzError struct{}

func (authzError) error(w http.ResponseWriter, msg string) {}

func ambiguous(e wireError, w http.ResponseWriter) {
	e.error(w, "x")
	w.WriteHeader(http.StatusOK)
}
