;;; jues-mode.el --- Major mode for jues documents -*- lexical-binding: t; -*-

;; SPDX-License-Identifier: MIT OR Apache-2.0
;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages

;; This file is not part of GNU Emacs.

;;; Commentary:

;; A major mode for `.jues' files, the source language of jues, a
;; compiler for Chinese government disclosure documents (部门决算,
;; 部门预算).  The language is defined by grammar/jues.pest; this mode
;; follows it:
;;
;; * Font lock for declarations (`表 名称 {', `组', `检查' …, and the
;;   English spellings), figure names before `=', function calls,
;;   numbers with their units, strings, comments, headings,
;;   `**strong**', `*emphasis*', the braces of `{…}' interpolations,
;;   the blocks `@每行' / `@如果' … `否则', placeholders (`待填',
;;   `todo') and `未公开'.  Prose is plain text to jues: a number, a
;;   function name or `待填' written in prose is not highlighted,
;;   because jues does not read it as one (only what is inside `{…}'
;;   is code).  Likewise `"', `//', parentheses and 「」 in prose are
;;   ordinary characters.
;; * Imenu entries for headings, tables and groups; `outline-minor-mode'
;;   folds headings.
;; * `jues lsp' registered with eglot and lsp-mode.
;; * `M-x compile' with `jues check --format short FILE' (or
;;   `M-x jues-check') jumps to each diagnostic; `M-x jues-format-buffer'
;;   runs `jues fmt'.
;;
;; Installation: put this file on the `load-path' and `(require 'jues-mode)', or
;;
;;   (use-package jues-mode :load-path "/path/to/jues/editors/emacs")
;;
;; then `M-x eglot' (or `M-x lsp') in a `.jues' buffer.

;;; Code:

(require 'compile)
(require 'subr-x)

(defgroup jues nil
  "Major mode for jues disclosure documents."
  :group 'languages
  :prefix "jues-")

(defcustom jues-program "jues"
  "The jues executable: a name on `exec-path' or an absolute file name.
Used for the language server (`jues lsp'), `jues-check' and
`jues-format-buffer'."
  :type 'string)

;;;; Faces

(defface jues-number-face '((t :inherit font-lock-constant-face))
  "Face for numbers with their units (`1149.45万元', `72.80%').")

(defface jues-heading-face
  '((t :inherit font-lock-function-name-face :weight bold))
  "Face for headings (`# 第一部分 …').")

(defface jues-strong-face '((t :inherit bold))
  "Face for `**strong**' text.")

(defface jues-emphasis-face '((t :inherit italic))
  "Face for `*emphasised*' text.")

(defface jues-interpolation-face '((t :inherit font-lock-preprocessor-face))
  "Face for the braces of an interpolation (`{收入.合计}').")

(defface jues-unpublished-face
  '((t :inherit font-lock-constant-face :slant italic))
  "Face for `未公开' (`unpublished'), a figure the report does not publish.")

;;;; Regular expressions (after grammar/jues.pest)

(defconst jues--hspace "[ \t\u3000]"
  "Horizontal space: space, tab or the ideographic space U+3000.")

(defconst jues--name-re "\\(?:「[^」\n]+」\\|[[:alpha:]_][[:alnum:]_]*\\)"
  "A name: a Unicode word, or any text in corner brackets.")

(defconst jues--name-path-re
  (concat jues--name-re "\\(?:\\." jues--name-re "\\)*")
  "A dotted name path, such as `收入.合计'.")

(defconst jues--decl-keywords
  '("报告" "report" "上年" "prior" "组" "group" "表" "table"
    "检查" "check" "导入" "import")
  "The keywords that start a declaration when followed by a space.")

(defconst jues--decl-start-re
  (concat "^" jues--hspace "*\\(" (regexp-opt jues--decl-keywords) "\\)"
          jues--hspace)
  "A declaration: a keyword at the start of a line, followed by a space.")

(defconst jues--figure-start-re
  (concat "^" jues--hspace "*\\(" jues--name-path-re "\\)" jues--hspace
          "*=\\(?:[^=]\\|$\\)")
  "A figure line: a name path at the start of a line, then `=' (not `==').")

(defconst jues--code-line-re
  (concat "\\(?:" jues--decl-start-re "\\|" jues--figure-start-re
          "\\|^" jues--hspace "*[@}]\\)")
  "A code line: a declaration, a figure, a block head or a closing brace.")

(defconst jues--functions
  '("share" "growth" "change" "completion" "sum" "abs" "round" "min" "max"
    "占比" "增长率" "增减" "完成率" "合计" "求和" "绝对值" "舍入" "最小" "最大")
  "The built-in functions, in English and Chinese (src/check/functions.rs).")

(defconst jues--number-re
  (let ((word "[[:alpha:]_]+"))
    (concat "\\(?:[0-9]+\\(?:,[0-9]\\{3\\}\\)*\\(?:\\.[0-9]+\\)?"
            "\\|[０-９]+\\(?:[．.][０-９]+\\)?\\)"
            "\\(?:[%％‰]\\|" word "\\(?:(" word ")\\|（" word "）\\)?\\)?!?"))
  "A number as written, with its optional unit and `!' (exact).
ASCII or full-width digits, optional thousands separators and fraction.")

;;;; Syntax

(defvar jues-mode-syntax-table
  (let ((table (make-syntax-table)))
    ;; `//' comments to the end of the line.
    (modify-syntax-entry ?/ ". 12" table)
    (modify-syntax-entry ?\n ">" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?\\ "\\" table)
    (modify-syntax-entry ?_ "_" table)
    (modify-syntax-entry ?\{ "(}" table)
    (modify-syntax-entry ?\} "){" table)
    (modify-syntax-entry ?\( "()" table)
    (modify-syntax-entry ?\) ")(" table)
    (modify-syntax-entry ?\[ "(]" table)
    (modify-syntax-entry ?\] ")[" table)
    ;; Corner brackets quote a name: `「因公出国(境)费」'.
    (modify-syntax-entry ?「 "(」" table)
    (modify-syntax-entry ?」 ")「" table)
    (dolist (c (string-to-list ".,:;!?=<>+-*%‰#@&|'$^~`×÷"))
      (modify-syntax-entry c "." table))
    ;; Full-width and CJK punctuation is punctuation, not part of a word,
    ;; so that word motion and `\\_<' stop at `，' and `。'.
    (dolist (c (string-to-list
                (concat "，。、；：？！（）【】《》〈〉『』“”‘’…—–·"
                        "％＋－＝＜＞／＊．～〔〕｛｝［］")))
      (modify-syntax-entry c "." table))
    table)
  "Syntax table for `jues-mode'.")

(defconst jues--punctuation (string-to-syntax ".")
  "The syntax given to `\"', `/', parentheses and 「」 in prose.")

(defun jues--in-declaration-p (ppss)
  "Non-nil if PPSS is inside the braces of a declaration (a table, group …)."
  (let ((open (nth 9 ppss)) found)
    (while (and open (not found))
      (let ((pos (car open)))
        (when (and (eq (char-after pos) ?\{)
                   (save-excursion
                     (goto-char pos)
                     (beginning-of-line)
                     (looking-at jues--decl-start-re)))
          (setq found t)))
      (setq open (cdr open)))
    found))

(defun jues--propertize-interpolation (eol)
  "Mark the interpolation that starts at point as code, up to its `}' or EOL."
  (let ((open (point)) done)
    (forward-char 1)
    (while (and (not done)
                (progn (skip-chars-forward "^}\"" eol) (< (point) eol)))
      (if (eq (char-after) ?\})
          (setq done t)
        ;; A string inside the interpolation (`表["名称"]'): skip to its end.
        (forward-char 1)
        (while (and (progn (skip-chars-forward "^\"\\\\" eol) (< (point) eol))
                    (eq (char-after) ?\\))
          (forward-char (min 2 (- eol (point)))))))
    (when (< (point) eol) (forward-char 1))
    (put-text-property open (point) 'jues-code 'interp)))

(defun jues--propertize-prose (eol)
  "Give prose from point to EOL its syntax: text, with code inside `{…}'.
In text, `\"', `/', parentheses and 「」 are punctuation: jues reads
them as text."
  (while (progn (skip-chars-forward "^\\\\{\"()[]「」/" eol) (< (point) eol))
    (let ((c (char-after)))
      (cond
       ((eq c ?\\) (forward-char (min 2 (- eol (point)))))
       ((eq c ?\{) (jues--propertize-interpolation eol))
       (t (put-text-property (point) (1+ (point))
                             'syntax-table jues--punctuation)
          (forward-char 1))))))

(defun jues--syntax-propertize (start end)
  "Classify the lines from START to END as code or prose.
This is the `syntax-propertize-function'.  A line is code if it is a
declaration, a figure, a block head, a closing brace, or inside the
braces of a declaration; every other line but comments is prose.
Code gets the text property `jues-code' (`line'), as does each
interpolation in prose (`interp')."
  (goto-char start)
  (beginning-of-line)
  (remove-text-properties (point) end '(jues-code nil))
  (while (< (point) end)
    (let* ((bol (point))
           (eol (line-end-position))
           (ppss (save-excursion (syntax-ppss bol))))
      (cond
       ((nth 3 ppss) (put-text-property bol eol 'jues-code 'line))
       ((looking-at (concat jues--hspace "*\\(?://\\|$\\)")))
       ((or (jues--in-declaration-p ppss) (looking-at jues--code-line-re))
        (put-text-property bol eol 'jues-code 'line))
       (t (jues--propertize-prose eol))))
    (forward-line 1)))

(defun jues--code-p (pos)
  "Non-nil if POS is code (not prose)."
  (get-text-property pos 'jues-code))

;;;; Font lock

(defun jues--search (regexp limit pred &optional group)
  "Search for REGEXP before LIMIT where PRED holds.
PRED is called with the start of GROUP (or of the match), point at
the end of the match; a match it rejects is searched again from one
character after its start."
  (syntax-propertize limit)
  (let (found)
    (while (and (not found) (re-search-forward regexp limit t))
      (if (save-excursion
            (save-match-data (funcall pred (match-beginning (or group 0)))))
          (setq found t)
        (goto-char (1+ (match-beginning 0)))))
    found))

(defconst jues--function-re
  (concat "\\_<\\(" (regexp-opt jues--functions) "\\)\\_>"))

(defun jues--match-function (limit)
  "Find a function call before LIMIT: a function name, then `('."
  (jues--search jues--function-re limit
                (lambda (beg)
                  (and (jues--code-p beg)
                       (not (eq (char-before beg) ?.))
                       (looking-at-p (concat jues--hspace "*("))))
                1))

(defun jues--match-number (limit)
  "Find a number in code before LIMIT."
  (jues--search jues--number-re limit
                (lambda (beg)
                  (and (jues--code-p beg)
                       (let ((prev (char-before beg)))
                         (not (and prev
                                   (or (memq prev '(?. ?_ ?．))
                                       (string-match-p "[[:alnum:]]"
                                                       (string prev))))))))))

(defun jues--code-matcher (regexp &optional group)
  "A font-lock matcher for REGEXP in code, tested at the start of GROUP."
  (lambda (limit) (jues--search regexp limit #'jues--code-p group)))

(defconst jues--total-re
  (concat "^" jues--hspace "*\\("
          (regexp-opt '("合计" "合計" "总计" "總計" "total"
                        "小计" "小計" "subtotal"))
          "\\)\\_>"))

(defun jues--match-total (limit)
  "Find the label of a total row (`合计', `小计' …) before LIMIT.
The label starts a line; it is not a figure named `合计' (`合计 = …'),
a call, or part of a longer name (`收入合计')."
  (jues--search jues--total-re limit
                (lambda (beg)
                  (and (jues--code-p beg)
                       (not (looking-at-p (concat jues--hspace "*[=(]")))))
                1))

(defun jues--match-brace (limit)
  "Find a brace of an interpolation before LIMIT."
  (jues--search "[{}]" limit
                (lambda (beg) (eq (get-text-property beg 'jues-code) 'interp))))

(defun jues--prose-p (pos)
  "Non-nil if POS is in prose: not code, not in a comment."
  (and (not (jues--code-p pos))
       (not (nth 8 (save-excursion (syntax-ppss pos))))))

(defun jues--match-strong (limit)
  "Find `**strong**' text in prose before LIMIT."
  (jues--search "\\*\\*\\(?:[^*\\\n]\\|\\\\.\\)+\\*\\*" limit
                (lambda (beg)
                  (and (jues--prose-p beg) (not (eq (char-before beg) ?\\))))))

(defun jues--match-emphasis (limit)
  "Find `*emphasised*' text in prose before LIMIT."
  (jues--search "\\*\\(?:[^*\\\n]\\|\\\\.\\)+\\*" limit
                (lambda (beg)
                  (and (jues--prose-p beg)
                       (not (memq (char-before beg) '(?* ?\\)))
                       (not (eq (char-after) ?*))))))

(defun jues--match-heading (limit)
  "Find a heading line before LIMIT."
  (jues--search (concat "^" jues--hspace "*#\\{1,6\\}" jues--hspace "+.*$")
                limit #'jues--prose-p))

(defvar jues-font-lock-keywords
  `(;; Declarations: `表 名称 …', the name of a table or group, figure names.
    (,(jues--code-matcher jues--decl-start-re 1) (1 font-lock-keyword-face))
    (,(jues--code-matcher
       (concat "^" jues--hspace "*\\(?:表\\|table\\|组\\|group\\)"
               jues--hspace "+\\(" jues--name-path-re "\\)")
       1)
     (1 font-lock-type-face))
    (,(jues--code-matcher jues--figure-start-re 1)
     (1 font-lock-variable-name-face))
    ;; Blocks.
    (,(concat "^" jues--hspace "*\\(@\\(?:每行\\|each\\|如果\\|if\\)\\)\\(?:"
              jues--hspace "\\|$\\)")
     (1 font-lock-keyword-face))
    (,(concat "^" jues--hspace "*}" jues--hspace "*\\(否则\\|else\\)\\_>")
     (1 font-lock-keyword-face))
    ;; Inside expressions and declarations.
    (jues--match-function (1 font-lock-builtin-face))
    (,(jues--code-matcher "\\_<\\(待填\\|todo\\)\\_>" 1)
     (1 font-lock-warning-face))
    (,(jues--code-matcher "\\_<\\(未公开\\|unpublished\\)\\_>" 1)
     (1 'jues-unpublished-face))
    (jues--match-total (1 font-lock-keyword-face))
    (,(jues--code-matcher
       (concat "\\_<\\("
               (regexp-opt '("列" "column" "columns" "来自" "from" "为" "as"
                             "按" "其中" "where" "part"))
               "\\)\\_>")
       1)
     (1 font-lock-keyword-face))
    (jues--match-number (0 'jues-number-face))
    ;; Prose.
    (jues--match-brace (0 'jues-interpolation-face))
    (jues--match-heading (0 'jues-heading-face append))
    (jues--match-strong (0 'jues-strong-face append))
    (jues--match-emphasis (0 'jues-emphasis-face append)))
  "Font lock keywords for `jues-mode'.")

;;;; Indentation

(defcustom jues-indent-offset 2
  "Indentation of each level of a declaration's body, as `jues fmt' writes it."
  :type 'integer
  :safe #'integerp)

(defun jues--declaration-depth (ppss)
  "How many braces of declarations are open in PPSS."
  (let ((depth 0))
    (dolist (pos (nth 9 ppss) depth)
      (when (and (eq (char-after pos) ?\{)
                 (save-excursion
                   (goto-char pos)
                   (beginning-of-line)
                   (looking-at jues--decl-start-re)))
        (setq depth (1+ depth))))))

(defun jues-indent-line ()
  "Indent the current line as `jues fmt' does.
A declaration's body is indented by `jues-indent-offset' per level;
declarations, figures, block heads and closing braces at the top level
start at column 0.  Prose keeps its indentation."
  (interactive)
  (let* ((ppss (save-excursion (syntax-ppss (line-beginning-position))))
         (depth (jues--declaration-depth ppss))
         (indent
          (save-excursion
            (beginning-of-line)
            (cond
             ((nth 3 ppss) nil)
             ((> depth 0)
              (skip-chars-forward " \t\u3000")
              (* jues-indent-offset (if (eq (char-after) ?}) (1- depth) depth)))
             ((looking-at-p jues--code-line-re) 0)))))
    (if (null indent)
        'noindent
      (if (<= (current-column) (current-indentation))
          (indent-line-to indent)
        (save-excursion (indent-line-to indent))))))

;;;; Imenu and outline

(defvar jues-imenu-generic-expression
  `(("Tables" ,(concat "^" jues--hspace "*\\(?:表\\|table\\)" jues--hspace
                       "+\\(" jues--name-re "\\)")
     1)
    ("Groups" ,(concat "^" jues--hspace "*\\(?:组\\|group\\)" jues--hspace
                       "+\\(" jues--name-path-re "\\)")
     1)
    ("Headings" ,(concat "^" jues--hspace "*\\(#\\{1,6\\}" jues--hspace
                         "+.+?\\)" jues--hspace "*$")
     1))
  "Imenu entries of a jues document: tables, groups and headings.")

(defun jues--outline-level ()
  "The level of the heading at point: its number of `#'."
  (save-excursion
    (skip-chars-forward " \t\u3000")
    (- (progn (skip-chars-forward "#") (point))
       (progn (skip-chars-backward "#") (point)))))

;;;; Filling

(defun jues--fill-nobreak-p ()
  "Non-nil if a line break at point would change what the text means.
A line must not be broken inside `{…}' (an expression lies on one
line), in code, or where the next line would start a heading, list
item, block, declaration or figure."
  (or (jues--code-p (point))
      (save-excursion
        (skip-chars-forward " \t\u3000")
        (looking-at-p
         (concat "\\(?:#\\{1,6\\}" jues--hspace "\\|[-+]" jues--hspace
                 "\\|[0-9]\\{1,3\\}\\." jues--hspace "\\|[@}]\\|//\\|"
                 (substring jues--decl-start-re 1) "\\|"
                 (substring jues--figure-start-re 1) "\\)")))))

;;;; Commands

(defun jues-check ()
  "Run `jues check --format short' on the current file in a compilation buffer.
\\[next-error] goes to each diagnostic."
  (interactive)
  (unless buffer-file-name (user-error "This buffer is not visiting a file"))
  (when (buffer-modified-p) (save-buffer))
  (let ((buffer
         (compile (mapconcat #'shell-quote-argument
                             (list jues-program "check" "--format" "short"
                                   "--color" "never"
                                   (file-name-nondirectory buffer-file-name))
                             " "))))
    (with-current-buffer buffer
      (setq-local compilation-error-screen-columns nil))
    buffer))

(defun jues-format-buffer ()
  "Save the buffer, format its file with `jues fmt', and revert the buffer."
  (interactive)
  (unless buffer-file-name (user-error "This buffer is not visiting a file"))
  (when (buffer-modified-p) (save-buffer))
  (let* ((file buffer-file-name)
         (output (generate-new-buffer " *jues fmt*"))
         (status (call-process jues-program nil output nil "fmt" file)))
    (unwind-protect
        (if (eq status 0)
            (let ((point (point)))
              (revert-buffer t t t)
              (goto-char (min point (point-max)))
              (message "Formatted %s" (file-name-nondirectory file)))
          (user-error "jues fmt failed: %s"
                      (string-trim
                       (with-current-buffer output (buffer-string)))))
      (kill-buffer output))))

(defvar jues-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "C-c C-c") #'jues-check)
    (define-key map (kbd "C-c C-f") #'jues-format-buffer)
    map)
  "Keymap for `jues-mode'.")

;;;; The mode

;; Derived from `prog-mode', not `text-mode', although most of a report
;; is prose: a .jues file is a program that jues checks and compiles,
;; with a language server, so users expect their `prog-mode-hook' (line
;; numbers, eglot, completion, electric pairs) here.  Filling prose,
;; which text-mode would invite, can break a line where the new line
;; changes meaning (a `- ' or `表 ' at its start, an interpolation split
;; in two); `fill-nobreak-predicate' below prevents that.

;;;###autoload
(define-derived-mode jues-mode prog-mode "jues"
  "Major mode for jues disclosure documents (`.jues').

\\{jues-mode-map}"
  :syntax-table jues-mode-syntax-table
  (setq-local comment-start "// ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "//+[ \t]*")
  (setq-local comment-use-syntax t)
  (setq-local syntax-propertize-function #'jues--syntax-propertize)
  ;; Lines are classified whole (the default, made sure of).
  (add-hook 'syntax-propertize-extend-region-functions
            #'syntax-propertize-wholelines nil t)
  (setq-local font-lock-defaults '(jues-font-lock-keywords nil nil))
  (setq-local indent-line-function #'jues-indent-line)
  (setq-local indent-tabs-mode nil)
  (setq-local imenu-generic-expression jues-imenu-generic-expression)
  (setq-local imenu-case-fold-search nil)
  (setq-local outline-regexp (concat jues--hspace "*#\\{1,6\\}" jues--hspace))
  (setq-local outline-level #'jues--outline-level)
  (setq-local paragraph-start
              (concat "\f\\|" jues--hspace "*$\\|" jues--hspace "*\\(?:#\\|[-+]"
                      jues--hspace "\\|[0-9]\\{1,3\\}\\." jues--hspace
                      "\\|[@}]\\|//\\)"))
  (setq-local paragraph-separate (concat "\f\\|" jues--hspace "*$"))
  (add-hook 'fill-nobreak-predicate #'jues--fill-nobreak-p nil t)
  ;; jues counts columns in characters; a Chinese character is two
  ;; screen columns wide.
  (setq-local compilation-error-screen-columns nil)
  (setq-local compilation-first-column 1))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.jues\\'" . jues-mode))

;;;; `jues check --format short' in compilation buffers

;;;###autoload
(defconst jues-compilation-regexp
  (let ((sgr "\\(?:\e\\[[0-9;]*m\\)*"))
    (concat "^" sgr "\\(\\(?:[A-Za-z]:\\)?[^:\n]+\\)"
            ":\\([0-9]+\\):\\([0-9]+\\): " sgr
            "\\(?:\\(error\\)\\|\\(warning\\)\\|\\(note\\)\\)"
            "\\(?:\\[[A-Z]*[0-9]+\\]\\)?" sgr ": "))
  "A line of `jues check --format short'.
The format is `file:line:col: severity[CODE]: message'.  The severity
word is English (`error', `warning', `note') in every output language.
Group 4 matches an error, 5 a warning, 6 a note.  Colour escapes are
allowed around the severity: jues colours its output on a terminal, and
`M-x compile' runs commands on one (`--color never' turns it off).")

;;;###autoload
(with-eval-after-load 'compile
  (add-to-list 'compilation-error-regexp-alist-alist
               `(jues ,jues-compilation-regexp 1 2 3 (5 . 6)))
  (add-to-list 'compilation-error-regexp-alist 'jues))

;;;; Language server

(defun jues--lsp-command (&rest _)
  "The command that starts the language server: `jues lsp'."
  (list jues-program "lsp"))

;; A function, not the fixed list ("jues" "lsp"), so that
;; `jues-program' applies.
;;;###autoload
(with-eval-after-load 'eglot
  (defvar eglot-server-programs)
  (add-to-list 'eglot-server-programs '(jues-mode . jues--lsp-command)))

(declare-function lsp-register-client "lsp-mode" (client))
(declare-function make-lsp-client "lsp-mode" (&rest args))
(declare-function lsp-stdio-connection "lsp-mode"
                  (command &optional test-command))
(declare-function lsp-activate-on "lsp-mode" (&rest languages))

;;;###autoload
(with-eval-after-load 'lsp-mode
  (defvar lsp-language-id-configuration)
  (add-to-list 'lsp-language-id-configuration '(jues-mode . "jues"))
  (lsp-register-client
   (make-lsp-client :new-connection (lsp-stdio-connection #'jues--lsp-command)
                    :activation-fn (lsp-activate-on "jues")
                    :server-id 'jues)))

(provide 'jues-mode)
;;; jues-mode.el ends here
