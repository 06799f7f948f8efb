package api

import (
	"errors"
	"strings"

	"github.com/gin-gonic/gin"
)

var errNope = errors.New(strings.ToLower("NOPE"))

func del(c *gin.Context) {
	c.Status(204) // want "use-status-constant: use http.StatusNoContent instead of 204"
}
