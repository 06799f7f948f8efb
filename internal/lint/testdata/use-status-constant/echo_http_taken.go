// Another package is imported as http: the fix imports net/http as nethttp.
package api

import (
	http "github.com/example/httputil"

	"github.com/labstack/echo/v4"
)

func h(c echo.Context) error {
	http.Log(c)
	return c.String(400, "bad") // want "use-status-constant: use nethttp.StatusBadRequest instead of 400"
}
