/* cli_analyze.c — `redress triage` and `redress check`: the text analyzer on the command line.
 * Neither needs a database. check prints compiler-style diagnostics (FILE:LINE:COL: error: ...)
 * so it drops into editors and pre-send hooks; its exit code is 1 when the draft has errors.
 * With --jsonl both read one JSON object a line ({"id":..., "text":...}) and write one result a
 * line, so a whole export is analysed in one process. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "analyze/analyze.h"
#include "cli/cli.h"

#define ANALYZE_MAX_INPUT ((size_t)64 << 20)

/* Reads FILE (or standard input for "-" or no argument); *name is how errors name it. */
static rd_err *read_input(cli_ctx *c, char **text, size_t *len, const char **name)
{
    const char *path = c->npos > 0 ? c->pos[0] : "-";
    *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    return text_read(*name, path, ANALYZE_MAX_INPUT, text, len);
}

/* One line of --jsonl input analysed into a result object (a new reference), or NULL with
 * *err set to what is wrong with the line. */
typedef json_t *batch_fn(const char *text, size_t len, char **err);

static json_t *triage_one(const char *text, size_t len, char **err)
{
    triage_result r;
    rd_err *e = triage_message("text", text, len, &r);
    if (e) {
        *err = xstrdup(e->msg);
        rd_err_free(e);
        return NULL;
    }
    return triage_json(&r, text);
}

static json_t *check_one(const char *text, size_t len, char **err)
{
    tone_result r;
    rd_err *e = tone_check("text", text, len, &r);
    if (e) {
        *err = xstrdup(e->msg);
        rd_err_free(e);
        return NULL;
    }
    return tone_json(&r, text);
}

/* --jsonl: each non-blank line of FILE (or standard input) is {"id": any, "text": "..."}; each
 * gives one line out, the result with the id first, or {"id", "error"} naming the line and the
 * field. Lines are read and answered one at a time, so output follows input as it comes. Ends
 * with RD_INVALID when any line was bad (every good line is still answered). */
static rd_err *batch_run(cli_ctx *c, batch_fn *fn)
{
    const char *path = c->npos > 0 ? c->pos[0] : "-";
    bool in_stdin = strcmp(path, "-") == 0;
    const char *name = in_stdin ? "<stdin>" : path;
    FILE *in = in_stdin ? stdin : fopen(path, "r");
    if (!in) return rd_error(RD_INVALID, "%s: cannot open (%s)", name, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lno = 0, bad = 0;
    while ((n = getline(&line, &cap, in)) != -1) {
        lno++;
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' '))
            len--;
        if (len == 0) continue;
        json_error_t jerr;
        json_t *obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
        json_t *id = obj && json_is_object(obj) ? json_object_get(obj, "id") : NULL;
        json_t *text = obj && json_is_object(obj) ? json_object_get(obj, "text") : NULL;
        char *err = NULL;
        json_t *res = NULL;
        if (!obj || !json_is_object(obj))
            err = xasprintf("%s:%ld: not a JSON object%s%s", name, lno, obj ? "" : ": ",
                            obj ? "" : jerr.text);
        else if (!json_is_string(text))
            err = xasprintf("%s:%ld: text: %s", name, lno, text ? "is not a string" : "is missing");
        else {
            char *why = NULL;
            res = fn(json_string_value(text), json_string_length(text), &why);
            if (!res) err = xasprintf("%s:%ld: %s", name, lno, why);
            free(why);
        }
        json_t *out = json_object();
        json_object_set(out, "id", id ? id : json_null());
        if (res)
            json_object_update(out, res);
        else
            json_object_set_new(out, "error", json_string(err));
        bad += !res;
        char *dump = json_dumps(out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4));
        if (dump) puts(dump);
        free(dump);
        json_decref(out);
        json_decref(res);
        json_decref(obj);
        free(err);
    }
    bool read_error = ferror(in);
    free(line);
    if (!in_stdin) fclose(in);
    fflush(stdout);
    if (read_error) return rd_error(RD_INVALID, "%s: read error after line %ld", name, lno);
    if (bad)
        return rd_error(RD_INVALID, "%s: %ld line%s not analysed (see their \"error\")", name, bad,
                        bad == 1 ? "" : "s");
    return NULL;
}

static const char *kind_colour(cli_ctx *c, triage_kind k)
{
    switch (k) {
    case TK_ABUSE:
    case TK_LEGAL_THREAT:
    case TK_REVIEW_THREAT:
    case TK_PAYMENT_REFUSAL:
    case TK_PROFANITY:
    case TK_HOSTILE:
        return cli_red(c);
    default:
        return cli_yellow(c);
    }
}

static void print_flag(bool on, const char *name, bool *any)
{
    if (!on) return;
    printf("%s%s", *any ? ", " : "", name);
    *any = true;
}

static void triage_print(cli_ctx *c, const triage_result *r, const char *text)
{
    printf("%shostility%s  %d (%s)\n", cli_bold(c), cli_reset(c), r->hostility,
           hostility_name(r->hostility));
    bool any = false;
    printf("%sflags%s      ", cli_bold(c), cli_reset(c));
    print_flag(r->abuse, "abuse", &any);
    print_flag(r->legal_threat, "legal threat", &any);
    print_flag(r->review_threat, "review threat", &any);
    print_flag(r->refund_demand, "refund demand", &any);
    print_flag(r->payment_refusal, "payment refusal", &any);
    printf("%s\n%scomplaints%s ", any ? "" : "none", cli_bold(c), cli_reset(c));
    any = false;
    for (int i = 0; i < COMPLAINT_KINDS; i++)
        print_flag(r->complaints & (1u << i), complaint_name(1u << i), &any);
    printf("%s\n%sroot cause%s %s\n", any ? "" : "none", cli_bold(c), cli_reset(c),
           root_cause_name(r->root_cause));
    if (r->nfindings) printf("\n%swhy%s\n", cli_bold(c), cli_reset(c));
    for (size_t i = 0; i < r->nfindings; i++) {
        const triage_finding *f = &r->findings[i];
        int n = f->end - f->start > 60 ? 60 : (int)(f->end - f->start);
        printf("  %-16s %s%.*s%s\n", triage_kind_name(f->kind), kind_colour(c, f->kind), n,
               text + f->start, cli_reset(c));
    }
    if (r->dropped) printf("  (%zu more not shown)\n", r->dropped);
}

static rd_err *triage_run(cli_ctx *c)
{
    if (cli_flag(c, "jsonl")) return batch_run(c, triage_one);
    char *text;
    size_t len;
    const char *name;
    rd_err *e = read_input(c, &text, &len, &name);
    if (e) return e;
    triage_result r;
    e = triage_message(name, text, len, &r);
    if (!e && c->json) {
        json_t *j = triage_json(&r, text);
        cli_print_json(j);
        json_decref(j);
    } else if (!e) {
        triage_print(c, &r, text);
    }
    free(text);
    return e;
}

static const char *sev_colour(cli_ctx *c, tone_severity s)
{
    return s == SEV_ERROR ? cli_red(c) : s == SEV_WARNING ? cli_yellow(c) : cli_dim(c);
}

static void check_print(cli_ctx *c, const char *name, const tone_result *r, const char *text)
{
    for (size_t i = 0; i < r->ndiags; i++) {
        const tone_diag *d = &r->diags[i];
        int n = d->end - d->start > 60 ? 60 : (int)(d->end - d->start);
        printf("%s:%u:%u: %s%s%s: %s [%s]\n", name, d->line, d->column, sev_colour(c, d->severity),
               tone_severity_name(d->severity), cli_reset(c), tone_rule_message(d->rule),
               tone_rule_name(d->rule));
        printf("    \"%.*s\" -> %s\n", n, text + d->start, tone_rule_suggestion(d->rule));
    }
    if (r->dropped) printf("%s: %zu more diagnostics not shown\n", name, r->dropped);
    printf("%d error%s, %d warning%s", r->errors, r->errors == 1 ? "" : "s", r->warnings,
           r->warnings == 1 ? "" : "s");
    bool any = false;
    for (int s = 0; s < TS_COUNT; s++)
        if (r->strengths & (1u << s)) {
            printf("%s%s%s%s", any ? ", " : "; strengths: ", cli_green(c),
                   tone_strength_name((tone_strength)s), cli_reset(c));
            any = true;
        }
    printf("\n");
}

static rd_err *explain(const char *rule_name)
{
    tone_rule r;
    if (!tone_rule_parse(rule_name, &r))
        return rd_error(RD_USAGE,
                        "--explain: unknown rule '%s' (rules: conditional-apology, apology-but, "
                        "blame-shifting, dismissive, passive-responsibility, vague-commitment, "
                        "shouting)",
                        rule_name);
    printf("%s (%s)\n\n%s\n\n%s\n", tone_rule_name(r), tone_severity_name(tone_rule_severity(r)),
           tone_rule_explain(r), tone_rule_example(r));
    return NULL;
}

static rd_err *check_run(cli_ctx *c)
{
    if (cli_get(c, "explain")) return explain(cli_get(c, "explain"));
    if (cli_flag(c, "jsonl")) return batch_run(c, check_one);
    char *text;
    size_t len;
    const char *name;
    rd_err *e = read_input(c, &text, &len, &name);
    if (e) return e;
    tone_result r;
    e = tone_check(name, text, len, &r);
    if (!e && c->json) {
        json_t *j = tone_json(&r, text);
        cli_print_json(j);
        json_decref(j);
    } else if (!e) {
        check_print(c, name, &r, text);
    }
    free(text);
    if (e) return e;
    fflush(stdout);
    if (r.errors)
        return rd_error(RD_INVALID, "%s: %d tone error%s", name, r.errors,
                        r.errors == 1 ? "" : "s");
    if (cli_flag(c, "werror") && r.warnings)
        return rd_error(RD_INVALID, "%s: %d tone warning%s (--werror)", name, r.warnings,
                        r.warnings == 1 ? "" : "s");
    return NULL;
}

static const cli_opt triage_opts[] = {
    {"jsonl", NULL, 0, "read one {\"id\",\"text\"} object a line, write one result a line"},
    {NULL, NULL, 0, NULL}};

static const cli_opt check_opts[] = {
    {"werror", NULL, 0, "exit 1 on warnings too, not only on errors"},
    {"explain", "RULE", 0, "say what RULE is for, with a better phrasing, and exit"},
    {"jsonl", NULL, 0, "read one {\"id\",\"text\"} object a line, write one result a line"},
    {NULL, NULL, 0, NULL}};

const cli_cmd cmd_triage = {
    "triage",
    "[FILE|-]",
    0,
    1,
    CMD_NO_DB | CMD_JSON,
    "Read a client's message: hostility, threats, demands, complaints, root cause.",
    "Reads FILE (or standard input) and reports hostility 0-3 (calm, displeased, angry, furious),"
    " abuse, legal threat, review threat, refund demand, payment refusal, the complaints"
    " (deadline, quality, communication, scope, billing), the most likely root cause, and the"
    " words that triggered each finding. Negated statements (\"I'm not going to sue\") do not"
    " count. --json prints one object (see docs/analyzer.md). --jsonl reads one JSON object a"
    " line, {\"id\": ..., \"text\": \"...\"}, and writes one result a line with the id first"
    " (or {\"id\", \"error\"} for a bad line; exit 1 at the end if any). Exit 1 when the input"
    " is not UTF-8, contains a NUL byte or is over 64 MiB.",
    triage_opts,
    triage_run};

const cli_cmd cmd_check = {
    "check",
    "[FILE|-]",
    0,
    1,
    CMD_NO_DB | CMD_JSON,
    "Tone-check a draft reply like a linter: FILE:LINE:COL diagnostics.",
    "Reads FILE (or standard input, named <stdin>) and prints one line per finding,"
    " FILE:LINE:COL: error|warning: message [rule], with a suggestion under it, then a summary"
    " with the strengths found. Rules: conditional-apology, apology-but, blame-shifting"
    " (errors); dismissive, passive-responsibility, vague-commitment, shouting (warnings)."
    " Strengths: unconditional-apology, acknowledges-feelings, restates-concern,"
    " specific-commitment, gives-contact. Exit 1 when there is an error (with --werror, also a "
    "warning), so"
    " it works as a pre-send hook; exit 1 also for input that is not UTF-8, contains a NUL byte"
    " or is over 64 MiB. --explain RULE says what a rule is for. --jsonl reads one JSON object a"
    " line, {\"id\": ..., \"text\": \"...\"}, and writes one result a line with the id first"
    " (or {\"id\", \"error\"} for a bad line); it exits 1 only for bad lines, tone errors"
    " are in each result's \"errors\".",
    check_opts,
    check_run};
