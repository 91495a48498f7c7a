/* cli_whole.c — the whole case on one screen for `redress case show`: triage, concerns, the real
 * problem, the restatement and its confirmation, offers with their history, commitments,
 * follow-ups, escalations, feedback, the lesson and the drafts. The client's words and the
 * communication timeline are printed by cli_case.c around these sections. */
#include "cli/cli.h"

#include <string.h>

static void heading(cli_ctx *c, const char *title)
{
    printf("\n%s%s%s\n", cli_bold(c), title, cli_reset(c));
}

static const char *yes(int64_t v)
{
    return v ? "yes" : "no";
}

static void print_offers(cli_ctx *c, json_t *offers)
{
    size_t i, j;
    json_t *o, *opt;
    if (json_array_size(offers)) heading(c, "Offers");
    json_array_foreach(offers, i, o)
    {
        const char *cur = js(o, "currency");
        printf("  offer %lld, %.10s: %s", (long long)ji(o, "id"), js(o, "created_at"),
               js(o, "status"));
        if (json_is_integer(json_object_get(o, "chosen_option")))
            printf(" (option %lld)", (long long)ji(o, "chosen_option"));
        if (json_is_integer(json_object_get(o, "ask_amount"))) {
            char ask[48];
            money_format(ji(o, "ask_amount"), cur, ask, sizeof ask);
            printf("; the client asked for %s", ask);
        }
        printf("\n");
        json_array_foreach(json_object_get(o, "options"), j, opt)
        {
            char amount[48] = "";
            if (json_is_integer(json_object_get(opt, "amount")))
                money_format(ji(opt, "amount"), cur, amount, sizeof amount);
            printf("    %lld. %s: %s%s%s, by %s\n", (long long)ji(opt, "position"), js(opt, "kind"),
                   js(opt, "detail"), amount[0] ? " — " : "", amount, js(opt, "due_on"));
        }
    }
}

void cli_print_whole_case(cli_ctx *c, json_t *k)
{
    size_t i;
    json_t *v;
    static const char *const hostility[] = {"calm", "displeased", "angry", "furious"};
    int64_t h = ji(k, "hostility");
    heading(c, "What triage read");
    printf("  hostility %s (%lld/3); abuse %s, legal threat %s, review threat %s, refund demand "
           "%s, payment refusal %s\n",
           hostility[h >= 0 && h <= 3 ? h : 0], (long long)h, yes(ji(k, "abuse")),
           yes(ji(k, "legal_threat")), yes(ji(k, "review_threat")), yes(ji(k, "refund_demand")),
           yes(ji(k, "payment_refusal")));
    if (js(k, "triage_root"))
        printf("  the words point to %s as the root cause\n", js(k, "triage_root"));

    json_t *concerns = json_object_get(k, "concerns");
    if (json_array_size(concerns)) heading(c, "Concerns (P4)");
    json_array_foreach(concerns, i, v)
    {
        printf("  - %s", js(v, "text"));
        if (js(v, "specifics")) printf(" (%s)", js(v, "specifics"));
        if (js(v, "example")) printf("; for example: %s", js(v, "example"));
        printf("\n");
    }
    if (js(k, "root_cause")) {
        heading(c, "The real problem (P6)");
        printf("  %s%s%s\n", js(k, "root_cause"), js(k, "root_notes") ? ": " : "",
               js(k, "root_notes") ? js(k, "root_notes") : "");
    }
    cli_print_amendments(c, k);
    if (js(k, "want")) {
        heading(c, "Restatement (P7)");
        printf("  You want %s so that %s.\n", js(k, "want"), js(k, "goal") ? js(k, "goal") : "…");
        if (js(k, "want_confirmed_by"))
            printf("  confirmed by the %s on %.10s\n", js(k, "want_confirmed_by"),
                   js(k, "want_confirmed_at"));
        else
            printf("  not confirmed yet\n");
        if (js(k, "reread_at")) printf("  earlier messages re-read on %.10s\n", js(k, "reread_at"));
    }
    print_offers(c, json_object_get(k, "offers"));
    json_t *commitments = json_object_get(k, "commitments");
    if (json_array_size(commitments)) heading(c, "Commitments (P9)");
    json_array_foreach(commitments, i, v)
    {
        const char *state = js(v, "done_at")       ? "done"
                            : js(v, "handed_over") ? "handed over"
                                                   : "open";
        printf("  %s#%lld %s, due %s: %s", ji(v, "parent_id") ? "  " : "", (long long)ji(v, "id"),
               js(v, "text"), js(v, "due_on"), state);
        if (ji(v, "parent_id")) printf(" (part of #%lld)", (long long)ji(v, "parent_id"));
        printf("\n");
    }
    json_t *overdue = json_object_get(k, "overdue");
    if (json_array_size(overdue))
        printf("  %s%zu overdue%s\n", cli_red(c), json_array_size(overdue), cli_reset(c));
    json_t *fus = json_object_get(k, "followups");
    if (json_array_size(fus)) heading(c, "Follow-ups");
    json_array_foreach(fus, i, v)
    {
        printf("  #%lld %s on %s: %s\n", (long long)ji(v, "id"), js(v, "kind"), js(v, "due_on"),
               js(v, "done_at") ? (js(v, "outcome") ? js(v, "outcome") : "done") : "open");
    }
    if (js(k, "watch_until")) printf("  extra care until %s\n", js(k, "watch_until"));
    json_t *esc = json_object_get(k, "escalations");
    if (json_array_size(esc)) heading(c, "Escalations (P13)");
    json_array_foreach(esc, i, v)
    {
        printf("  #%lld %s: %s", (long long)ji(v, "id"), js(v, "level"), js(v, "reason"));
        if (js(v, "mediator")) printf("; mediator %s", js(v, "mediator"));
        if (js(v, "date")) printf("; on %s", js(v, "date"));
        printf("\n");
        if (js(v, "final_proposal")) printf("    final proposal: %s\n", js(v, "final_proposal"));
        printf("    outcome: %s\n", js(v, "outcome") ? js(v, "outcome") : "not recorded yet");
    }
    json_t *fb = json_object_get(k, "feedback");
    if (json_array_size(fb)) heading(c, "Feedback (P10)");
    json_array_foreach(fb, i, v)
        printf("  %lld/5%s%s\n", (long long)ji(v, "score"), js(v, "text") ? ": " : "",
               js(v, "text") ? js(v, "text") : "");
    json_t *lessons = json_object_get(k, "lessons");
    if (json_array_size(lessons)) heading(c, "Lesson (P11)");
    json_array_foreach(lessons, i, v)
    {
        printf("  went wrong: %s\n  will change: %s (%s)\n", js(v, "what_went_wrong"),
               js(v, "change"), ji(v, "change_made") ? "made" : "not made yet");
        if (js(v, "differently")) printf("  I will do differently: %s\n", js(v, "differently"));
        if (json_is_integer(json_object_get(v, "cost_minutes")) ||
            json_is_integer(json_object_get(v, "cost_amount"))) {
            char money[48] = "";
            if (js(v, "cost_currency"))
                money_format(ji(v, "cost_amount"), js(v, "cost_currency"), money, sizeof money);
            printf("  it cost: %lldh%02lld%s%s\n", (long long)(ji(v, "cost_minutes") / 60),
                   (long long)(ji(v, "cost_minutes") % 60), money[0] ? " and " : "", money);
        }
    }
    json_t *drafts = json_object_get(k, "drafts");
    if (json_array_size(drafts)) heading(c, "Reply drafts (P2)");
    json_array_foreach(drafts, i, v)
    {
        printf("  draft %lld: %s, %lld tone error%s\n", (long long)ji(v, "id"), js(v, "status"),
               (long long)ji(v, "errors"), ji(v, "errors") == 1 ? "" : "s");
    }
}
