/* cli_playbook.c — `redress case next|concern add|acknowledge|cause|want|confirm|flag|pause|
 * resume|close`: the resolution path of one case (P2–P14) on the command line. Each command
 * parses, calls one desk operation and prints; the stages and guards live in
 * src/desk/playbook.c. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

#define OVERRIDE_OPT                                                                               \
    {                                                                                              \
        "override", "REASON", 0,                                                                   \
            "go ahead although the stage says otherwise; the reason is audited"                    \
    }
#define END_OPTS                                                                                   \
    {                                                                                              \
        NULL, NULL, 0, NULL                                                                        \
    }

/* A trigger's facts as a person reads them: amounts as money in their currency, flags as
 * words, counts as numbers. */
static void print_facts(json_t *facts)
{
    static const char *const money[] = {"at_risk", "unpaid", "ask",  "threshold", "cost",
                                        "revenue", "paid",   "owed", NULL};
    const char *key;
    json_t *v;
    int first = 1;
    printf("    facts: ");
    json_object_foreach(facts, key, v)
    {
        if (strcmp(key, "currency") == 0 || strcmp(key, "threshold_currency") == 0) continue;
        printf("%s%s ", first ? "" : ", ", key);
        first = 0;
        int is_money = 0;
        for (int i = 0; money[i]; i++)
            is_money |= strcmp(key, money[i]) == 0;
        const char *cur = strcmp(key, "threshold") == 0 && js(facts, "threshold_currency")
                              ? js(facts, "threshold_currency")
                              : js(facts, "currency");
        char buf[64];
        if (is_money && cur && json_is_integer(v)) {
            money_format(json_integer_value(v), cur, buf, sizeof buf);
            printf("%s", buf);
        } else if (json_is_boolean(v) || (json_is_integer(v) && strcmp(key, "abuse") == 0) ||
                   strcmp(key, "legal_threat") == 0 || strcmp(key, "review_threat") == 0) {
            printf("%s", json_is_true(v) || json_integer_value(v) ? "yes" : "no");
        } else if (json_is_integer(v)) {
            printf("%lld", (long long)json_integer_value(v));
        } else if (json_is_string(v)) {
            printf("%s", json_string_value(v));
        }
    }
    printf("\n");
}

static void print_next(cli_ctx *c, json_t *n)
{
    printf("%sCase %lld%s — stage %s, %s\n\n", cli_bold(c), (long long)ji(n, "case_id"),
           cli_reset(c), js(n, "stage"), js(n, "status"));
    printf("%sNext:%s %s\n", cli_bold(c), cli_reset(c), js(n, "step"));
    printf("%sWhy:%s  %s\n", cli_dim(c), cli_reset(c), js(n, "why"));
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(n, "actions"), i, v)
    {
        char *cmd = cli_action_command(v);
        printf("%s%s%s  %s\n", cli_dim(c), i == 0 ? "Run:" : "Or: ", cli_reset(c), cmd);
        free(cmd);
    }
    if (js(n, "boundary_message"))
        printf("\n%sA boundary message to send with the pause%s (edit it, then --message FILE):"
               "\n\n%s",
               cli_bold(c), cli_reset(c), js(n, "boundary_message"));
    if (js(n, "cool_off_until"))
        printf("\n%sCool off:%s do not reply before %s (P2).\n", cli_yellow(c), cli_reset(c),
               js(n, "cool_off_until"));
    if (js(n, "suggested_root_cause"))
        printf("\n%sTriage:%s the client's words point to %s as the root cause; check it\n"
               "against what the project agreed before you name one (case cause).\n",
               cli_dim(c), cli_reset(c), js(n, "suggested_root_cause"));
    json_t *call = json_object_get(n, "call_instead");
    if (json_is_object(call)) {
        char *cmd = cli_action_command(json_object_get(call, "action"));
        printf("\n%sTalk, don't type:%s %s\n  schedule it: %s\n", cli_yellow(c), cli_reset(c),
               js(call, "why"), cmd);
        free(cmd);
    }
    json_t *qs = json_object_get(n, "questions");
    if (json_array_size(qs)) printf("\n%sQuestions to ask%s\n", cli_bold(c), cli_reset(c));
    json_array_foreach(qs, i, v) printf("  - %s\n", json_string_value(v));
    json_t *od = json_object_get(n, "overdue");
    if (json_array_size(od)) printf("\n%sOverdue commitments%s\n", cli_red(c), cli_reset(c));
    json_array_foreach(od, i, v)
        printf("  #%lld %s (due %s)\n", (long long)ji(v, "id"), js(v, "text"), js(v, "due_on"));
    json_t *tr = json_object_get(n, "triggers");
    if (json_array_size(tr))
        printf("\n%sTriggers (suggestions, nothing happens by itself)%s\n", cli_yellow(c),
               cli_reset(c));
    json_array_foreach(tr, i, v)
    {
        printf("  %s %s: %s\n",
               strcmp(js(v, "kind"), "walk_away") == 0 ? "walk away —" : "escalate —",
               js(v, "trigger"), js(v, "why"));
        print_facts(json_object_get(v, "facts"));
    }
    json_t *ct = json_object_get(n, "contact");
    printf("\n%sContact:%s %s", cli_dim(c), cli_reset(c), js(ct, "name") ? js(ct, "name") : "");
    if (js(ct, "phone")) printf(", %s", js(ct, "phone"));
    if (js(ct, "email")) printf(", %s", js(ct, "email"));
    printf("\n");
}

static rd_err *case_next(cli_ctx *c)
{
    int64_t id;
    json_t *n;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    if (!e) e = desk_case_next(&c->desk, id, &n);
    if (e) return e;
    c->json ? cli_print_json(n) : print_next(c, n);
    json_decref(n);
    return NULL;
}

static rd_err *concern_add(cli_ctx *c)
{
    int64_t id, cid;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    desk_concern_input in = {.text = cli_get(c, "text"),
                             .specifics = cli_get(c, "specifics"),
                             .example = cli_get(c, "example")};
    if (!e) e = desk_concern_add(&c->desk, id, &in, cli_get(c, "override"), &cid);
    if (!e) cli_print_id(c, cid);
    return e;
}

static rd_err *acknowledge(cli_ctx *c)
{
    int64_t id, log_id;
    char *text = NULL;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    if (!e) e = cli_read_text(c, "text", &text);
    if (!e)
        e = desk_case_acknowledge(&c->desk, id, text, cli_get(c, "channel"), cli_get(c, "override"),
                                  &log_id);
    json_t *hints = NULL;
    if (!e) e = desk_ack_hints(&c->desk, text, &hints);
    if (!e) {
        if (c->json) {
            json_t *o = json_pack("{s:I, s:O}", "log_id", (json_int_t)log_id, "hints", hints);
            cli_print_json(o);
            json_decref(o);
        } else {
            printf("acknowledgement logged (log entry %lld)\n", (long long)log_id);
            size_t i;
            json_t *h;
            json_array_foreach(hints, i, h) fprintf(stderr, "hint: %s\n", json_string_value(h));
        }
    }
    json_decref(hints);
    free(text);
    return e;
}

static rd_err *cause(cli_ctx *c)
{
    int64_t id;
    json_t *agreed = NULL;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    if (!e)
        e = desk_case_cause(&c->desk, id, cli_get(c, "root"), cli_get(c, "notes"),
                            cli_get(c, "override"), &agreed);
    if (e) return e;
    if (c->json) {
        cli_print_json(agreed);
    } else if (json_is_null(json_object_get(agreed, "project_id"))) {
        printf("root cause recorded. The case has no project, so there is no agreement on file "
               "to compare with (P20).\n");
    } else {
        static const cli_col cols[] = {{"project", "title", COL_TEXT, 0},
                                       {"scope", "scope", COL_TEXT, 0},
                                       {"deliverables", "deliverables", COL_TEXT, 0},
                                       {"deadline", "deadline", COL_DATE, 0},
                                       {"price", "price", COL_MONEY, 0},
                                       {"revisions", "revisions", COL_INT, 0},
                                       {"extra revision", "extra_revision_price", COL_MONEY, 0},
                                       {NULL, NULL, 0, 0}};
        printf("root cause recorded. What the project agreed at the start (P20):\n\n");
        cli_fields(c, agreed, cols);
        printf("\n%s\n", json_is_true(json_object_get(agreed, "expectation_set"))
                             ? "The expectation was written down: was it set and not met?"
                             : "Scope and deliverables were never written down: the expectation "
                               "may never have been set.");
    }
    json_decref(agreed);
    return NULL;
}

/* The restatement, and with --json its log entry (for letter send). */
static void print_draft(cli_ctx *c, const char *draft, int64_t log_id)
{
    if (c->json) {
        json_t *j = json_pack("{s:s, s:I}", "draft", draft, "log_id", (json_int_t)log_id);
        cli_print_json(j);
        json_decref(j);
    } else {
        printf("%s", draft);
    }
}

static rd_err *want(cli_ctx *c)
{
    int64_t id = 0;
    char *draft = NULL;
    int fd = -1;
    int64_t log_id = 0;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    if (!e) e = cli_pdf_open(c, &fd);
    if (!e)
        e = desk_case_want_logged(&c->desk, id, cli_get(c, "want"), cli_get(c, "goal"),
                                  cli_get(c, "override"), &draft, &log_id);
    char *ref = xasprintf("What you want (case %lld)", (long long)id);
    e = cli_pdf_finish(c, fd, e, "What we agreed", ref, draft);
    free(ref);
    if (!e) print_draft(c, draft, log_id);
    fflush(stdout);
    if (!e) e = cli_letter_send(c, log_id);
    free(draft);
    return e;
}

static rd_err *confirm(cli_ctx *c)
{
    int64_t id = 0;
    char *draft = NULL;
    int fd = -1;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    int64_t log_id = 0;
    if (!e && cli_get(c, "pdf") && !cli_get(c, "correction"))
        e = rd_error(RD_USAGE, "--pdf: goes with --correction (the corrected restatement)");
    if (!e && cli_flag(c, "send") && !cli_get(c, "correction"))
        e = rd_error(RD_USAGE, "--send: goes with --correction (the corrected restatement)");
    if (!e) e = cli_pdf_open(c, &fd);
    if (!e)
        e = desk_case_confirm_logged(&c->desk, id, cli_get(c, "by"), cli_get(c, "correction"),
                                     cli_get(c, "override"), &draft, &log_id);
    char *ref = xasprintf("What you want (case %lld)", (long long)id);
    e = cli_pdf_finish(c, fd, e, "What we agreed", ref, draft);
    free(ref);
    if (e) {
        free(draft);
        return e;
    }
    if (draft) {
        print_draft(c, draft, log_id);
        if (!c->json) printf("\n(corrected: ask the client to confirm this version)\n");
    } else if (c->json) {
        printf("{\"confirmed\": true}\n");
    } else {
        printf("restatement confirmed; offers are now open (offer make)\n");
    }
    fflush(stdout);
    free(draft);
    return cli_letter_send(c, log_id);
}

static rd_err *flag(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    desk_flag_input in = {.hostility = cli_get(c, "hostility"),
                          .abuse = cli_get(c, "abuse"),
                          .legal_threat = cli_get(c, "legal-threat"),
                          .review_threat = cli_get(c, "review-threat"),
                          .refund_demand = cli_get(c, "refund-demand"),
                          .payment_refusal = cli_get(c, "payment-refusal")};
    if (!e) e = desk_case_flag(&c->desk, id, &in);
    if (!e) printf("flags recorded; see `redress case next %lld`\n", (long long)id);
    return e;
}

static rd_err *pause_case(cli_ctx *c)
{
    int64_t id, log_id = 0;
    char *msg = NULL;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    if (!e) e = cli_read_text(c, "message", &msg);
    desk_pause_input in = {.reason = cli_get(c, "reason"),
                           .until = cli_get(c, "until"),
                           .message = msg,
                           .override = cli_get(c, "override")};
    if (!e) e = desk_case_pause_with(&c->desk, id, &in, &log_id);
    if (!e) {
        printf("contact paused on case %lld%s%s", (long long)id, in.until ? " until " : "",
               in.until ? in.until : "");
        if (log_id) printf("; boundary message logged (log entry %lld)", (long long)log_id);
        printf("\n");
    }
    free(msg);
    return e;
}

static rd_err *resume_case(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    if (!e) e = desk_case_resume(&c->desk, id);
    if (!e) printf("case %lld resumed\n", (long long)id);
    return e;
}

static rd_err *close_case(cli_ctx *c)
{
    int64_t id, lesson;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    desk_close_input in = {.lesson = cli_get(c, "lesson"),
                           .change = cli_get(c, "change"),
                           .change_made = cli_get(c, "change-made")};
    if (!e && cli_get(c, "differently") && !in.lesson)
        e = rd_error(RD_INVALID, "differently: goes with a lesson (--lesson, --change)");
    if (!e) e = desk_case_close(&c->desk, id, &in, cli_get(c, "override"), &lesson);
    if (!e && lesson && cli_get(c, "differently"))
        e = desk_lesson_differently(&c->desk, lesson, cli_get(c, "differently"));
    if (e) return e;
    if (c->json)
        printf("{\"lesson_id\": %lld}\n", (long long)lesson);
    else if (lesson)
        printf("case %lld closed; lesson %lld recorded\n", (long long)id, (long long)lesson);
    else
        printf("case %lld closed without a lesson\n", (long long)id);
    return NULL;
}

static const cli_opt no_opts[] = {END_OPTS};
static const cli_opt concern_opts[] = {{"text", "T", CLI_REQUIRED, "the concern in a sentence"},
                                       {"specifics", "S", 0, "what exactly is wrong"},
                                       {"example", "E", 0, "a concrete example the client gave"},
                                       OVERRIDE_OPT,
                                       END_OPTS};
static const cli_opt ack_opts[] = {
    {"text", "FILE|-", 0, "the acknowledgement and apology you sent"},
    {"channel", "CH", 0, "how it was sent; default the case's channel"},
    OVERRIDE_OPT,
    END_OPTS};
static const cli_opt cause_opts[] = {
    {"root", "R", CLI_REQUIRED, "missed_deadline, quality, communication, scope, billing or other"},
    {"notes", "N", 0, "your notes on the real problem"},
    OVERRIDE_OPT,
    END_OPTS};
static const cli_opt want_opts[] = {
    {"want", "W", CLI_REQUIRED, "what the client wants"},
    {"goal", "G", CLI_REQUIRED, "the end goal behind it"},
    {"pdf", "FILE", 0, "also write the restatement as a PDF (0600)"},
    {"send", NULL, 0, "then send it by email (as letter send; the PDF attached with --pdf)"},
    OVERRIDE_OPT,
    END_OPTS};
static const cli_opt confirm_opts[] = {
    {"by", "client|user", 0, "who confirmed: the client (default) or you on their behalf"},
    {"correction", "TEXT", 0, "the client's correction; replaces the want, confirm again"},
    {"pdf", "FILE", 0, "with --correction: also write the new restatement as a PDF (0600)"},
    {"send", NULL, 0, "with --correction: then send it by email (PDF attached with --pdf)"},
    OVERRIDE_OPT,
    END_OPTS};
static const cli_opt flag_opts[] = {
    {"hostility", "0-3", 0, "how hostile the client was"},
    {"abuse", "yes|no", 0, "insults or profanity at a person"},
    {"legal-threat", "yes|no", 0, "a lawyer or court was mentioned"},
    {"review-threat", "yes|no", 0, "a public review was threatened"},
    {"refund-demand", "yes|no", 0, "money back was demanded"},
    {"payment-refusal", "yes|no", 0, "the client refused to pay"},
    END_OPTS};
static const cli_opt pause_opts[] = {
    {"reason", "R", CLI_REQUIRED, "why contact is paused"},
    {"until", "YYYY-MM-DD", 0, "when contact is meant to resume"},
    {"message", "FILE|-", 0, "a boundary message sent as the pause starts (tone-checked)"},
    OVERRIDE_OPT,
    END_OPTS};
static const cli_opt close_opts[] = {
    {"lesson", "TEXT", 0, "what went wrong (required unless --override)"},
    {"change", "TEXT", 0, "what will change: contract, screening, habit, estimate"},
    {"change-made", "yes|no", 0, "whether the change is already made (default no)"},
    {"differently", "TEXT", 0, "taking stock: what you will do differently yourself"},
    OVERRIDE_OPT,
    END_OPTS};

const cli_cmd cmd_case_next = {
    "case next",
    "CASE",
    1,
    1,
    CMD_JSON,
    "The recommended next step for a case, why, and every trigger that fires.",
    "Works at every stage: open questions while listening (P4), a call instead of writing when "
    "hostility is high (P3), overdue commitments (P9), escalation triggers (P12) and walk-away "
    "triggers (P16) with the facts that fired them. Triggers are suggestions only.",
    no_opts,
    case_next};
const cli_cmd cmd_case_concern_add = {
    "case concern add",
    "CASE",
    1,
    1,
    CMD_JSON,
    "Record one of the client's concerns (listening, P4); prints its id.",
    "The first concern moves the case from intake to listening; more can follow until the "
    "restatement is confirmed.",
    concern_opts,
    concern_add};
const cli_cmd cmd_case_acknowledge = {
    "case acknowledge",
    "CASE",
    1,
    1,
    CMD_JSON,
    "Record the acknowledgement and apology sent (P5); it is logged.",
    "Needs at least one concern recorded. Moves the case to acknowledged.",
    ack_opts,
    acknowledge};
const cli_cmd cmd_case_cause = {
    "case cause",
    "CASE",
    1,
    1,
    CMD_JSON,
    "Name the real problem (P6) and see what the project agreed (P20).",
    "Needs the complaint acknowledged. Moves the case to problem_identified.",
    cause_opts,
    cause};
const cli_cmd cmd_case_want = {
    "case want",
    "CASE",
    1,
    1,
    CMD_JSON,
    "Draft the restatement \"You want W so that G\" for the client to confirm (P7).",
    "The draft lists the recorded concerns and is logged as sent. Redrafting a confirmed "
    "restatement needs confirming again.",
    want_opts,
    want};
const cli_cmd cmd_case_confirm = {
    "case confirm",
    "CASE",
    1,
    1,
    CMD_JSON,
    "Record the client's answer to the restatement (P7).",
    "Without --correction the restatement is confirmed and offers open up. A correction "
    "replaces the want, prints the new draft and needs confirming again.",
    confirm_opts,
    confirm};
const cli_cmd cmd_case_flag = {
    "case flag",
    "CASE",
    1,
    1,
    0,
    "Record what you heard: hostility, abuse, legal or review threat, refund demand.",
    "These flags feed the escalation triggers of `case next` (P12).",
    flag_opts,
    flag};
const cli_cmd cmd_case_pause = {"case pause",
                                "CASE",
                                1,
                                1,
                                0,
                                "Pause contact on a case, e.g. after abuse (P14).",
                                "While paused nothing goes out to the client (drafts, offers, "
                                "reminders, letters) and the path is on hold until `case "
                                "resume`. `case next` suggests a boundary message to send with "
                                "--message.",
                                pause_opts,
                                pause_case};
const cli_cmd cmd_case_resume = {
    "case resume", "CASE", 1, 1, 0, "Resume contact on a paused case.", NULL, no_opts, resume_case};
const cli_cmd cmd_case_close = {
    "case close",
    "CASE",
    1,
    1,
    CMD_JSON,
    "Close a case with a lesson: what went wrong and what will change (P11).",
    "Needs feedback asked for (or an escalation to end). Closing without a lesson needs "
    "--override REASON.",
    close_opts,
    close_case};
