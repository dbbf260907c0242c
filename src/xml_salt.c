/* xml_salt.c - one random hash salt per process for every Expat parser.
 *
 * Expat salts its hash tables (against inputs crafted to collide) and,
 * left to itself, draws the salt from getrandom for every parser it
 * creates: thousands of system calls in a batch render.  The salt is drawn
 * here once, on first use, from any thread.
 */
#include "xml_salt.h"

#include <pthread.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

static unsigned long salt;
static pthread_once_t salt_once = PTHREAD_ONCE_INIT;

static void draw_salt(void) {
  unsigned long s = 0;
  if (getentropy(&s, sizeof s) != 0 || s == 0) {
    /* No entropy source: the clock and the process, as Expat itself falls
       back to. */
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    s = (unsigned long)ts.tv_nsec * 2654435761u ^ (unsigned long)ts.tv_sec ^
        ((unsigned long)getpid() << 16);
  }
  salt = s ? s : 1; /* 0 would make Expat draw its own */
}

void xml_salt_parser(XML_Parser parser) {
  pthread_once(&salt_once, draw_salt);
  XML_SetHashSalt(parser, salt);
}
