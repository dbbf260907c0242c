/* main.c - the pagel10n program: locale setup and command dispatch. */
#include "cli.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

static void usage(FILE *out) {
  fprintf(out, _("Usage: %s COMMAND [OPTION]... FILE...\n"), program_name);
  fputs(_("Localize the chrome of XHTML pages through gettext catalogs; the\n"
          "content passes through byte for byte.\n\n"
          "Commands:\n"
          "  extract   write the chrome strings of templates to a POT file\n"
          "  render    write pages with their chrome in other locales\n"
          "  check     report translation coverage and problems\n\n"
          "Options:\n"
          "  -h, --help     display this help and exit\n"
          "  -V, --version  output version information and exit\n\n"
          "Run 'pagel10n COMMAND --help' for the options of a command.\n"),
        out);
}

int main(int argc, char **argv) {
  setlocale(LC_ALL, "");
  const char *dir = getenv("PAGEL10N_LOCALEDIR");
  bindtextdomain("pagel10n", dir && *dir ? dir : LOCALEDIR);
  bind_textdomain_codeset("pagel10n", "UTF-8");
  textdomain("pagel10n");

  if (argc < 2) {
    usage(stderr);
    return EXIT_USAGE;
  }
  char cmd[32];
  snprintf(cmd, sizeof cmd, "%s", argv[1]);
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
    usage(stdout);
    return EXIT_OK;
  }
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
    cli_print_version();
    return EXIT_OK;
  }
  /* getopt names the program after argv[0]: "pagel10n extract: ...". */
  static char name[64];
  snprintf(name, sizeof name, "%s %s", program_name, cmd);
  argv[1] = name;
  if (strcmp(cmd, "extract") == 0) return cmd_extract(argc - 1, argv + 1);
  if (strcmp(cmd, "render") == 0) return cmd_render(argc - 1, argv + 1);
  if (strcmp(cmd, "check") == 0) return cmd_check(argc - 1, argv + 1);
  cli_error(_("unknown command '%s'"), cmd);
  usage(stderr);
  return EXIT_USAGE;
}
