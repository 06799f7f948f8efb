// A single import without parentheses: the fix adds a declaration after
// the package clause.
package api

import "github.com/labstack/echo/v4"

func h(c echo.Context) error {
	return c.NoContent(204) // want "use-status-constant: use http.StatusNoContent instead of 204"
}
