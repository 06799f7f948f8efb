// fasthttp declares the constants, all but StatusTooEarly: 425 gets no
// finding rather than a net/http import beside fasthttp.
package handlers

import fh "github.com/valyala/fasthttp"

func h(ctx *fh.RequestCtx) {
	ctx.SetStatusCode(404) // want "use-status-constant: use fh.StatusNotFound instead of 404"
	ctx.SetStatusCode(425)
}
