/* cmd_check.c - "pagel10n check" (being built). */
#include "cli.h"

int cmd_check(int argc, char **argv) {
  (void)argc;
  (void)argv;
  cli_error(_("check is not available in this build yet"));
  return EXIT_USAGE;
}
