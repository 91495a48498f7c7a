/* analyze_json.c — triage and tone results as JSON, in the one shape the CLI's --json and the
 * web API share. Key names are a contract: keys may be added, never renamed. */
#include <math.h>

#include "analyze/analyze.h"

/* The text of a span as a JSON string; spans always fall on UTF-8 boundaries. */
static json_t *span_text(const char *text, size_t start, size_t end)
{
    json_t *s = text ? json_stringn(text + start, end - start) : NULL;
    return s ? s : json_string("");
}

json_t *triage_json(const triage_result *r, const char *text)
{
    json_t *complaints = json_array();
    for (int i = 0; i < COMPLAINT_KINDS; i++)
        if (r->complaints & (1u << i))
            json_array_append_new(complaints, json_string(complaint_name(1u << i)));
    json_t *findings = json_array();
    for (size_t i = 0; i < r->nfindings; i++) {
        const triage_finding *f = &r->findings[i];
        json_array_append_new(findings,
                              json_pack("{s:s, s:I, s:I, s:o}", "kind", triage_kind_name(f->kind),
                                        "start", (json_int_t)f->start, "end", (json_int_t)f->end,
                                        "text", span_text(text, f->start, f->end)));
    }
    /* three decimals: the score's precision is far coarser than a float's */
    double score = round((double)r->hostility_score * 1000) / 1000;
    return json_pack("{s:i, s:f, s:b, s:b, s:b, s:b, s:b, s:o, s:s, s:o, s:I}", "hostility",
                     r->hostility, "hostility_score", score, "abuse", r->abuse, "legal_threat",
                     r->legal_threat, "review_threat", r->review_threat, "refund_demand",
                     r->refund_demand, "payment_refusal", r->payment_refusal, "complaints",
                     complaints, "root_cause", root_cause_name(r->root_cause), "findings", findings,
                     "dropped", (json_int_t)r->dropped);
}

static json_t *diag_json(const tone_diag *d, const char *text)
{
    return json_pack("{s:s, s:s, s:i, s:i, s:I, s:I, s:s, s:s, s:o}", "rule",
                     tone_rule_name(d->rule), "severity", tone_severity_name(d->severity), "line",
                     (int)d->line, "column", (int)d->column, "start", (json_int_t)d->start, "end",
                     (json_int_t)d->end, "message", tone_rule_message(d->rule), "suggestion",
                     tone_rule_suggestion(d->rule), "text", span_text(text, d->start, d->end));
}

json_t *tone_json(const tone_result *r, const char *text)
{
    json_t *diags = json_array();
    for (size_t i = 0; i < r->ndiags; i++)
        json_array_append_new(diags, diag_json(&r->diags[i], text));
    json_t *strengths = json_array();
    for (int s = 0; s < TS_COUNT; s++)
        if (r->strengths & (1u << s))
            json_array_append_new(strengths, json_string(tone_strength_name((tone_strength)s)));
    return json_pack("{s:o, s:o, s:i, s:i, s:i, s:I}", "diagnostics", diags, "strengths", strengths,
                     "errors", r->errors, "warnings", r->warnings, "hints", r->hints, "dropped",
                     (json_int_t)r->dropped);
}
