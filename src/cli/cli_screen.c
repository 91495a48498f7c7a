/* cli_screen.c — screening on the command line (P21): when new work is created for a client
 * with a history, that history is printed before the new id. */
#include "cli/cli.h"

rd_err *cli_history_before(cli_ctx *c, const char *client, json_t **history)
{
    int64_t id;
    *history = NULL;
    rd_err *e = desk_parse_id("client", client, &id);
    if (!e) e = desk_client_history(&c->desk, id, history);
    if (e && e->code != RD_DB && e->code != RD_IO) { /* a bad client: the operation says so */
        rd_err_free(e);
        e = NULL;
    }
    return e;
}

void cli_print_id_history(cli_ctx *c, int64_t id, json_t *history)
{
    if (c->json) {
        json_t *o = json_pack("{s:I, s:O}", "id", (json_int_t)id, "history",
                              history ? history : json_array());
        cli_print_json(o);
        json_decref(o);
        json_decref(history);
        return;
    }
    if (json_array_size(history) > 0) {
        fprintf(stderr, "Screening: this client has a history\n");
        size_t i;
        json_t *h;
        json_array_foreach(history, i, h) fprintf(stderr, "  ! %s\n", js(h, "text"));
        fflush(stderr);
    }
    json_decref(history);
    cli_print_id(c, id);
}
