/* xml_salt.h - the hash salt every Expat parser of the process uses. */
#ifndef PL10N_XML_SALT_H
#define PL10N_XML_SALT_H

#include <expat.h>

/* Gives PARSER the process's salt for Expat's hash tables: random, drawn
   once, so that creating a parser (one a page, one a translation checked)
   costs no getrandom call of its own.  Call before parsing. */
void xml_salt_parser(XML_Parser parser);

#endif
