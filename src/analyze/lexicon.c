/* lexicon.c — what the scanner does with a word at run time: normalise it (lex_stem), hash it
 * and find it in the lexicon's table. The lexicon itself is built from the word lists in
 * src/analyze/data/ when redress is built (lexicon_build.c, run by tools/lexgen.c) and compiled
 * in as constant tables (build/gen/analyze_lex.c), so no process parses or sorts anything. */
#include <string.h>

#include "analyze/analyze_int.h"

#define ID_MASK ((UINT64_C(1) << LEX_ID_BITS) - 1)

/* Strips a possessive, then one inflectional suffix, then evens out British and American
 * spellings (apologise/apologize, cancelled/canceled, colour/color). Crude, but applied
 * identically to the data and the text, so both meet at the same stem. Hot: runs once per word
 * of every text, so it tests bytes directly. */
size_t lex_stem(char *w, size_t n)
{
    return lex_stem_apos(w, n, memchr(w, '\'', n) != NULL);
}

size_t lex_stem_apos(char *w, size_t n, bool apostrophe)
{
    if (n < 4) return n;
    char a = w[n - 3], b = w[n - 2], c = w[n - 1];
    if (n > 4 && b == '\'' && c == 's') {
        n -= 2;
    } else if (c == '\'') {
        n -= 1;
    }
    if (apostrophe) return n; /* contractions are words of their own */
    a = w[n - 3], b = w[n - 2], c = w[n - 1];
    if (n > 4 && a == 'i' && b == 'e' && (c == 's' || c == 'd')) {
        n -= 2;
        w[n - 1] = 'y';
    } else if (n > 5 && a == 'i' && b == 'n' && c == 'g') {
        n -= 3;
    } else if (n > 4 && b == 'e' && c == 'd') {
        n -= 2;
    } else if (n > 3 && c == 's' && b != 's' && b != 'i' && b != 'u') {
        n -= 1;
    }
    if (n > 4 && w[n - 1] == 'e') n -= 1;
    if (n > 5 && w[n - 1] == 'l' && w[n - 2] == 'l') n -= 1;
    if (n > 5 && w[n - 1] == 's' && (w[n - 2] == 'i' || w[n - 2] == 'y')) w[n - 1] = 'z';
    if (n >= 5 && w[n - 3] == 'o' && w[n - 2] == 'u' && w[n - 1] == 'r') {
        w[n - 2] = 'r';
        n -= 1;
    }
    return n;
}

/* 64-bit FNV-1a. With about 4,000 words in the table, two different words sharing a hash is
 * too unlikely to matter (about 1 in 10^15 per lookup), so lookups compare hashes only and
 * never the bytes. (Hashing eight bytes at a time was slower: the word was just written a byte
 * at a time, and reading it back as words stalls store forwarding.) */
uint64_t lex_hash(const char *w, size_t n)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 1099511628211u;
    return h;
}

uint32_t lex_lookup(const lexicon *lx, const char *w, size_t n)
{
    return lex_lookup_hash(lx, lex_hash(w, n));
}

uint32_t lex_lookup_hash(const lexicon *lx, uint64_t h)
{
    uint32_t mask = lx->hash_size - 1;
    for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
        uint64_t sl = lx->slot[i];
        if (sl == 0 || (sl & ~ID_MASK) == (h & ~ID_MASK)) return (uint32_t)(sl & ID_MASK);
    }
}
