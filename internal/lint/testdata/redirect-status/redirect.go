package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func okRedirect(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/home", http.StatusOK) // want `redirect-status: http.Redirect with 200, which is not a redirection: clients do not follow its Location; use a 3xx code \(302, 303 or 307, 301 or 308\)`
}

func notModified(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/home", 304) // want `redirect-status: http.Redirect with 304 Not Modified: 304 tells a cache to reuse its copy, and no client follows its Location \(RFC 9110 §15.4.5\); use 302, 303 or 307`
}

var legacy = http.RedirectHandler("/new", http.StatusNotFound) // want `redirect-status: http.RedirectHandler with 404`

func ginRedirect(c *gin.Context) {
	c.Redirect(http.StatusBadRequest, "/login") // want `redirect-status: Redirect with 400`
}

func echoRedirect(c echo.Context) error {
	return c.Redirect(http.StatusNotModified, "/x") // want `redirect-status: Redirect with 304`
}

// Nothing below is flagged.

func redirects(w http.ResponseWriter, r *http.Request, code int) {
	http.Redirect(w, r, "/a", http.StatusSeeOther)
	http.Redirect(w, r, "/b", http.StatusPermanentRedirect)
	http.Redirect(w, r, "/c", 301)
	http.Redirect(w, r, "/d", code)
	http.Redirect(w, r, "/e", http.StatusCreated)
}

func ginCreated(c *gin.Context) {
	c.Redirect(http.StatusCreated, "/items/1")
}

// A code that reaches the redirect through a variable may be meant for
// another branch.
func viaVariable(w http.ResponseWriter, r *http.Request, deny bool) {
	code := http.StatusFound
	if deny {
		code = http.StatusForbidden
	}
	if code >= 300 && code < 400 {
		http.Redirect(w, r, "/", code)
		return
	}
	w.WriteHeader(code)
}
