/* lexgen.c — builds the analyzer's lexicon from the word lists in src/analyze/data/ when redress
 * is built, and writes it as constant C tables (see lexicon_build.c): no process of redress
 * parses or sorts the word lists. A mistake in a list fails the build, naming file and line.
 * Usage: lexgen OUT.c */
#include <stdio.h>

#include "analyze/analyze_int.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: lexgen OUT.c\n");
        return 2;
    }
    FILE *out = fopen(argv[1], "w");
    if (!out) {
        perror(argv[1]);
        return 1;
    }
    const char *err = lex_write_c(out);
    if (fclose(out) != 0 && !err) err = "cannot write the output";
    if (err) {
        fprintf(stderr, "lexgen: %s\n", err);
        remove(argv[1]);
        return 1;
    }
    return 0;
}
