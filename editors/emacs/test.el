;;; test.el --- headless test of httpcode-lsp.el with the real eglot  -*- lexical-binding: t; -*-

;;   HTTPCODE_LSP=/path/to/httpcode-lsp FIXTURES=dir emacs --batch -l test.el
;;
;; exits 0 when every check passes, 1 (with the failures on stderr) if not.
;; FIXTURES is a copy of testdata/: the code action edits it.

;;; Code:

(require 'cl-lib)
(require 'subr-x)
(load (expand-file-name "httpcode-lsp.el" (file-name-directory load-file-name)) nil t)

(defvar test-failures nil "What failed, newest first.")

(defun test-fail (fmt &rest args)
  "Record a failure: FMT and ARGS as for `format'."
  (push (apply #'format fmt args) test-failures))

(defun test-wait (pred &optional seconds)
  "Wait up to SECONDS (10) for PRED, serving the server's messages meanwhile."
  (let ((deadline (+ (float-time) (or seconds 10))))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

(defun test-goto (needle)
  "Put point on the first NEEDLE of the buffer."
  (goto-char (point-min))
  (unless (search-forward needle nil t)
    (error "No %s in %s" needle (buffer-name)))
  (goto-char (match-beginning 0)))

(defun test-open (file)
  "Visit FILE of the fixtures as a user does: its mode's hook starts eglot."
  (find-file (expand-file-name file (getenv "FIXTURES")))
  (switch-to-buffer (current-buffer))
  ;; eglot-ensure connects after the command that visited the file.
  (run-hooks 'post-command-hook)
  (unless (test-wait #'eglot-managed-p)
    (error "Eglot does not manage %s" file))
  (current-buffer))

(defun test-hover ()
  "The text eldoc shows for the hover at point, or nil."
  (let (shown)
    (eglot-hover-eldoc-function (lambda (info &rest _) (setq shown (or info ""))))
    (test-wait (lambda () shown))
    shown))

(defun test-diagnostic (code)
  "The flymake diagnostic of rule CODE in the buffer, once it is there."
  (test-wait (lambda ()
               (cl-find-if (lambda (d) (string-match-p (regexp-quote code) (flymake-diagnostic-text d)))
                           (flymake-diagnostics)))))

(defun test-complete (label)
  "Accept the completion LABEL at point as `completion-at-point' does."
  (pcase-let* ((`(,start ,end ,table . ,props) (eglot-completion-at-point))
               (choice (cl-find label (all-completions (buffer-substring start end) table) :test #'string=)))
    (unless choice
      (error "No %s among %S" label (all-completions "" table)))
    (delete-region start end)
    (goto-char start)
    (insert choice)
    (funcall (plist-get props :exit-function) choice 'finished)))

(defun test-run ()
  "The checks."
  (let ((binary (or (getenv "HTTPCODE_LSP") (error "HTTPCODE_LSP is not set"))))
    ;; Emacs has no YAML or Go mode of its own; stand-ins do where the
    ;; packages are not installed, the YAML one with yaml-mode's quotes.
    (unless (fboundp 'yaml-mode)
      (define-derived-mode yaml-mode text-mode "YAML"
        (modify-syntax-entry ?\' "\"")
        (modify-syntax-entry ?\" "\"")))
    (unless (fboundp 'go-mode) (define-derived-mode go-mode prog-mode "Go"))
    (add-to-list 'auto-mode-alist '("\\.ya?ml\\'" . yaml-mode))
    (add-to-list 'auto-mode-alist '("\\.go\\'" . go-mode))
    ;; The README's set-up, with the binary under test.
    (setq httpcode-lsp-command (list binary "--stdio")
          httpcode-lsp-languages '(yaml json go))
    (httpcode-lsp-setup)
    (add-hook 'yaml-mode-hook #'eglot-ensure)
    (add-hook 'go-mode-hook #'eglot-ensure)

    ;; Go: hover on a literal, through a server of its own (languageId go).
    (with-current-buffer (test-open "handler.go")
      (test-goto "404")
      (let ((hover (test-hover)))
        (unless (and hover (string-match-p "404 Not Found" hover))
          (test-fail "Go hover on 404: %S" hover))))

    (with-current-buffer (test-open "openapi.yaml")
      ;; Hover on a response key names the operation.
      (test-goto "'204'")
      (let ((hover (test-hover)))
        (unless (and hover (string-match-p "204 No Content" hover) (string-match-p "DELETE /items/{id}" hover))
          (test-fail "YAML hover on '204': %S" hover))
        ;; Without markdown-mode eglot asks for plain text, and gets it.
        (when (and hover (not (fboundp 'gfm-view-mode)) (string-match-p "###\\|\\*\\*\\|`" hover))
          (test-fail "plain-text hover with Markdown marks: %S" hover)))

      ;; The unquoted key is a flymake diagnostic on its line, and its
      ;; quick fix quotes it.
      (let ((diag (test-diagnostic "unquoted-status-code")))
        (if (not diag)
            (test-fail "no unquoted-status-code diagnostic; flymake has %S"
                       (mapcar #'flymake-diagnostic-text (flymake-diagnostics)))
          (unless (= (line-number-at-pos (flymake-diagnostic-beg diag)) 11)
            (test-fail "unquoted-status-code on line %d, want 11" (line-number-at-pos (flymake-diagnostic-beg diag))))
          (goto-char (flymake-diagnostic-beg diag))
          (eglot-code-actions (flymake-diagnostic-beg diag) (flymake-diagnostic-end diag) "quickfix" t)
          (unless (equal (string-trim-right (thing-at-point 'line t)) "        '404':")
            (test-fail "after the quick fix, line 11 is %S" (thing-at-point 'line t)))))

      ;; Completion after a typed quote in POST's responses: one line, the
      ;; quote not doubled (eglot without yasnippet takes no snippets).
      (goto-char (point-max))
      (insert "        '")
      (test-complete "201 Created")
      (let ((line (buffer-substring (line-beginning-position) (point-max))))
        (unless (equal line "        '201':")
          (test-fail "completing 201 Created after a quote gives %S" line))))))

(condition-case err
    (test-run)
  (error (test-fail "%s" (error-message-string err))))
(if (null test-failures)
    (progn (princ "ok\n" #'external-debugging-output) (kill-emacs 0))
  (princ (concat "FAIL\n" (string-join (reverse test-failures) "\n") "\n") #'external-debugging-output)
  (kill-emacs 1))
;;; test.el ends here
