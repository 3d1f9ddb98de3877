;;; jues-mode-test.el --- Tests of jues-mode -*- lexical-binding: t; -*-

;; SPDX-License-Identifier: MIT OR Apache-2.0

;;; Commentary:

;; Run with editors/emacs/test.sh, or
;;
;;   emacs --batch -Q -L editors/emacs -l jues-mode-test.el \
;;         -f ert-run-tests-batch-and-exit
;;
;; The font-lock tests use text from examples/lusong-hrss-2019/report.jues.
;; The compilation tests read test/check-short-*.txt and test/unit-typo-*.txt,
;; captured from `jues check --format short' by test/make-fixtures.sh.  The
;; tests of `jues-check' and `jues-format-buffer' run jues itself: they are
;; skipped unless $JUES names the binary or `jues' is on the PATH.

;;; Code:

(require 'ert)
(require 'cl-lib)
(require 'imenu)
(require 'jues-mode)

(defconst jues-test-dir
  (file-name-directory (or load-file-name buffer-file-name))
  "The directory of this file.")

(defconst jues-test-fixtures (expand-file-name "test" jues-test-dir)
  "The directory of the fixtures.")

(defconst jues-test-example
  (expand-file-name "../../examples/lusong-hrss-2019/report.jues" jues-test-dir)
  "The example report of the repository.")

(defun jues-test-program ()
  "The jues binary to run, or nil: $JUES, else `jues' on the PATH."
  (let ((env (getenv "JUES")))
    (if (and env (not (string-empty-p env)))
        (and (file-executable-p env) (expand-file-name env))
      (executable-find "jues"))))

(defmacro jues-test-with-text (text &rest body)
  "Run BODY in a `jues-mode' buffer holding TEXT, fontified."
  (declare (indent 1) (debug t))
  `(with-temp-buffer
     (insert ,text)
     (jues-mode)
     (font-lock-ensure)
     (goto-char (point-min))
     ,@body))

(defun jues-test-faces (pos)
  "The faces at POS, as a list."
  (let ((face (get-text-property pos 'face)))
    (if (listp face) face (list face))))

(defun jues-test-find (needle &optional count)
  "The position of the COUNTth (default 1st) occurrence of NEEDLE."
  (save-excursion
    (goto-char (point-min))
    (search-forward needle nil nil (or count 1))
    (match-beginning 0)))

(defun jues-test-span-faces (needle &optional count)
  "The faces of each character of the COUNTth NEEDLE, one list per character."
  (let ((start (jues-test-find needle count)))
    (cl-loop for pos from start below (+ start (length needle))
             collect (jues-test-faces pos))))

(defun jues-test-has (face needle &optional count)
  "Non-nil if every character of the COUNTth NEEDLE has FACE."
  (cl-every (lambda (faces) (memq face faces))
            (jues-test-span-faces needle count)))

(defun jues-test-plain (needle &optional count)
  "Non-nil if no character of the COUNTth NEEDLE has a face."
  (cl-every #'null
            (jues-test-span-faces needle count)))

(defun jues-test-example-lines (from to)
  "Lines FROM to TO (1-based, inclusive) of the example report."
  (with-temp-buffer
    (insert-file-contents jues-test-example)
    (goto-char (point-min))
    (forward-line (1- from))
    (let ((start (point)))
      (forward-line (1+ (- to from)))
      (buffer-substring-no-properties start (point)))))

;;;; The mode's settings

(ert-deftest jues-test-auto-mode ()
  (should (eq (assoc-default "/x/report.jues" auto-mode-alist #'string-match)
              'jues-mode))
  (let ((buffer (find-file-noselect
                 (expand-file-name "sample.jues" jues-test-fixtures))))
    (unwind-protect
        (with-current-buffer buffer
          (should (eq major-mode 'jues-mode))
          (should (derived-mode-p 'prog-mode)))
      (kill-buffer buffer))))

(ert-deftest jues-test-comments ()
  (jues-test-with-text "收入.合计 = 1149.45\n"
    (should (equal comment-start "// "))
    (should (equal comment-end ""))
    (should (string-match-p (concat "\\`" comment-start-skip) "//  x"))
    (comment-region (point-min) (point-max))
    (should (equal (buffer-string) "// 收入.合计 = 1149.45\n"))
    (uncomment-region (point-min) (point-max))
    (should (equal (buffer-string) "收入.合计 = 1149.45\n"))))

(ert-deftest jues-test-comment-faces ()
  (jues-test-with-text (jues-test-example-lines 28 33)
    ;; `// 2018 figures, as implied by the changes the 2019 report states.'
    (should (jues-test-has 'font-lock-comment-face "2018 figures"))
    (should (nth 4 (syntax-ppss (jues-test-find "2018 figures"))))
    (should (jues-test-has 'font-lock-keyword-face "上年"))))

(ert-deftest jues-test-comment-after-code ()
  (jues-test-with-text "组 收入 {\n  其他 = 1 // 见 {x} \"说明\n  合计 = 其他\n}\n"
    (should (jues-test-has 'font-lock-comment-face "见 {x}"))
    (should (jues-test-has 'font-lock-variable-name-face "合计"))))

(ert-deftest jues-test-syntax-table ()
  (jues-test-with-text "报告 \"标题\" {\n}\n\n占 {share(「因公出国(境)费」, 合计)}，完成。\n"
    (dolist (c '(?， ?。 ?、 ?； ?： ?（ ?） ?“ ?” ?％))
      (should (eq (char-syntax c) ?.)))
    (should (eq (char-syntax ?收) ?w))
    (should (eq (char-syntax ?\") ?\"))
    ;; 「」 pair, and the parentheses quoted inside are not counted.
    (let ((open (jues-test-find "「")))
      (should (eq (char-syntax ?「) ?\())
      (should (eq (char-before (scan-lists open 1 0)) ?」)))
    (should (eq (char-before (scan-lists (jues-test-find "(") 1 0)) ?\)))
    (should (eq (char-before (scan-lists (jues-test-find "{s") 1 0)) ?}))
    ;; A string in a declaration.
    (should (nth 3 (syntax-ppss (1+ (jues-test-find "标题")))))))

;;;; Font lock on the example report

(ert-deftest jues-test-font-lock-report-declaration ()
  (jues-test-with-text (jues-test-example-lines 21 26)
    (should (jues-test-has 'font-lock-keyword-face "报告"))
    (should (jues-test-has 'font-lock-string-face
                           "\"株洲市芦淞区人力资源和社会保障局2019年度部门决算\""))
    (should (jues-test-has 'jues-number-face "2019" 2))
    (should (jues-test-plain "金额单位"))))

(ert-deftest jues-test-font-lock-groups ()
  (jues-test-with-text (jues-test-example-lines 35 47)
    (should (jues-test-has 'font-lock-keyword-face "组"))
    (should (jues-test-has 'font-lock-type-face "收入"))
    (should (jues-test-has 'font-lock-variable-name-face "财政拨款"))
    (should (jues-test-has 'jues-number-face "836.78"))
    (should (jues-test-has 'font-lock-string-face "\"财政拨款收入\""))
    ;; `合计 = …' defines a figure named 合计: not the total keyword.
    (should (jues-test-has 'font-lock-variable-name-face "合计"))
    (should-not (memq 'font-lock-keyword-face (car (jues-test-span-faces "合计"))))
    ;; A figure line at the top level, with a dotted name.
    (should (jues-test-has 'font-lock-variable-name-face "总计.年末结转和结余"))
    ;; The comment between them says `收支总计 (1149.45)': no number there.
    (should (jues-test-has 'font-lock-comment-face "1149.45"))))

(ert-deftest jues-test-font-lock-units ()
  (jues-test-with-text (jues-test-example-lines 88 108)
    (should (jues-test-has 'jues-number-face "20661人"))
    (should (jues-test-has 'jues-number-face "2亿"))
    (should (jues-test-has 'jues-number-face "16451万元"))
    (should (jues-test-has 'jues-number-face "987家"))))

(ert-deftest jues-test-font-lock-checks ()
  (jues-test-with-text (jues-test-example-lines 110 113)
    (should (jues-test-has 'font-lock-keyword-face "检查"))
    (should (jues-test-has 'font-lock-keyword-face "检查" 4))
    (should (jues-test-plain "收入.合计 >="))
    (should (jues-test-has 'font-lock-string-face "\"本年支出不超过本年收入\""))))

(ert-deftest jues-test-font-lock-headings ()
  (jues-test-with-text (jues-test-example-lines 115 119)
    (should (jues-test-has 'jues-heading-face
                           "# 第一部分 株洲市芦淞区人力资源和社会保障局概况"))
    (should (jues-test-has 'jues-heading-face "## 一、部门职责"))
    ;; The prose under them is plain, 表 and all.
    (should (jues-test-plain "（一）贯彻执行国家"))))

(ert-deftest jues-test-font-lock-tables ()
  (jues-test-with-text (jues-test-example-lines 157 215)
    (should (jues-test-has 'font-lock-keyword-face "表"))
    (should (jues-test-has 'font-lock-type-face "收支总表"))
    (should (jues-test-has 'jues-unpublished-face "未公开"))
    (should (jues-test-has 'jues-number-face "2010301"))
    (should (jues-test-has 'jues-number-face "281.85"))
    (should (jues-test-has 'font-lock-string-face "\"政府办公厅(室)及相关机构事务\""))
    ;; The total row's label: a keyword.  `_' is an empty cell.
    (let ((total (jues-test-find "  合计  ")))
      (should (memq 'font-lock-keyword-face (jues-test-faces (+ total 2))))
      (should (memq 'font-lock-keyword-face (jues-test-faces (+ total 3)))))
    (should (jues-test-has 'font-lock-string-face "\"因公出国（境）费\""))
    (should (jues-test-has 'jues-number-face "0.07"))))

(ert-deftest jues-test-font-lock-interpolations ()
  (jues-test-with-text (jues-test-example-lines 217 227)
    ;; 2019 年度收、支总计 {总计.收入}。与 {上年.年度} 年相比，…
    (should (jues-test-plain "2019 年度收、支总计 "))
    (should (jues-test-has 'jues-interpolation-face "{"))
    (should (jues-test-plain "总计.收入"))
    (should (jues-test-has 'jues-interpolation-face "}"))
    (should (jues-test-has 'font-lock-builtin-face "change"))
    (should (jues-test-plain "(总计.收入, 上年.收支总计)"))
    (should (jues-test-has 'font-lock-builtin-face "growth"))
    (should (jues-test-has 'font-lock-builtin-face "share"))
    ;; `本年收入合计' in prose: 合计 is part of the text, not a keyword.
    (should (jues-test-plain "本年收入合计"))))

(ert-deftest jues-test-font-lock-blocks ()
  (jues-test-with-text (jues-test-example-lines 261 267)
    (should (jues-test-has 'font-lock-keyword-face "@每行"))
    (should (jues-test-has 'font-lock-keyword-face "@如果"))
    (should (jues-test-has 'jues-number-face "0"))
    (should (jues-test-has 'font-lock-keyword-face "否则"))
    ;; The prose inside the blocks: interpolations, plain text.
    (should (memq 'jues-interpolation-face (car (jues-test-span-faces "{序号}"))))
    (should (jues-test-plain "序号"))
    (should (jues-test-plain "、"))
    (should (jues-test-plain "完成率"))
    (should (jues-test-plain "决算数大于年初预算数的主要原因是："))))

(ert-deftest jues-test-font-lock-format ()
  (jues-test-with-text (jues-test-example-lines 318 319)
    (should (jues-test-has 'font-lock-builtin-face "share"))
    (should (jues-test-has 'font-lock-keyword-face "按"))
    ;; Numbers in prose are text: jues does not read them (J0404).
    (should (jues-test-plain "2019 年保费"))
    (should (jues-test-plain "1. 人脸建模"))))

;;;; Font lock: the pitfalls

(ert-deftest jues-test-font-lock-keyword-only-at-line-start ()
  (jues-test-with-text "本单位 表 中的数据见附件。\n表格 说明\n表 支出 {\n}\n"
    (should (jues-test-plain "表 中的"))
    (should (jues-test-plain "表格"))
    (should (jues-test-has 'font-lock-keyword-face "表" 3))
    (should (jues-test-has 'font-lock-type-face "支出"))))

(ert-deftest jues-test-font-lock-english ()
  (jues-test-with-text
      (concat "report \"2019\" {\n  year 2019\n}\n"
              "group income {\n  total = a + b\n}\n"
              "table spending \"Spending\" from \"spending.csv\" {\n"
              "  columns budget: 金额, actual: 金额\n  total _ 836.78\n}\n"
              "check income.total >= 0\n"
              "import \"../2018/report.jues\" as prior\n"
              "@each spending where actual > 0 {\n{total}\n}\n"
              "@if a > b {\nMore.\n} else {\nLess.\n}\n")
    (dolist (kw '("report" "group" "table" "check" "import" "@each" "@if" "else"
                  "columns" "from" "as" "where"))
      (should (jues-test-has 'font-lock-keyword-face kw)))
    (should (jues-test-has 'font-lock-type-face "income"))
    (should (jues-test-has 'font-lock-type-face "spending"))
    ;; `total = …' is a figure; `total _ 836.78' is a total row.
    (should (jues-test-has 'font-lock-variable-name-face "total"))
    (should (jues-test-has 'font-lock-keyword-face "total" 2))
    (should (jues-test-plain "More."))))

(ert-deftest jues-test-font-lock-numbers ()
  (jues-test-with-text
      (concat "收入.合计 = 1149.45万元\n比例 = 72.80%\n千分 = 3.5‰\n精确 = 0!\n"
              "代码 = 公开01表\n"
              "财政拨款收入 {收入.财政拨款 = ８３６．７８} 万元，占 {x = ７２．８０％}。\n"
              "合计 {收入.合计 = 1,149.45}。\n")
    (should (jues-test-has 'jues-number-face "1149.45万元"))
    (should (jues-test-has 'jues-number-face "72.80%"))
    (should (jues-test-has 'jues-number-face "3.5‰"))
    (should (jues-test-has 'jues-number-face "0!"))
    (should (jues-test-plain "公开01表"))
    (should (jues-test-has 'jues-number-face "８３６．７８"))
    (should (jues-test-plain " 万元，"))
    (should (jues-test-has 'jues-number-face "７２．８０％"))
    (should (jues-test-has 'jues-number-face "1,149.45"))))

(ert-deftest jues-test-font-lock-functions ()
  (jues-test-with-text
      (concat "a = 占比(收入.其他, 收入.合计)\nb = 合计(支出.决算数)\n"
              "c = 收入合计 + 收入.合计\nd = round (x, 2)\n"
              "检查 max(a, b) > min(a, b)\n"
              "合计(1, 2) 在正文中不是调用。\n")
    (should (jues-test-has 'font-lock-builtin-face "占比"))
    (should (jues-test-plain "收入.合计"))
    (should (jues-test-has 'font-lock-builtin-face "合计" 2))
    (should (jues-test-plain "收入合计"))
    (should (jues-test-plain "收入.合计" 2))
    (should (jues-test-has 'font-lock-builtin-face "round"))
    (should (jues-test-has 'font-lock-builtin-face "max"))
    (should (jues-test-has 'font-lock-builtin-face "min"))
    (should (jues-test-plain "合计(1, 2)"))))

(ert-deftest jues-test-font-lock-placeholders ()
  (jues-test-with-text
      (with-temp-buffer
        (insert-file-contents
         (expand-file-name "../../tests/cases/unfinished/placeholders.jues"
                           jues-test-dir))
        (buffer-string))
    (should (jues-test-has 'font-lock-warning-face "待填" 2))
    (should (jues-test-has 'font-lock-warning-face "todo" 3))
    (should (jues-test-has 'font-lock-variable-name-face "todo_is_english"))
    (should (jues-test-has 'font-lock-warning-face "待填" 3))
    ;; `{待填}' in prose.
    (should (jues-test-has 'font-lock-warning-face "待填" 4))
    ;; The comment at the top names them.
    (should (jues-test-has 'font-lock-comment-face "待填"))
    ;; A bare `合计' row and `合计 = …' figure.
    (should (jues-test-has 'font-lock-variable-name-face "合计"))
    (should (jues-test-has 'font-lock-keyword-face "合计" 2)))
  (jues-test-with-text "部门职责：待填。\n"
    ;; Outside `{…}' it is text (and jues says nothing of it).
    (should (jues-test-plain "待填"))))

(ert-deftest jues-test-font-lock-strong ()
  (jues-test-with-text
      "本年收入 **{收入.合计}，增长 {growth(a, b)}** 与 *强调* 及 \\*非强调\\*。\n"
    (should (jues-test-has 'jues-strong-face "**{收入.合计}，增长 {growth(a, b)}**"))
    (should (jues-test-has 'jues-interpolation-face "{"))
    (should (jues-test-has 'font-lock-builtin-face "growth"))
    (should (jues-test-has 'jues-emphasis-face "*强调*"))
    (should-not (memq 'jues-emphasis-face (car (jues-test-span-faces "}**"))))
    (should (jues-test-plain "\\*非强调\\*"))))

(ert-deftest jues-test-prose-is-text ()
  (jues-test-with-text
      (concat "英文引号 \"未闭合，网址 http://example.com/a {x} 仍是插值。\n"
              "括号 (未闭 与 「引 也是文字。\n\n"
              "表 支出 {\n  \"一般公共服务支出\"  1\n}\n")
    ;; Neither a string nor a comment starts in prose ...
    (should (jues-test-plain "\"未闭合"))
    (should (jues-test-plain "//example.com"))
    (should (jues-test-has 'jues-interpolation-face "{"))
    ;; ... nor a list: the declaration below is read as one.
    (should (= (car (syntax-ppss (jues-test-find "表 支出"))) 0))
    (should (jues-test-has 'font-lock-keyword-face "表"))
    (should (jues-test-has 'font-lock-string-face "\"一般公共服务支出\""))
    (should (jues-test-has 'jues-number-face "1"))))

(ert-deftest jues-test-font-lock-refontifies-after-edit ()
  (jues-test-with-text "表 支出 {\n  合计  1\n}\n"
    (should (jues-test-has 'font-lock-keyword-face "合计"))
    ;; Without the declaration the same line is prose.
    (goto-char (point-min))
    (delete-region (point) (line-beginning-position 2))
    (font-lock-ensure)
    (should (jues-test-plain "合计  1"))))

;;;; Indentation

(ert-deftest jues-test-indent-formatted ()
  "`indent-region' leaves documents formatted by `jues fmt' as they are."
  (dolist (file (list jues-test-example
                      (expand-file-name "../../examples/lusong-hrss-2019/as-published.jues"
                                        jues-test-dir)
                      (expand-file-name "../../stdlib/部门决算.jues" jues-test-dir)
                      (expand-file-name "../../stdlib/部门预算.jues" jues-test-dir)))
    (with-temp-buffer
      (insert-file-contents file)
      (jues-mode)
      (let ((text (buffer-string))
            (inhibit-message t))
        (indent-region (point-min) (point-max))
        (should (equal (list file (buffer-string)) (list file text)))))))

(ert-deftest jues-test-indent ()
  (jues-test-with-text
      (concat "  组 三公 {\n组 出国 {\n预算 = 0\n}\n      预算 = 出国.预算\n  }\n"
              "    表 三公经费 {\n\"公务接待费\"  0.5  0.07\n      }\n"
              "  @如果 a > 0 {\n  缩进的正文。\n    }\n")
    (indent-region (point-min) (point-max))
    (should (equal (buffer-string)
                   (concat "组 三公 {\n  组 出国 {\n    预算 = 0\n  }\n"
                           "  预算 = 出国.预算\n}\n"
                           "表 三公经费 {\n  \"公务接待费\"  0.5  0.07\n}\n"
                           "@如果 a > 0 {\n  缩进的正文。\n}\n")))))

;;;; Imenu and outline

(ert-deftest jues-test-imenu ()
  (with-temp-buffer
    (insert-file-contents jues-test-example)
    (jues-mode)
    (let* ((index (funcall imenu-create-index-function))
           (names (lambda (category)
                    (mapcar #'car (cdr (assoc category index))))))
      (should (equal (funcall names "Tables")
                     '("收支总表" "收入决算" "支出决算" "财政拨款总表" "财政拨款支出"
                       "基本支出明细" "三公经费" "政府性基金" "国有资本经营")))
      (should (equal (funcall names "Groups")
                     '("收入" "支出" "基本支出" "三公" "出国" "接待" "用车"
                       "机关运行经费" "采购" "城居保" "企业养老")))
      (should (member "# 第一部分 株洲市芦淞区人力资源和社会保障局概况"
                      (funcall names "Headings")))
      (should (member "### （三）财政拨款支出决算具体情况" (funcall names "Headings")))
      ;; Nothing from the comments at the top (`the nine 公开表' …).
      (should (= (length (funcall names "Headings")) 26))
      (let ((pos (cdr (assoc "三公经费" (cdr (assoc "Tables" index))))))
        (goto-char pos)
        (should (looking-at-p "表 三公经费 {"))))))

(ert-deftest jues-test-outline ()
  (jues-test-with-text "# 第一部分\n\n正文\n\n## 一、部门职责\n"
    (should (looking-at-p outline-regexp))
    (should (= (funcall outline-level) 1))
    (goto-char (jues-test-find "## "))
    (should (= (funcall outline-level) 2))))

(ert-deftest jues-test-fill-keeps-meaning ()
  (jues-test-with-text
      "本年收入合计 {share(收入.财政拨款, 收入.合计)}，其中 - 财政拨款收入 占比较高。\n"
    (let ((fill-column 20))
      (fill-paragraph))
    ;; No line starts a list item, and the interpolation stays on one line.
    (should-not (string-match-p "^[ \t]*- " (buffer-string)))
    (should (string-match-p "{share(收入.财政拨款, 收入.合计)}" (buffer-string)))))

;;;; `jues check --format short' in compilation buffers

(defun jues-test-fixture (name)
  "The lines of fixture NAME."
  (with-temp-buffer
    (insert-file-contents (expand-file-name name jues-test-fixtures))
    (split-string (buffer-string) "\n" t)))

(ert-deftest jues-test-compilation-regexp ()
  (should (assq 'jues compilation-error-regexp-alist-alist))
  (should (memq 'jues compilation-error-regexp-alist))
  (dolist (fixture '("check-short-en.txt" "check-short-zh.txt"
                     ;; Coloured, as jues prints on a terminal.
                     "check-short-color.txt"))
    (let ((lines (jues-test-fixture fixture))
          (expected '(("6" "10" warning) ("11" "12" warning) ("17" "14" note)
                      ("18" "9" error))))
      (should (= (length lines) 4))
      (cl-loop for line in lines
               for (l c severity) in expected
               do (should (string-match jues-compilation-regexp line))
               (should (equal (match-string 1 line) "sample.jues"))
               (should (equal (match-string 2 line) l))
               (should (equal (match-string 3 line) c))
               (should (match-beginning (pcase severity
                                          ('error 4) ('warning 5) ('note 6)))))))
  (dolist (lang '("en" "zh"))
    (let ((line (car (jues-test-fixture (format "unit-typo-%s.txt" lang)))))
      (should (string-match jues-compilation-regexp line))
      (should (equal (match-string 1 line) "tests/cases/eval/unit_typo.jues"))
      (should (equal (list (match-string 2 line) (match-string 3 line)) '("2" "7")))
      (should (match-beginning 4)))))

(defun jues-test-visit-errors (fixture alist)
  "Visit each message of FIXTURE in a compilation buffer with ALIST.
Return (LEVEL LINE COLUMN CHAR) for each: the compilation level of the
message, and where it leads in sample.jues (COLUMN from 1, in characters)."
  (let ((buffer (get-buffer-create "*jues-test-compilation*"))
        results)
    (unwind-protect
        (with-current-buffer buffer
          (let ((inhibit-read-only t))
            (erase-buffer)
            (insert-file-contents (expand-file-name fixture jues-test-fixtures)))
          (setq default-directory (file-name-as-directory jues-test-fixtures))
          (compilation-mode)
          (setq-local compilation-error-regexp-alist alist)
          (compilation--ensure-parse (point-max))
          (goto-char (point-min))
          (while (not (eobp))
            (let* ((msg (get-text-property (point) 'compilation-message))
                   (level (and msg (compilation--message->type msg))))
              (when msg
                (save-window-excursion
                  (compile-goto-error)
                  (push (list level (line-number-at-pos)
                              (1+ (- (point) (line-beginning-position)))
                              (char-to-string (char-after)))
                        results)))
              (with-current-buffer buffer (forward-line 1))))
          (nreverse results))
      (kill-buffer buffer)
      (let ((sample (find-buffer-visiting
                     (expand-file-name "sample.jues" jues-test-fixtures))))
        (when sample (kill-buffer sample))))))

(ert-deftest jues-test-compilation-jumps ()
  ;; Levels: 2 error, 1 warning, 0 info (a note).  Columns count characters,
  ;; not screen columns, which differ on a line of Chinese.
  (let ((expected '((1 6 10 "部") (1 11 12 "待") (0 17 14 "未") (2 18 9 "万"))))
    (dolist (fixture '("check-short-en.txt" "check-short-zh.txt"
                       "check-short-color.txt"))
      (should (equal (jues-test-visit-errors fixture '(jues)) expected))
      ;; With every other rule of Emacs, too.
      (should (equal (jues-test-visit-errors
                      fixture (default-value 'compilation-error-regexp-alist))
                     expected)))))

(ert-deftest jues-test-check-command ()
  (let ((program (jues-test-program)))
    (skip-unless program)
    (let* ((jues-program program)
           (compilation-buffer-name-function nil)
           (file (expand-file-name "sample.jues" jues-test-fixtures))
           (visited (find-file-noselect file))
           (done nil)
           (compilation-finish-functions (list (lambda (&rest _) (setq done t))))
           compilation)
      (unwind-protect
          (with-current-buffer visited
            (setq compilation (jues-check))
            (with-timeout (60 (error "jues check did not finish"))
              (while (not done) (accept-process-output nil 0.1)))
            (with-current-buffer compilation
              (compilation--ensure-parse (point-max))
              (should (string-match-p "sample.jues:18:9: error\\[J0207\\]"
                                      (buffer-string)))
              (goto-char (point-min))
              (re-search-forward "^sample.jues:18:9")
              (save-window-excursion
                (compile-goto-error)
                (should (eq (current-buffer) visited))
                (should (= (line-number-at-pos) 18))
                (should (looking-at-p "万圆")))))
        (when (buffer-live-p compilation) (kill-buffer compilation))
        (kill-buffer visited)))))

(ert-deftest jues-test-format-buffer ()
  (let ((program (jues-test-program)))
    (skip-unless program)
    (let* ((jues-program program)
           (dir (make-temp-file "jues-test" t))
           (file (expand-file-name "f.jues" dir)))
      (unwind-protect
          (progn
            (with-temp-file file (insert "组 收入 {\n财政拨款=1\n其他 = 2\n}\n"))
            (with-current-buffer (find-file-noselect file)
              (unwind-protect
                  (progn
                    (goto-char (point-max))
                    (insert "\n正文 {收入.财政拨款}。\n")
                    (jues-format-buffer)
                    (should-not (buffer-modified-p))
                    (should (equal (buffer-string)
                                   (concat "组 收入 {\n  财政拨款 = 1\n  其他     = 2\n}\n"
                                           "\n正文 {收入.财政拨款}。\n"))))
                (kill-buffer))))
        (delete-directory dir t)))))

;;;; Language servers

(ert-deftest jues-test-eglot ()
  (skip-unless (require 'eglot nil t))
  (defvar eglot-server-programs)
  (let ((contact (alist-get 'jues-mode eglot-server-programs)))
    (should contact)
    (should (equal (funcall contact nil) '("jues" "lsp")))
    (let ((jues-program "/opt/jues/bin/jues"))
      (should (equal (funcall contact t) '("/opt/jues/bin/jues" "lsp"))))))

(declare-function eglot "eglot")
(declare-function eglot--guess-contact "eglot")
(declare-function eglot-current-server "eglot")
(declare-function eglot-shutdown "eglot")
(declare-function eglot--TextDocumentPositionParams "eglot")
(declare-function jsonrpc-request "jsonrpc")

(ert-deftest jues-test-eglot-hover ()
  "Start `jues lsp' through eglot and ask it for a hover."
  (skip-unless (require 'eglot nil t))
  (let ((program (jues-test-program)))
    (skip-unless program)
    (let* ((jues-program program)
           (dir jues-test-fixtures)
           ;; The fixtures' directory is the project, whatever surrounds it.
           (project-find-functions (list (lambda (_) (cons 'transient dir))))
           (eglot-sync-connect t)
           (buffer (find-file-noselect (expand-file-name "sample.jues" dir))))
      (unwind-protect
          (with-current-buffer buffer
            (apply #'eglot (eglot--guess-contact))
            (goto-char (jues-test-find "基本 = 819.40"))
            (let* ((server (eglot-current-server))
                   (hover (jsonrpc-request server :textDocument/hover
                                           (eglot--TextDocumentPositionParams)))
                   (contents (plist-get hover :contents)))
              (should (string-match-p "支出\\.基本.*819\\.4"
                                      (if (stringp contents) contents
                                        (plist-get contents :value))))
              (eglot-shutdown server)))
        (kill-buffer buffer)))))

(ert-deftest jues-test-lsp-mode ()
  (skip-unless (require 'lsp-mode nil t))
  (defvar lsp-clients)
  (defvar lsp-language-id-configuration)
  (should (equal (alist-get 'jues-mode lsp-language-id-configuration) "jues"))
  (should (gethash 'jues lsp-clients)))

(provide 'jues-mode-test)
;;; jues-mode-test.el ends here
