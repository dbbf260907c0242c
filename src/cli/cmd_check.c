/* cmd_check.c - "pagel10n check": coverage of a POT (or of templates) by
 * the catalogs of a directory, translation QA, and page checks, as a text,
 * JSON or HTML report; the exit status makes it a CI gate.
 */
#include "cli.h"

#include "check_report.h"

#include "../buf.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static void check_usage(FILE *out) {
  fprintf(out,
          _("Usage: %s check -d PODIR (--pot FILE | TEMPLATE...) [OPTION]... "
            "[PAGE...]\n"),
          program_name);
  fputs(_("Report how far the catalogs PODIR/*.po cover the messages of a POT or\n"
          "of templates, what in them render would reject or get wrong, and the\n"
          "state of the chrome of pages.\n\n"
          "  -d, --po-dir=DIR         the catalogs: every DIR/*.po\n"
          "      --pot=FILE           the expected messages (then every operand is a\n"
          "                           PAGE); without it, the operands are TEMPLATEs\n"
          "  -p, --page=FILE          also check the page FILE (repeatable)\n"
          "  -l, --locale=LIST        check only the catalogs for these locales,\n"
          "                           comma-separated (tl, fil-PH, tl_PH.UTF-8)\n"
          "      --min-coverage=PCT   fail when a locale translates less than PCT\n"
          "                           percent of the messages\n"
          "      --format=FORMAT      text (default), json or html\n"
          "  -o, --output=FILE        write the report to FILE (atomically)\n"
          "      --source-lang=TAG    language of the msgids (default: en)\n"
          "  -h, --help               display this help and exit\n"
          "  -V, --version            output version information and exit\n\n"
          "Exit status: 0 when everything is within the thresholds, 1 when a locale\n"
          "is below --min-coverage or an error was found, 2 on usage errors or\n"
          "unreadable input (a catalog, POT, template or page).\n"),
        out);
}

/* Splits the -l list into BCP 47 tags (char * items of TAGS). */
static int parse_locales(const char *list, pl10n_buf *tags) {
  char *copy = strdup(list);
  int ok = copy != NULL;
  for (char *save = NULL, *loc = ok ? strtok_r(copy, ",", &save) : NULL; loc && ok;
       loc = strtok_r(NULL, ",", &save)) {
    char tag[64];
    if (pl10n_locale_tag(loc, tag, sizeof tag) != PL10N_OK) {
      cli_error(_("'%s' is not a locale"), loc);
      ok = 0;
      break;
    }
    char *dup = strdup(tag);
    ok = dup && buf_push_item(tags, &dup, sizeof dup) == PL10N_OK;
    if (!ok) free(dup);
  }
  free(copy);
  return ok;
}

static int parse_percent(const char *arg, double *out) {
  char *end;
  errno = 0;
  double v = strtod(arg, &end);
  if (end == arg || *end || errno || !(v >= 0.0 && v <= 100.0)) return 0;
  *out = v;
  return 1;
}

/* Reads and parses FILE; prints the error and returns NULL on failure,
   with the parser's error in *ERR (status PL10N_OK when reading failed). */
static pl10n_page *read_page(const char *file, int keep_content, pl10n_buf *data,
                             pl10n_error *err) {
  memset(err, 0, sizeof *err);
  err->file = file;
  FILE *f = strcmp(file, "-") == 0 ? NULL : fopen(file, "rb");
  if (f) fclose(f);
  else if (strcmp(file, "-") != 0)
    snprintf(err->message, sizeof err->message, "cannot open: %s", strerror(errno));
  if (!cli_read_file(file, data)) {
    if (!err->message[0]) snprintf(err->message, sizeof err->message, "cannot read");
    return NULL;
  }
  err->message[0] = '\0';
  pl10n_parse_options options = {0, 0, keep_content};
  pl10n_page *page;
  if (pl10n_page_parse(file, data->data ? data->data : "", data->len, &options, &page,
                       err) != PL10N_OK) {
    cli_print_error(err);
    return NULL;
  }
  return page;
}

/* Whether every requested locale has a catalog (the source language needs
   none); names those that have not. */
static int locales_found(const pl10n_check *check, char *const *tags, size_t n,
                         const char *source) {
  int ok = 1;
  for (size_t i = 0; i < n; i++) {
    int found = pl10n_locale_match(tags[i], source) != 0;
    for (size_t k = 0; k < pl10n_check_locale_count(check) && !found; k++) {
      pl10n_check_locale_info l;
      pl10n_check_locale(check, k, &l);
      found = l.language && pl10n_locale_match(tags[i], l.language);
    }
    if (!found) {
      cli_error(_("no catalog for locale '%s'"), tags[i]);
      ok = 0;
    }
  }
  return ok;
}

static void free_names(pl10n_buf *names) {
  char **items = BUF_ITEMS(names, char *);
  for (size_t i = 0; i < BUF_COUNT(names, char *); i++) free(items[i]);
  pl10n_buf_release(names);
}

enum { OPT_POT = 256, OPT_MIN_COVERAGE, OPT_FORMAT, OPT_SOURCE_LANG };

int cmd_check(int argc, char **argv) {
  static const struct option options[] = {
      {"po-dir", required_argument, NULL, 'd'},
      {"pot", required_argument, NULL, OPT_POT},
      {"page", required_argument, NULL, 'p'},
      {"locale", required_argument, NULL, 'l'},
      {"min-coverage", required_argument, NULL, OPT_MIN_COVERAGE},
      {"format", required_argument, NULL, OPT_FORMAT},
      {"output", required_argument, NULL, 'o'},
      {"source-lang", required_argument, NULL, OPT_SOURCE_LANG},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0}};
  const char *po_dir = NULL, *pot = NULL, *locales = NULL, *output = NULL;
  pl10n_check_options copt = {"en", NULL, 0, 0.0};
  report_input in;
  memset(&in, 0, sizeof in);
  report_format format = REPORT_TEXT;
  pl10n_buf pages = PL10N_BUF_INIT; /* char * items, from -p */
  int c, status = EXIT_OK;
  optind = 1;
  while (status == EXIT_OK &&
         (c = getopt_long(argc, argv, "d:p:l:o:hV", options, NULL)) != -1) {
    switch (c) {
      case 'd': po_dir = optarg; break;
      case OPT_POT: pot = optarg; break;
      case 'p':
        if (buf_push_item(&pages, &optarg, sizeof optarg) != PL10N_OK) status = EXIT_USAGE;
        break;
      case 'l': locales = optarg; break;
      case OPT_MIN_COVERAGE:
        if (!parse_percent(optarg, &copt.min_coverage)) {
          cli_error(_("--min-coverage wants a percentage from 0 to 100, not '%s'"),
                    optarg);
          status = EXIT_USAGE;
        }
        in.has_min_coverage = 1;
        break;
      case OPT_FORMAT:
        if (strcmp(optarg, "text") == 0) format = REPORT_TEXT;
        else if (strcmp(optarg, "json") == 0) format = REPORT_JSON;
        else if (strcmp(optarg, "html") == 0) format = REPORT_HTML;
        else {
          cli_error(_("--format wants text, json or html, not '%s'"), optarg);
          status = EXIT_USAGE;
        }
        break;
      case 'o': output = optarg; break;
      case OPT_SOURCE_LANG: copt.source_language = optarg; break;
      case 'h': check_usage(stdout); pl10n_buf_release(&pages); return EXIT_OK;
      case 'V': cli_print_version(); pl10n_buf_release(&pages); return EXIT_OK;
      default: check_usage(stderr); pl10n_buf_release(&pages); return EXIT_USAGE;
    }
  }
  if (status != EXIT_OK) {
    pl10n_buf_release(&pages);
    return status;
  }
  /* Operands: the pages with --pot, else the templates. */
  char **operands = argv + optind;
  size_t n_operands = (size_t)(argc - optind);
  for (size_t i = 0; pot && i < n_operands; i++)
    if (buf_push_item(&pages, &operands[i], sizeof operands[i]) != PL10N_OK)
      status = EXIT_USAGE;
  in.po_dir = po_dir;
  in.pot = pot;
  in.templates = pot ? NULL : operands;
  in.n_templates = pot ? 0 : n_operands;
  in.source_language = copt.source_language;
  char **page_names = BUF_ITEMS(&pages, char *);
  size_t n_pages = BUF_COUNT(&pages, char *);

  const char *usage_error = NULL;
  char tag[64];
  if (!po_dir) usage_error = N_("no catalog directory given (-d)");
  else if (!pot && !n_operands) usage_error = N_("no POT (--pot) or template given");
  else if (pl10n_locale_tag(copt.source_language, tag, sizeof tag) != PL10N_OK)
    usage_error = N_("--source-lang wants a language tag such as en");
  if (status == EXIT_OK && usage_error) {
    cli_error("%s", _(usage_error));
    check_usage(stderr);
    status = EXIT_USAGE;
  }
  if (status == EXIT_OK && output && strcmp(output, "-") != 0) {
    int inputs = (pot && cli_same_file_as_any(output, (char *const *)&pot, 1)) ||
                 cli_same_file_as_any(output, operands, (int)n_operands) ||
                 cli_same_file_as_any(output, page_names, (int)n_pages);
    if (inputs) {
      fprintf(stderr, _("%s: error: the output file is also an input\n"), output);
      status = EXIT_USAGE;
    }
  }
  if (output && strcmp(output, "-") == 0) output = NULL;
  pl10n_buf tags = PL10N_BUF_INIT, po_files = PL10N_BUF_INIT, data = PL10N_BUF_INIT;
  if (status == EXIT_OK && locales && !parse_locales(locales, &tags)) status = EXIT_USAGE;
  copt.locales = (const char *const *)BUF_ITEMS(&tags, char *);
  copt.n_locales = BUF_COUNT(&tags, char *);
  static const char *const po_only[] = {".po", NULL};
  if (status == EXIT_OK && !cli_list_dir(po_dir, po_only, &po_files)) status = EXIT_USAGE;
  if (status == EXIT_OK && BUF_COUNT(&po_files, char *) == 0) {
    fprintf(stderr, _("%s: error: no .po files in the directory\n"), po_dir);
    status = EXIT_USAGE;
  }
  pl10n_check *check = NULL;
  if (status == EXIT_OK && !(check = pl10n_check_new(&copt))) {
    cli_error("%s", pl10n_strerror(PL10N_ERR_NOMEM));
    status = EXIT_USAGE;
  }

  /* The expected messages: unreadable ones leave nothing to report. */
  pl10n_error err;
  if (status == EXIT_OK && pot && pl10n_check_read_pot(check, pot, &err) != PL10N_OK) {
    cli_print_error(&err);
    status = EXIT_USAGE;
  }
  for (size_t i = 0; status == EXIT_OK && !pot && i < n_operands; i++) {
    pl10n_page *page = read_page(operands[i], 0, &data, &err);
    if (!page || pl10n_check_add_template(check, page, &err) != PL10N_OK) {
      if (page) cli_print_error(&err);
      status = EXIT_USAGE;
    }
    pl10n_page_free(page);
  }

  /* Catalogs and pages: an unreadable one is reported and the rest goes on. */
  char **po_names = BUF_ITEMS(&po_files, char *);
  for (size_t i = 0; status == EXIT_OK && i < BUF_COUNT(&po_files, char *); i++) {
    pl10n_status st = pl10n_check_add_po(check, po_names[i], &err);
    if (st == PL10N_ERR_NOMEM) status = EXIT_USAGE;
    if (st != PL10N_OK) cli_print_error(&err);
  }
  if (status == EXIT_OK && !locales_found(check, BUF_ITEMS(&tags, char *),
                                          BUF_COUNT(&tags, char *),
                                          copt.source_language))
    status = EXIT_USAGE;
  for (size_t i = 0; status == EXIT_OK && i < n_pages; i++) {
    pl10n_page *page = read_page(page_names[i], 1, &data, &err);
    pl10n_status st = page ? pl10n_check_add_page(check, page, &err)
                           : pl10n_check_add_page_failure(check, page_names[i], &err);
    if (st != PL10N_OK) {
      cli_print_error(&err);
      status = EXIT_USAGE;
    }
    pl10n_page_free(page);
  }

  if (status == EXIT_OK) {
    pl10n_buf report = PL10N_BUF_INIT;
    if (check_report(check, format, &in, &report) != PL10N_OK) {
      cli_error("%s", pl10n_strerror(PL10N_ERR_NOMEM));
      status = EXIT_USAGE;
    } else if (output) {
      if (!cli_write_file_atomic(output, report.data ? report.data : "", report.len))
        status = EXIT_USAGE;
    } else if (fwrite(report.data ? report.data : "", 1, report.len, stdout) !=
                   report.len ||
               fflush(stdout) != 0) {
      cli_error(_("cannot write to standard output: %s"), strerror(errno));
      status = EXIT_USAGE;
    }
    pl10n_buf_release(&report);
    if (status == EXIT_OK) {
      pl10n_check_summary sum;
      pl10n_check_summarize(check, &sum);
      status = sum.status == 2 ? EXIT_USAGE : sum.status == 1 ? EXIT_FAILED : EXIT_OK;
    }
  }
  pl10n_check_free(check);
  free_names(&tags);
  free_names(&po_files);
  pl10n_buf_release(&data);
  pl10n_buf_release(&pages);
  return status;
}
