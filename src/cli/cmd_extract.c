/* cmd_extract.c - "pagel10n extract": templates in, one POT out. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void extract_usage(FILE *out) {
  fprintf(out, _("Usage: %s extract [OPTION]... TEMPLATE...\n"), program_name);
  fputs(_("Write the chrome strings of XHTML templates to a gettext POT file.\n\n"
          "  -o, --output=FILE              write the POT to FILE (default: "
          "standard output)\n"
          "      --package-name=NAME        set the package name in the header\n"
          "      --package-version=VERSION  set the package version in the header\n"
          "      --msgid-bugs-address=ADDR  set the report address for msgid bugs\n"
          "      --copyright-holder=NAME    set the copyright holder in the header\n"
          "  -h, --help                     display this help and exit\n"
          "  -V, --version                  output version information and exit\n\n"
          "Exit status: 0 on success, 2 when a template cannot be read or is not\n"
          "well-formed (nothing is written then).\n"),
        out);
}

enum { OPT_PACKAGE_NAME = 256, OPT_PACKAGE_VERSION, OPT_BUGS, OPT_HOLDER };

int cmd_extract(int argc, char **argv) {
  static const struct option options[] = {
      {"output", required_argument, NULL, 'o'},
      {"package-name", required_argument, NULL, OPT_PACKAGE_NAME},
      {"package-version", required_argument, NULL, OPT_PACKAGE_VERSION},
      {"msgid-bugs-address", required_argument, NULL, OPT_BUGS},
      {"copyright-holder", required_argument, NULL, OPT_HOLDER},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0}};
  const char *output = NULL;
  pl10n_pot_header header = {NULL, NULL, NULL, NULL, NULL};
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "o:hV", options, NULL)) != -1) {
    switch (c) {
      case 'o': output = optarg; break;
      case OPT_PACKAGE_NAME: header.package_name = optarg; break;
      case OPT_PACKAGE_VERSION: header.package_version = optarg; break;
      case OPT_BUGS: header.msgid_bugs_address = optarg; break;
      case OPT_HOLDER: header.copyright_holder = optarg; break;
      case 'h': extract_usage(stdout); return EXIT_OK;
      case 'V': cli_print_version(); return EXIT_OK;
      default: extract_usage(stderr); return EXIT_USAGE;
    }
  }
  if (optind >= argc) {
    cli_error(_("no template given"));
    extract_usage(stderr);
    return EXIT_USAGE;
  }
  if (output && strcmp(output, "-") == 0) output = NULL;
  if (output && cli_same_file_as_any(output, argv + optind, argc - optind)) {
    fprintf(stderr, _("%s: error: the output file is also an input\n"), output);
    return EXIT_USAGE;
  }

  pl10n_pot *pot = pl10n_pot_new();
  if (!pot) {
    cli_error("%s", pl10n_strerror(PL10N_ERR_NOMEM));
    return EXIT_USAGE;
  }
  int status = EXIT_OK;
  pl10n_buf data = PL10N_BUF_INIT;
  for (int i = optind; i < argc && status == EXIT_OK; i++) {
    pl10n_page *page = NULL;
    pl10n_error err;
    if (!cli_read_file(argv[i], &data)) {
      status = EXIT_USAGE;
    } else if (pl10n_page_parse(argv[i], data.data ? data.data : "", data.len,
                                NULL, &page, &err) != PL10N_OK ||
               pl10n_pot_add_page(pot, page, &err) != PL10N_OK) {
      cli_print_error(&err);
      status = EXIT_USAGE;
    }
    pl10n_page_free(page);
  }
  pl10n_buf_release(&data);
  if (status == EXIT_OK) {
    pl10n_error err;
    pl10n_buf text = PL10N_BUF_INIT;
    if (pl10n_pot_write(pot, &header, &text, &err) != PL10N_OK) {
      err.file = output;
      cli_print_error(&err);
      status = EXIT_USAGE;
    } else if (output ? !cli_write_file_atomic(output, text.data, text.len)
                      : !cli_write_stdout(text.data, text.len)) {
      status = EXIT_USAGE;
    }
    pl10n_buf_release(&text);
  }
  pl10n_pot_free(pot);
  return status;
}
