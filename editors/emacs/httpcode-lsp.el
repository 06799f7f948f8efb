;;; httpcode-lsp.el --- HTTP status codes in Emacs, through eglot  -*- lexical-binding: t; -*-

;; Copyright (c) 2026 the httpcode-lsp authors. MIT licence (see LICENSE).
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; URL: https://github.com/httpcode-lsp/httpcode-lsp

;;; Commentary:

;; Registers the httpcode-lsp language server with eglot:
;;
;;   (add-to-list 'load-path "/path/to/httpcode-lsp/editors/emacs")
;;   (require 'httpcode-lsp)
;;   (httpcode-lsp-setup)
;;   (add-hook 'yaml-mode-hook #'eglot-ensure)
;;
;; Eglot then starts `httpcode-lsp' for YAML and JSON buffers (and Go ones
;; when `httpcode-lsp-languages' has `go'): hover through eldoc,
;; completion through `completion-at-point', diagnostics through flymake,
;; quick fixes through `eglot-code-actions'.
;;
;; Each language gets its own entry in `eglot-server-programs', so its
;; own server and its own languageId: eglot 1.9 (Debian's elpa-eglot)
;; sends one languageId for every buffer of a server.

;;; Code:

(require 'cl-lib)
(require 'eglot)

(defgroup httpcode-lsp nil
  "HTTP status codes through the httpcode-lsp language server."
  :group 'eglot
  :prefix "httpcode-lsp-")

(defcustom httpcode-lsp-command '("httpcode-lsp")
  "The server's command line: the program and its arguments."
  :type '(repeat string))

(defcustom httpcode-lsp-languages '(yaml json)
  "The languages whose buffers eglot serves with httpcode-lsp.
Eglot runs one server per buffer: add `go' to use httpcode-lsp
instead of gopls in Go buffers."
  :type '(set (const yaml) (const json) (const go)))

(defconst httpcode-lsp--modes
  '((yaml yaml-mode yaml-ts-mode)
    (json json-mode json-ts-mode js-json-mode)
    (go go-mode go-ts-mode))
  "The major modes of each language.")

(defun httpcode-lsp--contact (&rest _)
  "The server's command line, as `eglot-server-programs' takes it."
  httpcode-lsp-command)

;;;###autoload
(defun httpcode-lsp-setup ()
  "Register httpcode-lsp in `eglot-server-programs'.
One entry for each language of `httpcode-lsp-languages', ahead of
the entries already there for its major modes."
  (dolist (language httpcode-lsp-languages)
    (let ((modes (mapcar (lambda (mode) (list mode :language-id (symbol-name language)))
                         (cdr (assq language httpcode-lsp--modes)))))
      (setq eglot-server-programs
            (cons (cons modes #'httpcode-lsp--contact)
                  (cl-remove modes eglot-server-programs :key #'car :test #'equal))))))

(provide 'httpcode-lsp)
;;; httpcode-lsp.el ends here
