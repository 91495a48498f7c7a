/* desk_client.c — adding, editing and reading clients and their projects. A project records
 * what was agreed up front (P20), which later settles whether an expectation was ever set. */
#include "desk/playbook_int.h"

#include <string.h>

/* Checks the optional contact fields shared by add and edit. */
static rd_err *check_contact(const desk_client_input *in)
{
    rd_err *e = text_check("email", in->email, 254, false);
    if (!e && in->email && *in->email) {
        const char *at = strchr(in->email, '@');
        if (!at || at == in->email || !at[1] || strchr(in->email, ' ') || !strchr(at, '.'))
            e = rd_error(RD_INVALID, "email: '%s' is not an email address", in->email);
    }
    if (!e) e = text_check("phone", in->phone, 50, false);
    if (!e && in->phone)
        for (const char *p = in->phone; *p && !e; p++)
            if (!strchr("0123456789 +-().", *p))
                e = rd_error(RD_INVALID, "phone: '%s' has a character a phone number cannot",
                             in->phone);
    if (!e) e = text_check("company", in->company, DESK_MAX_NAME, false);
    if (!e) e = text_check("notes", in->notes, DESK_MAX_NOTES, true);
    return e;
}

static json_t *client_detail(const desk_client_input *in)
{
    json_t *o = json_object();
    const char *keys[] = {"name", "email", "phone", "company", "notes", "status"};
    const char *vals[] = {in->name, in->email, in->phone, in->company, in->notes, in->status};
    for (int i = 0; i < 6; i++)
        if (vals[i]) json_object_set_new(o, keys[i], json_string(vals[i]));
    return o;
}

/* The store's shape of the desk's input: the same fields today, kept apart so that either can
 * change without the other. */
static rd_client_fields client_fields(const desk_client_input *in)
{
    return (rd_client_fields){.name = in->name,
                              .email = in->email,
                              .phone = in->phone,
                              .company = in->company,
                              .notes = in->notes,
                              .status = in->status};
}

rd_err *desk_client_add(rd_desk *d, const desk_client_input *in, int64_t *id)
{
    if (text_blank(in->name)) return rd_error(RD_INVALID, "name: is required");
    rd_err *e = text_check("name", in->name, DESK_MAX_NAME, false);
    if (!e) e = check_contact(in);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    if ((e = store_begin(d->st))) return e;
    rd_client_fields f = client_fields(in);
    e = store_client_insert(d->st, &f, now, id);
    if (!e) {
        json_t *detail = client_detail(in);
        e = desk_audit(d, "client.add", "clients", *id, detail);
        json_decref(detail);
    }
    return store_end(d->st, e);
}

rd_err *desk_client_edit(rd_desk *d, int64_t id, const desk_client_input *in)
{
    if (in->name && text_blank(in->name)) return rd_error(RD_INVALID, "name: cannot be empty");
    rd_err *e = text_check("name", in->name, DESK_MAX_NAME, false);
    if (!e) e = check_contact(in);
    if (!e && in->status && strcmp(in->status, "active") && strcmp(in->status, "terminated"))
        e = rd_error(RD_INVALID, "status: '%s' is not active or terminated", in->status);
    if (!e && !in->name && !in->email && !in->phone && !in->company && !in->notes && !in->status)
        e = rd_error_at(RD_USAGE, NULL, "give at least one field of the client to change");
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *row = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_client_get(d->st, id, &row);
    json_decref(row);
    rd_client_fields f = client_fields(in);
    if (!e) e = store_client_update(d->st, id, &f, now);
    if (!e) {
        json_t *detail = client_detail(in);
        e = desk_audit(d, "client.edit", "clients", id, detail);
        json_decref(detail);
    }
    return store_end(d->st, e);
}

rd_err *desk_client_get(rd_desk *d, int64_t id, json_t **out)
{
    json_t *client = NULL, *projects = NULL, *cases = NULL, *owed = NULL;
    rd_err *e = store_client_get(d->st, id, &client);
    if (!e) e = store_project_list(d->st, id, NULL, &projects);
    if (!e) e = store_case_list(d->st, NULL, NULL, id, NULL, &cases);
    if (!e) e = store_client_owed(d->st, id, &owed);
    if (e) {
        json_decref(client);
        json_decref(projects);
        json_decref(cases);
        return e;
    }
    json_object_set_new(client, "projects", projects);
    json_object_set_new(client, "cases", cases);
    json_object_set_new(client, "owed", owed);
    *out = client;
    return NULL;
}

rd_err *desk_client_list(rd_desk *d, rd_page *page, json_t **out)
{
    return store_client_list(d->st, page, out);
}

/* ---------------------------------------------------------------- projects */

/* Parses an optional amount; *has says whether one was given. */
static rd_err *optional_money(const char *field, const char *text, const char *currency,
                              int64_t *out, bool *has)
{
    *has = text != NULL;
    return *has ? money_parse(field, text, currency, out) : NULL;
}

rd_err *desk_project_add(rd_desk *d, const desk_project_input *in, int64_t *id)
{
    int64_t client_id, price, extra, terms = 30, revisions = 2;
    bool has_price, has_extra;
    char *own = NULL; /* the default currency is the user's own (config currency) */
    rd_err *e = in->currency ? NULL : desk_config_get(d, "currency", &own);
    if (e) return e;
    const char *currency = in->currency ? in->currency : own;
    int y, m, day;
    e = desk_parse_id("client", in->client, &client_id);
    if (!e && text_blank(in->title)) e = rd_error(RD_INVALID, "title: is required");
    if (!e) e = text_check("title", in->title, DESK_MAX_NAME, false);
    if (!e) e = text_check("scope", in->scope, DESK_MAX_NOTES, true);
    if (!e) e = text_check("deliverables", in->deliverables, DESK_MAX_NOTES, true);
    if (!e && in->deadline) e = date_parse("deadline", in->deadline, &y, &m, &day);
    if (!e) e = money_check_currency("currency", currency);
    if (!e) e = optional_money("price", in->price, currency, &price, &has_price);
    if (!e && in->payment_terms) e = parse_int("payment_terms", in->payment_terms, 0, 365, &terms);
    if (!e && in->revisions) e = parse_int("revisions", in->revisions, 0, 100, &revisions);
    if (!e)
        e = optional_money("extra_revision_price", in->extra_revision_price, currency, &extra,
                           &has_extra);
    if (e) {
        free(own);
        return e;
    }

    rd_project_fields f = {client_id,    in->title,
                           in->scope,    in->deliverables,
                           in->deadline, has_price ? &price : NULL,
                           currency,     terms,
                           revisions,    has_extra ? &extra : NULL};
    rd_timestr now;
    desk_now(now);
    json_t *client = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_client_get(d->st, client_id, &client);
    json_decref(client);
    if (!e) e = store_project_insert(d->st, &f, now, id);
    if (!e) {
        json_t *detail = json_pack("{s:I, s:s, s:s}", "client_id", (json_int_t)client_id, "title",
                                   in->title, "currency", currency);
        e = desk_audit(d, "project.add", "projects", *id, detail);
        json_decref(detail);
    }
    free(own);
    return store_end(d->st, e);
}

rd_err *desk_project_edit(rd_desk *d, int64_t id, const desk_project_change *in)
{
    static const char *const statuses[] = {"active", "delivered", "cancelled", NULL};
    int y, m, day;
    rd_err *e = NULL;
    if (in->title && text_blank(in->title)) e = rd_error(RD_INVALID, "title: cannot be empty");
    if (!e) e = text_check("title", in->title, DESK_MAX_NAME, false);
    if (!e) e = text_check("scope", in->scope, DESK_MAX_NOTES, true);
    if (!e) e = text_check("deliverables", in->deliverables, DESK_MAX_NOTES, true);
    if (!e && in->deadline && *in->deadline) e = date_parse("deadline", in->deadline, &y, &m, &day);
    if (!e && in->status && !desk_one_of(in->status, statuses))
        e = rd_error(RD_INVALID, "status: '%s' is not active, delivered or cancelled", in->status);
    if (!e && !in->title && !in->scope && !in->deliverables && !in->deadline && !in->status)
        e = rd_error_at(RD_USAGE, NULL, "give at least one field of the project to change");
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *p = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_project_get(d->st, id, &p);
    if (!e && desk_js(p, "status") && strcmp(desk_js(p, "status"), "handed_over") == 0)
        e = rd_error(RD_CONFLICT, "project: project %lld was handed over on termination",
                     (long long)id);
    json_decref(p);
    rd_project_change c = {.title = in->title,
                           .scope = in->scope,
                           .deliverables = in->deliverables,
                           .deadline = in->deadline,
                           .status = in->status};
    if (!e) e = store_project_update(d->st, id, &c, now);
    if (!e) {
        json_t *detail = json_pack("{s:s?, s:s?, s:s?, s:s?, s:s?}", "title", in->title, "scope",
                                   in->scope, "deliverables", in->deliverables, "deadline",
                                   in->deadline, "status", in->status);
        e = desk_audit(d, "project.edit", "projects", id, detail);
        json_decref(detail);
    }
    return store_end(d->st, e);
}

rd_err *desk_project_get(rd_desk *d, int64_t id, json_t **out)
{
    json_t *p = NULL;
    rd_err *e = store_project_get(d->st, id, &p);
    if (!e) e = pb_project_history(d, p);
    if (e) {
        json_decref(p);
        return e;
    }
    *out = p;
    return NULL;
}

rd_err *desk_project_list(rd_desk *d, int64_t client_id, rd_page *page, json_t **out)
{
    json_t *client = NULL;
    if (client_id) {
        rd_err *e = store_client_get(d->st, client_id, &client);
        json_decref(client);
        if (e) return e;
    }
    return store_project_list(d->st, client_id, page, out);
}
