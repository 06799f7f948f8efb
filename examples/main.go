// Command bookstore is a small book-lending API, the example that
// httpcode-lsp checks in its README:
//
//	go run ./cmd/httpcode-lsp check ./examples
//
// It runs (go run ./examples, then curl localhost:8080/books), but it is
// written the way real handlers drift: a bare literal where net/http has
// a constant, a joke status code, a body after 204 No Content. Its
// contract, openapi.yaml beside it, has drifted too, and the two have
// drifted apart: codes sent that the contract does not document, one it
// documents that is never sent, a route it does not describe and an
// operation no route serves.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"sort"
	"strconv"
	"sync"
)

type book struct {
	ID     int    `json:"id"`
	Title  string `json:"title"`
	Author string `json:"author"`
}

type store struct {
	mu     sync.Mutex
	nextID int
	books  map[int]book
}

func newStore() *store {
	return &store{nextID: 1, books: map[int]book{}}
}

// list answers GET /books.
func (s *store) list(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	out := make([]book, 0, len(s.books))
	for _, b := range s.books {
		out = append(out, b)
	}
	s.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	writeJSON(w, http.StatusOK, out)
}

// create answers POST /books.
func (s *store) create(w http.ResponseWriter, r *http.Request) {
	var b book
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
		// A teapot is no answer to a malformed body.
		http.Error(w, "malformed book", http.StatusTeapot)
		return
	}
	if b.Title == "" {
		http.Error(w, "a book needs a title", 422)
		return
	}
	s.mu.Lock()
	b.ID = s.nextID
	s.nextID++
	s.books[b.ID] = b
	s.mu.Unlock()
	w.Header().Set("Location", fmt.Sprintf("/books/%d", b.ID))
	writeJSON(w, http.StatusCreated, b)
}

// get answers GET /books/{id}. Its swag annotations have drifted from
// it as well.
//
//	@Summary	Get a book
//	@Success	200	{object}	book
//	@Failure	410	{string}	string	"Gone"
//	@Router		/books/{id} [get]
func (s *store) get(w http.ResponseWriter, r *http.Request) {
	b, err := s.lookup(r)
	if err != nil {
		http.Error(w, err.Error(), 404)
		return
	}
	writeJSON(w, http.StatusOK, b)
}

// remove answers DELETE /books/{id}.
//
//	@Success	204
//	@Failure	404	{string}	string	"Not Found"
//	@Router		/books/{id} [post]
func (s *store) remove(w http.ResponseWriter, r *http.Request) {
	b, err := s.lookup(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	s.mu.Lock()
	delete(s.books, b.ID)
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
	fmt.Fprintf(w, "deleted %q\n", b.Title)
}

// checkout answers POST /books/{id}/checkout: lending a book.
func (s *store) checkout(w http.ResponseWriter, r *http.Request) {
	if _, err := s.lookup(r); err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	// "Lent out" was meant to be a status of its own.
	w.WriteHeader(299)
}

// renew answers PUT /books/{id}/checkout: extending a loan. Its status
// comes from a computation the analysis does not follow, so it makes no
// claim about the codes renew never sends.
func (s *store) renew(w http.ResponseWriter, r *http.Request) {
	b, err := s.lookup(r)
	w.WriteHeader(renewal(b, err))
}

func renewal(b book, err error) int {
	switch {
	case err != nil:
		return http.StatusNotFound
	case b.Author == "":
		return http.StatusConflict
	}
	return http.StatusOK
}

// health answers load balancers; the contract leaves it out.
func health(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, "ok")
}

func (s *store) lookup(r *http.Request) (book, error) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil {
		return book{}, errors.New("no such book")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.books[id]
	if !ok {
		return book{}, errors.New("no such book")
	}
	return b, nil
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Print(err)
	}
}

func main() {
	s := newStore()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /books", s.list)
	mux.HandleFunc("POST /books", s.create)
	mux.HandleFunc("GET /books/{id}", s.get)
	mux.HandleFunc("DELETE /books/{id}", s.remove)
	mux.HandleFunc("POST /books/{id}/checkout", s.checkout)
	mux.HandleFunc("PUT /books/{id}/checkout", s.renew)
	mux.HandleFunc("GET /healthz", health)
	log.Print("listening on :8080")
	log.Fatal(http.ListenAndServe("localhost:8080", mux))
}
