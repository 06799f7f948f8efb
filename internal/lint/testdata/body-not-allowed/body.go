package handlers

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"strings"
)

var tmpl *template.Template

func afterNoContent(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
	w.Write([]byte("done")) // want "body-not-allowed: w.Write after w.WriteHeader\\(204\\): a 204 response has no content \\(RFC 9110 §15.3.5\\); remove the write, or send another status"
}

func severalWrites(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotModified)
	fmt.Fprintf(w, "%d", 1)                      // want "body-not-allowed: fmt.Fprintf after w.WriteHeader\\(304\\)"
	json.NewEncoder(w).Encode(map[string]int{})  // want "body-not-allowed: json.NewEncoder\\(w\\).Encode after w.WriteHeader\\(304\\)"
	io.Copy(w, strings.NewReader("x"))           // want "body-not-allowed: io.Copy after"
	io.WriteString(w, "x")                       // want "body-not-allowed: io.WriteString after"
	if err := tmpl.Execute(w, nil); err != nil { // want "body-not-allowed: tmpl.Execute after"
		http.Error(w, err.Error(), 500) // a status written twice, not a body
	}
}

func literal(w http.ResponseWriter) {
	w.WriteHeader(205)
	if true {
		w.Write(nil) // want "body-not-allowed: w.Write after w.WriteHeader\\(205\\)"
	}
}

func outOfTheBlock(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodDelete {
		w.WriteHeader(http.StatusNoContent)
	}
	w.Write([]byte("x")) // want "body-not-allowed: w.Write after w.WriteHeader\\(204\\)"
}

func breakOut(w http.ResponseWriter, n int) {
	switch n {
	case 1:
		w.WriteHeader(http.StatusNoContent)
		if n > 0 {
			break
		}
		return
	}
	fmt.Fprint(w, "after the switch") // want "body-not-allowed: fmt.Fprint after"
}

func selector(c struct{ Writer http.ResponseWriter }) {
	c.Writer.WriteHeader(http.StatusNoContent)
	c.Writer.Write(nil) // want "body-not-allowed: c.Writer.Write after c.Writer.WriteHeader\\(204\\)"
}

// Nothing below is flagged.

func returns(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodDelete {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	w.Write([]byte("x"))
}

func otherWriter(w, log http.ResponseWriter) {
	w.WriteHeader(http.StatusNoContent)
	log.Write([]byte("x"))
	fmt.Fprintln(log, "x")
}

func ok(w http.ResponseWriter) {
	w.WriteHeader(http.StatusOK)
	w.Write([]byte("x"))
}

func closure(w http.ResponseWriter) {
	w.WriteHeader(http.StatusNoContent)
	later := func() { w.Write(nil) }
	_ = later
}

func before(w http.ResponseWriter) {
	w.Write(nil)
	w.WriteHeader(http.StatusNoContent)
}

func panics(w http.ResponseWriter) {
	w.WriteHeader(http.StatusNoContent)
	panic("x")
	w.Write(nil)
}

func interim(w http.ResponseWriter) {
	w.WriteHeader(http.StatusEarlyHints)
	w.Write(nil)
}

func loop(w http.ResponseWriter, items []string) {
	for _, it := range items {
		if it == "" {
			w.WriteHeader(http.StatusNoContent)
			continue
		}
	}
}
