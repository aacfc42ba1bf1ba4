/* profile.h: what the link profiles of make bench share (bench/profiles):
 * the bundled catalog, a text buffer, and a sink the compiler cannot
 * remove, so every call a profile makes stays linked. */
#ifndef PROFILE_H
#define PROFILE_H

#include "catalog.h"
#include "pn.h"

static char profile_text[1024];
static const char *volatile profile_sink;

static void profile_show(const char *text)
{
    profile_sink = text;
}

#endif
