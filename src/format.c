/* format.c - values written for a locale through ICU: numbers with the
   locale's digits and grouping, dates and times in CLDR's styles, and
   relative times ("2 hours ago") against a fixed "now".  Formatters are
   created once per locale and kept in the pl10n_formats cache. */
#include "format.h"

#include "buf.h"
#include "its.h"

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/unum.h>
#include <unicode/ureldatefmt.h>
#include <unicode/ustring.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LOCALES 16
#define DATE_STYLES 9 /* VALUE_DATE_FULL .. VALUE_DATETIME_SHORT */

typedef struct locale_formatters {
  char tag[64];
  char id[ULOC_FULLNAME_CAPACITY];
  UNumberFormat *number;
  UDateFormat *date[DATE_STYLES];
  URelativeDateTimeFormatter *relative;
} locale_formatters;

struct pl10n_formats {
  UChar zone[64];
  char zone_name[64];
  double now;   /* ms since the epoch, or NAN */
  UCalendar *zone_calendar, *utc_calendar; /* for reading dates, opened once */
  locale_formatters locales[MAX_LOCALES];
  size_t n_locales;
};

pl10n_formats *pl10n_formats_new(const char *time_zone, double now) {
  pl10n_formats *f = calloc(1, sizeof *f);
  if (!f) return NULL;
  snprintf(f->zone_name, sizeof f->zone_name, "%s", time_zone ? time_zone : "UTC");
  u_charsToUChars(f->zone_name, f->zone, (int32_t)strlen(f->zone_name) + 1);
  f->now = now;
  return f;
}

void pl10n_formats_free(pl10n_formats *f) {
  if (!f) return;
  for (size_t i = 0; i < f->n_locales; i++) {
    locale_formatters *l = &f->locales[i];
    if (l->number) unum_close(l->number);
    for (int k = 0; k < DATE_STYLES; k++)
      if (l->date[k]) udat_close(l->date[k]);
    if (l->relative) ureldatefmt_close(l->relative);
  }
  if (f->zone_calendar) ucal_close(f->zone_calendar);
  if (f->utc_calendar) ucal_close(f->utc_calendar);
  free(f);
}

int pl10n_formats_valid_zone(const char *zone) {
  UChar z[64];
  if (strlen(zone) >= sizeof z / sizeof *z) return 0;
  u_charsToUChars(zone, z, (int32_t)strlen(zone) + 1);
  UErrorCode err = U_ZERO_ERROR;
  UChar canonical[64];
  UBool system;
  ucal_getCanonicalTimeZoneID(z, -1, canonical, 64, &system, &err);
  return U_SUCCESS(err);
}

static locale_formatters *formatters_for(pl10n_formats *f, const char *tag) {
  for (size_t i = 0; i < f->n_locales; i++)
    if (strcmp(f->locales[i].tag, tag) == 0) return &f->locales[i];
  if (f->n_locales == MAX_LOCALES) return NULL;
  locale_formatters *l = &f->locales[f->n_locales];
  memset(l, 0, sizeof *l);
  snprintf(l->tag, sizeof l->tag, "%s", tag);
  int32_t parsed;
  UErrorCode err = U_ZERO_ERROR;
  uloc_forLanguageTag(tag, l->id, sizeof l->id, &parsed, &err);
  if (U_FAILURE(err)) return NULL;
  f->n_locales++;
  return l;
}

static pl10n_status append_uchars(pl10n_buf *out, const UChar *s, int32_t len) {
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = 0;
  u_strToUTF8(NULL, 0, &n, s, len, &err);
  err = U_ZERO_ERROR;
  pl10n_status st = buf_reserve(out, (size_t)n);
  if (st != PL10N_OK) return st;
  u_strToUTF8(out->data + out->len, n + 1, NULL, s, len, &err);
  if (U_FAILURE(err)) return PL10N_ERR_ENCODING;
  out->len += (size_t)n;
  out->data[out->len] = '\0';
  return PL10N_OK;
}

/* ---- parsing the page's values -------------------------------------- */

int format_parse_number(const char *raw, double *value) {
  char digits[64];
  size_t n = 0;
  for (const char *p = raw; *p; p++) {
    if (*p == ',' || *p == '_' || *p == ' ' || *p == '\t' || *p == '\n') continue;
    if (n + 1 >= sizeof digits) return 0;
    digits[n++] = *p;
  }
  digits[n] = '\0';
  if (!n) return 0;
  char *end;
  *value = strtod(digits, &end);
  return *end == '\0' && isfinite(*value);
}

/* Reads an ISO 8601 date or date-time ("2026-11-24", "2026-11-24T08:00Z",
   "2026-11-24T08:00:00+08:00"); without an offset the time is in ZONE. */
int format_parse_datetime(pl10n_formats *f, const char *raw, double *ms) {
  int y, mo, d, h = 0, mi = 0, s = 0, consumed = 0;
  while (*raw == ' ' || *raw == '\t' || *raw == '\n') raw++;
  if (sscanf(raw, "%4d-%2d-%2d%n", &y, &mo, &d, &consumed) != 3) return 0;
  const char *p = raw + consumed;
  if (*p == 'T' || *p == ' ') {
    int n = 0;
    if (sscanf(p + 1, "%2d:%2d%n", &h, &mi, &n) != 2) return 0;
    p += 1 + n;
    if (*p == ':') {
      if (sscanf(p + 1, "%2d%n", &s, &n) != 1) return 0;
      p += 1 + n;
      if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9') p++;
      }
    }
  }
  int has_offset = 0, offset_minutes = 0;
  if (*p == 'Z') {
    has_offset = 1;
    p++;
  } else if (*p == '+' || *p == '-') {
    int oh = 0, om = 0, n = 0;
    int sign = *p == '-' ? -1 : 1;
    if (sscanf(p + 1, "%2d:%2d%n", &oh, &om, &n) == 2 ||
        sscanf(p + 1, "%2d%2d%n", &oh, &om, &n) == 2) {
      has_offset = 1;
      offset_minutes = sign * (oh * 60 + om);
      p += 1 + n;
    } else {
      return 0;
    }
  }
  while (*p == ' ' || *p == '\t' || *p == '\n') p++;
  if (*p || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
    return 0;
  UErrorCode err = U_ZERO_ERROR;
  /* One calendar per zone, kept: opening one costs more than the rest. */
  UCalendar **slot = has_offset ? &f->utc_calendar : &f->zone_calendar;
  if (!*slot) {
    static const UChar utc[] = {'U', 'T', 'C', 0};
    *slot = ucal_open(has_offset ? utc : f->zone, -1, "en", UCAL_GREGORIAN, &err);
    if (U_FAILURE(err)) { *slot = NULL; return 0; }
  }
  UCalendar *cal = *slot;
  ucal_clear(cal);
  ucal_setDateTime(cal, y, mo - 1, d, h, mi, s, &err);
  *ms = ucal_getMillis(cal, &err) - (double)offset_minutes * 60000.0;
  return U_SUCCESS(err);
}

/* ---- writing ---------------------------------------------------------- */

static UDateFormat *date_format(pl10n_formats *f, locale_formatters *l, int format) {
  int k = format - VALUE_DATE_FULL;
  if (k < 0 || k >= DATE_STYLES) return NULL;
  if (l->date[k]) return l->date[k];
  static const UDateFormatStyle date_style[DATE_STYLES] = {
      UDAT_FULL, UDAT_LONG, UDAT_MEDIUM, UDAT_SHORT, UDAT_NONE,
      UDAT_LONG, UDAT_MEDIUM, UDAT_SHORT, UDAT_NONE};
  static const UDateFormatStyle time_style[DATE_STYLES] = {
      UDAT_NONE, UDAT_NONE, UDAT_NONE, UDAT_NONE, UDAT_SHORT,
      UDAT_SHORT, UDAT_SHORT, UDAT_SHORT, UDAT_NONE};
  UErrorCode err = U_ZERO_ERROR;
  l->date[k] = udat_open(time_style[k], date_style[k], l->id, f->zone, -1, NULL, 0, &err);
  if (U_FAILURE(err)) l->date[k] = NULL;
  return l->date[k];
}

static pl10n_status write_relative(pl10n_formats *f, locale_formatters *l,
                                   double when, pl10n_buf *out) {
  if (!l->relative) {
    UErrorCode err = U_ZERO_ERROR;
    l->relative = ureldatefmt_open(l->id, NULL, UDAT_STYLE_LONG,
                                   UDISPCTX_CAPITALIZATION_NONE, &err);
    if (U_FAILURE(err)) { l->relative = NULL; return PL10N_ERR_LOCALE; }
  }
  double seconds = (when - f->now) / 1000.0;
  double a = fabs(seconds);
  URelativeDateTimeUnit unit;
  double amount;
  if (a < 60) { unit = UDAT_REL_UNIT_SECOND; amount = a; }
  else if (a < 3600) { unit = UDAT_REL_UNIT_MINUTE; amount = a / 60; }
  else if (a < 86400) { unit = UDAT_REL_UNIT_HOUR; amount = a / 3600; }
  else if (a < 7 * 86400) { unit = UDAT_REL_UNIT_DAY; amount = a / 86400; }
  else if (a < 35 * 86400) { unit = UDAT_REL_UNIT_WEEK; amount = a / (7 * 86400); }
  else if (a < 365 * 86400) { unit = UDAT_REL_UNIT_MONTH; amount = a / (30 * 86400); }
  else { unit = UDAT_REL_UNIT_YEAR; amount = a / (365 * 86400); }
  amount = floor(amount);
  if (seconds < 0) amount = -amount;
  UChar text[128];
  UErrorCode err = U_ZERO_ERROR;
  /* Under a second away is "now" ("ngayon"), not "in 0 seconds". */
  int32_t n = amount == 0 && unit == UDAT_REL_UNIT_SECOND
                  ? ureldatefmt_format(l->relative, 0.0, unit, text, 128, &err)
                  : ureldatefmt_formatNumeric(l->relative, amount, unit, text, 128, &err);
  if (U_FAILURE(err)) return PL10N_ERR_LOCALE;
  return append_uchars(out, text, n);
}

pl10n_status format_value(pl10n_formats *f, const char *locale, int format,
                          const char *raw, pl10n_buf *out, char *reason,
                          size_t reason_size) {
  locale_formatters *l = formatters_for(f, locale);
  if (!l) {
    snprintf(reason, reason_size, "no formatters for locale %s", locale);
    return PL10N_ERR_LOCALE;
  }
  UChar text[256];
  UErrorCode err = U_ZERO_ERROR;
  int32_t n;
  if (format == VALUE_NUMBER) {
    double v;
    if (!format_parse_number(raw, &v)) {
      snprintf(reason, reason_size, "\"%s\" is not a number", raw);
      return PL10N_ERR_XML;
    }
    if (!l->number) {
      l->number = unum_open(UNUM_DECIMAL, NULL, 0, l->id, NULL, &err);
      if (U_FAILURE(err)) { l->number = NULL; return PL10N_ERR_LOCALE; }
    }
    n = unum_formatDouble(l->number, v, text, 256, NULL, &err);
    if (U_FAILURE(err)) return PL10N_ERR_LOCALE;
    return append_uchars(out, text, n);
  }
  double when;
  if (!format_parse_datetime(f, raw, &when)) {
    snprintf(reason, reason_size, "\"%s\" is not an ISO 8601 date or date-time", raw);
    return PL10N_ERR_XML;
  }
  if (format == VALUE_RELATIVE) {
    if (!isnan(f->now)) return write_relative(f, l, when, out);
    format = VALUE_DATE_MEDIUM; /* no --now: an absolute date instead */
  }
  UDateFormat *df = date_format(f, l, format);
  if (!df) {
    snprintf(reason, reason_size, "no date format for locale %s", locale);
    return PL10N_ERR_LOCALE;
  }
  n = udat_format(df, when, text, 256, NULL, &err);
  if (U_FAILURE(err)) return PL10N_ERR_LOCALE;
  return append_uchars(out, text, n);
}

int format_has_now(const pl10n_formats *f) { return !isnan(f->now); }

int pl10n_parse_time(const char *text, double *ms) {
  pl10n_formats *utc = pl10n_formats_new("UTC", NAN);
  int ok = utc && format_parse_datetime(utc, text, ms);
  pl10n_formats_free(utc);
  return ok;
}
