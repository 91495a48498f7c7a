/* cli_invoice.c — `redress invoice …` and `redress letter demand`: unpaid invoices, reminders
 * and the formal demand for payment (P15). Letters go to standard output so they can be saved
 * or piped; notes for the user (the cost-benefit line) go to standard error. */
#include "cli/cli.h"

#include <stdlib.h>

static const cli_col invoice_cols[] = {{"ID", "id", COL_INT, 0},
                                       {"CLIENT", "client_name", COL_TEXT, 22},
                                       {"NUMBER", "number", COL_TEXT, 0},
                                       {"ISSUED", "issued_on", COL_DATE, 0},
                                       {"DUE", "due_on", COL_DATE, 0},
                                       {"AMOUNT", "amount", COL_MONEY, 0},
                                       {"BALANCE", "balance", COL_MONEY, 0},
                                       {"DAYS OVERDUE", "days_overdue", COL_INT, 0},
                                       {NULL, NULL, 0, 0}};

static const cli_col invoice_fields[] = {{"invoice", "id", COL_INT, 0},
                                         {"number", "number", COL_TEXT, 0},
                                         {"client", "client_name", COL_TEXT, 0},
                                         {"project", "project_title", COL_TEXT, 0},
                                         {"issued", "issued_on", COL_DATE, 0},
                                         {"due", "due_on", COL_DATE, 0},
                                         {"amount", "amount", COL_MONEY, 0},
                                         {"paid", "paid", COL_MONEY, 0},
                                         {"written off", "adjusted", COL_MONEY, 0},
                                         {"balance", "balance", COL_MONEY, 0},
                                         {"days overdue", "days_overdue", COL_INT, 0},
                                         {"reminders", "reminders", COL_INT, 0},
                                         {NULL, NULL, 0, 0}};

static const cli_col payment_cols[] = {{"PAYMENT", "id", COL_INT, 0},
                                       {"ON", "paid_on", COL_DATE, 0},
                                       {"AMOUNT", "amount", COL_MONEY, 0},
                                       {NULL, NULL, 0, 0}};

static rd_err *invoice_add(cli_ctx *c)
{
    desk_invoice_input in = {.project = cli_get(c, "project"),
                             .number = cli_get(c, "number"),
                             .amount = cli_get(c, "amount"),
                             .issued = cli_get(c, "issued"),
                             .due = cli_get(c, "due")};
    int64_t id;
    rd_err *e = desk_invoice_add(&c->desk, &in, &id);
    if (!e) cli_print_id(c, id);
    return e;
}

static rd_err *invoice_pay(cli_ctx *c)
{
    desk_payment_input in = {
        .invoice = c->pos[0], .amount = cli_get(c, "amount"), .on = cli_get(c, "on")};
    int64_t id;
    rd_err *e = desk_invoice_pay(&c->desk, &in, &id);
    if (!e) cli_print_id(c, id);
    return e;
}

static rd_err *invoice_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    return desk_invoice_list(&c->desk, cli_get(c, "client"), cli_flag(c, "overdue"), page, rows);
}

static rd_err *invoice_list(cli_ctx *c)
{
    return cli_list_pages(c, invoice_page, invoice_cols);
}

static rd_err *invoice_show(cli_ctx *c)
{
    int64_t id;
    json_t *inv;
    rd_err *e = desk_invoice_ref(&c->desk, "invoice", c->pos[0], &id);
    if (!e) e = desk_invoice_get(&c->desk, id, &inv);
    if (e) return e;
    if (c->json) {
        cli_print_json(inv);
    } else {
        cli_fields(c, inv, invoice_fields);
        json_t *payments = json_object_get(inv, "payments");
        size_t i;
        json_t *p;
        json_array_foreach(payments, i, p)
            json_object_set(p, "currency", json_object_get(inv, "currency"));
        if (json_array_size(payments) > 0) {
            printf("\n%sPayments%s\n", cli_bold(c), cli_reset(c));
            cli_table(c, payments, payment_cols);
        }
    }
    json_decref(inv);
    return NULL;
}

static rd_err *adjust(cli_ctx *c, const char *kind)
{
    desk_adjust_input in = {.invoice = c->pos[0],
                            .kind = kind,
                            .amount = cli_get(c, "amount"),
                            .number = cli_get(c, "number"),
                            .reason = cli_get(c, "reason")};
    int64_t id;
    rd_err *e = desk_invoice_adjust(&c->desk, &in, &id);
    if (!e) cli_print_id(c, id);
    return e;
}

static rd_err *write_off(cli_ctx *c)
{
    return adjust(c, "write_off");
}

static rd_err *credit_note(cli_ctx *c)
{
    return adjust(c, "credit_note");
}

static rd_err *invoice_remind(cli_ctx *c)
{
    int64_t id;
    json_t *r = NULL;
    desk_remind_input in = {.preview = cli_flag(c, "preview"),
                            .channel = cli_get(c, "channel"),
                            .override = cli_get(c, "override")};
    int fd = -1;
    rd_err *e = desk_invoice_ref(&c->desk, "invoice", c->pos[0], &id);
    if (!e && in.preview && cli_flag(c, "send"))
        e = rd_error(RD_USAGE, "--send: a preview sends nothing; leave out --preview");
    if (!e) e = cli_pdf_open(c, &fd);
    if (!e) e = desk_invoice_remind_with(&c->desk, id, &in, &r);
    const char *subject = e ? NULL : js(r, "subject");
    e = cli_pdf_finish(c, fd, e, subject, subject, e ? NULL : js(r, "text"));
    if (e) {
        json_decref(r);
        return e;
    }
    if (c->json)
        cli_print_json(r);
    else
        printf("Subject: %s\n\n%s", js(r, "subject"), js(r, "text"));
    if (!c->json && in.preview)
        fprintf(stderr, "preview only: nothing was sent, logged or counted\n");
    fflush(stdout);
    e = cli_letter_send(c, ji(r, "log_id"));
    json_decref(r);
    return e;
}

static rd_err *letter_demand(cli_ctx *c)
{
    const char *invoice = NULL;
    rd_err *e = cli_named(c, "invoice", &invoice);
    if (e) return e;
    desk_demand_input in = {.invoice = invoice,
                            .pursuit_cost = cli_get(c, "pursuit-cost"),
                            .deadline_days = cli_get(c, "deadline-days"),
                            .override = cli_get(c, "override")};
    json_t *r = NULL;
    int fd;
    e = cli_pdf_open(c, &fd);
    if (!e) e = desk_letter_demand(&c->desk, &in, &r);
    e = cli_pdf_finish(c, fd, e, "Formal demand for payment", NULL, r ? js(r, "letter") : NULL);
    if (e) {
        json_decref(r);
        return e;
    }
    if (c->json) {
        cli_print_json(r);
    } else {
        printf("%s", js(r, "letter"));
        fflush(stdout);
        json_t *over = json_object_get(r, "overridden");
        if (json_array_size(over) > 0)
            fprintf(stderr, "note: written without %zu prerequisite%s (override recorded)\n",
                    json_array_size(over), json_array_size(over) == 1 ? "" : "s");
        fprintf(stderr, "%s%s\n", js(r, "cost_benefit"),
                cli_get(c, "pursuit-cost") ? "" : " (--pursuit-cost AMOUNT)");
    }
    fflush(stdout);
    e = cli_letter_send(c, ji(r, "log_id"));
    json_decref(r);
    return e;
}

static const cli_opt adjust_opts[] = {{"amount", "A", CLI_REQUIRED, "how much of the open balance"},
                                      {"reason", "TEXT", CLI_REQUIRED, "why (audited)"},
                                      {"number", "N", 0, "the credit note's own number"},
                                      {NULL, NULL, 0, NULL}};
static const cli_opt remind_opts[] = {
    {"preview", NULL, 0, "show the reminder; send, log and count nothing"},
    {"channel", "CH", 0, "how it was sent: email (default), letter, phone, chat, meeting"},
    {"override", "REASON", 0, "send although a case is paused or cooling off (audited)"},
    {"pdf", "FILE", 0, "also write the reminder as a PDF to a new file (0600)"},
    {"send", NULL, 0, "then send it by email (as letter send; the PDF attached with --pdf)"},
    {NULL, NULL, 0, NULL}};
static const cli_opt invoice_add_opts[] = {
    {"project", "ID", CLI_REQUIRED, "the project it bills (its currency is the invoice's)"},
    {"number", "N", CLI_REQUIRED, "your invoice number, e.g. 2026-014"},
    {"amount", "AMOUNT", CLI_REQUIRED, "total, e.g. 1,250.00 (a code after it must match)"},
    {"issued", "YYYY-MM-DD", CLI_REQUIRED, "issue date, not in the future"},
    {"due", "YYYY-MM-DD", 0, "due date; default: issued + the project's payment terms"},
    {NULL, NULL, 0, NULL}};

static const cli_opt invoice_pay_opts[] = {
    {"amount", "AMOUNT", CLI_REQUIRED, "what arrived; no more than the balance"},
    {"on", "YYYY-MM-DD", CLI_REQUIRED, "the date the money arrived"},
    {NULL, NULL, 0, NULL}};

static const cli_opt invoice_list_opts[] = {
    {"overdue", NULL, 0, "only invoices past due with a balance"},
    {"client", "ID", 0, "only this client's invoices"},
    {NULL, NULL, 0, NULL}};

static const cli_opt no_opts[] = {{NULL, NULL, 0, NULL}};

static const cli_opt letter_demand_opts[] = {
    {"invoice", "N", 0, "the overdue invoice: its number (2026-031) or id"},
    {"pursuit-cost", "AMOUNT", 0, "your estimate of what pursuing the debt would cost"},
    {"deadline-days", "N", 0, "days to pay from today (default 14)"},
    {"override", "REASON", 0, "write it although prerequisites are missing (audited)"},
    {"pdf", "FILE", 0, "also write the letter as a PDF to a new file (0600)"},
    {"send", NULL, 0, "then send it by email (as letter send; the PDF attached with --pdf)"},
    {NULL, NULL, 0, NULL}};

const cli_cmd cmd_invoice_add = {"invoice add",
                                 NULL,
                                 0,
                                 0,
                                 CMD_JSON,
                                 "Record an invoice for a project; prints its id.",
                                 "The amount is in the project's currency. Without --due the due"
                                 " date is the issue date plus the project's payment terms.",
                                 invoice_add_opts,
                                 invoice_add};
const cli_cmd cmd_invoice_pay = {"invoice pay",
                                 "INVOICE",
                                 1,
                                 1,
                                 CMD_JSON,
                                 "Record a payment against an invoice; prints the payment id.",
                                 "A payment cannot exceed the balance, be dated in the future or"
                                 " before the invoice was issued.",
                                 invoice_pay_opts,
                                 invoice_pay};
const cli_cmd cmd_invoice_list = {"invoice list",
                                  NULL,
                                  0,
                                  0,
                                  CMD_JSON | CMD_LIST,
                                  "List invoices with their balance and days overdue.",
                                  NULL,
                                  invoice_list_opts,
                                  invoice_list};
const cli_cmd cmd_invoice_show = {
    "invoice show", "INVOICE", 1,           1, CMD_JSON, "Show an invoice with its payments.",
    NULL,           no_opts,   invoice_show};
const cli_cmd cmd_invoice_remind = {
    "invoice remind",
    "INVOICE",
    1,
    1,
    CMD_JSON,
    "Write a payment reminder and log it; prints the reminder.",
    "The reminder is recorded in the client's communication log (out, on --channel, default "
    "email) and counted; the demand letter needs at least one. --preview shows it and records "
    "nothing. While a case of the client is paused or cooling off nothing is sent, unless "
    "--override gives a reason (audited). The invoice is its id or its number (2026-033).",
    remind_opts,
    invoice_remind};
const cli_cmd cmd_letter_demand = {
    "letter demand",
    NULL,
    0,
    1,
    CMD_JSON,
    "Write the formal demand for payment of an overdue invoice (P15).",
    "Needs, on file: the contract terms (the project's price, payment terms and scope or"
    " deliverables), at least one logged reminder, and mediation offered on a case of the client."
    " Missing prerequisites are named and nothing is written, unless --override gives a reason."
    " The letter goes to standard output and into the communication log (out, letter); the"
    " cost-benefit line goes to standard error. --invoice is required (the number alone after"
    " the command works too).",
    letter_demand_opts,
    letter_demand};
const cli_cmd cmd_invoice_write_off = {
    "invoice write-off",
    "INVOICE",
    1,
    1,
    CMD_JSON,
    "Write off part or all of an invoice's open balance; prints its id.",
    "The invoice and its payments stay as they were; the write-off lowers the balance, is audited "
    "and shows in invoice show. INVOICE is its number (2026-033) or id.",
    adjust_opts,
    write_off};
const cli_cmd cmd_invoice_credit_note = {
    "invoice credit-note",
    "INVOICE",
    1,
    1,
    CMD_JSON,
    "Record a credit note against an invoice; prints its id.",
    "Lowers the open balance like a write-off, with the credit note's own --number.",
    adjust_opts,
    credit_note};
