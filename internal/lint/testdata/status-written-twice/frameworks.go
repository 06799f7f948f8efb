package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func ginBind(c *gin.Context) {
	var in struct{ Name string }
	if err := c.ShouldBindJSON(&in); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
	}
	c.JSON(http.StatusOK, in) // want `status-written-twice: c.JSON after c.JSON \(line 13\): the status is written twice`
}

func ginAbort(c *gin.Context) {
	if c.GetHeader("Authorization") == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
	}
	c.Writer.Write([]byte("hello")) // want `status-written-twice: c.Writer.Write after c.AbortWithStatus \(line 20\)`
}

func echoBind(c echo.Context) error {
	var in struct{ Name string }
	if err := c.Bind(&in); err != nil {
		c.JSON(http.StatusBadRequest, err.Error())
	}
	return c.JSON(http.StatusOK, in) // want `status-written-twice: c.JSON after c.JSON \(line 28\)`
}

func echoCommit(c echo.Context) error {
	c.Response().WriteHeader(http.StatusAccepted)
	return c.NoContent(http.StatusOK) // want `status-written-twice: c.NoContent after c.Response\(\).WriteHeader \(line 34\)`
}

// Nothing below is flagged.

func ginReturns(c *gin.Context) {
	var in struct{ Name string }
	if err := c.ShouldBindJSON(&in); err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, in)
}

func ginStatusFirst(c *gin.Context) {
	// gin keeps the status until the body goes out.
	c.Status(http.StatusCreated)
	c.Writer.WriteHeader(http.StatusCreated)
	c.JSON(http.StatusCreated, gin.H{})
}

func echoReturns(c echo.Context) error {
	if c.Param("id") == "" {
		return c.JSON(http.StatusBadRequest, "no id")
	}
	return c.JSON(http.StatusOK, "ok")
}

func echoFailed(c echo.Context) error {
	if err := c.JSON(http.StatusOK, "x"); err != nil {
		return c.String(http.StatusInternalServerError, err.Error())
	}
	return nil
}
