/* tests/potcmp.c - semantic comparison of two PO/POT files for the test suite.
 *
 * Owns: the POT comparison used by tests/conformance.sh and by data cases.
 *
 *   potcmp [--unordered] [--no-comments] [--no-refs] EXPECTED.pot ACTUAL.pot
 *
 * Both files are read with libgettextpo.  The messages of the default domain
 * are compared, skipping the header entry (empty msgid) and obsolete entries:
 *   - the key: msgctxt (absent vs present is a difference), msgid and
 *     msgid_plural;
 *   - the references ("#:" file and line, in order) unless --no-refs;
 *   - the extracted comments ("#.") unless --no-comments.  Lines starting
 *     with "(itstool) path:" and empty lines are ignored, a leading
 *     "(itstool) " is dropped from the others (pagel10n writes "link: URI"
 *     where itstool writes "(itstool) link: URI"), the remaining lines
 *     of one entry are joined with single spaces and every run of whitespace
 *     is collapsed to one space, so notes wrapped at different columns compare
 *     equal;
 *   - the order of the entries unless --unordered (then they are compared
 *     as a set).
 * msgstr, flags, translator comments and the header are not compared.
 *
 * Exit status: 0 equal, 1 different (a report goes to stdout),
 * 2 usage error or unreadable/invalid file (message on stderr).
 */
#include <gettext-po.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXIT_DIFFERENT 1
#define EXIT_TROUBLE 2

static const char *progname = "potcmp";

/* Set when libgettextpo reports an error (not a warning) while reading.  */
static int read_errors;

struct ref {
  const char *file; /* owned by the po_file_t */
  size_t line;      /* (size_t)-1 when the reference has no line */
};

struct entry {
  const char *msgctxt;      /* NULL when absent; owned by the po_file_t */
  const char *msgid;        /* owned by the po_file_t */
  const char *msgid_plural; /* NULL when absent; owned by the po_file_t */
  struct ref *refs;         /* malloc'd, nrefs elements */
  size_t nrefs;
  char *note;               /* normalised extracted comments, malloc'd */
  size_t pos;               /* 1-based position among compared entries */
  long match;               /* index of the matching entry in the other file, -1 if none */
};

struct pot {
  const char *path;
  po_file_t po;
  struct entry *v; /* malloc'd, n elements */
  size_t n;
};

static void *xmalloc(size_t size)
{
  void *p = malloc(size ? size : 1);
  if (p == NULL) {
    fprintf(stderr, "%s: out of memory\n", progname);
    exit(EXIT_TROUBLE);
  }
  return p;
}

static void *xrealloc(void *old, size_t size)
{
  void *p = realloc(old, size ? size : 1);
  if (p == NULL) {
    fprintf(stderr, "%s: out of memory\n", progname);
    exit(EXIT_TROUBLE);
  }
  return p;
}

/* ---- libgettextpo error handler ---------------------------------------- */

static const char *severity_name(int severity)
{
  switch (severity) {
  case PO_SEVERITY_WARNING: return "warning";
  case PO_SEVERITY_ERROR: return "error";
  default: return "fatal error";
  }
}

static void print_problem(int severity, const char *filename, size_t lineno,
                          size_t column, const char *text)
{
  fprintf(stderr, "%s: ", progname);
  if (filename != NULL) {
    fprintf(stderr, "%s:", filename);
    if (lineno != (size_t)-1) {
      fprintf(stderr, "%zu:", lineno);
      if (column != (size_t)-1)
        fprintf(stderr, "%zu:", column);
    }
    fputc(' ', stderr);
  }
  fprintf(stderr, "%s: %s", severity_name(severity), text ? text : "(no message)");
  if (text == NULL || text[0] == '\0' || text[strlen(text) - 1] != '\n')
    fputc('\n', stderr);
}

/* Must not return for PO_SEVERITY_FATAL_ERROR (libgettextpo's contract).  */
static void on_xerror(int severity, po_message_t message, const char *filename,
                      size_t lineno, size_t column, int multiline_p,
                      const char *message_text)
{
  (void)message;
  (void)multiline_p;
  print_problem(severity, filename, lineno, column, message_text);
  if (severity == PO_SEVERITY_FATAL_ERROR)
    exit(EXIT_TROUBLE);
  if (severity == PO_SEVERITY_ERROR)
    read_errors++;
}

static void on_xerror2(int severity,
                       po_message_t message1, const char *filename1, size_t lineno1,
                       size_t column1, int multiline_p1, const char *message_text1,
                       po_message_t message2, const char *filename2, size_t lineno2,
                       size_t column2, int multiline_p2, const char *message_text2)
{
  (void)message1;
  (void)message2;
  (void)multiline_p1;
  (void)multiline_p2;
  print_problem(severity == PO_SEVERITY_FATAL_ERROR ? PO_SEVERITY_ERROR : severity,
                filename1, lineno1, column1, message_text1);
  print_problem(severity, filename2, lineno2, column2, message_text2);
  if (severity == PO_SEVERITY_FATAL_ERROR)
    exit(EXIT_TROUBLE);
  if (severity == PO_SEVERITY_ERROR)
    read_errors++;
}

static const struct po_xerror_handler handler = { on_xerror, on_xerror2 };

/* ---- normalisation of extracted comments -------------------------------- */

static int is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Returns a malloc'd string: the comment lines that are not empty and not
 * "(itstool) path:" lines, joined with single spaces, whitespace runs
 * collapsed, no leading or trailing space.  Never returns NULL.  */
static char *normalise_note(const char *comments)
{
  size_t len = comments ? strlen(comments) : 0;
  char *out = xmalloc(len + 1);
  size_t o = 0;
  const char *p = comments ? comments : "";

  while (*p != '\0') {
    const char *eol = strchr(p, '\n');
    const char *end = eol ? eol : p + strlen(p);
    const char *s = p;
    while (s < end && is_space(*s))
      s++;
    static const char itstool_path[] = "(itstool) path:";
    int skip = (s == end) ||
               ((size_t)(end - s) >= sizeof itstool_path - 1 &&
                memcmp(s, itstool_path, sizeof itstool_path - 1) == 0);
    /* pagel10n writes itstool's "(itstool) link:" and "(itstool) comment:"
       notes without the tool name. */
    static const char itstool_prefix[] = "(itstool) ";
    if (!skip && (size_t)(end - s) >= sizeof itstool_prefix - 1 &&
        memcmp(s, itstool_prefix, sizeof itstool_prefix - 1) == 0)
      s += sizeof itstool_prefix - 1;
    if (!skip) {
      if (o > 0)
        out[o++] = ' ';
      for (const char *q = s; q < end; q++) {
        if (is_space(*q)) {
          if (o > 0 && out[o - 1] != ' ')
            out[o++] = ' ';
        } else {
          out[o++] = *q;
        }
      }
      while (o > 0 && out[o - 1] == ' ')
        o--;
    }
    p = eol ? eol + 1 : end;
  }
  out[o] = '\0';
  return out;
}

/* ---- loading ------------------------------------------------------------ */

static void load(struct pot *pot, const char *path)
{
  pot->path = path;
  read_errors = 0;
  errno = 0;
  pot->po = po_file_read(path, &handler);
  if (pot->po == NULL || read_errors > 0) {
    if (pot->po == NULL && errno != 0)
      fprintf(stderr, "%s: %s: cannot read PO file: %s\n", progname, path, strerror(errno));
    else
      fprintf(stderr, "%s: %s: cannot read PO file\n", progname, path);
    exit(EXIT_TROUBLE);
  }

  size_t cap = 16;
  pot->v = xmalloc(cap * sizeof *pot->v);
  pot->n = 0;

  po_message_iterator_t it = po_message_iterator(pot->po, NULL);
  if (it == NULL) {
    fprintf(stderr, "%s: %s: cannot iterate messages\n", progname, path);
    exit(EXIT_TROUBLE);
  }
  po_message_t msg;
  while ((msg = po_next_message(it)) != NULL) {
    if (po_message_is_obsolete(msg))
      continue;
    const char *msgid = po_message_msgid(msg);
    if (msgid == NULL || (msgid[0] == '\0' && po_message_msgctxt(msg) == NULL))
      continue; /* header entry */
    if (pot->n == cap) {
      cap *= 2;
      pot->v = xrealloc(pot->v, cap * sizeof *pot->v);
    }
    struct entry *e = &pot->v[pot->n++];
    e->msgctxt = po_message_msgctxt(msg);
    e->msgid = msgid;
    e->msgid_plural = po_message_msgid_plural(msg);
    e->nrefs = 0;
    while (po_message_filepos(msg, (int)e->nrefs) != NULL)
      e->nrefs++;
    e->refs = xmalloc(e->nrefs * sizeof *e->refs);
    for (size_t i = 0; i < e->nrefs; i++) {
      po_filepos_t fp = po_message_filepos(msg, (int)i);
      e->refs[i].file = po_filepos_file(fp);
      e->refs[i].line = po_filepos_start_line(fp);
    }
    /* libgettextpo 0.21 joins the comment lines into a fresh string on each
     * call and never frees it; the API says nothing about ownership, so the
     * small leak is accepted (it shows up only under LeakSanitizer).  */
    e->note = normalise_note(po_message_extracted_comments(msg));
    e->pos = pot->n;
    e->match = -1;
  }
  po_message_iterator_free(it);
}

static void unload(struct pot *pot)
{
  for (size_t i = 0; i < pot->n; i++) {
    free(pot->v[i].refs);
    free(pot->v[i].note);
  }
  free(pot->v);
  po_file_free(pot->po);
}

/* ---- comparison --------------------------------------------------------- */

static int str_eq_nullable(const char *a, const char *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return strcmp(a, b) == 0;
}

static int same_key(const struct entry *a, const struct entry *b)
{
  return str_eq_nullable(a->msgctxt, b->msgctxt) && strcmp(a->msgid, b->msgid) == 0 &&
         str_eq_nullable(a->msgid_plural, b->msgid_plural);
}

static int same_refs(const struct entry *a, const struct entry *b)
{
  if (a->nrefs != b->nrefs)
    return 0;
  for (size_t i = 0; i < a->nrefs; i++)
    if (strcmp(a->refs[i].file, b->refs[i].file) != 0 || a->refs[i].line != b->refs[i].line)
      return 0;
  return 1;
}

/* Prints S as a PO-style quoted string, or (none) for NULL.  */
static void print_quoted(const char *s)
{
  if (s == NULL) {
    fputs("(none)", stdout);
    return;
  }
  putchar('"');
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    switch (*p) {
    case '"': fputs("\\\"", stdout); break;
    case '\\': fputs("\\\\", stdout); break;
    case '\n': fputs("\\n", stdout); break;
    case '\t': fputs("\\t", stdout); break;
    case '\r': fputs("\\r", stdout); break;
    default:
      if (*p < 0x20 || *p == 0x7f)
        printf("\\x%02x", *p);
      else
        putchar(*p);
    }
  }
  putchar('"');
}

static void print_key(const struct entry *e)
{
  if (e->msgctxt != NULL) {
    fputs("msgctxt ", stdout);
    print_quoted(e->msgctxt);
    putchar(' ');
  }
  fputs("msgid ", stdout);
  print_quoted(e->msgid);
  if (e->msgid_plural != NULL) {
    fputs(" msgid_plural ", stdout);
    print_quoted(e->msgid_plural);
  }
}

static void print_refs(const struct entry *e)
{
  if (e->nrefs == 0)
    fputs("(none)", stdout);
  for (size_t i = 0; i < e->nrefs; i++) {
    if (i > 0)
      putchar(' ');
    if (e->refs[i].line == (size_t)-1)
      printf("%s", e->refs[i].file);
    else
      printf("%s:%zu", e->refs[i].file, e->refs[i].line);
  }
}

struct options {
  int unordered;
  int no_comments;
  int no_refs;
};

static void usage(FILE *f)
{
  fprintf(f, "usage: %s [--unordered] [--no-comments] [--no-refs] EXPECTED.pot ACTUAL.pot\n",
          progname);
}

int main(int argc, char **argv)
{
  struct options opt = { 0, 0, 0 };
  const char *files[2];
  int nfiles = 0;
  int only_files = 0;

  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!only_files && strcmp(a, "--") == 0)
      only_files = 1;
    else if (!only_files && strcmp(a, "--unordered") == 0)
      opt.unordered = 1;
    else if (!only_files && strcmp(a, "--no-comments") == 0)
      opt.no_comments = 1;
    else if (!only_files && strcmp(a, "--no-refs") == 0)
      opt.no_refs = 1;
    else if (!only_files && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
      usage(stdout);
      return 0;
    } else if (!only_files && a[0] == '-' && a[1] != '\0') {
      fprintf(stderr, "%s: unknown option '%s'\n", progname, a);
      usage(stderr);
      return EXIT_TROUBLE;
    } else if (nfiles < 2)
      files[nfiles++] = a;
    else {
      usage(stderr);
      return EXIT_TROUBLE;
    }
  }
  if (nfiles != 2) {
    usage(stderr);
    return EXIT_TROUBLE;
  }

  struct pot exp, act;
  load(&exp, files[0]);
  load(&act, files[1]);

  /* Pair every expected entry with the first unpaired actual entry of the
   * same key.  */
  for (size_t i = 0; i < exp.n; i++)
    for (size_t j = 0; j < act.n; j++)
      if (act.v[j].match < 0 && same_key(&exp.v[i], &act.v[j])) {
        exp.v[i].match = (long)j;
        act.v[j].match = (long)i;
        break;
      }

  size_t ndiff = 0;
#define HEADER()                                                                     \
  do {                                                                               \
    if (ndiff++ == 0)                                                                \
      printf("--- %s (expected, %zu entries)\n+++ %s (actual, %zu entries)\n", exp.path, \
             exp.n, act.path, act.n);                                                \
  } while (0)

  for (size_t i = 0; i < exp.n; i++) {
    const struct entry *e = &exp.v[i];
    if (e->match < 0) {
      HEADER();
      printf("missing: expected entry %zu, ", e->pos);
      print_key(e);
      putchar('\n');
      continue;
    }
    const struct entry *a = &act.v[e->match];
    if (!opt.no_refs && !same_refs(e, a)) {
      HEADER();
      printf("references differ: expected entry %zu / actual entry %zu, ", e->pos, a->pos);
      print_key(e);
      fputs("\n  expected: ", stdout);
      print_refs(e);
      fputs("\n  actual:   ", stdout);
      print_refs(a);
      putchar('\n');
    }
    if (!opt.no_comments && strcmp(e->note, a->note) != 0) {
      HEADER();
      printf("extracted comments differ: expected entry %zu / actual entry %zu, ", e->pos,
             a->pos);
      print_key(e);
      fputs("\n  expected: ", stdout);
      print_quoted(e->note);
      fputs("\n  actual:   ", stdout);
      print_quoted(a->note);
      putchar('\n');
    }
  }
  for (size_t j = 0; j < act.n; j++)
    if (act.v[j].match < 0) {
      HEADER();
      printf("unexpected: actual entry %zu, ", act.v[j].pos);
      print_key(&act.v[j]);
      putchar('\n');
    }

  if (!opt.unordered) {
    /* The paired entries must appear in the same relative order.  Report the
     * first pair of consecutive (paired) expected entries found swapped.  */
    const struct entry *prev = NULL;
    for (size_t i = 0; i < exp.n; i++) {
      const struct entry *e = &exp.v[i];
      if (e->match < 0)
        continue;
      if (prev != NULL && prev->match > e->match) {
        HEADER();
        printf("order differs: expected entry %zu comes before expected entry %zu, "
               "but actual has them at %zu and %zu\n  first:  ",
               prev->pos, e->pos, act.v[prev->match].pos, act.v[e->match].pos);
        print_key(prev);
        fputs("\n  second: ", stdout);
        print_key(e);
        putchar('\n');
        break;
      }
      prev = e;
    }
  }
#undef HEADER

  if (ndiff > 0)
    printf("%zu difference(s)\n", ndiff);
  unload(&exp);
  unload(&act);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "%s: write error\n", progname);
    return EXIT_TROUBLE;
  }
  return ndiff > 0 ? EXIT_DIFFERENT : 0;
}
