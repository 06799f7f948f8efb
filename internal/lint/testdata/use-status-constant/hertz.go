// A file that spells statuses with another package's constants (hertz's
// consts) gets them suggested, and no net/http import beside them.
package handlers

import (
	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/protocol/consts"
)

func h(c *app.RequestContext, resp *Response) {
	c.SetStatusCode(consts.StatusOK)
	if resp.StatusCode() == 404 { // want "use-status-constant: use consts.StatusNotFound instead of 404"
		return
	}
}
