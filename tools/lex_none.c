/* lex_none.c — an empty lexicon for tools/lexgen.c, which links the tone checker's rule names
 * but builds the real lexicon itself (lexicon_build.c); nothing here is ever scanned with. */
#include "analyze/analyze_int.h"

const lexicon *lex_get(void)
{
    static const lexicon none = {.error = "no lexicon in lexgen"};
    return &none;
}

const lex_rule_text *lex_rule_texts(tone_rule r)
{
    static const lex_rule_text none = {NULL, NULL, NULL, NULL};
    (void)r;
    return &none;
}

const char *analyze_data_error(void)
{
    return lex_get()->error;
}
