package handlers

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func headerAfterStatus(w http.ResponseWriter, v any) {
	w.WriteHeader(http.StatusOK)
	w.Header().Set("Content-Type", "application/json") // want `header-after-write: w.Header\(\).Set after w.WriteHeader \(line 12\): the header was sent with the status, so this change is lost; set headers before the first write`
	json.NewEncoder(w).Encode(v)
}

func headerAfterBody(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("hello"))
	if r.URL.Query().Has("cache") {
		w.Header().Add("Cache-Control", "max-age=60") // want `header-after-write: w.Header\(\).Add after w.Write \(line 18\)`
	}
	w.Header()["X-Request-Id"] = []string{"1"} // want `header-after-write: w.Header\(\) after w.Write \(line 18\)`
	delete(w.Header(), "Server")               // want `header-after-write: w.Header\(\) after w.Write \(line 18\)`
}

func cookieAfterError(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
	}
	http.SetCookie(w, &http.Cookie{Name: "seen"}) // want `header-after-write: http.SetCookie after http.Error \(line 28\)`
}

func setCORS(w http.ResponseWriter) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
}

func helperAfterWrite(w http.ResponseWriter) {
	w.WriteHeader(http.StatusNoContent)
	setCORS(w) // want `header-after-write: setCORS after w.WriteHeader \(line 38\)`
}

func ginHeader(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{})
	c.Header("X-Total", "1") // want `header-after-write: c.Header after c.JSON \(line 43\)`
}

func echoHeader(c echo.Context) error {
	err := c.String(http.StatusOK, "x")
	c.Response().Header().Set("X-Total", "1") // want `header-after-write: c.Response\(\).Header\(\).Set after c.String \(line 48\)`
	return err
}

// Nothing below is flagged.

func headerFirst(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/plain")
	setCORS(w)
	w.WriteHeader(http.StatusOK)
}

func trailers(w http.ResponseWriter) {
	w.Header().Set("Trailer", "X-Checksum")
	w.Write([]byte("data"))
	w.Header().Set("X-Checksum", "abc")
}

func trailerPrefix(w http.ResponseWriter) {
	w.Write([]byte("data"))
	w.Header().Set(http.TrailerPrefix+"X-Checksum", "abc")
}

func ginStatusThenHeader(c *gin.Context) {
	c.Status(http.StatusCreated)
	c.Header("Location", "/x")
	c.Writer.WriteHeader(http.StatusCreated)
	c.Header("X-Id", "1")
}

func otherBranch(w http.ResponseWriter, ok bool) {
	if ok {
		w.WriteHeader(http.StatusOK)
		return
	}
	w.Header().Set("X-Reason", "not ok")
	w.WriteHeader(http.StatusBadRequest)
}

func earlyHints(w http.ResponseWriter) {
	w.Header().Add("Link", "</style.css>; rel=preload")
	w.WriteHeader(http.StatusEarlyHints)
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(http.StatusOK)
}

// respond may write through finish, which the analysis does not know:
// it is no header write.
func respond(w http.ResponseWriter, code int) {
	w.Header().Set("Retry-After", "60")
	finish(w, code)
}

var finish func(http.ResponseWriter, int)

func afterStatusUnknownHelper(w http.ResponseWriter) {
	w.WriteHeader(http.StatusPartialContent)
	respond(w, http.StatusInternalServerError)
}

// A flag set elsewhere in the function guards the write.
func flagElsewhere(w http.ResponseWriter, partial bool, copyErr error) {
	written := false
	if partial {
		written = true
		w.WriteHeader(http.StatusPartialContent)
	}
	if copyErr != nil && !written {
		w.Header().Set("X-Error", copyErr.Error())
		http.Error(w, copyErr.Error(), http.StatusInternalServerError)
	}
}
