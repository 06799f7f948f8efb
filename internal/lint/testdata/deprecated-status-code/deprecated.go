package handlers

import "net/http"

func h(w http.ResponseWriter, resp *http.Response) {
	w.WriteHeader(http.StatusUseProxy)           // want "deprecated-status-code: 305 Use Proxy is deprecated \\(RFC 9110 §15.4.6\\)"
	w.WriteHeader(418)                           // want "deprecated-status-code: 418 is reserved and unused in HTTP \\(RFC 9110 §15.5.19\\); use 403 or 429 to refuse a request"
	http.Error(w, "ext", http.StatusNotExtended) // want "deprecated-status-code: 510 Not Extended is deprecated"
	switch resp.StatusCode {
	case http.StatusTeapot: // reading it is fine
	}
	if resp.StatusCode == 305 {
		return
	}
	_ = http.StatusText(http.StatusTeapot) // a lookup sends nothing
	refuse(w, 418)                         // want "deprecated-status-code: 418 is reserved"
}

// refuse writes the code it is given: what its callers pass is sent.
func refuse(w http.ResponseWriter, code int) {
	w.WriteHeader(code)
}
