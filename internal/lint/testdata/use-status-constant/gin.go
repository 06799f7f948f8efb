// A gin handler: net/http is not imported, so the fix adds it as a group
// of its own before the others; the import edit is shared by every fix.
package api

import (
	"github.com/gin-gonic/gin"
)

func list(c *gin.Context) {
	c.JSON(200, gin.H{"items": nil}) // want "use-status-constant: use http.StatusOK instead of 200"
}

func create(c *gin.Context) {
	c.JSON(201, gin.H{})   // want "use-status-constant: use http.StatusCreated instead of 201"
	c.AbortWithStatus(451) // want "use-status-constant: use http.StatusUnavailableForLegalReasons instead of 451"
}
