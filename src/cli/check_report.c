/* check_report.c - the reports of "pagel10n check": an aligned text table
   with the findings, JSON (schema pagel10n-check/1, see README.md), or one
   self-contained HTML page.  Only reads the results through the public
   pl10n_check_* accessors. */
#include "check_report.h"

#include "cli.h"

#include "../buf.h"

#include <stdarg.h>
#include <string.h>

#define BAR_WIDTH 10
#define OTHER_REFS 3 /* references listed after the first in the text */

/* Appends to OUT; the first failure sticks and later calls do nothing. */
typedef struct writer {
  pl10n_buf *out;
  pl10n_status st;
} writer;

static void put(writer *w, const char *s) {
  if (w->st == PL10N_OK) w->st = buf_append_str(w->out, s);
}

static void putn(writer *w, const char *s, size_t n) {
  if (w->st == PL10N_OK) w->st = buf_append(w->out, s, n);
}

static void putf(writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void putf(writer *w, const char *fmt, ...) {
  if (w->st != PL10N_OK) return;
  va_list ap;
  va_start(ap, fmt);
  char small[512];
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) { w->st = PL10N_ERR_NOMEM; return; }
  if ((size_t)n < sizeof small) { putn(w, small, (size_t)n); return; }
  w->st = buf_reserve(w->out, (size_t)n);
  if (w->st != PL10N_OK) return;
  va_start(ap, fmt);
  vsnprintf(w->out->data + w->out->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  w->out->len += (size_t)n;
}

/* Coverage in tenths of a percent, truncated: 99.96% is shown as 99.9%,
   never as a 100.0% that --min-coverage 100 would refuse. */
static unsigned long permille(const pl10n_check_locale_info *l) {
  if (!l->messages) return 1000;
  return (unsigned long)((unsigned long long)l->translated * 1000 / l->messages);
}

static const char *state_name(pl10n_check_state s) {
  switch (s) {
    case PL10N_CHECK_UNTRANSLATED: return "untranslated";
    case PL10N_CHECK_FUZZY: return "fuzzy";
    case PL10N_CHECK_ABSENT: return "absent";
  }
  return "absent";
}

static const char *result_name(int status) {
  return status == 0 ? "passed" : status == 1 ? "failed" : "unreadable";
}

/* The number of UTF-8 lead bytes: the columns of text without wide
   characters. */
static size_t columns(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    if (((unsigned char)*s & 0xC0) != 0x80) n++;
  return n;
}

/* ---- text ------------------------------------------------------------------ */

enum { COL_LOCALE, COL_CATALOG, COL_TRANSLATED, COL_FUZZY, COL_UNTRANSLATED,
       COL_OBSOLETE, COL_COVERAGE, N_COLS };

static void pad(writer *w, size_t n) {
  while (n--) put(w, " ");
}

/* Writes CELL in a column of WIDTH: numbers to the right, text to the left. */
static void cell(writer *w, const char *text, size_t width, int right, int last) {
  size_t n = columns(text);
  if (right) pad(w, width > n ? width - n : 0);
  put(w, text);
  if (!right && !last) pad(w, width > n ? width - n : 0);
  if (!last) put(w, "  ");
}

static void row_cells(const pl10n_check_locale_info *l, char cells[N_COLS][256]) {
  snprintf(cells[COL_LOCALE], 256, "%s", l->language ? l->language : "?");
  snprintf(cells[COL_CATALOG], 256, "%s", l->path);
  if (!l->readable) {
    for (int i = COL_TRANSLATED; i < COL_COVERAGE; i++) snprintf(cells[i], 256, "-");
    snprintf(cells[COL_COVERAGE], 256, "%s", _("unreadable"));
    return;
  }
  snprintf(cells[COL_TRANSLATED], 256, "%zu", l->translated);
  snprintf(cells[COL_FUZZY], 256, "%zu", l->fuzzy);
  snprintf(cells[COL_UNTRANSLATED], 256, "%zu", l->untranslated);
  snprintf(cells[COL_OBSOLETE], 256, "%zu", l->obsolete);
  unsigned long pm = permille(l);
  char bar[BAR_WIDTH + 1];
  for (unsigned long i = 0; i < BAR_WIDTH; i++) bar[i] = i < pm / 100 ? '#' : '-';
  bar[BAR_WIDTH] = '\0';
  snprintf(cells[COL_COVERAGE], 256, "[%s] %3lu.%lu%%", bar, pm / 10, pm % 10);
}

static void text_finding(writer *w, const pl10n_check_finding *f) {
  putf(w, "%s:", f->file);
  if (f->line) putf(w, "%lu:", f->line);
  if (f->line && f->column) putf(w, "%lu:", f->column);
  const char *level = f->level == PL10N_CHECK_ERROR ? _("error")
                      : f->level == PL10N_CHECK_WARNING ? _("warning") : _("info");
  putf(w, " %s: %s\n", level, f->message);
}

/* Writes S with newlines as \n, in double quotes. */
static void text_quoted(writer *w, const char *s) {
  put(w, "\"");
  for (const char *p = s; *p; p++) {
    if (*p == '\n') put(w, "\\n");
    else if (*p == '"') put(w, "\\\"");
    else putn(w, p, 1);
  }
  put(w, "\"");
}

static void text_missing(writer *w, const pl10n_check *c,
                         const pl10n_check_locale_info *l, const report_input *in,
                         const pl10n_check_missing *miss) {
  pl10n_check_message_info m;
  pl10n_check_message(c, miss->message, &m);
  pl10n_check_ref ref;
  if (m.n_refs) {
    pl10n_check_message_ref(c, miss->message, 0, &ref);
    putf(w, "%s:", ref.file);
    if (ref.line) putf(w, "%lu:", ref.line);
  } else if (miss->po_line) {
    putf(w, "%s:%lu:", l->path, miss->po_line);
  } else {
    putf(w, "%s:", in->pot ? in->pot : l->path);
  }
  putf(w, _(" missing in %s (%s): "), l->language ? l->language : "?",
       state_name(miss->state));
  if (m.msgctxt) {
    put(w, "msgctxt ");
    text_quoted(w, m.msgctxt);
    put(w, " ");
  }
  if (m.msgctxt || m.msgid_plural) put(w, "msgid ");
  text_quoted(w, m.msgid);
  if (m.msgid_plural) {
    put(w, " msgid_plural ");
    text_quoted(w, m.msgid_plural);
  }
  if (m.n_refs > 1) {
    put(w, _(" (also"));
    for (size_t k = 1; k < m.n_refs && k <= OTHER_REFS; k++) {
      pl10n_check_message_ref(c, miss->message, k, &ref);
      putf(w, "%s %s:%lu", k > 1 ? "," : "", ref.file, ref.line);
    }
    if (m.n_refs - 1 > OTHER_REFS)
      putf(w, _(" and %zu more"), m.n_refs - 1 - OTHER_REFS);
    put(w, ")");
  }
  put(w, "\n");
}

static void text_report(writer *w, const pl10n_check *c, const report_input *in,
                        const pl10n_check_summary *sum) {
  size_t n_locales = pl10n_check_locale_count(c);
  const char *heads[N_COLS] = {_("Locale"), _("Catalog"), _("Translated"), _("Fuzzy"),
                               _("Untranslated"), _("Obsolete"), _("Coverage")};
  size_t width[N_COLS];
  for (int i = 0; i < N_COLS; i++) width[i] = columns(heads[i]);
  char cells[N_COLS][256];
  for (size_t i = 0; i < n_locales; i++) {
    pl10n_check_locale_info l;
    pl10n_check_locale(c, i, &l);
    row_cells(&l, cells);
    for (int k = 0; k < N_COLS; k++)
      if (columns(cells[k]) > width[k]) width[k] = columns(cells[k]);
  }
  if (n_locales) {
    for (int k = 0; k < N_COLS; k++)
      cell(w, heads[k], width[k], k >= COL_TRANSLATED && k < COL_COVERAGE,
           k == N_COLS - 1);
    put(w, "\n");
  } else {
    put(w, _("no catalogs were checked\n"));
  }
  for (size_t i = 0; i < n_locales; i++) {
    pl10n_check_locale_info l;
    pl10n_check_locale(c, i, &l);
    row_cells(&l, cells);
    for (int k = 0; k < N_COLS; k++)
      cell(w, cells[k], width[k], k >= COL_TRANSLATED && k < COL_COVERAGE,
           k == N_COLS - 1 && !l.below_threshold);
    if (l.below_threshold) putf(w, _("below %g%%"), sum->min_coverage);
    put(w, "\n");
  }
  for (size_t i = 0; i < n_locales; i++) {
    pl10n_check_locale_info l;
    pl10n_check_locale(c, i, &l);
    if (!l.n_missing && !l.n_findings) continue;
    putf(w, _("\n%s (%s): %zu missing, %zu findings\n"),
         l.language ? l.language : "?", l.path, l.n_missing, l.n_findings);
    for (size_t k = 0; k < l.n_missing; k++) {
      pl10n_check_missing miss;
      pl10n_check_locale_missing(c, i, k, &miss);
      text_missing(w, c, &l, in, &miss);
    }
    for (size_t k = 0; k < l.n_findings; k++) {
      pl10n_check_finding f;
      pl10n_check_locale_finding(c, i, k, &f);
      text_finding(w, &f);
    }
  }
  for (size_t i = 0; i < pl10n_check_page_count(c); i++) {
    pl10n_check_page_info p;
    pl10n_check_page(c, i, &p);
    if (!p.readable) putf(w, _("\npage %s: unreadable\n"), p.name);
    else if (p.mixed) putf(w, _("\npage %s: chrome in more than one language\n"), p.name);
    else if (p.chrome_language)
      putf(w, _("\npage %s: chrome in %s\n"), p.name, p.chrome_language);
    else putf(w, _("\npage %s: no chrome recognized\n"), p.name);
    for (size_t k = 0; k < p.n_findings; k++) {
      pl10n_check_finding f;
      pl10n_check_page_finding(c, i, k, &f);
      text_finding(w, &f);
    }
  }
  putf(w, _("\nsummary: %zu locales, %zu pages; %zu errors, %zu warnings, %zu infos"),
       sum->locales, sum->pages, sum->errors, sum->warnings, sum->infos);
  if (in->has_min_coverage)
    putf(w, _("; %zu locales below %g%%"), sum->below_threshold, sum->min_coverage);
  if (sum->unreadable) putf(w, _("; %zu files unreadable"), sum->unreadable);
  putf(w, ": %s\n", result_name(sum->status));
}

/* ---- JSON ------------------------------------------------------------------ */

/* The length of the well-formed UTF-8 sequence at S, or 0. */
static size_t utf8_sequence(const unsigned char *s) {
  if (s[0] < 0x80) return 1;
  size_t n = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
  if (!n || (n == 3 && s[0] > 0xEF)) return 0;
  for (size_t i = 1; i < n; i++)
    if ((s[i] & 0xC0) != 0x80) return 0;
  if (n == 3 && ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0)))
    return 0; /* overlong, surrogate */
  if (n == 4 && ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90)))
    return 0; /* overlong, beyond U+10FFFF */
  return n;
}

/* A JSON string, or null; bytes that are not UTF-8 become U+FFFD. */
static void jstr(writer *w, const char *s) {
  if (!s) {
    put(w, "null");
    return;
  }
  put(w, "\"");
  for (const unsigned char *p = (const unsigned char *)s; *p;) {
    if (*p == '"' || *p == '\\') {
      putf(w, "\\%c", *p++);
    } else if (*p < 0x20) {
      if (*p == '\n') put(w, "\\n");
      else if (*p == '\t') put(w, "\\t");
      else if (*p == '\r') put(w, "\\r");
      else putf(w, "\\u%04x", *p);
      p++;
    } else {
      size_t n = utf8_sequence(p);
      if (n) putn(w, (const char *)p, n);
      else put(w, "\xEF\xBF\xBD");
      p += n ? n : 1;
    }
  }
  put(w, "\"");
}

static void jkey(writer *w, const char *key, int first) {
  putf(w, "%s\"%s\": ", first ? "" : ", ", key);
}

static void jline(writer *w, unsigned long n) {
  if (n) putf(w, "%lu", n);
  else put(w, "null");
}

static void json_finding(writer *w, const pl10n_check_finding *f) {
  jkey(w, "severity", 1);
  jstr(w, pl10n_check_level_name(f->level));
  jkey(w, "code", 0);
  jstr(w, f->code);
  jkey(w, "file", 0);
  jstr(w, f->file);
  jkey(w, "line", 0);
  jline(w, f->line);
  jkey(w, "column", 0);
  jline(w, f->column);
  jkey(w, "locale", 0);
  jstr(w, f->locale);
  jkey(w, "msgctxt", 0);
  jstr(w, f->msgctxt);
  jkey(w, "msgid", 0);
  jstr(w, f->msgid);
  jkey(w, "message", 0);
  jstr(w, f->message);
}

static void json_locale(writer *w, const pl10n_check *c, size_t i) {
  pl10n_check_locale_info l;
  pl10n_check_locale(c, i, &l);
  put(w, "    {");
  jkey(w, "language", 1);
  jstr(w, l.language);
  jkey(w, "po", 0);
  jstr(w, l.path);
  jkey(w, "readable", 0);
  put(w, l.readable ? "true" : "false");
  jkey(w, "plural_forms", 0);
  jstr(w, l.plural_forms);
  jkey(w, "messages", 0);
  putf(w, "%zu", l.messages);
  jkey(w, "translated", 0);
  putf(w, "%zu", l.translated);
  jkey(w, "fuzzy", 0);
  putf(w, "%zu", l.fuzzy);
  jkey(w, "untranslated", 0);
  putf(w, "%zu", l.untranslated);
  jkey(w, "obsolete", 0);
  putf(w, "%zu", l.obsolete);
  jkey(w, "coverage", 0);
  if (l.readable) putf(w, "%lu.%lu", permille(&l) / 10, permille(&l) % 10);
  else put(w, "null");
  jkey(w, "below_threshold", 0);
  put(w, l.below_threshold ? "true" : "false");
  jkey(w, "missing", 0);
  put(w, "[");
  for (size_t k = 0; k < l.n_missing; k++) {
    pl10n_check_missing miss;
    pl10n_check_locale_missing(c, i, k, &miss);
    pl10n_check_message_info m;
    pl10n_check_message(c, miss.message, &m);
    put(w, k ? ",\n      {" : "\n      {");
    jkey(w, "msgctxt", 1);
    jstr(w, m.msgctxt);
    jkey(w, "msgid", 0);
    jstr(w, m.msgid);
    jkey(w, "msgid_plural", 0);
    jstr(w, m.msgid_plural);
    jkey(w, "state", 0);
    jstr(w, state_name(miss.state));
    jkey(w, "po_line", 0);
    jline(w, miss.po_line);
    jkey(w, "references", 0);
    put(w, "[");
    for (size_t r = 0; r < m.n_refs; r++) {
      pl10n_check_ref ref;
      pl10n_check_message_ref(c, miss.message, r, &ref);
      put(w, r ? ", {" : "{");
      jkey(w, "file", 1);
      jstr(w, ref.file);
      jkey(w, "line", 0);
      jline(w, ref.line);
      put(w, "}");
    }
    put(w, "]}");
  }
  put(w, l.n_missing ? "\n    ]" : "]");
  jkey(w, "findings", 0);
  put(w, "[");
  for (size_t k = 0; k < l.n_findings; k++) {
    pl10n_check_finding f;
    pl10n_check_locale_finding(c, i, k, &f);
    put(w, k ? ",\n      {" : "\n      {");
    json_finding(w, &f);
    put(w, "}");
  }
  put(w, l.n_findings ? "\n    ]}" : "]}");
}

/* Writes the space-separated LIST as a JSON array of strings. */
static void json_words(writer *w, const char *list) {
  put(w, "[");
  int first = 1;
  for (const char *p = list; p && *p;) {
    size_t n = strcspn(p, " ");
    if (n) {
      put(w, first ? "\"" : ", \"");
      putn(w, p, n);
      put(w, "\"");
      first = 0;
    }
    p += n;
    while (*p == ' ') p++;
  }
  put(w, "]");
}

static void json_page(writer *w, const pl10n_check *c, size_t i) {
  pl10n_check_page_info p;
  pl10n_check_page(c, i, &p);
  put(w, "    {");
  jkey(w, "page", 1);
  jstr(w, p.name);
  jkey(w, "readable", 0);
  put(w, p.readable ? "true" : "false");
  jkey(w, "language", 0);
  jstr(w, p.language);
  jkey(w, "chrome_language", 0);
  jstr(w, p.chrome_language);
  jkey(w, "mixed", 0);
  put(w, p.mixed ? "true" : "false");
  jkey(w, "chrome", 0);
  put(w, "[");
  for (size_t k = 0; k < p.n_chrome; k++) {
    pl10n_check_chrome ch;
    pl10n_check_page_chrome(c, i, k, &ch);
    put(w, k ? ",\n      {" : "\n      {");
    jkey(w, "line", 1);
    jline(w, ch.line);
    jkey(w, "column", 0);
    jline(w, ch.column);
    jkey(w, "msgctxt", 0);
    jstr(w, ch.msgctxt);
    jkey(w, "text", 0);
    jstr(w, ch.text);
    jkey(w, "msgid", 0);
    jstr(w, ch.msgid);
    jkey(w, "languages", 0);
    json_words(w, ch.languages);
    put(w, "}");
  }
  put(w, p.n_chrome ? "\n    ]" : "]");
  jkey(w, "findings", 0);
  put(w, "[");
  for (size_t k = 0; k < p.n_findings; k++) {
    pl10n_check_finding f;
    pl10n_check_page_finding(c, i, k, &f);
    put(w, k ? ",\n      {" : "\n      {");
    json_finding(w, &f);
    put(w, "}");
  }
  put(w, p.n_findings ? "\n    ]}" : "]}");
}

static void json_report(writer *w, const pl10n_check *c, const report_input *in,
                        const pl10n_check_summary *sum) {
  put(w, "{");
  jkey(w, "schema", 1);
  jstr(w, "pagel10n-check/1");
  put(w, ",\n ");
  jkey(w, "source_language", 1);
  jstr(w, in->source_language);
  jkey(w, "po_dir", 0);
  jstr(w, in->po_dir);
  jkey(w, "pot", 0);
  jstr(w, in->pot);
  jkey(w, "templates", 0);
  put(w, "[");
  for (size_t i = 0; i < in->n_templates; i++) {
    if (i) put(w, ", ");
    jstr(w, in->templates[i]);
  }
  put(w, "]");
  jkey(w, "messages", 0);
  putf(w, "%zu", pl10n_check_message_count(c));
  jkey(w, "min_coverage", 0);
  if (in->has_min_coverage) putf(w, "%g", sum->min_coverage);
  else put(w, "null");
  put(w, ",\n \"locales\": [");
  for (size_t i = 0; i < pl10n_check_locale_count(c); i++) {
    put(w, i ? ",\n" : "\n");
    json_locale(w, c, i);
  }
  put(w, pl10n_check_locale_count(c) ? "\n  ]" : "]");
  put(w, ",\n \"pages\": [");
  for (size_t i = 0; i < pl10n_check_page_count(c); i++) {
    put(w, i ? ",\n" : "\n");
    json_page(w, c, i);
  }
  put(w, pl10n_check_page_count(c) ? "\n  ]" : "]");
  put(w, ",\n \"summary\": {");
  jkey(w, "locales", 1);
  putf(w, "%zu", sum->locales);
  jkey(w, "pages", 0);
  putf(w, "%zu", sum->pages);
  jkey(w, "errors", 0);
  putf(w, "%zu", sum->errors);
  jkey(w, "warnings", 0);
  putf(w, "%zu", sum->warnings);
  jkey(w, "infos", 0);
  putf(w, "%zu", sum->infos);
  jkey(w, "below_threshold", 0);
  putf(w, "%zu", sum->below_threshold);
  jkey(w, "unreadable", 0);
  putf(w, "%zu", sum->unreadable);
  jkey(w, "status", 0);
  putf(w, "%d", sum->status);
  jkey(w, "result", 0);
  jstr(w, result_name(sum->status));
  put(w, "}}\n");
}

/* ---- HTML ------------------------------------------------------------------ */

static void hesc(writer *w, const char *s) {
  for (const char *p = s ? s : ""; *p; p++) {
    switch (*p) {
      case '&': put(w, "&amp;"); break;
      case '<': put(w, "&lt;"); break;
      case '>': put(w, "&gt;"); break;
      case '"': put(w, "&quot;"); break;
      case '\'': put(w, "&#39;"); break;
      default: putn(w, p, 1);
    }
  }
}

/* A relative URL for FILE: every byte but unreserved ones and '/' is
   percent-encoded, so nothing in it needs HTML escaping. */
static void href_path(writer *w, const char *file) {
  for (const unsigned char *p = (const unsigned char *)file; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
        (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
      putn(w, (const char *)p, 1);
    else
      putf(w, "%%%02X", *p);
  }
}

static const char html_style[] =
    "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;"
    "padding:0 1em;color:#222}\n"
    "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}\n"
    "table{border-collapse:collapse;margin:.5em 0}\n"
    "th,td{padding:.25em .6em;text-align:left;vertical-align:top;"
    "border-bottom:1px solid #eee}\n"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".bar{display:inline-block;width:10em;height:.8em;background:#e4e4e4;"
    "vertical-align:middle;margin-right:.5em}\n"
    ".bar span{display:block;height:100%;background:#3a7d44}\n"
    ".below .bar span{background:#c0392b}.below td{background:#fff3f2}\n"
    "code{font-family:ui-monospace,monospace;white-space:pre-wrap}\n"
    "ul.findings{list-style:none;padding:0}ul.findings li{margin:.2em 0}\n"
    ".sev{display:inline-block;min-width:5.5em;font-weight:bold}\n"
    ".error .sev{color:#c0392b}.warning .sev{color:#b9770e}.info .sev{color:#777}\n"
    ".where{color:#555}\n"
    ".passed{color:#3a7d44}.failed,.unreadable{color:#c0392b}\n";

static void html_finding(writer *w, const pl10n_check_finding *f) {
  const char *level = pl10n_check_level_name(f->level);
  putf(w, "<li class=\"%s\"><span class=\"sev\">%s</span> <span class=\"where\">",
       level, level);
  hesc(w, f->file);
  if (f->line) putf(w, ":%lu", f->line);
  if (f->line && f->column) putf(w, ":%lu", f->column);
  put(w, "</span> ");
  hesc(w, f->message);
  put(w, " <small>(");
  hesc(w, f->code);
  put(w, ")</small></li>\n");
}

static void html_locale(writer *w, const pl10n_check *c, size_t i) {
  pl10n_check_locale_info l;
  pl10n_check_locale(c, i, &l);
  putf(w, "<section id=\"locale-%zu\">\n<h2>", i + 1);
  hesc(w, l.language ? l.language : "?");
  put(w, " &#8212; ");
  hesc(w, l.path);
  put(w, "</h2>\n");
  if (l.n_missing) {
    putf(w, "<h3>%s (%zu)</h3>\n<table>\n<tr><th>%s</th><th>msgctxt</th>"
         "<th>msgid</th><th>%s</th></tr>\n", _("Missing"), l.n_missing, _("State"),
         _("Used at"));
    for (size_t k = 0; k < l.n_missing; k++) {
      pl10n_check_missing miss;
      pl10n_check_locale_missing(c, i, k, &miss);
      pl10n_check_message_info m;
      pl10n_check_message(c, miss.message, &m);
      putf(w, "<tr><td>%s</td><td>", state_name(miss.state));
      if (m.msgctxt) {
        put(w, "<code>");
        hesc(w, m.msgctxt);
        put(w, "</code>");
      }
      put(w, "</td><td><code>");
      hesc(w, m.msgid);
      put(w, "</code></td><td>");
      for (size_t r = 0; r < m.n_refs; r++) {
        pl10n_check_ref ref;
        pl10n_check_message_ref(c, miss.message, r, &ref);
        put(w, r ? ", <a href=\"" : "<a href=\"");
        href_path(w, ref.file);
        if (ref.line) putf(w, "#L%lu", ref.line);
        put(w, "\">");
        hesc(w, ref.file);
        if (ref.line) putf(w, ":%lu", ref.line);
        put(w, "</a>");
      }
      put(w, "</td></tr>\n");
    }
    put(w, "</table>\n");
  }
  if (l.n_findings) {
    putf(w, "<h3>%s (%zu)</h3>\n<ul class=\"findings\">\n", _("Findings"),
         l.n_findings);
    for (size_t k = 0; k < l.n_findings; k++) {
      pl10n_check_finding f;
      pl10n_check_locale_finding(c, i, k, &f);
      html_finding(w, &f);
    }
    put(w, "</ul>\n");
  }
  if (!l.n_missing && !l.n_findings) putf(w, "<p>%s</p>\n", _("Nothing to report."));
  put(w, "</section>\n");
}

static void html_page(writer *w, const pl10n_check *c, size_t i) {
  pl10n_check_page_info p;
  pl10n_check_page(c, i, &p);
  put(w, "<h3>");
  hesc(w, p.name);
  put(w, "</h3>\n<p>");
  if (!p.readable) put(w, _("Unreadable."));
  else if (p.mixed) put(w, _("Chrome in more than one language."));
  else if (p.chrome_language) {
    put(w, _("Chrome in "));
    hesc(w, p.chrome_language);
    put(w, ".");
  } else put(w, _("No chrome recognized."));
  put(w, "</p>\n");
  if (p.mixed) {
    putf(w, "<table>\n<tr><th>%s</th><th>%s</th><th>%s</th></tr>\n", _("Line"),
         _("Chrome"), _("Languages"));
    for (size_t k = 0; k < p.n_chrome; k++) {
      pl10n_check_chrome ch;
      pl10n_check_page_chrome(c, i, k, &ch);
      putf(w, "<tr><td class=\"n\">%lu</td><td><code>", ch.line);
      hesc(w, ch.text);
      put(w, "</code></td><td>");
      hesc(w, *ch.languages ? ch.languages : "?");
      put(w, "</td></tr>\n");
    }
    put(w, "</table>\n");
  }
  if (p.n_findings) {
    put(w, "<ul class=\"findings\">\n");
    for (size_t k = 0; k < p.n_findings; k++) {
      pl10n_check_finding f;
      pl10n_check_page_finding(c, i, k, &f);
      html_finding(w, &f);
    }
    put(w, "</ul>\n");
  }
}

static void html_report(writer *w, const pl10n_check *c, const report_input *in,
                        const pl10n_check_summary *sum) {
  put(w, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
  putf(w, "<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n",
       _("pagel10n check"), html_style);
  putf(w, "<h1>%s</h1>\n<p class=\"%s\"><strong>", _("Translation check"),
       result_name(sum->status));
  hesc(w, result_name(sum->status));
  put(w, "</strong>: ");
  putf(w, _("%zu locales, %zu pages; %zu errors, %zu warnings, %zu infos"),
       sum->locales, sum->pages, sum->errors, sum->warnings, sum->infos);
  if (in->has_min_coverage)
    putf(w, _("; %zu locales below %g%%"), sum->below_threshold, sum->min_coverage);
  put(w, ".</p>\n<p>");
  hesc(w, in->pot ? in->pot : _("the templates"));
  put(w, ": ");
  putf(w, _("%zu messages"), pl10n_check_message_count(c));
  put(w, ".</p>\n");
  size_t n_locales = pl10n_check_locale_count(c);
  if (n_locales) {
    putf(w, "<table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
         "<th>%s</th><th>%s</th></tr>\n", _("Locale"), _("Catalog"), _("Translated"),
         _("Fuzzy"), _("Untranslated"), _("Obsolete"), _("Coverage"));
    for (size_t i = 0; i < n_locales; i++) {
      pl10n_check_locale_info l;
      pl10n_check_locale(c, i, &l);
      putf(w, "<tr%s><td><a href=\"#locale-%zu\">", l.below_threshold ? " class=\"below\"" : "",
           i + 1);
      hesc(w, l.language ? l.language : "?");
      put(w, "</a></td><td>");
      hesc(w, l.path);
      put(w, "</td>");
      if (!l.readable) {
        putf(w, "<td colspan=\"5\" class=\"unreadable\">%s</td></tr>\n", _("unreadable"));
        continue;
      }
      unsigned long pm = permille(&l);
      putf(w, "<td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
           "<td class=\"n\">%zu</td><td><span class=\"bar\"><span style=\"width:"
           "%lu.%lu%%\"></span></span>%lu.%lu%%</td></tr>\n",
           l.translated, l.fuzzy, l.untranslated, l.obsolete, pm / 10, pm % 10,
           pm / 10, pm % 10);
    }
    put(w, "</table>\n");
  }
  for (size_t i = 0; i < n_locales; i++) html_locale(w, c, i);
  if (pl10n_check_page_count(c)) {
    putf(w, "<section id=\"pages\">\n<h2>%s</h2>\n", _("Pages"));
    for (size_t i = 0; i < pl10n_check_page_count(c); i++) html_page(w, c, i);
    put(w, "</section>\n");
  }
  put(w, "</body>\n</html>\n");
}

pl10n_status check_report(const pl10n_check *check, report_format format,
                          const report_input *input, pl10n_buf *out) {
  writer w = {out, PL10N_OK};
  pl10n_check_summary sum;
  pl10n_check_summarize(check, &sum);
  if (format == REPORT_JSON) json_report(&w, check, input, &sum);
  else if (format == REPORT_HTML) html_report(&w, check, input, &sum);
  else text_report(&w, check, input, &sum);
  return w.st;
}
