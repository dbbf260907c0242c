/* tests/unit/test_unit_selftest.c - proves that tests/unit/unit.h reports
 * failures: a failing check must make its test print "not ok" with a detail
 * line naming file and line, and must make UNIT_MAIN_END() return 1.
 *
 * Failing tests are run nested, with the helper's state saved, its output
 * redirected to a temporary file, and the state restored afterwards, so this
 * program itself passes when the helper works.
 */
#include "unit.h"

#include <stdlib.h>

/* ---- nested tests (never run directly by main) ---- */

static int nested_pass_values[4];

static void always_passes(void)
{
  const char bytes[] = { 'a', '\0', 'b' };
  nested_pass_values[0] = UNIT_CHECK(1 + 1 == 2);
  nested_pass_values[1] = UNIT_CHECK_INT_EQ(-3, -3);
  nested_pass_values[2] = UNIT_CHECK_STR_EQ(NULL, NULL);
  nested_pass_values[3] = UNIT_CHECK_MEM_EQ(bytes, 3, "a\0b", 3);
}

static int nested_fail_values[5];

static void always_fails(void)
{
  const char *null_str = NULL;
  nested_fail_values[0] = UNIT_CHECK(1 + 1 == 3);
  nested_fail_values[1] = UNIT_CHECK_INT_EQ(40 + 1, 42);
  nested_fail_values[2] = UNIT_CHECK_STR_EQ("abc", "abd");
  nested_fail_values[3] = UNIT_CHECK_STR_EQ(null_str, "x");
  nested_fail_values[4] = UNIT_CHECK_MEM_EQ("ab\n", 3, "ab", 2);
}

/* ---- capture helpers ---- */

static struct unit_state saved_state;

/* Saves the helper state, resets it and sends its output to a temporary
 * file.  Returns NULL (state untouched) if no temporary file can be made.  */
static FILE *capture_begin(void)
{
  FILE *f = tmpfile();
  if (f == NULL)
    return NULL;
  saved_state = unit_state;
  memset(&unit_state, 0, sizeof unit_state);
  unit_state.out = f;
  return f;
}

/* Finishes a capture: stores UNIT_MAIN_END()'s value in *status, the nested
 * state in *inner and the output (NUL-terminated, possibly cut) in buf, then
 * restores the saved state.  Returns 0 if the output could not be read.  */
static int capture_end(FILE *f, int *status, struct unit_state *inner, char *buf, size_t size)
{
  *status = UNIT_MAIN_END();
  *inner = unit_state;
  unit_state = saved_state;
  int ok = fseek(f, 0, SEEK_SET) == 0;
  size_t n = ok ? fread(buf, 1, size - 1, f) : 0;
  buf[n] = '\0';
  if (ferror(f))
    ok = 0;
  fclose(f);
  return ok;
}

/* ---- real tests ---- */

static void passing_checks_record_nothing(void)
{
  unsigned long before = unit_state.checks;
  int i = 0;
  UNIT_CHECK(UNIT_CHECK(1) == 1);
  UNIT_CHECK_INT_EQ(i++, 0); /* argument evaluated exactly once */
  UNIT_CHECK_INT_EQ(i, 1);
  UNIT_CHECK_STR_EQ("same", "same");
  UNIT_CHECK_MEM_EQ("", 0, NULL, 0);
  UNIT_CHECK_INT_EQ(unit_state.test_failures, 0);
  UNIT_CHECK_INT_EQ(unit_state.detail_len, 0);
  UNIT_CHECK_INT_EQ(unit_state.checks - before, 8);
}

static void passing_test_prints_ok(void)
{
  char out[4096];
  struct unit_state inner;
  int status = -1;
  FILE *f = capture_begin();
  if (!UNIT_CHECK(f != NULL))
    return;
  UNIT_RUN(always_passes);
  UNIT_CHECK(capture_end(f, &status, &inner, out, sizeof out));
  UNIT_CHECK_STR_EQ(out, "ok - test_unit_selftest/always_passes\n");
  UNIT_CHECK_INT_EQ(status, 0);
  UNIT_CHECK_INT_EQ(inner.tests_run, 1);
  UNIT_CHECK_INT_EQ(inner.tests_failed, 0);
  for (int i = 0; i < 4; i++)
    UNIT_CHECK_INT_EQ(nested_pass_values[i], 1);
}

static void failing_test_prints_not_ok(void)
{
  char out[8192];
  struct unit_state inner;
  int status = -1;
  FILE *f = capture_begin();
  if (!UNIT_CHECK(f != NULL))
    return;
  UNIT_RUN(always_fails);
  UNIT_RUN(always_passes);
  UNIT_CHECK(capture_end(f, &status, &inner, out, sizeof out));

  UNIT_CHECK_INT_EQ(status, 1);
  UNIT_CHECK_INT_EQ(inner.tests_run, 2);
  UNIT_CHECK_INT_EQ(inner.tests_failed, 1);
  for (int i = 0; i < 5; i++)
    UNIT_CHECK_INT_EQ(nested_fail_values[i], 0);

  static const char first[] = "not ok - test_unit_selftest/always_fails\n  # ";
  UNIT_CHECK(strncmp(out, first, sizeof first - 1) == 0);
  UNIT_CHECK(strstr(out, "test_unit_selftest.c:") != NULL);
  UNIT_CHECK(strstr(out, "check failed: 1 + 1 == 3\n") != NULL);
  UNIT_CHECK(strstr(out, "40 + 1 == 42: 41 != 42\n") != NULL);
  UNIT_CHECK(strstr(out, "\"abc\" == \"abd\": \"abc\" != \"abd\"\n") != NULL);
  UNIT_CHECK(strstr(out, "null_str == \"x\": NULL != \"x\"\n") != NULL);
  UNIT_CHECK(strstr(out, "first difference at byte 2 (lengths 3, 2): \"ab\\n\" != \"ab\"\n") !=
             NULL);
  UNIT_CHECK(strstr(out, "\nok - test_unit_selftest/always_passes\n") != NULL);

  /* exactly 5 detail lines, each indented "  # " */
  int details = 0;
  for (const char *p = out; (p = strstr(p, "\n  # ")) != NULL; p++)
    details++;
  UNIT_CHECK_INT_EQ(details, 5);
}

static void check_outside_test_is_reported(void)
{
  char out[4096];
  struct unit_state inner;
  int status = -1;
  FILE *f = capture_begin();
  if (!UNIT_CHECK(f != NULL))
    return;
  UNIT_CHECK_INT_EQ(1, 2); /* state is reset: this runs "outside" any test */
  UNIT_CHECK(capture_end(f, &status, &inner, out, sizeof out));
  UNIT_CHECK_INT_EQ(status, 1);
  static const char first[] = "not ok - test_unit_selftest/(main)\n  # ";
  UNIT_CHECK(strncmp(out, first, sizeof first - 1) == 0);
}

int main(void)
{
  UNIT_RUN(passing_checks_record_nothing);
  UNIT_RUN(passing_test_prints_ok);
  UNIT_RUN(failing_test_prints_not_ok);
  UNIT_RUN(check_outside_test_is_reported);
  return UNIT_MAIN_END();
}
