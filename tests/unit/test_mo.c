/* test_mo.c - the .mo reader against well-formed and corrupt files. */
#include "unit.h"

#include "buf.h"
#include "mo.h"

/* Builds a little-endian .mo with N entries (originals ORIG, translations
   TRANS) the way msgfmt lays it out: header, two tables, strings. */
static void build_mo(pl10n_buf *mo, const char *const *orig,
                     const char *const *trans, uint32_t n) {
  uint32_t header[7] = {0x950412de, 0, n, 28, 28 + 8 * n, 0, 28 + 16 * n};
  buf_clear(mo);
  buf_append(mo, header, sizeof header);
  uint32_t at = 28 + 16 * n;
  for (int table = 0; table < 2; table++) {
    const char *const *s = table ? trans : orig;
    for (uint32_t i = 0; i < n; i++) {
      uint32_t desc[2] = {(uint32_t)strlen(s[i]), at};
      buf_append(mo, desc, sizeof desc);
      at += desc[0] + 1;
    }
  }
  for (int table = 0; table < 2; table++) {
    const char *const *s = table ? trans : orig;
    for (uint32_t i = 0; i < n; i++) buf_append(mo, s[i], strlen(s[i]) + 1);
  }
}

typedef struct seen {
  int count;
  char last[128];
} seen;

static pl10n_status collect(void *user, const char *o, size_t on, const char *t,
                            size_t tn) {
  seen *s = user;
  s->count++;
  snprintf(s->last, sizeof s->last, "%.*s=%.*s", (int)on, o, (int)tn, t);
  return PL10N_OK;
}

static const char *const orig[] = {"", "Accept", "ctx\4Latest"};
static const char *const trans[] = {"Language: tl\n", "Tanggapin", "Pinakabago"};

static void reads_a_valid_file(void) {
  pl10n_buf mo = PL10N_BUF_INIT;
  build_mo(&mo, orig, trans, 3);
  seen s = {0, ""};
  char reason[128];
  UNIT_CHECK_INT_EQ(mo_read(mo.data, mo.len, collect, &s, reason, sizeof reason),
                    PL10N_OK);
  UNIT_CHECK_INT_EQ(s.count, 3);
  UNIT_CHECK_STR_EQ(s.last, "ctx\4Latest=Pinakabago");
  pl10n_buf_release(&mo);
}

static void expect_refused(pl10n_buf *mo, const char *why) {
  seen s = {0, ""};
  char reason[128] = "";
  UNIT_CHECK_INT_EQ(mo_read(mo->data, mo->len, collect, &s, reason, sizeof reason),
                    PL10N_ERR_CATALOG);
  if (!UNIT_CHECK(strstr(reason, why) != NULL)) fprintf(stderr, "reason: %s\n", reason);
}

static void refuses_corrupt_files(void) {
  pl10n_buf mo = PL10N_BUF_INIT;
  build_mo(&mo, orig, trans, 3);
  mo.data[0] = 'X';
  expect_refused(&mo, "bad magic");

  build_mo(&mo, orig, trans, 3);
  buf_truncate(&mo, 20);
  expect_refused(&mo, "too short");

  build_mo(&mo, orig, trans, 3);
  buf_truncate(&mo, mo.len - 4); /* the last string loses its end */
  expect_refused(&mo, "past the end");

  build_mo(&mo, orig, trans, 3);
  uint32_t huge = 0xfffffff0U; /* the count makes the tables huge */
  memcpy(mo.data + 8, &huge, 4);
  expect_refused(&mo, "tables lie past the end");

  build_mo(&mo, orig, trans, 3);
  uint32_t into_table = 30; /* a string that starts inside the tables */
  memcpy(mo.data + 28 + 4, &into_table, 4);
  expect_refused(&mo, "overlaps");

  build_mo(&mo, orig, trans, 3);
  uint32_t longer = 4; /* "" now claims 4 bytes: no NUL where it ends */
  memcpy(mo.data + 28, &longer, 4);
  expect_refused(&mo, "NUL");
  pl10n_buf_release(&mo);
}

static void reads_big_endian_files(void) {
  pl10n_buf mo = PL10N_BUF_INIT;
  build_mo(&mo, orig, trans, 3);
  /* Swap every 32-bit word of the header and the tables. */
  for (size_t off = 0; off < 28 + 16 * 3; off += 4) {
    unsigned char *p = (unsigned char *)mo.data + off, t;
    t = p[0]; p[0] = p[3]; p[3] = t;
    t = p[1]; p[1] = p[2]; p[2] = t;
  }
  seen s = {0, ""};
  char reason[128];
  UNIT_CHECK_INT_EQ(mo_read(mo.data, mo.len, collect, &s, reason, sizeof reason),
                    PL10N_OK);
  UNIT_CHECK_INT_EQ(s.count, 3);
  pl10n_buf_release(&mo);
}

int main(void) {
  UNIT_RUN(reads_a_valid_file);
  UNIT_RUN(refuses_corrupt_files);
  UNIT_RUN(reads_big_endian_files);
  return UNIT_MAIN_END();
}
