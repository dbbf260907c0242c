/* cmd_render.c - "pagel10n render": pages in, one page per locale out.
 *
 * Each page is read and parsed once and written for every requested locale.
 * Outputs are written atomically; a page that fails is reported and the
 * others go on; an input file is never overwritten.
 */
#include "cli.h"

#include "../buf.h"
#include "page_writer.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_CATALOGS 64

typedef struct target {
  char tag[64];            /* BCP 47 tag, also the output directory name */
  pl10n_catalog *catalog;  /* NULL: the source language */
} target;

typedef struct render_job {
  target targets[MAX_CATALOGS];
  size_t n_targets;
  pl10n_catalog *catalogs[MAX_CATALOGS];
  size_t n_catalogs;
  const char *source_language;
  const char *output;
  const char *out_dir;
  int quiet;
  pl10n_formats *formats;
  pl10n_render_stats totals;
  size_t pages_done, pages_failed;
  dev_t *input_devs;
  ino_t *input_inos;
  size_t n_inputs;
} render_job;

static void render_usage(FILE *out) {
  fprintf(out,
          _("Usage: %s render -l LOCALE[,LOCALE...] (-d PODIR | -c CATALOG) "
            "[OPTION]... PAGE...\n"),
          program_name);
  fputs(_("Write XHTML pages with their chrome localized; every byte outside the\n"
          "chrome is copied unchanged.\n\n"
          "  -l, --locale=LIST        locales to render, comma-separated (tl, "
          "tl_PH.UTF-8, fil-PH, en)\n"
          "  -d, --po-dir=DIR         catalogs DIR/LL.po or DIR/LL.mo (LL.mo when it\n"
          "                           is at least as new as LL.po)\n"
          "  -c, --catalog=FILE       one catalog (.po or .mo) for the locale\n"
          "  -o, --output=FILE        write the one page and locale to FILE\n"
          "      --out-dir=DIR        write DIR/LOCALE/PAGE for every page and "
          "locale\n"
          "      --files-from=FILE    read page names from FILE, one per line "
          "(- = stdin)\n"
          "      --shard=K/N          render only the K-th of N slices of the "
          "pages\n"
          "      --source-lang=TAG    language of the msgids (default: en)\n"
          "      --now=TIME           the time relative dates count from: ISO 8601\n"
          "                           or @SECONDS (default: $SOURCE_DATE_EPOCH)\n"
          "      --time-zone=ZONE     time zone for dates (default: UTC)\n"
          "  -q, --quiet              no progress display and no summary\n"
          "  -h, --help               display this help and exit\n"
          "  -V, --version            output version information and exit\n\n"
          "Without -o or --out-dir a single page is written to standard output.\n"
          "Exit status: 0 on success, 1 if any page failed, 2 on usage errors or\n"
          "unreadable catalogs.\n"),
        out);
}

/* ---- catalogs and locales ------------------------------------------------ */

static int load_catalog(render_job *job, const char *path, const char *language) {
  if (job->n_catalogs == MAX_CATALOGS) {
    cli_error(_("too many catalogs (at most %d)"), MAX_CATALOGS);
    return 0;
  }
  pl10n_error err;
  pl10n_catalog *cat;
  if (pl10n_catalog_load(path, language, cli_print_diagnostic, NULL, &cat, &err) !=
      PL10N_OK) {
    cli_print_error(&err);
    return 0;
  }
  job->catalogs[job->n_catalogs++] = cat;
  return 1;
}

/* Of DIR/LL.po and DIR/LL.mo, the one render loads: LL.mo where there is no
   LL.po, or where it is at least as new as LL.po (msgfmt compiled it from
   that LL.po: the same translations, loaded without parsing PO). */
static int mo_is_fresh(const char *mo_path) {
  char *po_path = strdup(mo_path);
  if (!po_path) return 0;
  memcpy(po_path + strlen(po_path) - 2, "po", 2);
  struct stat mo, po;
  int fresh = stat(mo_path, &mo) == 0 && stat(po_path, &po) == 0 &&
              (mo.st_mtim.tv_sec > po.st_mtim.tv_sec ||
               (mo.st_mtim.tv_sec == po.st_mtim.tv_sec &&
                mo.st_mtim.tv_nsec >= po.st_mtim.tv_nsec));
  free(po_path);
  return fresh;
}

static int load_po_dir(render_job *job, const char *dir) {
  static const char *const catalogs[] = {".po", ".mo", NULL};
  pl10n_buf list = PL10N_BUF_INIT; /* char * items: DIR/NAME */
  int ok = cli_list_dir(dir, catalogs, &list);
  char **paths = BUF_ITEMS(&list, char *);
  size_t n = BUF_COUNT(&list, char *);
  for (size_t i = 0; i < n && ok; i++) {
    /* LL.po and LL.mo both there: one of them. */
    size_t len = strlen(paths[i]);
    int is_mo = cli_has_suffix(paths[i], ".mo");
    const char *twin = NULL;
    for (size_t j = 0; j < n && !twin; j++)
      if (j != i && strlen(paths[j]) == len && strncmp(paths[j], paths[i], len - 3) == 0 &&
          cli_has_suffix(paths[j], is_mo ? ".po" : ".mo"))
        twin = paths[j];
    if (twin && is_mo != mo_is_fresh(is_mo ? paths[i] : twin)) continue;
    ok = load_catalog(job, paths[i], NULL);
  }
  for (size_t i = 0; i < n; i++) free(paths[i]);
  pl10n_buf_release(&list);
  return ok;
}

static void list_catalogs(const render_job *job) {
  if (job->n_catalogs == 0) {
    fprintf(stderr, _("  (no catalogs were found)\n"));
    return;
  }
  fprintf(stderr, _("  catalogs found:\n"));
  for (size_t i = 0; i < job->n_catalogs; i++) {
    const char *lang = pl10n_catalog_language(job->catalogs[i]);
    fprintf(stderr, "    %s (%s)\n", lang ? lang : "?",
            pl10n_catalog_path(job->catalogs[i]));
  }
}

/* Resolves each requested locale to a catalog (or the source language). */
static int resolve_locales(render_job *job, const char *list, int single) {
  char *copy = strdup(list);
  if (!copy) return 0;
  int ok = 1;
  for (char *save = NULL, *loc = strtok_r(copy, ",", &save); loc && ok;
       loc = strtok_r(NULL, ",", &save)) {
    if (job->n_targets == MAX_CATALOGS) { ok = 0; break; }
    target *t = &job->targets[job->n_targets];
    if (pl10n_locale_tag(loc, t->tag, sizeof t->tag) != PL10N_OK) {
      cli_error(_("'%s' is not a locale"), loc);
      ok = 0;
      break;
    }
    t->catalog = NULL;
    int best = 0;
    /* One catalog given with -c serves whatever locale is asked for, except
       the source language when the catalog is known to be another one. */
    const char *src = job->source_language;
    int is_source = pl10n_locale_match(t->tag, src) != 0;
    for (size_t i = 0; i < job->n_catalogs; i++) {
      const char *lang = pl10n_catalog_language(job->catalogs[i]);
      int m = !single ? pl10n_locale_match(t->tag, lang)
              : is_source && lang && !pl10n_locale_match(lang, src) ? 0 : 2;
      if (m > best) {
        best = m;
        t->catalog = job->catalogs[i];
      }
    }
    if (!t->catalog && !pl10n_locale_match(t->tag, job->source_language)) {
      cli_error(_("no catalog for locale '%s'"), loc);
      list_catalogs(job);
      ok = 0;
      break;
    }
    job->n_targets++;
  }
  free(copy);
  return ok;
}

/* ---- pages ---------------------------------------------------------------- */

static int read_list(const char *path, pl10n_buf *names) {
  pl10n_buf data = PL10N_BUF_INIT;
  if (!cli_read_file(path, &data)) {
    pl10n_buf_release(&data);
    return 0;
  }
  char *save = NULL;
  for (char *line = strtok_r(data.data ? data.data : (char *)"", "\n", &save); line;
       line = strtok_r(NULL, "\n", &save)) {
    size_t len = strlen(line);
    if (len && line[len - 1] == '\r') line[--len] = '\0';
    if (!len) continue;
    char *copy = strdup(line);
    if (!copy || buf_push_item(names, &copy, sizeof copy) != PL10N_OK) {
      free(copy);
      pl10n_buf_release(&data);
      return 0;
    }
  }
  pl10n_buf_release(&data);
  return 1;
}

/* DIR/TAG/PAGE, refusing names that would leave DIR. */
static char *output_path(const char *dir, const char *tag, const char *page) {
  while (page[0] == '.' && page[1] == '/') page += 2;
  while (page[0] == '/') page++;
  for (const char *p = page; *p;) {
    if (p[0] == '.' && p[1] == '.' && (p[2] == '/' || p[2] == '\0')) return NULL;
    const char *slash = strchr(p, '/');
    if (!slash) break;
    p = slash + 1;
  }
  size_t n = strlen(dir) + strlen(tag) + strlen(page) + 3;
  char *path = malloc(n);
  if (path) snprintf(path, n, "%s/%s/%s", dir, tag, page);
  return path;
}

static int is_input(const render_job *job, const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) return 0;
  for (size_t i = 0; i < job->n_inputs; i++)
    if (job->input_devs[i] == st.st_dev && job->input_inos[i] == st.st_ino) return 1;
  return 0;
}

/* Reads and parses the page of SLOT, printing what goes wrong. */
static void read_page(page_slot *slot) {
  if (!cli_read_file(slot->name, &slot->data)) {
    slot->ok = 0;
    return;
  }
  pl10n_error err;
  if (pl10n_page_parse(slot->name, slot->data.data ? slot->data.data : "",
                       slot->data.len, NULL, &slot->page, &err) != PL10N_OK) {
    cli_print_error(&err);
    slot->page = NULL;
    slot->ok = 0;
  }
}

/* Renders the page of SLOT for every target (the page_writer's render
   function: it runs where the writing does). */
static void render_page(void *user, page_slot *slot) {
  render_job *job = user;
  /* A locale that fails does not stop the page's other locales. */
  for (size_t t = 0; t < job->n_targets; t++) {
    page_output *o = &slot->outputs[t];
    pl10n_render_options opt;
    memset(&opt, 0, sizeof opt);
    opt.locale = job->targets[t].tag;
    opt.catalog = job->targets[t].catalog;
    opt.source_language = job->source_language;
    opt.others = job->catalogs;
    opt.n_others = job->n_catalogs;
    opt.diagnostic = cli_print_diagnostic;
    opt.formats = job->formats;
    pl10n_error err;
    if (pl10n_render_pieces(slot->page, &opt, o->pieces, &o->stats, &err) != PL10N_OK) {
      cli_print_error(&err);
      slot->ok = 0;
      continue;
    }
    if (!job->output && !job->out_dir) {
      o->rendered = 1; /* standard output */
      continue;
    }
    o->path = job->output ? strdup(job->output)
                          : output_path(job->out_dir, job->targets[t].tag, slot->name);
    if (!o->path) {
      fprintf(stderr, _("%s: error: the page name leaves the output directory\n"),
              slot->name);
    } else if (is_input(job, o->path)) {
      fprintf(stderr, _("%s: error: refusing to overwrite an input file\n"), o->path);
    } else {
      o->rendered = 1;
      continue;
    }
    free(o->path);
    o->path = NULL;
    slot->ok = 0;
  }
}

static int parse_shard(const char *arg, unsigned long *k, unsigned long *n) {
  char *end;
  *k = strtoul(arg, &end, 10);
  if (*end != '/') return 0;
  *n = strtoul(end + 1, &end, 10);
  return *end == '\0' && *n > 0 && *k >= 1 && *k <= *n;
}

enum { OPT_OUT_DIR = 256, OPT_FILES_FROM, OPT_SHARD, OPT_SOURCE_LANG, OPT_NOW,
       OPT_TIME_ZONE };

/* Reads --now: "@SECONDS" or an ISO 8601 date-time (UTC without offset). */
static int parse_now(const char *arg, double *ms) {
  if (arg[0] == '@') {
    char *end;
    double seconds = strtod(arg + 1, &end);
    if (*end || end == arg + 1) return 0;
    *ms = seconds * 1000.0;
    return 1;
  }
  return pl10n_parse_time(arg, ms);
}

int cmd_render(int argc, char **argv) {
  static const struct option options[] = {
      {"locale", required_argument, NULL, 'l'},
      {"po-dir", required_argument, NULL, 'd'},
      {"catalog", required_argument, NULL, 'c'},
      {"output", required_argument, NULL, 'o'},
      {"out-dir", required_argument, NULL, OPT_OUT_DIR},
      {"files-from", required_argument, NULL, OPT_FILES_FROM},
      {"shard", required_argument, NULL, OPT_SHARD},
      {"source-lang", required_argument, NULL, OPT_SOURCE_LANG},
      {"now", required_argument, NULL, OPT_NOW},
      {"time-zone", required_argument, NULL, OPT_TIME_ZONE},
      {"quiet", no_argument, NULL, 'q'},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0}};
  render_job job;
  memset(&job, 0, sizeof job);
  job.source_language = "en";
  const char *locales = NULL, *po_dir = NULL, *catalog = NULL, *files_from = NULL;
  const char *now_arg = getenv("SOURCE_DATE_EPOCH"), *time_zone = "UTC";
  char epoch[64];
  if (now_arg && *now_arg) {
    snprintf(epoch, sizeof epoch, "@%s", now_arg);
    now_arg = epoch;
  } else {
    now_arg = NULL;
  }
  unsigned long shard_k = 1, shard_n = 1;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "l:d:c:o:qhV", options, NULL)) != -1) {
    switch (c) {
      case 'l': locales = optarg; break;
      case 'd': po_dir = optarg; break;
      case 'c': catalog = optarg; break;
      case 'o': job.output = optarg; break;
      case OPT_OUT_DIR: job.out_dir = optarg; break;
      case OPT_FILES_FROM: files_from = optarg; break;
      case OPT_SHARD:
        if (!parse_shard(optarg, &shard_k, &shard_n)) {
          cli_error(_("--shard wants K/N with 1 <= K <= N, not '%s'"), optarg);
          return EXIT_USAGE;
        }
        break;
      case OPT_SOURCE_LANG: job.source_language = optarg; break;
      case OPT_NOW: now_arg = optarg; break;
      case OPT_TIME_ZONE: time_zone = optarg; break;
      case 'q': job.quiet = 1; break;
      case 'h': render_usage(stdout); return EXIT_OK;
      case 'V': cli_print_version(); return EXIT_OK;
      default: render_usage(stderr); return EXIT_USAGE;
    }
  }
  const char *usage_error = NULL;
  if (!locales) usage_error = N_("no locale given (-l)");
  else if (po_dir && catalog) usage_error = N_("-d and -c exclude each other");
  else if (job.output && job.out_dir) usage_error = N_("-o and --out-dir exclude each other");
  double now = NAN;
  if (!usage_error && now_arg && !parse_now(now_arg, &now))
    usage_error = now_arg == epoch
                      ? N_("SOURCE_DATE_EPOCH must be a number of seconds since 1970")
                      : N_("--now wants an ISO 8601 date-time or @SECONDS");
  if (!usage_error && !pl10n_formats_valid_zone(time_zone))
    usage_error = N_("--time-zone wants a time zone name such as Asia/Manila");
  if (usage_error) {
    cli_error("%s", _(usage_error));
    render_usage(stderr);
    return EXIT_USAGE;
  }
  pl10n_buf names = PL10N_BUF_INIT; /* char * items */
  int status = EXIT_OK;
  job.formats = pl10n_formats_new(time_zone, now);
  if (!job.formats) status = EXIT_USAGE;
  for (int i = optind; i < argc; i++) {
    char *copy = strdup(argv[i]);
    if (!copy || buf_push_item(&names, &copy, sizeof copy) != PL10N_OK) status = EXIT_USAGE;
  }
  if (files_from && !read_list(files_from, &names)) status = EXIT_USAGE;
  char **pages = BUF_ITEMS(&names, char *);
  size_t n_pages = BUF_COUNT(&names, char *);
  if (status == EXIT_OK && n_pages == 0) {
    cli_error(_("no page given"));
    status = EXIT_USAGE;
  }
  if (status == EXIT_OK && po_dir && !load_po_dir(&job, po_dir)) status = EXIT_USAGE;
  if (status == EXIT_OK && catalog && !load_catalog(&job, catalog, NULL))
    status = EXIT_USAGE;
  if (status == EXIT_OK && !resolve_locales(&job, locales, catalog != NULL))
    status = EXIT_USAGE;
  if (status == EXIT_OK && !job.out_dir && (n_pages > 1 || job.n_targets > 1)) {
    cli_error(_("several pages or locales need --out-dir"));
    status = EXIT_USAGE;
  }
  if (status == EXIT_OK) {
    job.input_devs = calloc(n_pages + 1, sizeof *job.input_devs);
    job.input_inos = calloc(n_pages + 1, sizeof *job.input_inos);
    if (!job.input_devs || !job.input_inos) status = EXIT_USAGE;
    /* Every file read is an input: pages, catalogs, the page list. */
    size_t n_files = n_pages + job.n_catalogs + 1;
    dev_t *devs = realloc(job.input_devs, n_files * sizeof *devs);
    if (devs) job.input_devs = devs;
    ino_t *inos = realloc(job.input_inos, n_files * sizeof *inos);
    if (inos) job.input_inos = inos;
    if (!devs || !inos) status = EXIT_USAGE;
    for (size_t i = 0; status == EXIT_OK && i < n_files; i++) {
      const char *input = i < n_pages ? pages[i]
                          : i < n_pages + job.n_catalogs
                              ? pl10n_catalog_path(job.catalogs[i - n_pages])
                              : files_from;
      struct stat st;
      if (input && strcmp(input, "-") != 0 && stat(input, &st) == 0) {
        job.input_devs[job.n_inputs] = st.st_dev;
        job.input_inos[job.n_inputs++] = st.st_ino;
      }
    }
    if (status == EXIT_OK && job.output && is_input(&job, job.output)) {
      fprintf(stderr, _("%s: error: refusing to overwrite an input file\n"),
              job.output);
      status = EXIT_USAGE;
    }
  }
  if (status == EXIT_OK) {
    int progress = !job.quiet && isatty(STDERR_FILENO) && job.out_dir;
    size_t selected = 0;
    for (size_t i = 0; i < n_pages; i++)
      if (i % shard_n == shard_k - 1) selected++;
    /* Pages are rendered and written on a thread of their own when there
       are several. */
    page_writer_options wopt = {job.n_targets, render_page, &job, selected > 1,
                                job.out_dir != NULL, progress, selected};
    page_writer *writer = page_writer_new(&wopt);
    if (!writer) {
      cli_error("%s", pl10n_strerror(PL10N_ERR_NOMEM));
      status = EXIT_USAGE;
      goto done;
    }
    for (size_t i = 0; i < n_pages; i++) {
      if (i % shard_n != shard_k - 1) continue;
      page_slot *slot = page_writer_slot(writer);
      slot->name = pages[i];
      read_page(slot);
      page_writer_submit(writer, slot);
    }
    page_writer_finish(writer, &job.pages_done, &job.pages_failed, &job.totals);
    page_writer_free(writer);
    if (!job.quiet && job.out_dir)
      fprintf(stderr,
              _("%s: %zu pages x %zu locales: %zu messages translated, %zu in the "
                "source language, %zu translations rejected, %zu unknown; %zu "
                "pages failed\n"),
              program_name, job.pages_done, job.n_targets, job.totals.translated,
              job.totals.fallback, job.totals.rejected, job.totals.unknown,
              job.pages_failed);
    if (job.pages_failed) status = EXIT_FAILED;
  }
done:
  for (size_t i = 0; i < n_pages; i++) free(pages[i]);
  pl10n_buf_release(&names);
  for (size_t i = 0; i < job.n_catalogs; i++) pl10n_catalog_free(job.catalogs[i]);
  free(job.input_devs);
  free(job.input_inos);
  pl10n_formats_free(job.formats);
  return status;
}
