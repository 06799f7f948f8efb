package handlers

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

func ginNoContent(c *gin.Context) {
	c.JSON(http.StatusNoContent, gin.H{"deleted": true}) // want `body-not-allowed: c.JSON sends content with status 204: a 204 response has no content \(RFC 9110 §15.3.5\); drop the content, or send another status`
}

func echoNotModified(c echo.Context) error {
	return c.String(http.StatusNotModified, "unchanged") // want `body-not-allowed: c.String sends content with status 304`
}

func fiberNoContent(c *fiber.Ctx) error {
	return c.Status(fiber.StatusNoContent).JSON(fiber.Map{"ok": true}) // want `body-not-allowed: c.Status\(…\).JSON sends content with status 204`
}

func errorWithNoContent(w http.ResponseWriter) {
	http.Error(w, "nothing", http.StatusNoContent) // want `body-not-allowed: http.Error sends content with status 204`
}

func afterLoop(w http.ResponseWriter, items []string) {
	for range items {
		w.WriteHeader(http.StatusNoContent)
		break
	}
	fmt.Fprint(w, "x") // want `body-not-allowed: fmt.Fprint after w.WriteHeader\(204\)`
}

// Nothing below is flagged.

func otherBranch(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodDelete {
		w.WriteHeader(http.StatusNoContent)
	} else {
		fmt.Fprint(w, "kept")
	}
}

func ginEmpty(c *gin.Context) {
	c.JSON(http.StatusNoContent, nil)
	c.Status(http.StatusNoContent)
}

func echoEmpty(c echo.Context) error {
	return c.NoContent(http.StatusNoContent)
}

func gotoAround(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodDelete {
		w.WriteHeader(http.StatusNoContent)
		goto done
	}
	fmt.Fprint(w, "kept")
done:
}
