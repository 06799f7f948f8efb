package handlers

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"
)

type item struct{ Name string }

func load(r *http.Request) (item, error) { return item{}, nil }

// The missing return after http.Error.
func missingReturn(w http.ResponseWriter, r *http.Request) {
	it, err := load(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
	json.NewEncoder(w).Encode(it) // want `status-written-twice: json.NewEncoder\(w\).Encode after http.Error \(line 21\): the response was already written on this path, and this adds to its body; return after line 21`
}

func twoStatuses(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
	w.WriteHeader(http.StatusOK) // want `status-written-twice: w.WriteHeader after w.WriteHeader \(line 28\): the status is written twice on this path and the second is ignored; return after line 28, or write the status once`
	fmt.Fprintln(w, "ok")
}

func errorThenRedirect(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("next") == "" {
		http.Error(w, "no next", http.StatusBadRequest) // trailing comment stays
	} else {
		log.Print("redirecting")
	}
	http.Redirect(w, r, "/next", http.StatusSeeOther) // want `status-written-twice: http.Redirect after http.Error \(line 36\)`
}

func notFoundThenWrite(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/":
		http.NotFound(w, r)
	}
	io.WriteString(w, "home") // want `status-written-twice: io.WriteString after http.NotFound \(line 46\)`
}

func inLoop(w http.ResponseWriter, names []string) {
	for _, n := range names {
		if n == "" {
			http.Error(w, "empty name", http.StatusBadRequest) // want `status-written-twice: http.Error after http.Error \(line 54\)`
			continue
		}
		fmt.Fprintln(w, n) // the same missing return: one finding, above
	}
}

func withGoto(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength == 0 {
		goto fail
	}
	w.WriteHeader(http.StatusAccepted)
fail:
	http.Error(w, "empty", http.StatusBadRequest) // want `status-written-twice: http.Error after w.WriteHeader \(line 65\)`
}

func namedResult(w http.ResponseWriter, r *http.Request) (err error) {
	if r.Body == nil {
		http.Error(w, "no body", http.StatusBadRequest)
	}
	_, err = io.Copy(w, r.Body) // want `status-written-twice: io.Copy after http.Error \(line 72\)`
	return
}

func unnamedResult(w http.ResponseWriter, r *http.Request) error {
	if r.Body == nil {
		http.Error(w, "no body", http.StatusBadRequest)
	}
	_, err := io.Copy(w, r.Body) // want `status-written-twice: io.Copy after http.Error \(line 80\)`
	return err
}

// One missing return, one finding: at the first write after it.
func oneFinding(w http.ResponseWriter, r *http.Request) {
	if r.URL.RawQuery == "" {
		http.Error(w, "no query", http.StatusBadRequest)
	}
	w.Header().Set("Content-Type", "text/plain") // header-after-write's
	w.WriteHeader(http.StatusOK)                 // want `status-written-twice: w.WriteHeader after http.Error \(line 89\)`
	fmt.Fprintln(w, "ok")
}

// Nothing below is flagged.

func returns(w http.ResponseWriter, r *http.Request) {
	it, err := load(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(it)
}

func branches(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
	} else {
		http.Error(w, "only HEAD", http.StatusMethodNotAllowed)
	}
}

func statusThenBody(w http.ResponseWriter) {
	w.WriteHeader(http.StatusCreated)
	fmt.Fprintln(w, "created")
	w.Write([]byte("more"))
}

func otherWriter(w http.ResponseWriter, out io.Writer, sb *strings.Builder) {
	http.Error(w, "gone", http.StatusGone)
	fmt.Fprintln(out, "logged")
	sb.WriteString("x")
}

func encodeFailed(w http.ResponseWriter, v any) {
	if err := json.NewEncoder(w).Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func encodeFailedLater(w http.ResponseWriter, v any) {
	err := json.NewEncoder(w).Encode(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func deferred(w http.ResponseWriter) {
	defer func() {
		if recover() != nil {
			http.Error(w, "panic", http.StatusInternalServerError)
		}
	}()
	defer w.WriteHeader(http.StatusOK)
	http.Error(w, "x", http.StatusTeapot)
}

func panics(w http.ResponseWriter) {
	http.Error(w, "x", http.StatusInternalServerError)
	panic("unreachable write follows")
	w.WriteHeader(http.StatusOK)
}

func exits(w http.ResponseWriter, fatal bool) {
	http.Error(w, "x", http.StatusInternalServerError)
	if fatal {
		log.Fatal("bye")
	} else {
		os.Exit(1)
	}
	w.WriteHeader(http.StatusOK)
}

func interim(w http.ResponseWriter) {
	w.WriteHeader(http.StatusEarlyHints)
	w.WriteHeader(http.StatusOK)
}

func closure(w http.ResponseWriter) http.HandlerFunc {
	http.Error(w, "x", http.StatusBadRequest)
	return func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	}
}

func loopReturns(w http.ResponseWriter, names []string) {
	for _, n := range names {
		if n == "" {
			http.Error(w, "empty name", http.StatusBadRequest)
			return
		}
	}
	w.WriteHeader(http.StatusNoContent)
}

func suppressed(w http.ResponseWriter) {
	http.Error(w, "x", http.StatusBadRequest)
	w.WriteHeader(http.StatusOK) //httpcode-lsp:ignore status-written-twice
}
