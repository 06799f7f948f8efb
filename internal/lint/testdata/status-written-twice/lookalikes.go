package handlers

import (
	"archive/tar"
	"net/http"
)

// Nothing in this file is flagged.

// A tar.Writer has a WriteHeader of its own.
func archive(tw *tar.Writer, files map[string][]byte) {
	for name, b := range files {
		hdr := &tar.Header{Name: name, Size: int64(len(b))}
		tw.WriteHeader(hdr)
		tw.Write(b)
	}
}

// A flag tells whether the status went out.
func stream(w http.ResponseWriter, events <-chan []byte) {
	started := false
	for ev := range events {
		if !started {
			started = true
			w.WriteHeader(http.StatusOK)
		}
		if ev == nil && !started {
			w.WriteHeader(http.StatusNoContent)
		}
		w.Write(ev)
	}
}

// A ResponseWriter wrapper keeps track of its own state.
type recorder struct {
	http.ResponseWriter
	wrote bool
}

func (r *recorder) WriteHeader(code int) {
	if r.wrote {
		return
	}
	r.ResponseWriter.WriteHeader(code)
	r.wrote = true
}

func (r *recorder) Write(b []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	r.WriteHeader(http.StatusOK)
	return r.ResponseWriter.Write(b)
}

// Interim responses of unknown code, then the final one.
func forward(w http.ResponseWriter, codes []int) {
	for _, code := range codes {
		if code < 200 {
			w.WriteHeader(code)
			continue
		}
		w.WriteHeader(code)
		return
	}
}

// A failed write leaves a broken connection: what follows is not judged.
func failedWrite(w http.ResponseWriter, b []byte) {
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write(b); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
