package routes

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// describe writes a route as the tests expect it: "GET /books/{id} getBook
// -> getBook", the handler as written, then the functions it resolves to
// (a literal as "lit@<line>").
func describe(files []File, r Route) string {
	var fns []string
	for _, f := range r.Handler.Funcs {
		switch n := f.Node.(type) {
		case *ast.FuncDecl:
			name := n.Name.Name
			if n.Recv != nil && len(n.Recv.List) > 0 {
				name = recvType(n.Recv.List[0].Type) + "." + name
			}
			fns = append(fns, name)
		case *ast.FuncLit:
			fns = append(fns, "lit@"+itoa(files[f.File].Fset.Position(n.Pos()).Line))
		}
	}
	return r.Context() + " " + r.Handler.Name + " -> " + strings.Join(fns, ",")
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func parseFiles(t *testing.T, srcs ...string) []File {
	t.Helper()
	var files []File
	for _, src := range srcs {
		fset := token.NewFileSet()
		af, err := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("parse: %v", err)
		}
		files = append(files, File{Fset: fset, File: af})
	}
	return files
}

func TestExtract(t *testing.T) {
	for _, tc := range []struct {
		name string
		srcs []string
		want []string
	}{
		{"net/http 1.22", []string{`package p
import "net/http"
func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /books/{id}", getBook)
	mux.HandleFunc("POST /books", s.createBook)
	mux.Handle("DELETE example.com/books/{id}", http.HandlerFunc(deleteBook))
	mux.Handle("/static/", http.FileServer(http.Dir(".")))
	http.HandleFunc("GET /files/{path...}", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("GET /{$}", index)
}
func getBook(w http.ResponseWriter, r *http.Request) {}
func (s *server) createBook(w http.ResponseWriter, r *http.Request) {}
func deleteBook(w http.ResponseWriter, r *http.Request) {}
func index(w http.ResponseWriter, r *http.Request) {}
`}, []string{
			"GET /books/{id} getBook -> getBook",
			"POST /books s.createBook -> server.createBook",
			"DELETE /books/{id} http.HandlerFunc(…) -> deleteBook",
			"ANY /static http.FileServer(…) -> ",
			"GET /files/{*} func literal -> lit@9",
			"GET / index -> index",
		}},
		{"chi nesting and mount", []string{`package p
import "github.com/go-chi/chi/v5"
func routes() *chi.Mux {
	r := chi.NewRouter()
	r.Get("/health", health)
	r.Route("/books", func(r chi.Router) {
		r.Post("/", h.create)
		r.Route("/{bookID}", func(r chi.Router) {
			r.Get("/", h.get)
			r.With(auth).Delete("/", h.delete)
		})
	})
	r.Group(func(g chi.Router) {
		g.Method("PATCH", "/books/{id:[0-9]+}", http.HandlerFunc(h.patch))
	})
	r.Mount("/admin", adminRouter())
	return r
}
func adminRouter() chi.Router {
	r := chi.NewRouter()
	r.Get("/stats", stats)
	return r
}
func health(w http.ResponseWriter, r *http.Request) {}
func stats(w http.ResponseWriter, r *http.Request) {}
`, `package p
type handler struct{}
func (h *handler) create(w http.ResponseWriter, r *http.Request) {}
func (h *handler) get(w http.ResponseWriter, r *http.Request) {}
func (h *handler) delete(w http.ResponseWriter, r *http.Request) {}
func (h *handler) patch(w http.ResponseWriter, r *http.Request) {}
`}, []string{
			"GET /health health -> health",
			"POST /books h.create -> handler.create",
			"GET /books/{bookID} h.get -> handler.get",
			"DELETE /books/{bookID} h.delete -> handler.delete",
			"PATCH /books/{id} http.HandlerFunc(…) -> handler.patch",
			"GET /admin/stats stats -> stats",
		}},
		{"gin groups and a function given a group", []string{`package p
import "github.com/gin-gonic/gin"
func setup() {
	r := gin.Default()
	r.GET("/ping", func(c *gin.Context) { c.String(200, "pong") })
	v1 := r.Group("/api/v1")
	{
		v1.GET("/books/:id", auth(), getBook)
		v1.Handle("PUT", "/books/:id", putBook)
		registerAuthors(v1.Group("/authors"))
	}
	r.GET("version", version)
	r.Match([]string{"GET", http.MethodHead}, "/health", health)
}
func registerAuthors(rg *gin.RouterGroup) {
	rg.GET("", listAuthors)
	rg.Any("/*rest", anyAuthor)
}
func getBook(c *gin.Context) {}
func putBook(c *gin.Context) {}
func listAuthors(c *gin.Context) {}
func anyAuthor(c *gin.Context) {}
`}, []string{
			"GET /ping func literal -> lit@5",
			"GET /api/v1/books/{id} getBook -> getBook",
			"PUT /api/v1/books/{id} putBook -> putBook",
			"GET /api/v1/authors listAuthors -> listAuthors",
			"ANY /api/v1/authors/{*} anyAuthor -> anyAuthor",
			"GET /version version -> ",
			"GET /health health -> ",
			"HEAD /health health -> ",
		}},
		{"echo", []string{`package p
import "github.com/labstack/echo/v4"
func setup(e *echo.Echo) {
	e.GET("/users/:id", getUser, mw)
	g := e.Group("/admin")
	g.POST("/users", h.createUser)
	e.Add("DELETE", "/users/:id", deleteUser)
}
func getUser(c echo.Context) error { return nil }
func deleteUser(c echo.Context) error { return nil }
func (h *H) createUser(c echo.Context) error { return nil }
`}, []string{
			"GET /users/{id} getUser -> getUser",
			"POST /admin/users h.createUser -> H.createUser",
			"DELETE /users/{id} deleteUser -> deleteUser",
		}},
		{"gorilla/mux", []string{`package p
import "github.com/gorilla/mux"
func setup() {
	r := mux.NewRouter()
	r.HandleFunc("/books/{id:[0-9]+}", getBook).Methods("GET", "HEAD")
	api := r.PathPrefix("/api").Subrouter()
	api.HandleFunc("/authors", listAuthors).Methods(http.MethodGet)
	api.Handle("/authors", newCreateAuthor(store)).Methods("POST")
}
func getBook(w http.ResponseWriter, r *http.Request) {}
func listAuthors(w http.ResponseWriter, r *http.Request) {}
func newCreateAuthor(s *Store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {}
}
`}, []string{
			"GET /books/{id} getBook -> getBook",
			"HEAD /books/{id} getBook -> getBook",
			"GET /api/authors listAuthors -> listAuthors",
			"POST /api/authors newCreateAuthor(…) -> lit@13",
		}},
		{"fiber", []string{`package p
import "github.com/gofiber/fiber/v2"
func setup(app *fiber.App) {
	app.Get("/items/:id?", getItem)
	api := app.Group("/api")
	api.Post("/items", limiter, createItem)
	api.Route("/orders", func(r fiber.Router) {
		r.Get("/:id", getOrder)
	})
}
func getItem(c *fiber.Ctx) error { return nil }
func createItem(c *fiber.Ctx) error { return nil }
func getOrder(c *fiber.Ctx) error { return nil }
`}, []string{
			"GET /items/{id} getItem -> getItem",
			"POST /api/items createItem -> createItem",
			"GET /api/orders/{id} getOrder -> getOrder",
		}},
		{"a handler type and a constructor's value", []string{`package p
import "net/http"
func main() {
	http.Handle("GET /stats", &statsHandler{})
	http.Handle("GET /version", versionHandler())
}
type statsHandler struct{}
func (h *statsHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
type version struct{}
func (version) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
func versionHandler() http.Handler { return version{} }
`}, []string{
			"GET /stats statsHandler{…} -> statsHandler.ServeHTTP",
			"GET /version versionHandler(…) -> version.ServeHTTP",
		}},
		{"generated: patterns built from constants and options", []string{`package p
import "net/http"
func Handler(m *http.ServeMux, options Options, wrapper Wrapper) {
	m.HandleFunc(http.MethodGet+" "+options.BaseURL+"/pets", wrapper.FindPets)
	r.HandleFunc(options.BaseURL+"/pets/{id}", wrapper.DeletePet).Methods(http.MethodDelete)
	m.HandleFunc(path, wrapper.Nothing)
}
`}, []string{
			"GET /pets wrapper.FindPets -> ",
			"DELETE /pets/{id} wrapper.DeletePet -> ",
		}},
		{"not routes", []string{`package p
func f(m map[string]int, c *cache) {
	c.Get("key", 1)
	c.GET("/x")
	c.Handle("GET /x")
	c.Post("not a path", h)
}
`}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := parseFiles(t, tc.srcs...)
			var got []string
			for _, r := range Extract(files) {
				got = append(got, describe(files, r))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("routes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	for _, tc := range [][2]string{
		{"/books/{id}", "/books/{id}"},
		{"/books/:id", "/books/{id}"},
		{"/books/{id:[0-9]+}", "/books/{id}"},
		{"/books/<id>", "/books/{id}"},
		{"/books/", "/books"},
		{"/", "/"},
		{"", "/"},
		{"/{$}", "/"},
		{"/files/{path...}", "/files/{*}"},
		{"/files/*filepath", "/files/{*}"},
		{"/files/*", "/files/{*}"},
		{"/a/*/b", "/a/{*}"},
		{"/items/:id?", "/items/{id}"},
	} {
		if got := Normalize(tc[0]); got != tc[1] {
			t.Errorf("Normalize(%q) = %q, want %q", tc[0], got, tc[1])
		}
	}
}

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		route, spec string
		want        bool
	}{
		{"/books/{bookID}", "/books/{id}", true},
		{"/books/{id}", "/books/search", false},
		{"/books/search", "/books/{id}", false},
		{"/books", "/books/{id}", false},
		{"/files/{*}", "/files/a/b", true},
		{"/files/{*}", "/files", true},
		{"/", "/", true},
		{"/", "/books", false},
	} {
		if got := Match(tc.route, tc.spec); got != tc.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tc.route, tc.spec, got, tc.want)
		}
	}
}

func TestSplitPattern(t *testing.T) {
	for _, tc := range [][3]string{
		{"GET /books/{id}", "GET", "/books/{id}"},
		{"/books/", "", "/books/"},
		{"POST example.com/x", "POST", "/x"},
		{"example.com/x", "", "/x"},
	} {
		if m, p := SplitPattern(tc[0]); m != tc[1] || p != tc[2] {
			t.Errorf("SplitPattern(%q) = %q, %q; want %q, %q", tc[0], m, p, tc[1], tc[2])
		}
	}
}

// TestMiddleware checks the middleware a route runs behind: its router's
// Use and With, a group's handlers, and the handlers beside its own.
func TestMiddleware(t *testing.T) {
	files := parseFiles(t, `package p
import "github.com/gin-gonic/gin"
func setup(r *gin.Engine) {
	r.Use(logger)
	admin := r.Group("/admin", auth)
	admin.Use(audit)
	admin.POST("/users", limit, createUser)
	r.GET("/ping", ping)
}
`, `package q
import "github.com/go-chi/chi/v5"
func routes(r chi.Router) {
	r.Route("/books", func(r chi.Router) {
		r.Use(session)
		r.With(owner).Delete("/{id}", deleteBook)
	})
}
`)
	want := map[string]string{
		"POST /admin/users":  "logger auth audit limit",
		"GET /ping":          "logger",
		"DELETE /books/{id}": "session owner",
	}
	for _, r := range Extract(files[:1]) {
		checkMiddleware(t, r, want)
	}
	for _, r := range Extract(files[1:]) {
		checkMiddleware(t, r, want)
	}
}

func checkMiddleware(t *testing.T, r Route, want map[string]string) {
	t.Helper()
	var names []string
	for _, m := range r.Middleware {
		names = append(names, m.Name)
	}
	if got := strings.Join(names, " "); got != want[r.Context()] {
		t.Errorf("%s runs behind %q, want %q", r.Context(), got, want[r.Context()])
	}
}
