/* tests/unit/unit.h - minimal header-only unit test helper for C11 tests.
 *
 * Owns: the check macros and the "ok - / not ok -" output of the C unit
 * tests (tests/unit/test_*.c, built into tests/unit/bin/ by the Makefile and
 * run by tests/run.sh, group "unit").
 *
 * Usage (one test program = one test_NAME.c that includes this header once):
 *
 *     #include "unit.h"
 *
 *     static void parses_empty_input(void)
 *     {
 *       UNIT_CHECK(buf != NULL);
 *       UNIT_CHECK_INT_EQ(count, 0);
 *       UNIT_CHECK_STR_EQ(name, "page");          // NULL-safe
 *       UNIT_CHECK_MEM_EQ(data, len, "\0ab", 3);  // byte strings
 *     }
 *
 *     int main(void)
 *     {
 *       UNIT_RUN(parses_empty_input);
 *       return UNIT_MAIN_END();
 *     }
 *
 * Semantics:
 *   - A check that fails records "FILE:LINE: message" in the current test
 *     and the test goes on (checks are not fatal).  Every check macro is an
 *     expression whose value is 1 if it passed and 0 if it failed, so a test
 *     can stop early:  if (!UNIT_CHECK(p != NULL)) return;
 *   - UNIT_RUN(fn) runs `static void fn(void)` and then prints exactly one
 *     line, "ok - BASE/fn" or "not ok - BASE/fn", where BASE is the basename
 *     of the file that calls UNIT_RUN without ".c" (test_foo.c -> test_foo).
 *     A "not ok" line is followed by one indented "  # FILE:LINE: ..." line
 *     per failed check (at most UNIT_DETAIL_MAX bytes of details per test).
 *   - UNIT_MAIN_END() prints nothing and returns the exit status for main:
 *     1 if any test failed, 0 otherwise.
 *   - A check outside UNIT_RUN counts against a pseudo test named "(main)",
 *     reported by UNIT_MAIN_END().
 *   - Output goes to unit_state.out (stdout by default) and is flushed after
 *     every test line, so a crash loses nothing already reported.
 *
 * The header defines static inline functions and a static state object; include it
 * from exactly one translation unit per test program.  Arguments are
 * evaluated exactly once.
 */
#ifndef PAGEL10N_TESTS_UNIT_H
#define PAGEL10N_TESTS_UNIT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#ifndef UNIT_DETAIL_MAX
#define UNIT_DETAIL_MAX 8192
#endif

/* The whole state of the helper.  Tests may read it; the self-test saves and
 * restores it to exercise failures without failing the program.  */
struct unit_state {
  FILE *out;                   /* where test lines go; NULL means stdout */
  const char *test;            /* name of the running test, NULL outside UNIT_RUN */
  unsigned long checks;        /* checks evaluated in the running test */
  unsigned long test_failures; /* failed checks in the running test */
  unsigned long tests_run;     /* tests finished by UNIT_RUN */
  unsigned long tests_failed;  /* of those, tests with >= 1 failed check */
  unsigned long main_failures; /* failed checks outside any UNIT_RUN */
  size_t detail_len;           /* bytes used in detail */
  int detail_truncated;        /* details did not fit */
  char detail[UNIT_DETAIL_MAX];
};

static struct unit_state unit_state;

static inline FILE *unit_out_(void)
{
  return unit_state.out != NULL ? unit_state.out : stdout;
}

/* Appends formatted text to the detail buffer, truncating on overflow.  */
static inline void unit_detailf_(const char *fmt, ...)
{
  size_t room = sizeof unit_state.detail - unit_state.detail_len;
  if (room <= 1) {
    unit_state.detail_truncated = 1;
    return;
  }
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(unit_state.detail + unit_state.detail_len, room, fmt, ap);
  va_end(ap);
  if (n < 0) {
    unit_state.detail[unit_state.detail_len] = '\0';
    unit_state.detail_truncated = 1;
  } else if ((size_t)n >= room) {
    unit_state.detail_len = sizeof unit_state.detail - 1;
    unit_state.detail_truncated = 1;
  } else {
    unit_state.detail_len += (size_t)n;
  }
}

/* Appends BYTES as a C string literal (escaped, cut after 200 bytes).  */
static inline void unit_detail_quoted_(const void *bytes, size_t len)
{
  const unsigned char *p = bytes;
  size_t shown = len > 200 ? 200 : len;
  unit_detailf_("\"");
  for (size_t i = 0; i < shown; i++) {
    unsigned char c = p[i];
    if (c == '"' || c == '\\')
      unit_detailf_("\\%c", c);
    else if (c == '\n')
      unit_detailf_("\\n");
    else if (c == '\t')
      unit_detailf_("\\t");
    else if (c < 0x20 || c == 0x7f)
      unit_detailf_("\\x%02x", c);
    else
      unit_detailf_("%c", c);
  }
  if (len > shown)
    unit_detailf_("\"... (%zu bytes)", len);
  else
    unit_detailf_("\"");
}

/* Records the start of one failure; the caller appends the message and
 * finishes with unit_fail_end_().  */
static inline void unit_fail_begin_(const char *file, int line)
{
  if (unit_state.test != NULL)
    unit_state.test_failures++;
  else
    unit_state.main_failures++;
  unit_detailf_("%s:%d: ", file, line);
}

static inline void unit_fail_end_(void)
{
  unit_detailf_("\n");
}

static inline int unit_check_(int ok, const char *file, int line, const char *expr)
{
  unit_state.checks++;
  if (ok)
    return 1;
  unit_fail_begin_(file, line);
  unit_detailf_("check failed: %s", expr);
  unit_fail_end_();
  return 0;
}

static inline int unit_check_int_eq_(intmax_t a, intmax_t b, const char *file, int line,
                              const char *ea, const char *eb)
{
  unit_state.checks++;
  if (a == b)
    return 1;
  unit_fail_begin_(file, line);
  unit_detailf_("%s == %s: %jd != %jd", ea, eb, a, b);
  unit_fail_end_();
  return 0;
}

static inline int unit_check_str_eq_(const char *a, const char *b, const char *file, int line,
                              const char *ea, const char *eb)
{
  unit_state.checks++;
  if (a == NULL && b == NULL)
    return 1;
  if (a != NULL && b != NULL && strcmp(a, b) == 0)
    return 1;
  unit_fail_begin_(file, line);
  unit_detailf_("%s == %s: ", ea, eb);
  if (a != NULL)
    unit_detail_quoted_(a, strlen(a));
  else
    unit_detailf_("NULL");
  unit_detailf_(" != ");
  if (b != NULL)
    unit_detail_quoted_(b, strlen(b));
  else
    unit_detailf_("NULL");
  unit_fail_end_();
  return 0;
}

static inline int unit_check_mem_eq_(const void *a, size_t alen, const void *b, size_t blen,
                              const char *file, int line, const char *ea, const char *eb)
{
  unit_state.checks++;
  if (alen == blen && (alen == 0 || (a != NULL && b != NULL && memcmp(a, b, alen) == 0)))
    return 1;
  unit_fail_begin_(file, line);
  unit_detailf_("%s == %s: ", ea, eb);
  if ((a == NULL && alen > 0) || (b == NULL && blen > 0)) {
    unit_detailf_("NULL pointer with non-zero length");
  } else {
    size_t i = 0;
    const unsigned char *pa = a, *pb = b;
    while (i < alen && i < blen && pa[i] == pb[i])
      i++;
    unit_detailf_("first difference at byte %zu (lengths %zu, %zu): ", i, alen, blen);
    unit_detail_quoted_(a, alen);
    unit_detailf_(" != ");
    unit_detail_quoted_(b, blen);
  }
  unit_fail_end_();
  return 0;
}

/* Prints the detail buffer as indented "#" lines and empties it.  */
static inline void unit_flush_details_(void)
{
  FILE *out = unit_out_();
  const char *p = unit_state.detail;
  const char *end = p + unit_state.detail_len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
    fprintf(out, "  # %.*s\n", (int)n, p);
    p += n + (nl ? 1 : 0);
  }
  if (unit_state.detail_truncated)
    fputs("  # (further details truncated)\n", out);
  unit_state.detail_len = 0;
  unit_state.detail[0] = '\0';
  unit_state.detail_truncated = 0;
}

/* "tests/unit/test_foo.c" -> "test_foo" (at most 200 bytes).  */
static inline const char *unit_base_(const char *file, char *buf, size_t size)
{
  const char *slash = strrchr(file, '/');
  const char *base = slash ? slash + 1 : file;
  size_t n = strlen(base);
  if (n > 2 && strcmp(base + n - 2, ".c") == 0)
    n -= 2;
  if (n >= size)
    n = size - 1;
  memcpy(buf, base, n);
  buf[n] = '\0';
  return buf;
}

static inline void unit_run_(void (*fn)(void), const char *name, const char *file)
{
  char base[201];
  FILE *out = unit_out_();
  if (unit_state.main_failures > 0 || unit_state.detail_len > 0) {
    /* failures recorded outside any test: report them first */
    fprintf(out, "not ok - %s/(main)\n", unit_base_(file, base, sizeof base));
    unit_flush_details_();
    unit_state.main_failures = 0;
    unit_state.tests_failed++;
  }
  unit_state.test = name;
  unit_state.checks = 0;
  unit_state.test_failures = 0;
  fn();
  int failed = unit_state.test_failures > 0;
  fprintf(out, "%s - %s/%s\n", failed ? "not ok" : "ok", unit_base_(file, base, sizeof base),
          name);
  unit_flush_details_();
  fflush(out);
  unit_state.tests_run++;
  if (failed)
    unit_state.tests_failed++;
  unit_state.test = NULL;
}

static inline int unit_main_end_(const char *file)
{
  char base[201];
  FILE *out = unit_out_();
  if (unit_state.main_failures > 0 || unit_state.detail_len > 0) {
    fprintf(out, "not ok - %s/(main)\n", unit_base_(file, base, sizeof base));
    unit_flush_details_();
    unit_state.main_failures = 0;
    unit_state.tests_failed++;
  }
  fflush(out);
  return unit_state.tests_failed > 0 ? 1 : 0;
}

#define UNIT_CHECK(cond) unit_check_((cond) ? 1 : 0, __FILE__, __LINE__, #cond)
#define UNIT_CHECK_INT_EQ(a, b) \
  unit_check_int_eq_((intmax_t)(a), (intmax_t)(b), __FILE__, __LINE__, #a, #b)
#define UNIT_CHECK_STR_EQ(a, b) unit_check_str_eq_((a), (b), __FILE__, __LINE__, #a, #b)
#define UNIT_CHECK_MEM_EQ(a, alen, b, blen) \
  unit_check_mem_eq_((a), (size_t)(alen), (b), (size_t)(blen), __FILE__, __LINE__, #a, #b)
#define UNIT_RUN(fn) unit_run_(fn, #fn, __FILE__)
#define UNIT_MAIN_END() unit_main_end_(__FILE__)

#endif /* PAGEL10N_TESTS_UNIT_H */
