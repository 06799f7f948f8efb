// A library's table of one error per code offers 418 and 510; it does
// not choose to send them. A handler that does is flagged.
package echo

import "net/http"

var (
	ErrTeapot      = NewHTTPError(http.StatusTeapot)
	ErrNotExtended = NewHTTPError(http.StatusNotExtended)
	ErrRefused     = NewHTTPError(http.StatusTeapot) // want "deprecated-status-code: 418 is reserved"
)

// Error418Teapot returns a 418.
func Error418Teapot() *HTTPError { return NewHTTPError(418) }

func teapot(c Context) error {
	return c.NoContent(http.StatusTeapot) // want "deprecated-status-code: 418 is reserved"
}
