/* test_translation.c - the safe merge: which msgstrs are accepted, and the
   operations an accepted one compiles into. */
#include "unit.h"

#include "buf.h"
#include "translation.h"

static int compile(const char *msgid, const char *msgstr, char *reason,
                   pl10n_buf *ops) {
  return translation_compile(msgid, NULL, msgstr, 0, ops, reason, 256) == PL10N_OK;
}

/* Renders the operations as a readable string: text, [O0], [C0], [P1]. */
static void describe(const pl10n_buf *ops, char *out, size_t size) {
  size_t pos = 0, n = 0;
  translation_step s;
  out[0] = '\0';
  while (translation_next(ops->data, ops->len, &pos, &s) && n < size - 16) {
    if (s.op == OP_TEXT)
      n += (size_t)snprintf(out + n, size - n, "%.*s", (int)s.len, s.text);
    else
      n += (size_t)snprintf(out + n, size - n, "[%c%u]",
                            s.op == OP_OPEN ? 'O' : s.op == OP_CLOSE ? 'C' : 'P',
                            s.index);
  }
}

static void accepts_reordered_inline_elements(void) {
  pl10n_buf ops = PL10N_BUF_INIT;
  char reason[256], text[256];
  UNIT_CHECK(compile("Read <a href=\"/p\">the policy</a> and <b>this</b>.",
                     "<b>Ito</b> at <a href=\"/p\">ang patakaran</a>.", reason, &ops));
  describe(&ops, text, sizeof text);
  UNIT_CHECK_STR_EQ(text, "[O1]Ito[C1] at [O0]ang patakaran[C0].");
  pl10n_buf_release(&ops);
}

static void decodes_entities_and_keeps_text_raw(void) {
  pl10n_buf ops = PL10N_BUF_INIT;
  char reason[256], text[256];
  UNIT_CHECK(compile("Terms &amp; Conditions",
                     "Tuntunin &amp; &#x2014;&nbsp;<![CDATA[<x>]]>", reason, &ops));
  describe(&ops, text, sizeof text);
  UNIT_CHECK_STR_EQ(text, "Tuntunin & \xe2\x80\x94\xc2\xa0<x>");
  pl10n_buf_release(&ops);
}

static void placeholders_map_by_number(void) {
  pl10n_buf ops = PL10N_BUF_INIT;
  char reason[256], text[256];
  UNIT_CHECK(compile("A <_:img-1/> and <_:span-2/>", "<_:span-2/> at <_:img-1/>",
                     reason, &ops));
  describe(&ops, text, sizeof text);
  UNIT_CHECK_STR_EQ(text, "[P1] at [P0]");
  pl10n_buf_release(&ops);
}

typedef struct hostile {
  const char *msgid, *msgstr, *reason;
} hostile;

static const hostile corpus[] = {
    {"Hello", "<script>alert(1)</script>", "element <script> is not in the source text"},
    {"Read <a href=\"/p\">this</a>", "Basahin <a href=\"javascript:alert(1)\">ito</a>",
     "element <a> has attributes that differ from the source text"},
    {"Read <a href=\"/p\">this</a>", "Basahin <a href=\"/p\" onclick=\"x()\">ito</a>",
     "element <a> has attributes that differ from the source text"},
    {"Read <a href=\"/p\">this</a>", "Basahin ito", "element <a> of the source text is missing"},
    {"Read <a href=\"/p\">this</a>", "Basahin <a href=\"/p\">ito",
     "not well-formed"},
    {"Fish & chips", "Isda & chips", "not well-formed at byte"},
    {"a < b", "a < b", "not well-formed at byte"},
    {"Hello", "Kumusta &bogus;", "undefined entity"},
    {"Title", "Pamagat</h2><script>x()</script><h2>", "not well-formed"},
    {"Hi", "Hi <!--[if IE]><script>x()</script><![endif]-->", "comments are not allowed"},
    {"Hi", "Hi <?php echo 1; ?>", "processing instruction <?php?> is not allowed"},
    {"A <_:img-1/>", "A", "placeholder <_:img-1/> is missing"},
    {"A <_:img-1/>", "A <_:img-1/><_:img-1/>", "<_:img-1/> is used more often than in the source text"},
    {"A <_:img-1/>", "A <_:img-9/>", "placeholder <_:img-9/> is not in the source text"},
    {"Line<br/>break", "Linya<br>x</br>putol", "element <br> must stay empty"},
    {"Hi", "<_pagel10n_fragment>x</_pagel10n_fragment>",
     "element <_pagel10n_fragment> is not in the source text"},
};

static void rejects_hostile_translations(void) {
  for (size_t i = 0; i < sizeof corpus / sizeof *corpus; i++) {
    pl10n_buf ops = PL10N_BUF_INIT;
    char reason[256] = "";
    UNIT_CHECK(!compile(corpus[i].msgid, corpus[i].msgstr, reason, &ops));
    UNIT_CHECK_INT_EQ(ops.len, 0);
    if (!UNIT_CHECK(strstr(reason, corpus[i].reason) != NULL))
      fprintf(stderr, "case %zu: reason was: %s\n", i, reason);
    pl10n_buf_release(&ops);
  }
}

static void attribute_translations_take_no_elements(void) {
  pl10n_buf ops = PL10N_BUF_INIT;
  char reason[256];
  UNIT_CHECK(translation_compile("Search", NULL, "<b>Maghanap</b>", 1, &ops, reason,
                                 sizeof reason) == PL10N_ERR_XML);
  UNIT_CHECK(strstr(reason, "attribute") != NULL);
  pl10n_buf_release(&ops);
}

static void canonical_form_ignores_spelling(void) {
  pl10n_buf a = PL10N_BUF_INIT, b = PL10N_BUF_INIT;
  UNIT_CHECK(translation_canonical("Fish &amp;  chips <a title=\"T\" href=\"/x\">x</a> <_:img-2/>",
                                   &a) == PL10N_OK);
  UNIT_CHECK(translation_canonical("Fish &#38;\nchips <a href='/x' title='other'>x</a> <_:img-1/>",
                                   &b) == PL10N_OK);
  UNIT_CHECK_STR_EQ(a.data, b.data);
  pl10n_buf_release(&a);
  pl10n_buf_release(&b);
}

int main(void) {
  UNIT_RUN(accepts_reordered_inline_elements);
  UNIT_RUN(decodes_entities_and_keeps_text_raw);
  UNIT_RUN(placeholders_map_by_number);
  UNIT_RUN(rejects_hostile_translations);
  UNIT_RUN(attribute_translations_take_no_elements);
  UNIT_RUN(canonical_form_ignores_spelling);
  return UNIT_MAIN_END();
}
