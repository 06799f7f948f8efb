package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// @Failure 299 {object} Error // want "unknown-status-code: 299 is not a registered status code"
// @Failure 499 {object} Error // want "unknown-status-code: 499 is not a registered status code; it is nginx's Client Closed Request"
func h(w http.ResponseWriter, resp *http.Response, c *gin.Context) {
	w.WriteHeader(299)          // want "unknown-status-code: 299 is not a registered status code; use a registered code, or declare 299 as a custom code"
	c.AbortWithStatus(499)      // want "unknown-status-code: 499 is not a registered status code; it is nginx's Client Closed Request"
	if resp.StatusCode == 499 { // reading a proxy's code is fine
		return
	}
	switch resp.StatusCode {
	case 520, 299: // comparisons are left alone
	}
	status := 209 // want "unknown-status-code: 209 is not a registered status code"
	if resp == nil {
		status = http.StatusOK
	}
	w.WriteHeader(status)
}

const statusPartly = 299

func partly(w http.ResponseWriter, resp *http.Response) {
	w.WriteHeader(statusPartly) // want "unknown-status-code: 299 is not a registered status code"
	if resp.StatusCode == statusPartly {
		return
	}
}
