package handlers

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"

	"github.com/gin-gonic/gin"
)

var page *template.Template

func writeThenStatus(w http.ResponseWriter, v any) {
	json.NewEncoder(w).Encode(v)
	w.WriteHeader(http.StatusCreated) // want `status-after-body: w.WriteHeader after json.NewEncoder\(w\).Encode \(line 15\): writing the body sent status 200, so this status is ignored; set the status before the body`
}

func errorAfterPartialBody(w http.ResponseWriter, items []string) {
	for _, it := range items {
		fmt.Fprintln(w, it)
		if it == "" {
			http.Error(w, "empty item", http.StatusInternalServerError) // want `status-after-body: http.Error after fmt.Fprintln \(line 21\)`
			return
		}
	}
}

func ginAfterBody(c *gin.Context) {
	c.Writer.Write([]byte("partial"))
	c.JSON(http.StatusBadRequest, gin.H{}) // want `status-after-body: c.JSON after c.Writer.Write \(line 30\)`
}

func helperBody(w http.ResponseWriter) {
	render(w, "home")
	w.WriteHeader(http.StatusOK) // want `status-after-body: w.WriteHeader after render \(line 35\)`
}

func render(w http.ResponseWriter, name string) {
	page.ExecuteTemplate(w, name, nil)
}

// Nothing below is flagged.

func statusFirst(w http.ResponseWriter, v any) {
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(v)
}

func templateFailed(w http.ResponseWriter) {
	if err := page.Execute(w, nil); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func writeFailed(w http.ResponseWriter, b []byte) {
	if _, err := w.Write(b); err != nil {
		w.WriteHeader(http.StatusInternalServerError)
	}
}

func compared(w http.ResponseWriter, v any) {
	if json.NewEncoder(w).Encode(v) != nil {
		w.WriteHeader(http.StatusInternalServerError)
	}
}

func ginStatusAfterBody(c *gin.Context) {
	c.Writer.Write([]byte("x"))
	c.Status(http.StatusOK) // gin keeps it, logging nothing: not a write
}
