package golang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// Each call of the handlers is classified as the rules see it: kind,
// response, name, status argument, content.
func TestWrites(t *testing.T) {
	src := `package p

import (
	"encoding/json"
	"fmt"
	"net/http"
	"archive/tar"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"github.com/gofiber/fiber/v2"
)

func h(w http.ResponseWriter, r *http.Request, tw *tar.Writer, hdr *tar.Header) {
	w.WriteHeader(http.StatusNoContent)
	http.Error(w, "x", 500)
	http.Redirect(w, r, "/", 302)
	http.NotFound(w, r)
	fmt.Fprintf(w, "x")
	json.NewEncoder(w).Encode(1)
	w.Header().Set("X", "1")
	w.Header().Set("Trailer", "X-Sum")
	http.SetCookie(w, nil)
	tw.WriteHeader(hdr)
	fmt.Println("x")
}

func g(c *gin.Context) {
	c.JSON(204, gin.H{})
	c.JSON(200, nil)
	c.Status(201)
	c.Writer.WriteHeader(201)
	c.Writer.Write(nil)
	c.Header("X", "1")
}

func e(c echo.Context) error {
	c.Response().Header().Set("X", "1")
	c.Response().WriteHeader(202)
	return c.NoContent(204)
}

func f(c *fiber.Ctx) error {
	return c.Status(204).JSON(1)
}
`
	want := []string{
		"StatusWrite w w.WriteHeader status=http.StatusNoContent",
		"ResponseWrite w http.Error status=500 body",
		"ResponseWrite w http.Redirect status=302",
		"ResponseWrite w http.NotFound code=404 body",
		"BodyWrite w fmt.Fprintf",
		"BodyWrite w json.NewEncoder(w).Encode",
		"HeaderWrite w w.Header().Set",
		"HeaderWrite w w.Header().Set trailers",
		"HeaderWrite w http.SetCookie",
		"ResponseWrite c c.JSON status=204 body",
		"ResponseWrite c c.JSON status=200",
		"BodyWrite c c.Writer.Write",
		"HeaderWrite c c.Header",
		"HeaderWrite c c.Response().Header().Set",
		"StatusWrite c c.Response().WriteHeader status=202",
		"ResponseWrite c c.NoContent status=204",
		"ResponseWrite c c.Status(…).JSON status=204 body buffered",
	}
	fset := token.NewFileSet()
	af, err := parser.ParseFile(fset, "", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	c := NewWrites(af)
	var got []string
	for _, d := range af.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		scope := Scope{}
		for _, p := range fd.Type.Params.List {
			if fam := c.WriterType(p.Type); fam != "" {
				scope[p.Names[0].Name] = fam
			}
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			w, ok := c.Classify(n, scope)
			if !ok {
				return true
			}
			s := []string{[]string{"", "StatusWrite", "BodyWrite", "ResponseWrite", "HeaderWrite"}[w.Kind], w.Writer, w.Name}
			if w.Status != nil {
				s = append(s, "status="+types.ExprString(w.Status))
			}
			if w.Code != 0 {
				s = append(s, "code=404")
			}
			for _, flag := range []struct {
				on   bool
				name string
			}{{w.Body, "body"}, {w.Trailers, "trailers"}, {w.Buffered, "buffered"}} {
				if flag.on {
					s = append(s, flag.name)
				}
			}
			got = append(got, strings.Join(s, " "))
			return true
		})
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
