/* cmd_render.c - "pagel10n render" (being built). */
#include "cli.h"

int cmd_render(int argc, char **argv) {
  (void)argc;
  (void)argv;
  cli_error(_("render is not available in this build yet"));
  return EXIT_USAGE;
}
