// The external scanner of tree-sitter-jues: the decisions of grammar/jues.pest that need to
// look ahead further than one token.
//
// * At the start of an item (a top-level line, or a line of a block body), whether the line is
//   prose (`_prose_start`) or a figure (`_figure_start`); for any other line (a declaration, a
//   heading, a list item, a block, `}`, a comment, a blank line) it emits nothing and the
//   grammar's own tokens take over. These are zero-width tokens.
// * At a line end inside a paragraph or a list item, whether the next line continues it
//   (`_soft_break`, pest's `continuation`: whole comment lines are skipped, and the line after
//   them must not be a `block_start`).
// * At a `*` in prose, whether it opens strong or emphasis (a closing one follows on the line)
//   or is text (pest's ordered choice `strong | emphasis | … | stray_star`).
// * Line ends (`_newline`) and comments: `//` is a comment except inside a prose line after
//   text on it, where it is text (pest reads comments in prose only as whole lines).
//
// The scanner keeps no state: every decision is made from the text ahead.

#include "tree_sitter/parser.h"
#include "unicode_xid.h"

#include <stdbool.h>
#include <stdint.h>

enum TokenType {
  PROSE_START,
  FIGURE_START,
  SOFT_BREAK,
  NEWLINE,
  COMMENT,
  STRONG_OPEN,
  EMPHASIS_OPEN,
  STRAY_STAR,
  INLINE_GUARD,
  ERROR_SENTINEL,
};

// ---------------------------------------------------------------- characters

static bool in_ranges(int32_t c, const int32_t (*ranges)[2], unsigned count) {
  unsigned lo = 0, hi = count;
  while (lo < hi) {
    unsigned mid = (lo + hi) / 2;
    if (c < ranges[mid][0]) {
      hi = mid;
    } else if (c > ranges[mid][1]) {
      lo = mid + 1;
    } else {
      return true;
    }
  }
  return false;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool is_xid_start(int32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  return in_ranges(c, xid_start_ranges, COUNT(xid_start_ranges));
}

static bool is_xid_continue(int32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_';
  }
  return in_ranges(c, xid_continue_ranges, COUNT(xid_continue_ranges));
}

// pest's `hspace`: space, tab, ideographic space.
static bool is_hspace(int32_t c) { return c == ' ' || c == '\t' || c == 0x3000; }

static bool is_eol(int32_t c) { return c == '\n' || c == '\r'; }

static bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }

static inline void advance(TSLexer *lexer) { lexer->advance(lexer, false); }

static inline bool at_line_end(TSLexer *lexer) {
  return lexer->eof(lexer) || is_eol(lexer->lookahead);
}

static void skip_hspace(TSLexer *lexer) {
  while (!lexer->eof(lexer) && is_hspace(lexer->lookahead)) advance(lexer);
}

// Consumes one line end: `\r\n`, `\n` or a lone `\r`.
static void consume_line_end(TSLexer *lexer) {
  if (lexer->lookahead == '\r') {
    advance(lexer);
    if (lexer->lookahead == '\n') advance(lexer);
  } else if (lexer->lookahead == '\n') {
    advance(lexer);
  }
}

// ---------------------------------------------------------------- line classification

// The keywords that start a declaration when a space follows them.
static const int32_t KW_REPORT[] = {0x62A5, 0x544A, 0};  // 报告
static const int32_t KW_PRIOR[] = {0x4E0A, 0x5E74, 0};   // 上年
static const int32_t KW_GROUP[] = {0x7EC4, 0};           // 组
static const int32_t KW_TABLE[] = {0x8868, 0};           // 表
static const int32_t KW_CHECK[] = {0x68C0, 0x67E5, 0};   // 检查
static const int32_t KW_IMPORT[] = {0x5BFC, 0x5165, 0};  // 导入
static const int32_t KW_REPORT_EN[] = {'r', 'e', 'p', 'o', 'r', 't', 0};
static const int32_t KW_PRIOR_EN[] = {'p', 'r', 'i', 'o', 'r', 0};
static const int32_t KW_GROUP_EN[] = {'g', 'r', 'o', 'u', 'p', 0};
static const int32_t KW_TABLE_EN[] = {'t', 'a', 'b', 'l', 'e', 0};
static const int32_t KW_CHECK_EN[] = {'c', 'h', 'e', 'c', 'k', 0};
static const int32_t KW_IMPORT_EN[] = {'i', 'm', 'p', 'o', 'r', 't', 0};

static const int32_t *const DECLARATION_KEYWORDS[] = {
    KW_REPORT,    KW_PRIOR,    KW_GROUP,    KW_TABLE,    KW_CHECK,    KW_IMPORT,
    KW_REPORT_EN, KW_PRIOR_EN, KW_GROUP_EN, KW_TABLE_EN, KW_CHECK_EN, KW_IMPORT_EN,
};

// The block keywords after `@`.
static const int32_t KW_EACH[] = {0x6BCF, 0x884C, 0};  // 每行
static const int32_t KW_IF[] = {0x5982, 0x679C, 0};    // 如果
static const int32_t KW_EACH_EN[] = {'e', 'a', 'c', 'h', 0};
static const int32_t KW_IF_EN[] = {'i', 'f', 0};

static const int32_t *const BLOCK_KEYWORDS[] = {KW_EACH, KW_IF, KW_EACH_EN, KW_IF_EN};

#define WORD_MAX 8

typedef struct {
  int32_t chars[WORD_MAX];
  unsigned length;  // may exceed WORD_MAX: only the first WORD_MAX characters are kept
} Word;

static bool word_is(const Word *word, const int32_t *keyword) {
  unsigned i = 0;
  for (; keyword[i]; i++) {
    if (i >= word->length || i >= WORD_MAX || word->chars[i] != keyword[i]) return false;
  }
  return i == word->length;
}

static bool word_in(const Word *word, const int32_t *const *keywords, unsigned count) {
  for (unsigned i = 0; i < count; i++) {
    if (word_is(word, keywords[i])) return true;
  }
  return false;
}

// Reads a run of XID_Continue characters (the rest of an identifier) into `word`.
static void read_word_rest(TSLexer *lexer, Word *word) {
  while (!lexer->eof(lexer) && is_xid_continue(lexer->lookahead)) {
    if (word->length < WORD_MAX) word->chars[word->length] = lexer->lookahead;
    word->length++;
    advance(lexer);
  }
}

// pest's `name`: an identifier or a quoted name. Returns false if there is none here.
static bool read_name(TSLexer *lexer, Word *word) {
  word->length = 0;
  int32_t c = lexer->lookahead;
  if (c == 0x300C) {  // 「
    advance(lexer);
    unsigned n = 0;
    while (!at_line_end(lexer) && lexer->lookahead != 0x300D) {
      advance(lexer);
      n++;
    }
    if (n == 0 || lexer->lookahead != 0x300D) return false;
    advance(lexer);  // 」
    word->length = WORD_MAX + 1;  // never a keyword
    return true;
  }
  if (!is_xid_start(c)) return false;
  read_word_rest(lexer, word);
  return true;
}

// After a name at the start of a line: the rest of pest's `decl_start_rest`. True if the line
// starts a declaration (`keyword hspace`) or a figure (`name_path hspace* "=" !"="`); then
// `*is_figure` says which.
static bool rest_of_declaration_start(TSLexer *lexer, const Word *first, bool *is_figure) {
  *is_figure = false;
  if (!lexer->eof(lexer) && is_hspace(lexer->lookahead) &&
      word_in(first, DECLARATION_KEYWORDS, COUNT(DECLARATION_KEYWORDS))) {
    return true;
  }
  Word word;
  while (lexer->lookahead == '.') {
    advance(lexer);
    if (!read_name(lexer, &word)) return false;
  }
  skip_hspace(lexer);
  if (lexer->lookahead != '=') return false;
  advance(lexer);
  if (lexer->lookahead == '=') return false;
  *is_figure = true;
  return true;
}

typedef enum {
  LINE_BLANK,    // only white space
  LINE_COMMENT,  // a comment line
  LINE_DECLARATION,
  LINE_FIGURE,
  LINE_HEADING,
  LINE_LIST_ITEM,
  LINE_BLOCK,  // `@每行 ` / `@如果 `
  LINE_AT,     // another line that starts with `@`
  LINE_CLOSE,  // `}`
  LINE_PROSE,
} LineKind;

// Classifies the line at the lexer's position (after its leading white space), reading as
// little of it as needed.
static LineKind classify_line(TSLexer *lexer) {
  if (at_line_end(lexer)) return LINE_BLANK;
  int32_t c = lexer->lookahead;
  switch (c) {
    case '/':
      advance(lexer);
      return lexer->lookahead == '/' ? LINE_COMMENT : LINE_PROSE;
    case '#': {
      unsigned n = 0;
      while (lexer->lookahead == '#' && n < 6) {
        advance(lexer);
        n++;
      }
      if (lexer->eof(lexer) || !is_hspace(lexer->lookahead)) return LINE_PROSE;
      skip_hspace(lexer);
      return at_line_end(lexer) ? LINE_PROSE : LINE_HEADING;
    }
    case '-':
    case '+':
      advance(lexer);
      goto list_marker_end;
    case '@': {
      advance(lexer);
      Word word = {{0}, 0};
      if (!lexer->eof(lexer) && is_xid_start(lexer->lookahead)) read_word_rest(lexer, &word);
      if (word_in(&word, BLOCK_KEYWORDS, COUNT(BLOCK_KEYWORDS)) && !lexer->eof(lexer) &&
          is_hspace(lexer->lookahead)) {
        return LINE_BLOCK;
      }
      return LINE_AT;
    }
    case '}':
      return LINE_CLOSE;
    default:
      break;
  }
  if (is_digit(c)) {
    unsigned n = 0;
    while (is_digit(lexer->lookahead) && n < 3) {
      advance(lexer);
      n++;
    }
    if (lexer->lookahead != '.') return LINE_PROSE;
    advance(lexer);
    goto list_marker_end;
  }
  {
    Word word;
    bool is_figure;
    if (read_name(lexer, &word) && rest_of_declaration_start(lexer, &word, &is_figure)) {
      return is_figure ? LINE_FIGURE : LINE_DECLARATION;
    }
    return LINE_PROSE;
  }

list_marker_end:
  if (lexer->eof(lexer) || !is_hspace(lexer->lookahead)) return LINE_PROSE;
  skip_hspace(lexer);
  return at_line_end(lexer) ? LINE_PROSE : LINE_LIST_ITEM;
}

// pest's `block_start`, for the line after a line end inside a paragraph: a line that ends the
// paragraph. (A heading or list marker followed by nothing still ends it.)
static bool starts_block(LineKind kind) { return kind != LINE_PROSE; }

// ---------------------------------------------------------------- emphasis

// After an opening `*` or `**`: true if one or more inline elements (text, `{…}`, `\x`) follow
// on this line, and then a `*`.
static bool closing_star_follows(TSLexer *lexer) {
  unsigned elements = 0;
  for (;;) {
    if (at_line_end(lexer)) return false;
    int32_t c = lexer->lookahead;
    if (c == '*') return elements > 0;
    if (c == '}') return false;
    advance(lexer);
    if (c == '\\') {
      if (at_line_end(lexer)) return false;
      advance(lexer);
    } else if (c == '{') {
      while (!at_line_end(lexer) && lexer->lookahead != '}' && lexer->lookahead != '{') {
        advance(lexer);
      }
      if (lexer->lookahead != '}') return false;
      advance(lexer);
    }
    elements++;
  }
}

// ---------------------------------------------------------------- the scanner

void *tree_sitter_jues_external_scanner_create(void) { return NULL; }
void tree_sitter_jues_external_scanner_destroy(void *payload) { (void)payload; }
unsigned tree_sitter_jues_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload;
  (void)buffer;
  return 0;
}
void tree_sitter_jues_external_scanner_deserialize(void *payload, const char *buffer,
                                                   unsigned length) {
  (void)payload;
  (void)buffer;
  (void)length;
}

// A comment from `//` (the first `/` already read) to the end of the line.
static bool finish_comment(TSLexer *lexer) {
  while (!at_line_end(lexer)) advance(lexer);
  lexer->mark_end(lexer);
  lexer->result_symbol = COMMENT;
  return true;
}

// Whether `//` here starts a comment: anywhere but inside a prose line after text on it. Inside
// prose (`_inline_guard` valid), the line after a soft break is the one place where a soft
// break is valid but a line end is not: there, before any text, `//` starts a comment line.
static bool comment_allowed(const bool *valid_symbols) {
  if (!valid_symbols[COMMENT]) return false;
  if (!valid_symbols[INLINE_GUARD]) return true;
  return valid_symbols[SOFT_BREAK] && !valid_symbols[NEWLINE];
}

bool tree_sitter_jues_external_scanner_scan(void *payload, TSLexer *lexer,
                                            const bool *valid_symbols) {
  (void)payload;

  while (!lexer->eof(lexer) && (is_hspace(lexer->lookahead) || lexer->lookahead == 0xFEFF)) {
    lexer->advance(lexer, true);
  }

  // While tree-sitter recovers from an error every token is valid: then only line ends and
  // comments, never a zero-width token or a soft break.
  if (valid_symbols[ERROR_SENTINEL]) {
    if (!lexer->eof(lexer) && is_eol(lexer->lookahead)) {
      consume_line_end(lexer);
      lexer->result_symbol = NEWLINE;
      return true;
    }
    if (lexer->lookahead == '/') {
      advance(lexer);
      if (lexer->lookahead == '/') return finish_comment(lexer);
    }
    return false;
  }

  // A line end: inside a paragraph, does the paragraph go on?
  if (!lexer->eof(lexer) && is_eol(lexer->lookahead)) {
    if (!valid_symbols[SOFT_BREAK] && !valid_symbols[NEWLINE]) return false;
    consume_line_end(lexer);
    lexer->mark_end(lexer);
    if (valid_symbols[SOFT_BREAK]) {
      for (;;) {
        skip_hspace(lexer);
        LineKind kind = classify_line(lexer);
        if (kind == LINE_COMMENT) {
          while (!at_line_end(lexer)) advance(lexer);
          if (lexer->eof(lexer)) break;
          consume_line_end(lexer);
          continue;
        }
        if (!starts_block(kind)) {
          lexer->result_symbol = SOFT_BREAK;
          return true;
        }
        break;
      }
    }
    if (!valid_symbols[NEWLINE]) return false;
    lexer->result_symbol = NEWLINE;
    return true;
  }

  // A star in prose.
  if ((valid_symbols[STRONG_OPEN] || valid_symbols[EMPHASIS_OPEN] || valid_symbols[STRAY_STAR]) &&
      lexer->lookahead == '*') {
    advance(lexer);
    if (lexer->lookahead == '*') {
      advance(lexer);
      lexer->mark_end(lexer);
      if (valid_symbols[STRONG_OPEN] && closing_star_follows(lexer)) {
        advance(lexer);
        if (lexer->lookahead == '*') {
          lexer->result_symbol = STRONG_OPEN;
          return true;
        }
      }
      // `**` that opens nothing is text. (pest reads its second star as a possible emphasis:
      // the tree differs only in how such stray stars are split.)
      lexer->result_symbol = STRAY_STAR;
      return valid_symbols[STRAY_STAR];
    }
    lexer->mark_end(lexer);
    if (valid_symbols[EMPHASIS_OPEN] && closing_star_follows(lexer)) {
      lexer->result_symbol = EMPHASIS_OPEN;
      return true;
    }
    lexer->result_symbol = STRAY_STAR;
    return valid_symbols[STRAY_STAR];
  }

  // The start of an item: is it prose or a figure (or a comment line)?
  if (valid_symbols[PROSE_START] || valid_symbols[FIGURE_START]) {
    lexer->mark_end(lexer);
    switch (classify_line(lexer)) {
      case LINE_COMMENT:
        return valid_symbols[COMMENT] && finish_comment(lexer);
      case LINE_PROSE:
      case LINE_AT:
        if (!valid_symbols[PROSE_START]) return false;
        lexer->result_symbol = PROSE_START;
        return true;
      case LINE_FIGURE:
        if (!valid_symbols[FIGURE_START]) return false;
        lexer->result_symbol = FIGURE_START;
        return true;
      default:
        return false;
    }
  }

  if (lexer->lookahead == '/' && comment_allowed(valid_symbols)) {
    advance(lexer);
    if (lexer->lookahead == '/') return finish_comment(lexer);
  }

  return false;
}
