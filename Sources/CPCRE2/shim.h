#ifndef IMPRINT_CPCRE2_SHIM_H
#define IMPRINT_CPCRE2_SHIM_H

/* PCRE2 with 8-bit code units. Swift cannot see PCRE2's function-like macros
 * (pcre2_compile, pcre2_match, ...): call the _8 names. PCRE2_SIZE is a macro
 * for size_t: use Int on the Swift side. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Constants that are macros of expressions, made visible to Swift. */
static const size_t imprint_pcre2_zero_terminated = PCRE2_ZERO_TERMINATED;
static const size_t imprint_pcre2_unset = PCRE2_UNSET;

#endif
