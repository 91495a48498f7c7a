/* cli_offer.c — `redress offer …`, `commitment …`, `refund …`, `followup …`, `feedback record`,
 * `lesson …`, `escalate` and `escalation outcome`: offers and following through (P8–P13) on the
 * command line. Thin: parse, call one desk operation, print. */
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

static void money(int64_t v, const char *cur, char *out, size_t n)
{
    money_format(v, cur, out, n);
}

static void print_offer_report(cli_ctx *c, json_t *r)
{
    const char *cur = js(r, "currency");
    char a[48], b[48];
    json_t *m = json_object_get(r, "margin");
    json_t *half = json_object_get(r, "halfway");
    if (json_is_object(half)) {
        money(ji(half, "last_offered"), cur, a, sizeof a);
        money(ji(half, "ask"), cur, b, sizeof b);
        char h[48];
        money(ji(half, "halfway"), cur, h, sizeof h);
        printf("%sMeet halfway:%s last offer %s, client asked %s: halfway is %s\n\n", cli_bold(c),
               cli_reset(c), a, b, h);
    }
    if (json_is_object(m)) {
        money(ji(m, "before"), cur, a, sizeof a);
        printf("%sProject margin before this offer:%s %s", cli_bold(c), cli_reset(c), a);
        if (json_is_null(json_object_get(m, "time_cost")))
            printf(" (time not counted: your hourly cost is in another currency)");
        printf("\n");
    }
    size_t i;
    json_t *o;
    json_array_foreach(json_object_get(r, "options"), i, o)
    {
        printf("  %lld. %s %s by %s", (long long)ji(o, "position"), js(o, "kind"), js(o, "detail"),
               js(o, "due_on"));
        if (json_is_integer(json_object_get(o, "amount"))) {
            money(ji(o, "amount"), cur, a, sizeof a);
            printf(" — %s", a);
        }
        if (ji(o, "beyond_policy") > 0) {
            money(ji(o, "extras_price"), cur, a, sizeof a);
            printf(" — %lld beyond the policy, worth %s (%s)", (long long)ji(o, "beyond_policy"), a,
                   js(o, "revision_charge"));
        }
        if (json_is_object(m)) {
            money(ji(o, "margin_after"), cur, a, sizeof a);
            printf("; margin after: %s", a);
        }
        printf("\n");
    }
    printf("\n%sAs sent to the client%s\n%s", cli_dim(c), cli_reset(c), js(r, "text"));
    if (json_is_true(json_object_get(r, "saved")))
        printf("\noffer %lld saved and logged\n", (long long)ji(r, "offer_id"));
    else
        printf("\n(dry run: nothing saved)\n");
}

static rd_err *offer_make(cli_ctx *c)
{
    int64_t case_id, id;
    int n;
    const char **opts = cli_multi(c, "option", &n);
    const char *charge = cli_flag(c, "charge") ? "charge" : cli_flag(c, "waive") ? "waive" : NULL;
    json_t *report = NULL;
    rd_err *e = cli_pos_id(c, 0, "case", &case_id);
    if (!e && cli_flag(c, "charge") && cli_flag(c, "waive"))
        e = rd_error(RD_USAGE, "charge: give --charge or --waive, not both");
    desk_offer_input in = {.options = opts,
                           .noptions = n,
                           .revision_charge = charge,
                           .dry_run = cli_flag(c, "dry-run")};
    if (!e) e = desk_offer_make(&c->desk, case_id, &in, cli_get(c, "override"), &report, &id);
    if (e) return e;
    c->json ? cli_print_json(report) : print_offer_report(c, report);
    json_decref(report);
    return NULL;
}

static rd_err *offer_choose(cli_ctx *c)
{
    int64_t id;
    json_t *made = NULL;
    rd_err *e = cli_pos_id(c, 0, "offer", &id);
    if (!e)
        e = desk_offer_choose(&c->desk, id, cli_get(c, "option"), cli_get(c, "override"), &made);
    if (e) return e;
    if (c->json) {
        cli_print_json(made);
    } else {
        size_t i;
        json_t *m;
        json_array_foreach(made, i, m)
            printf("commitment %lld: %s, due %s\n", (long long)ji(m, "id"), js(m, "text"),
                   js(m, "due_on"));
    }
    json_decref(made);
    return NULL;
}

static rd_err *offer_reject(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "offer", &id);
    if (!e) e = desk_offer_reject(&c->desk, id, cli_get(c, "ask"), cli_get(c, "override"));
    if (!e && cli_get(c, "ask"))
        printf("offer %lld rejected; the next offer shows the meet-halfway figure\n",
               (long long)id);
    else if (!e)
        printf("offer %lld rejected; ask the client what they would accept (--ask AMOUNT) to see a"
               " meet-halfway figure\n",
               (long long)id);
    return e;
}

static rd_err *offer_list(cli_ctx *c)
{
    int64_t id;
    json_t *rows;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    if (!e) e = desk_offer_list(&c->desk, id, NULL, &rows);
    if (e) return e;
    if (c->json) {
        cli_print_json(rows);
        json_decref(rows);
        return NULL;
    }
    size_t i, j;
    json_t *o, *opt;
    json_array_foreach(rows, i, o)
    {
        printf("%soffer %lld%s  %s  made %s", cli_bold(c), (long long)ji(o, "id"), cli_reset(c),
               js(o, "status"), js(o, "created_at"));
        if (json_is_integer(json_object_get(o, "ask_amount"))) {
            char a[48];
            money(ji(o, "ask_amount"), js(o, "currency"), a, sizeof a);
            printf("  client asked %s", a);
        }
        printf("\n");
        json_array_foreach(json_object_get(o, "options"), j, opt)
        {
            printf("  %s%lld. %s %s by %s\n",
                   ji(o, "chosen_option") == ji(opt, "position") ? "*" : " ",
                   (long long)ji(opt, "position"), js(opt, "kind"), js(opt, "detail"),
                   js(opt, "due_on"));
        }
    }
    if (json_array_size(rows) == 0) printf("(none)\n");
    json_decref(rows);
    return NULL;
}

static const cli_col commitment_cols[] = {{"ID", "id", COL_INT, 0},
                                          {"CASE", "case_id", COL_INT, 0},
                                          {"CLIENT", "client_name", COL_TEXT, 20},
                                          {"DUE", "due_on", COL_DATE, 0},
                                          {"DONE", "done_at", COL_TIME, 0},
                                          {"WHAT", "text", COL_TEXT, 50},
                                          {NULL, NULL, 0, 0}};

static rd_err *commitment_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    int64_t case_id = 0;
    rd_err *e = cli_get(c, "case") ? desk_parse_id("case", cli_get(c, "case"), &case_id) : NULL;
    return e ? e : desk_commitment_list(&c->desk, case_id, cli_flag(c, "overdue"), page, rows);
}

static rd_err *commitment_list(cli_ctx *c)
{
    return cli_list_pages(c, commitment_page, commitment_cols);
}

static rd_err *commitment_done(cli_ctx *c)
{
    int64_t id, fu;
    rd_err *e = cli_pos_id(c, 0, "commitment", &id);
    if (!e) e = desk_commitment_done(&c->desk, id, cli_get(c, "override"), &fu);
    if (e) return e;
    if (c->json)
        printf("{\"followup_id\": %lld}\n", (long long)fu);
    else if (fu)
        printf("commitment %lld done; every commitment is done, follow-up %lld scheduled\n",
               (long long)id, (long long)fu);
    else
        printf("commitment %lld done\n", (long long)id);
    return NULL;
}

static const cli_col refund_cols[] = {{"ID", "id", COL_INT, 0},
                                      {"CASE", "case_id", COL_INT, 0},
                                      {"CLIENT", "client_name", COL_TEXT, 20},
                                      {"KIND", "kind", COL_TEXT, 0},
                                      {"AMOUNT", "amount", COL_MONEY, 0},
                                      {"PAID", "paid_at", COL_DATE, 0},
                                      {NULL, NULL, 0, 0}};

static rd_err *refund_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    return desk_refund_list(&c->desk, cli_flag(c, "pending"), page, rows);
}

static rd_err *refund_list(cli_ctx *c)
{
    return cli_list_pages(c, refund_page, refund_cols);
}

static rd_err *refund_paid(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "refund", &id);
    if (!e) e = desk_refund_paid(&c->desk, id, cli_get(c, "on"));
    if (!e) printf("refund %lld marked paid\n", (long long)id);
    return e;
}

static const cli_col followup_cols[] = {{"ID", "id", COL_INT, 0},
                                        {"CASE", "case_id", COL_INT, 0},
                                        {"CLIENT", "client_name", COL_TEXT, 20},
                                        {"KIND", "kind", COL_TEXT, 0},
                                        {"DUE", "due_on", COL_DATE, 0},
                                        {"DONE", "done_at", COL_TIME, 0},
                                        {"OUTCOME", "outcome", COL_TEXT, 40},
                                        {NULL, NULL, 0, 0}};

static rd_err *followup_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    return desk_followup_list(&c->desk, cli_flag(c, "due"), page, rows);
}

static rd_err *followup_list(cli_ctx *c)
{
    return cli_list_pages(c, followup_page, followup_cols);
}

static rd_err *followup_done(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "followup", &id);
    if (!e) e = desk_followup_done(&c->desk, id, cli_get(c, "outcome"), cli_get(c, "override"));
    if (!e) printf("follow-up %lld done; now ask for feedback\n", (long long)id);
    return e;
}

static rd_err *feedback_record(cli_ctx *c)
{
    int64_t case_id, id;
    rd_err *e = cli_pos_id(c, 0, "case", &case_id);
    if (!e)
        e = desk_feedback_record(&c->desk, case_id, cli_get(c, "score"), cli_get(c, "text"),
                                 cli_get(c, "override"), &id);
    if (!e) cli_print_id(c, id);
    return e;
}

static const cli_col lesson_cols[] = {{"ID", "id", COL_INT, 0},
                                      {"CASE", "case_id", COL_INT, 0},
                                      {"CAUSE", "root_cause", COL_TEXT, 0},
                                      {"WHAT WENT WRONG", "what_went_wrong", COL_TEXT, 36},
                                      {"CHANGE", "change", COL_TEXT, 36},
                                      {"MADE", "change_made", COL_YESNO, 0},
                                      {NULL, NULL, 0, 0}};

static rd_err *lesson_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    return desk_lesson_list(&c->desk, cli_flag(c, "open"), page, rows);
}

static rd_err *lesson_list(cli_ctx *c)
{
    return cli_list_pages(c, lesson_page, lesson_cols);
}

static rd_err *lesson_done(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "lesson", &id);
    if (!e) e = desk_lesson_done(&c->desk, id);
    if (!e) printf("lesson %lld: change made\n", (long long)id);
    return e;
}

static void print_checklist(cli_ctx *c, json_t *k)
{
    char money[48];
    money_format(ji(k, "money_at_risk"), js(k, "currency"), money, sizeof money);
    printf("%sBefore the legal step (P13): weigh more than the money%s\n", cli_bold(c),
           cli_reset(c));
    printf("  money at risk: %s\n  complaints from this client so far: %lld\n", money,
           (long long)ji(k, "complaints"));
    printf("  public review: %s\n", ji(k, "public_reviews") ? "posted"
                                    : json_is_true(json_object_get(k, "review_threat"))
                                        ? "threatened"
                                        : "none");
    size_t i;
    json_t *q;
    json_array_foreach(json_object_get(k, "questions"), i, q)
        printf("  - %s\n", json_string_value(q));
    printf("Then: redress escalate CASE --level legal --reason \"…\" --weighed \"what you "
           "decided and why\"\n");
}

static rd_err *escalate(cli_ctx *c)
{
    int64_t case_id, id;
    rd_err *e = cli_pos_id(c, 0, "case", &case_id);
    if (!e && cli_flag(c, "checklist")) {
        json_t *k = NULL;
        e = desk_legal_checklist(&c->desk, case_id, &k);
        if (!e) c->json ? cli_print_json(k) : print_checklist(c, k);
        json_decref(k);
        return e;
    }
    if (!e && !cli_get(c, "level")) e = rd_error(RD_USAGE, "level: is required");
    if (!e && !cli_get(c, "reason")) e = rd_error(RD_USAGE, "reason: is required");
    desk_escalate_input in = {.level = cli_get(c, "level"),
                              .reason = cli_get(c, "reason"),
                              .mediator = cli_get(c, "mediator"),
                              .date = cli_get(c, "date"),
                              .weighed = cli_get(c, "weighed")};
    if (!e) e = desk_escalate(&c->desk, case_id, &in, cli_get(c, "override"), &id);
    if (!e) cli_print_id(c, id);
    return e;
}

static const cli_col escalation_cols[] = {{"ID", "id", COL_INT, 0},
                                          {"LEVEL", "level", COL_TEXT, 0},
                                          {"REASON", "reason", COL_TEXT, 30},
                                          {"MEDIATOR", "mediator", COL_TEXT, 20},
                                          {"DATE", "date", COL_DATE, 0},
                                          {"FINAL PROPOSAL", "final_proposal", COL_TEXT, 30},
                                          {"OUTCOME", "outcome", COL_TEXT, 30},
                                          {NULL, NULL, 0, 0}};

static rd_err *escalation_list(cli_ctx *c)
{
    int64_t case_id;
    json_t *rows = NULL;
    rd_err *e = desk_parse_id("case", cli_get(c, "case"), &case_id);
    if (!e) e = desk_escalation_list(&c->desk, case_id, &rows);
    return cli_list_out(c, e, rows, escalation_cols);
}

static rd_err *escalation_proposal(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "escalation", &id);
    if (!e) e = desk_escalation_proposal(&c->desk, id, cli_get(c, "text"));
    if (!e) printf("final proposal of escalation %lld recorded\n", (long long)id);
    return e;
}

static rd_err *escalation_outcome(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "escalation", &id);
    if (!e) e = desk_escalation_outcome(&c->desk, id, cli_get(c, "text"), cli_get(c, "override"));
    if (!e) printf("outcome of escalation %lld recorded\n", (long long)id);
    return e;
}

static const cli_opt no_opts[] = {END_OPTS};
static const cli_opt make_opts[] = {
    {"option", "KIND:DETAIL:DUE", CLI_REQUIRED | CLI_MULTI, "one option; repeat for more"},
    {"charge", NULL, 0, "charge the revisions beyond the included ones (P18)"},
    {"waive", NULL, 0, "waive the price of revisions beyond the included ones (P18)"},
    {"dry-run", NULL, 0, "show the margin effect and the text, save nothing"},
    OVERRIDE_OPT,
    END_OPTS};
static const cli_opt choose_opts[] = {
    {"option", "N", CLI_REQUIRED, "the number of the option the client chose"},
    OVERRIDE_OPT,
    END_OPTS};
static const cli_opt reject_opts[] = {
    {"ask", "AMOUNT", 0, "what the client asked for instead, e.g. 600.00"}, OVERRIDE_OPT, END_OPTS};
static const cli_opt clist_opts[] = {{"overdue", NULL, 0, "only open ones past their due date"},
                                     {"case", "ID", 0, "only this case's"},
                                     END_OPTS};
static const cli_opt override_only[] = {OVERRIDE_OPT, END_OPTS};
static const cli_opt rlist_opts[] = {{"pending", NULL, 0, "only refunds not yet paid"}, END_OPTS};
static const cli_opt paid_opts[] = {{"on", "DATE", 0, "when the money went back; default today"},
                                    END_OPTS};
static const cli_opt flist_opts[] = {{"due", NULL, 0, "only open follow-ups due by today"},
                                     END_OPTS};
static const cli_opt fdone_opts[] = {
    {"outcome", "TEXT", CLI_REQUIRED, "what the client said"}, OVERRIDE_OPT, END_OPTS};
static const cli_opt feedback_opts[] = {{"score", "1-5", CLI_REQUIRED, "1 unhappy … 5 delighted"},
                                        {"text", "T", 0, "the client's words"},
                                        OVERRIDE_OPT,
                                        END_OPTS};
static const cli_opt llist_opts[] = {{"open", NULL, 0, "only lessons whose change is not made"},
                                     END_OPTS};
static const cli_opt escalate_opts[] = {
    {"level", "L", 0, "internal, mediation or legal (required unless --checklist)"},
    {"reason", "R", 0, "why you escalate (required unless --checklist)"},
    {"weighed", "TEXT", 0, "legal: how you weighed the relationship and your reputation (P13)"},
    {"checklist", NULL, 0, "show what to weigh before the legal step; escalate nothing"},
    {"mediator", "NAME", 0, "who mediates"},
    {"date", "D", 0, "date of the session or filing, YYYY-MM-DD"},
    OVERRIDE_OPT,
    END_OPTS};
static const cli_opt elist_opts[] = {{"case", "ID", CLI_REQUIRED, "the case"}, END_OPTS};
static const cli_opt proposal_opts[] = {
    {"text", "T", CLI_REQUIRED, "the final meet-halfway proposal made at the mediation"}, END_OPTS};
static const cli_opt outcome_opts[] = {
    {"text", "T", CLI_REQUIRED, "what came of the escalation"}, OVERRIDE_OPT, END_OPTS};

const cli_cmd cmd_offer_make = {
    "offer make",
    "CASE",
    1,
    1,
    CMD_JSON,
    "Offer the client options to choose from (P8); shows the margin effect first.",
    "Each --option is KIND:DETAIL:DUE, DUE a date (YYYY-MM-DD) not in the past. KIND is redo,\n"
    "revision, partial_refund, discount, full_refund, extra_support, referral or client_fix.\n"
    "  partial_refund:200.00:2026-12-01   an amount in the case's currency (\"200.00 GBP\" too)\n"
    "  partial_refund:10%:2026-12-01      a percent of what the client paid\n"
    "  discount:15%:2026-12-01            a percent of the project's price, or an amount\n"
    "  full_refund::2026-12-01            everything paid on the project's invoices\n"
    "  revision:2 rounds on the boards:2026-12-01   a leading number counts revisions\n"
    "  redo:fix the colours:2026-11-20    free text for redo, extra_support, referral\n"
    "  client_fix:price stickers;120:2026-12-01   a fix the client proposed, in their words;\n"
    "                                     after ';' any money back (amount or % of what was paid)\n"
    "A refund cannot exceed what was paid; percents round half away from zero to the cent.\n"
    "Revisions beyond the project's included ones show their price and need --charge or\n"
    "--waive (P18). After a rejected offer with an ask, the meet-halfway figure is shown.\n"
    "Needs the restatement confirmed (P7); the offer text is logged as sent.",
    make_opts,
    offer_make};
const cli_cmd cmd_offer_choose = {
    "offer choose",
    "OFFER",
    1,
    1,
    CMD_JSON,
    "Record the option the client chose; it becomes a commitment (P9).",
    "Refunds and discounts also go to the refund ledger (refund list).",
    choose_opts,
    offer_choose};
const cli_cmd cmd_offer_reject = {"offer reject",
                                  "OFFER",
                                  1,
                                  1,
                                  0,
                                  "Record that the client rejected an offer, and what they asked.",
                                  "The ask feeds the meet-halfway figure and the money-at-risk "
                                  "trigger.",
                                  reject_opts,
                                  offer_reject};
const cli_cmd cmd_offer_list = {
    "offer list", "CASE",  1,         1, CMD_JSON, "The offer history of a case.",
    NULL,         no_opts, offer_list};
const cli_cmd cmd_commitment_list = {"commitment list",
                                     NULL,
                                     0,
                                     0,
                                     CMD_JSON | CMD_LIST,
                                     "What you promised, soonest due first.",
                                     NULL,
                                     clist_opts,
                                     commitment_list};
const cli_cmd cmd_commitment_done = {
    "commitment done",
    "COMMITMENT",
    1,
    1,
    CMD_JSON,
    "Mark a commitment done.",
    "When the case's last commitment is done a follow-up is scheduled followup_days later "
    "(setting, default 3). A commitment split into parts (commitment split) is done when its "
    "last part is.",
    override_only,
    commitment_done};
const cli_cmd cmd_refund_list = {
    "refund list", NULL,       0, 0, CMD_JSON | CMD_LIST, "The refund and discount ledger.", NULL,
    rlist_opts,    refund_list};
const cli_cmd cmd_refund_paid = {
    "refund paid", "REFUND", 1, 1, 0, "Mark a refund as paid back.", NULL, paid_opts, refund_paid};
const cli_cmd cmd_followup_list = {
    "followup list", NULL,         0, 0, CMD_JSON | CMD_LIST, "Scheduled follow-ups.", NULL,
    flist_opts,      followup_list};
const cli_cmd cmd_followup_done = {"followup done",
                                   "FOLLOWUP",
                                   1,
                                   1,
                                   0,
                                   "Record how the follow-up went; then ask for feedback (P10).",
                                   "The outcome is written to the communication log.",
                                   fdone_opts,
                                   followup_done};
const cli_cmd cmd_feedback_record = {"feedback record",
                                     "CASE",
                                     1,
                                     1,
                                     CMD_JSON,
                                     "Record the client's feedback: a score and words (P10).",
                                     NULL,
                                     feedback_opts,
                                     feedback_record};
const cli_cmd cmd_lesson_list = {
    "lesson list", NULL,       0, 0, CMD_JSON | CMD_LIST, "Lessons from closed cases (P11).", NULL,
    llist_opts,    lesson_list};
const cli_cmd cmd_lesson_done = {
    "lesson done", "LESSON", 1,          1, 0, "Mark a lesson's change as made.",
    NULL,          no_opts,  lesson_done};
const cli_cmd cmd_escalate = {
    "escalate",
    "CASE",
    1,
    1,
    CMD_JSON,
    "Escalate a case: internal review, mediation or legal (P13).",
    "Nothing escalates by itself: `case next` shows the triggers. The case moves to escalated "
    "until the outcome is recorded. Each level once per case (a second mediation is refused "
    "unless --override). The legal step needs --weighed: how the relationship and your reputation "
    "were weighed, not only the money; --checklist shows what to weigh.",
    escalate_opts,
    escalate};
const cli_cmd cmd_escalation_list = {
    "escalation list", NULL,           0, 0, CMD_JSON, "The escalations of a case (P13).", NULL,
    elist_opts,        escalation_list};
const cli_cmd cmd_escalation_proposal = {
    "escalation proposal",
    "ESCALATION",
    1,
    1,
    0,
    "Record the final meet-halfway proposal made at a mediation (P13).",
    NULL,
    proposal_opts,
    escalation_proposal};
const cli_cmd cmd_escalation_outcome = {
    "escalation outcome",
    "ESCALATION",
    1,
    1,
    0,
    "Record what came of an escalation; the case returns to where it was.",
    NULL,
    outcome_opts,
    escalation_outcome};
