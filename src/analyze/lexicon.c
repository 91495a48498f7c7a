/* lexicon.c — what is done with a word of the word lists at build time: normalise it
 * (lex_stem) and find it in the lexicon's table (lex_lookup). The scanner does the same to every
 * word of a text through the inline lex_stem_apos, lex_hash and lex_lookup_hash of
 * analyze_int.h. The lexicon itself is built from the word lists in
 * src/analyze/data/ when redress is built (lexicon_build.c, run by tools/lexgen.c) and compiled
 * in as constant tables (build/gen/analyze_lex.c), so no process parses or sorts anything. */
#include <string.h>

#include "analyze/analyze_int.h"

/* The stemming itself is lex_stem_apos (analyze_int.h). */
size_t lex_stem(char *w, size_t n)
{
    return lex_stem_apos(w, n, memchr(w, '\'', n) != NULL);
}

uint32_t lex_lookup(const lexicon *lx, const char *w, size_t n)
{
    return lex_lookup_hash(lx, lex_hash(w, n));
}
