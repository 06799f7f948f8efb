package api // the package clause may carry a comment

type ctx interface{ Status(int) }

type writer interface{ WriteHeader(int) }

func h(c ctx, w writer) {
	c.Status(200)      // no framework imported: not a status position
	w.WriteHeader(200) // want "use-status-constant: use http.StatusOK instead of 200"
}
