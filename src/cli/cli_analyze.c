/* cli_analyze.c — `redress triage` and `redress check`: the text analyzer on the command line.
 * Neither needs a database. check prints compiler-style diagnostics (FILE:LINE:COL: error: ...)
 * so it drops into editors and pre-send hooks; its exit code is 1 when the draft has errors.
 * With --jsonl both read one JSON object a line ({"id":..., "text":...}) and write one result a
 * line, so a whole export is analysed in one process. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

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

/* One line through an analyzer of the desk (desk_triage_text, desk_tone_text). */
static json_t *analyse_one(rd_err *(*fn)(const char *, const char *, size_t, json_t **),
                           const char *text, size_t len, char **err)
{
    json_t *out = NULL;
    rd_err *e = fn("text", text, len, &out);
    if (e) {
        *err = xstrdup(e->msg);
        rd_err_free(e);
        return NULL;
    }
    return out;
}

static json_t *triage_one(const char *text, size_t len, char **err)
{
    return analyse_one(desk_triage_text, text, len, err);
}

static json_t *check_one(const char *text, size_t len, char **err)
{
    return analyse_one(desk_tone_text, text, len, err);
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

/* Findings that threaten or insult show in red, the rest in yellow. */
static const char *kind_colour(cli_ctx *c, const char *kind)
{
    static const char *const red[] = {
        "abuse", "legal_threat", "review_threat", "payment_refusal", "profanity", "hostile", NULL};
    return kind && desk_one_of(kind, red) ? cli_red(c) : cli_yellow(c);
}

static void print_flag(bool on, const char *name, bool *any)
{
    if (!on) return;
    printf("%s%s", *any ? ", " : "", name);
    *any = true;
}

/* The start of a span's text, at most 60 bytes, as the line shows it. */
static int span_width(json_t *o)
{
    size_t n = js(o, "text") ? strlen(js(o, "text")) : 0;
    return n > 60 ? 60 : (int)n;
}

/* Prints a triage result (desk_triage_text's JSON). */
static void triage_print(cli_ctx *c, json_t *r)
{
    int hostility = (int)ji(r, "hostility");
    printf("%shostility%s  %d (%s)\n", cli_bold(c), cli_reset(c), hostility,
           desk_hostility_words(hostility));
    bool any = false;
    printf("%sflags%s      ", cli_bold(c), cli_reset(c));
    static const char *const flags[][2] = {{"abuse", "abuse"},
                                           {"legal_threat", "legal threat"},
                                           {"review_threat", "review threat"},
                                           {"refund_demand", "refund demand"},
                                           {"payment_refusal", "payment refusal"}};
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        print_flag(json_is_true(json_object_get(r, flags[i][0])), flags[i][1], &any);
    printf("%s\n%scomplaints%s ", any ? "" : "none", cli_bold(c), cli_reset(c));
    any = false;
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(r, "complaints"), i, v)
        print_flag(true, json_string_value(v), &any);
    printf("%s\n%sroot cause%s %s\n", any ? "" : "none", cli_bold(c), cli_reset(c),
           js(r, "root_cause"));
    json_t *findings = json_object_get(r, "findings");
    if (json_array_size(findings)) printf("\n%swhy%s\n", cli_bold(c), cli_reset(c));
    json_array_foreach(findings, i, v)
    {
        printf("  %-16s %s%.*s%s\n", js(v, "kind"), kind_colour(c, js(v, "kind")), span_width(v),
               js(v, "text") ? js(v, "text") : "", cli_reset(c));
    }
    if (ji(r, "dropped")) printf("  (%lld more not shown)\n", (long long)ji(r, "dropped"));
}

static rd_err *triage_run(cli_ctx *c)
{
    if (cli_flag(c, "jsonl")) return batch_run(c, triage_one);
    char *text;
    size_t len;
    const char *name;
    rd_err *e = read_input(c, &text, &len, &name);
    if (e) return e;
    json_t *r = NULL;
    e = desk_triage_text(name, text, len, &r);
    if (!e && c->json)
        cli_print_json(r);
    else if (!e)
        triage_print(c, r);
    json_decref(r);
    free(text);
    return e;
}

static const char *sev_colour(cli_ctx *c, const char *severity)
{
    if (!severity) return cli_dim(c);
    return !strcmp(severity, "error")     ? cli_red(c)
           : !strcmp(severity, "warning") ? cli_yellow(c)
                                          : cli_dim(c);
}

/* Prints a tone check (desk_tone_text's JSON) as compiler-style lines about the file name. */
static void check_print(cli_ctx *c, const char *name, json_t *r)
{
    size_t i;
    json_t *d;
    json_array_foreach(json_object_get(r, "diagnostics"), i, d)
    {
        printf("%s:%lld:%lld: %s%s%s: %s [%s]\n", name, (long long)ji(d, "line"),
               (long long)ji(d, "column"), sev_colour(c, js(d, "severity")), js(d, "severity"),
               cli_reset(c), js(d, "message"), js(d, "rule"));
        printf("    \"%.*s\" -> %s\n", span_width(d), js(d, "text") ? js(d, "text") : "",
               js(d, "suggestion"));
    }
    if (ji(r, "dropped"))
        printf("%s: %lld more diagnostics not shown\n", name, (long long)ji(r, "dropped"));
    int errors = (int)ji(r, "errors"), warnings = (int)ji(r, "warnings");
    printf("%d error%s, %d warning%s", errors, errors == 1 ? "" : "s", warnings,
           warnings == 1 ? "" : "s");
    json_t *s;
    json_array_foreach(json_object_get(r, "strengths"), i, s)
    {
        printf("%s%s%s%s", i ? ", " : "; strengths: ", cli_green(c), json_string_value(s),
               cli_reset(c));
    }
    printf("\n");
}

static rd_err *explain(const char *rule_name)
{
    json_t *r = NULL;
    rd_err *e = desk_tone_rule("explain", rule_name, &r);
    if (!e)
        printf("%s (%s)\n\n%s\n\n%s\n", js(r, "rule"), js(r, "severity"), js(r, "explain"),
               js(r, "example"));
    json_decref(r);
    return e;
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
    json_t *r = NULL;
    e = desk_tone_text(name, text, len, &r);
    if (!e && c->json)
        cli_print_json(r);
    else if (!e)
        check_print(c, name, r);
    free(text);
    int errors = (int)ji(r, "errors"), warnings = (int)ji(r, "warnings");
    json_decref(r);
    if (e) return e;
    fflush(stdout);
    if (errors)
        return rd_error(RD_INVALID, "%s: %d tone error%s", name, errors, errors == 1 ? "" : "s");
    if (cli_flag(c, "werror") && warnings)
        return rd_error(RD_INVALID, "%s: %d tone warning%s (--werror)", name, warnings,
                        warnings == 1 ? "" : "s");
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
