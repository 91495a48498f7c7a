/* cli_action.c — renders the actions the desk suggests (`case next`, `today`) as commands with
 * the real ids, ready to paste. The desk names an action and its parameters; this table says
 * which command runs it and which parameter is its positional argument. The web desk renders
 * the same actions as buttons. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *action; /* the desk's action name (desk.h) */
    const char *words;  /* the command */
    const char *pos;    /* the parameter given as the positional argument: "case" is the
                           action's case; NULL when none */
    int case_opt;       /* 1: the case is given as --case N */
    const char *tail;   /* words the command always takes for this action, or NULL */
} commands[] = {
    {"concern.add", "case concern add", "case", 0, NULL},
    {"case.acknowledge", "case acknowledge", "case", 0, NULL},
    {"case.cause", "case cause", "case", 0, NULL},
    {"case.reread", "case reread", "case", 0, NULL},
    {"case.want", "case want", "case", 0, NULL},
    {"case.confirm", "case confirm", "case", 0, NULL},
    {"case.correct", "case confirm", "case", 0, NULL},
    {"case.pause", "case pause", "case", 0, NULL},
    {"case.resume", "case resume", "case", 0, NULL},
    {"case.show", "case show", "case", 0, NULL},
    {"case.next", "case next", "case", 0, NULL},
    {"case.close", "case close", "case", 0, NULL},
    {"offer.make", "offer make", "case", 0, NULL},
    {"offer.choose", "offer choose", "offer", 0, NULL},
    {"offer.reject", "offer reject", "offer", 0, NULL},
    {"offer.list", "offer list", "case", 0, NULL},
    {"commitment.done", "commitment done", "commitment", 0, NULL},
    {"commitment.list", "commitment list", NULL, 1, NULL},
    {"followup.add", "followup add", "case", 0, NULL},
    {"followup.done", "followup done", "followup", 0, NULL},
    {"feedback.record", "feedback record", "case", 0, NULL},
    {"lesson.list", "lesson list", NULL, 0, NULL},
    {"escalation.outcome", "escalation outcome", "escalation", 0, NULL},
    {"invoice.remind", "invoice remind", "invoice", 0, NULL},
    {"draft.release", "draft release", "draft", 0, NULL},
    {"portal.seen", "portal seen", "event", 0, NULL},
    {"legal.checklist", "escalate", "case", 0, " --checklist"},
    {"draft.edit", "draft edit", "draft", 0, NULL},
    {"client.edit", "client edit", "client", 0, NULL},
    {"config.set", "config set", NULL, 0, " KEY VALUE"},
    {"config.list", "config list", NULL, 0, NULL},
};

/* A hint is pasted as is when it is one word of plain characters, else quoted. */
static int plain(const char *s)
{
    for (; *s; s++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_|:.%-", *s))
            return 0;
    return 1;
}

static void add_value(rd_buf *b, json_t *v)
{
    if (json_is_integer(v))
        rd_err_free(buf_addf(b, " %lld", (long long)json_integer_value(v)));
    else if (json_is_string(v) && plain(json_string_value(v)))
        rd_err_free(buf_addf(b, " %s", json_string_value(v)));
    else if (json_is_string(v))
        rd_err_free(buf_addf(b, " \"%s\"", json_string_value(v)));
    else
        rd_err_free(buf_adds(b, " ID"));
}

char *cli_action_command(json_t *a)
{
    const char *name = js(a, "action");
    const char *words = name, *pos = NULL;
    const char *tail = NULL;
    int case_opt = 0;
    for (size_t i = 0; name && i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].action, name) == 0) {
            words = commands[i].words;
            pos = commands[i].pos;
            case_opt = commands[i].case_opt;
            tail = commands[i].tail;
        }
    rd_buf b;
    buf_init(&b, 0);
    rd_err_free(buf_addf(&b, "redress %s", words ? words : "?"));
    json_t *params = json_object_get(a, "params");
    if (pos && strcmp(pos, "case") == 0)
        add_value(&b, json_object_get(a, "case"));
    else if (pos)
        add_value(&b, json_object_get(params, pos));
    if (case_opt) {
        rd_err_free(buf_adds(&b, " --case"));
        add_value(&b, json_object_get(a, "case"));
    }
    if (tail) rd_err_free(buf_adds(&b, tail));
    const char *key;
    json_t *v;
    json_object_foreach(params, key, v)
    {
        if (pos && strcmp(key, pos) == 0) continue;
        if (json_is_false(v) || json_is_null(v)) continue;
        rd_err_free(buf_adds(&b, " --"));
        for (const char *k = key; *k; k++)
            rd_err_free(buf_addf(&b, "%c", *k == '_' ? '-' : *k));
        if (!json_is_true(v)) add_value(&b, v);
    }
    size_t i;
    json_array_foreach(json_object_get(a, "inputs"), i, v)
    {
        const char *hint = js(v, "hint");
        rd_err_free(buf_addf(&b, " --%s", js(v, "name")));
        rd_err_free(buf_addf(&b, plain(hint) ? " %s" : " \"%s\"", hint));
    }
    return buf_detach(&b);
}
