package api

import (
	"context"
	"errors"

	"github.com/gin-gonic/gin"
)

var _ = context.Background
var _ = errors.New

func del(c *gin.Context) {
	c.String(409, "conflict") // want "use-status-constant: use http.StatusConflict instead of 409"
}
