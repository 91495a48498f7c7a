/* desk_demo.c — the demo desk `make run` shows: a handful of clients of a small design and
 * photography studio, their projects, and complaints at different points of the playbook. All
 * goes through the ordinary desk operations, so the demo is validated and audited like real
 * use. */
#include "desk/desk.h"
#include "store/store.h"

#include <stdio.h>

typedef struct demo_client {
    desk_client_input f;
    desk_project_input p; /* client field filled in at load time */
} demo_client;

static const demo_client clients[] = {
    {{"Harbour Lane Bakery", "orders@harbourlane.example", "+44 20 7946 0321", "Harbour Lane Ltd",
      "Owner Priya Nair; prefers phone calls before 10am.", NULL},
     {NULL, "Brand refresh and menu boards", "New logo, colour palette and six menu boards",
      "Logo files (SVG, PNG), palette PDF, six print-ready menu boards", "2026-10-30", "2,400.00",
      "GBP", "14", "2", "180.00"}},
    {{"Marco Bellini", "marco@bellini-events.example", "+39 02 1234 5678", "Bellini Events", NULL,
      NULL},
     {NULL, "Wedding photography — Villa Ada", "Full-day coverage, 400 edited photos",
      "Online gallery and 30-page album", "2026-09-20", "3,800.00", "EUR", "30", "1", "250.00"}},
    {{"Northwind Analytics", "ap@northwind.example", "+1 415 555 0188", "Northwind Analytics Inc.",
      "Accounts payable pays on the 15th; contact Dana Whitfield.", NULL},
     {NULL, "Quarterly report design", "Layout of the Q3 investor report, 40 pages",
      "Print PDF and accessible web PDF", "2026-10-15", "5,200.00", "USD", "30", "2", "400.00"}},
    {{"Zoë Lambert", "zoe.lambert@example.org", NULL, NULL, "Referred by Harbour Lane Bakery.",
      NULL},
     {NULL, "Portfolio website", "Five-page portfolio site with contact form",
      "Site on her hosting, handover call", "2026-12-15", "1,750.00", "EUR", "30", "3", NULL}},
};

static const struct {
    int client; /* index into clients[] */
    const char *channel;
    const char *received;
    const char *words;
} complaints[] = {
    {0, "email", "2026-11-02T08:12:00Z",
     "Hi, the menu boards arrived but the prices on two of them are the old ones and the "
     "colours look nothing like the proofs. We open the new counter on Saturday. I am really "
     "disappointed — we paid on time and I expected better. Can you fix this before Friday?"},
    {1, "email", "2026-11-10T19:40:00Z",
     "It has been SIX WEEKS since the wedding and we still have no album. You never answer "
     "my calls!!! If I do not hear from you by Monday I will leave a review on Google and ask "
     "my bank to reverse the deposit."},
    {2, "letter", "2026-11-18T10:00:00Z",
     "Dear Sir or Madam, invoice 2026-031 includes two rounds of revisions that we understood "
     "were part of the fixed price. We will not pay the balance until a corrected invoice is "
     "issued. Regards, Dana Whitfield, Accounts Payable"},
};

static rd_err *load_clients(rd_desk *d, int64_t *ids)
{
    for (size_t i = 0; i < sizeof clients / sizeof clients[0]; i++) {
        int64_t pid;
        rd_err *e = desk_client_add(d, &clients[i].f, &ids[i]);
        if (e) return e;
        char client[32];
        snprintf(client, sizeof client, "%lld", (long long)ids[i]);
        desk_project_input p = clients[i].p;
        p.client = client;
        if ((e = desk_project_add(d, &p, &pid))) return e;
    }
    return NULL;
}

/* Invoices and payments: Harbour Lane paid on time; Northwind paid its deposit three weeks
 * late and withholds the balance (their complaint), which makes the demand-letter and
 * walking-away tours real. Projects are numbered as the clients: 1 Harbour Lane, 3 Northwind. */
static const struct {
    const char *project, *number, *amount, *issued, *paid, *paid_on;
} invoices[] = {
    {"1", "HLB-0412", "2,400.00", "2026-10-20", "2,400.00", "2026-10-28"},
    {"3", "2026-024", "2,600.00", "2026-08-03", "2,600.00", "2026-09-24"},
    {"3", "2026-031", "2,600.00", "2026-10-16", NULL, NULL},
};

static rd_err *load_invoices(rd_desk *d)
{
    for (size_t i = 0; i < sizeof invoices / sizeof invoices[0]; i++) {
        int64_t id, pay_id;
        desk_invoice_input in = {invoices[i].project, invoices[i].number, invoices[i].amount,
                                 invoices[i].issued, NULL};
        rd_err *e = desk_invoice_add(d, &in, &id);
        if (e || !invoices[i].paid) return e;
        char inv[32];
        snprintf(inv, sizeof inv, "%lld", (long long)id);
        desk_payment_input p = {inv, invoices[i].paid, invoices[i].paid_on};
        if ((e = desk_invoice_pay(d, &p, &pay_id))) return e;
    }
    return NULL;
}

/* Everything the demo adds, in one batch (see desk_demo_load). */
static rd_err *demo_load(rd_desk *d)
{
    json_t *existing = NULL;
    rd_page one = {1, 0, 0};
    rd_err *e = store_client_list(d->st, &one, &existing);
    size_t n = json_array_size(existing);
    json_decref(existing);
    if (e) return e;
    if (n > 0) return rd_error(RD_CONFLICT, "demo: the desk already has clients");

    int64_t ids[sizeof clients / sizeof clients[0]];
    if ((e = load_clients(d, ids))) return e;
    if ((e = load_invoices(d))) return e;
    for (size_t i = 0; i < sizeof complaints / sizeof complaints[0]; i++) {
        char client[32], project[32];
        int64_t case_id;
        snprintf(client, sizeof client, "%lld", (long long)ids[complaints[i].client]);
        /* each demo client has exactly one project, created in order */
        snprintf(project, sizeof project, "%d", complaints[i].client + 1);
        desk_case_input in = {client, project, complaints[i].channel, complaints[i].received,
                              complaints[i].words};
        if ((e = desk_case_open(d, &in, &case_id))) return e;
    }
    char client[32];
    int64_t log_id;
    snprintf(client, sizeof client, "%lld", (long long)ids[0]);
    desk_log_input reply = {client,
                            "1",
                            "out",
                            "phone",
                            "2026-11-02T09:30:00Z",
                            "Call with Priya about the menu boards",
                            "Called Priya. Agreed the two boards with old prices are my mistake. "
                            "She wants the colours matched to the approved proof."};
    return desk_log_add(d, &reply, &log_id);
}

rd_err *desk_demo_load(rd_desk *d)
{
    /* One transaction around every operation: a demo killed midway leaves the desk as it was,
     * so `redress demo` can simply be run again. */
    rd_err *e = store_batch_begin(d->st);
    if (e) return e;
    return store_batch_end(d->st, demo_load(d));
}
