/* dump_analyze.c — every field of triage_result and tone_result for each text of a JSON-lines
 * file ({"id", "text"} a line), floats printed exactly (%a), so bench/identical.sh can tell two
 * builds of the analyzer apart where `redress triage --jsonl` rounds (hostility_score to three
 * places) or leaves a field out (counts, flag scores, the abuse cue, tone byte offsets).
 * Usage: dump_analyze INPUTS.jsonl >OUT   (a line that is not {"id","text"} prints "bad") */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"

static void dump_triage(const triage_result *r)
{
    printf(" T h=%d hs=%a", r->hostility, (double)r->hostility_score);
    for (int f = 0; f < 5; f++)
        printf(" fs%d=%a", f, (double)r->flag_score[f]);
    printf(" cue=%a flags=%d%d%d%d%d c=%u rc=%d", (double)r->abuse_cue, r->abuse, r->legal_threat,
           r->review_threat, r->refund_demand, r->payment_refusal, r->complaints, r->root_cause);
    for (int k = 0; k < TK_COUNT; k++)
        printf("%s%d", k ? "," : " n=", r->counts[k]);
    printf(" d=%zu", r->dropped);
    for (size_t i = 0; i < r->nfindings; i++)
        printf(" %d:%zu-%zu", r->findings[i].kind, r->findings[i].start, r->findings[i].end);
}

static void dump_tone(const tone_result *r)
{
    printf(" C e=%d w=%d h=%d s=%u d=%zu", r->errors, r->warnings, r->hints, r->strengths,
           r->dropped);
    for (int s = 0; s < TS_COUNT; s++)
        if (r->strengths & (1u << s)) printf(" s%d@%zu", s, r->strength_at[s]);
    for (size_t i = 0; i < r->ndiags; i++) {
        const tone_diag *d = &r->diags[i];
        printf(" %d/%d:%u.%u:%zu-%zu", d->rule, d->severity, d->line, d->column, d->start, d->end);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: dump_analyze INPUTS.jsonl\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    static triage_result tr;
    static tone_result to;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, f)) > 0) {
        json_error_t jerr;
        json_t *o = json_loadb(line, (size_t)got, 0, &jerr);
        const char *id = json_string_value(json_object_get(o, "id"));
        json_t *t = json_object_get(o, "text");
        if (!id || !json_is_string(t)) {
            printf("bad\n");
            json_decref(o);
            continue;
        }
        const char *text = json_string_value(t);
        size_t len = json_string_length(t);
        printf("%s", id);
        rd_err *e = triage_message("text", text, len, &tr);
        if (e) {
            printf(" T err=%s", e->msg);
            rd_err_free(e);
        } else {
            dump_triage(&tr);
        }
        e = tone_check("text", text, len, &to);
        if (e) {
            printf(" C err=%s", e->msg);
            rd_err_free(e);
        } else {
            dump_tone(&to);
        }
        putchar('\n');
        json_decref(o);
    }
    free(line);
    fclose(f);
    return 0;
}
