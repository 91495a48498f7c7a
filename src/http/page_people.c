/* page_people.c — People: who may use the web desk and the JSON API. The users (each one's
 * sessions open now, and removing someone who left), adding a user, changing your own password,
 * and the API tokens (made and shown once, revoked). Each form is one desk call. */
#include "http/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void section_users(hw *w, const page_view *v, json_t *users, const rd_page *pg)
{
    HW_RAW(w, "<section class=\"card\" id=\"users\" aria-labelledby=\"users-h\">"
              "<h2 id=\"users-h\">People who may sign in</h2><table class=\"rows\"><thead><tr>"
              "<th>Name</th><th>Signs in with</th><th class=\"num\">Sessions open</th>"
              "<th>Added</th><th></th></tr></thead><tbody>");
    size_t i;
    json_t *u;
    json_array_foreach(users, i, u)
    {
        bool removed = desk_js(u, "removed_at") != NULL;
        bool self = v->user && !strcmp(v->user, desk_js(u, "name"));
        if (removed)
            HW_RAW(w, "<tr class=\"muted\"><td>");
        else
            HW_RAW(w, "<tr><td>");
        hw_text(w, desk_js(u, "name"));
        if (self) HW_RAW(w, " (you)");
        HW_RAW(w, "</td><td>");
        hw_text(w, removed                      ? "nothing: removed"
                   : desk_ji(u, "has_password") ? "a password"
                                                : "a one-time link only");
        HW_RAW(w, "</td><td class=\"num\">");
        hw_textf(w, "%lld", (long long)desk_ji(u, "sessions"));
        HW_RAW(w, "</td><td>");
        hw_time(w, desk_js(u, "created_at"));
        if (removed) {
            HW_RAW(w, "; removed ");
            hw_time(w, desk_js(u, "removed_at"));
        }
        HW_RAW(w, "</td><td>");
        if (!removed && !self) {
            char form[48];
            page_item_form(form, sizeof form, "user_remove", desk_ji(u, "id"));
            form_button(w, v, "/people", form, "Remove: sign out, no more sign-in", "secondary");
        }
        HW_RAW(w, "</td></tr>");
    }
    HW_RAW(w, "</tbody></table>");
    hw_pager(w, v, "/people", pg);
    HW_RAW(w, "<p class=\"muted\">Removing someone who left ends their sessions "
              "at once; the log and the audit trail still name them, and adding the same name "
              "again brings the account back with a new password.</p></section>");
}

static void section_add_user(hw *w, const page_view *v)
{
    static const char *const fields[] = {"name", "password", "password_again", NULL};
    HW_RAW(w, "<section class=\"card\" id=\"add-user\" aria-labelledby=\"add-user-h\">"
              "<h2 id=\"add-user-h\">Add a person</h2>");
    form_open(w, v, "/people", "user_add", fields);
    form_field(w, v, "user_add", "name", "Sign-in name", "letters, digits, '.', '_' or '-'", "text",
               "");
    form_field(w, v, "user_add", "password", "Password",
               "at least 10 characters; tell them, they can change it here", "password", "");
    form_field(w, v, "user_add", "password_again", "The password again", NULL, "password", "");
    form_close(w, "Add");
    HW_RAW(w, "</section>");
}

static void section_password(hw *w, const page_view *v)
{
    static const char *const fields[] = {"current", "password", "password_again", NULL};
    HW_RAW(w, "<section class=\"card\" id=\"password\" aria-labelledby=\"password-h\">"
              "<h2 id=\"password-h\">Your password</h2>");
    form_open(w, v, "/people", "password", fields);
    form_field(w, v, "password", "current", "Current password", NULL, "password", "");
    form_field(w, v, "password", "password", "New password", "at least 10 characters", "password",
               "");
    form_field(w, v, "password", "password_again", "The new password again", NULL, "password", "");
    form_close(w, "Change my password");
    HW_RAW(w, "</section>");
}

static void section_tokens(hw *w, const page_view *v, json_t *tokens, const rd_page *pg)
{
    HW_RAW(w, "<section class=\"card\" id=\"tokens\" aria-labelledby=\"tokens-h\">"
              "<h2 id=\"tokens-h\">API tokens</h2><p class=\"muted\">A program (a script, a "
              "mail filter, another tool) calls the JSON API under /api/v1/ with a token sent "
              "as <code>Authorization: Bearer TOKEN</code>. The token is shown once, when it is "
              "made; the desk keeps only its fingerprint.</p>");
    if (json_array_size(tokens)) {
        HW_RAW(w, "<table class=\"rows\"><thead><tr><th>Token</th><th>Made</th><th>Revoked</th>"
                  "<th></th></tr></thead><tbody>");
        size_t i;
        json_t *t;
        json_array_foreach(tokens, i, t)
        {
            HW_RAW(w, "<tr><td>");
            hw_text(w, desk_js(t, "name"));
            HW_RAW(w, "</td><td>");
            hw_time(w, desk_js(t, "created_at"));
            HW_RAW(w, "</td><td>");
            if (desk_js(t, "revoked_at")) hw_time(w, desk_js(t, "revoked_at"));
            HW_RAW(w, "</td><td>");
            if (!desk_js(t, "revoked_at")) {
                char form[48];
                page_item_form(form, sizeof form, "token_revoke", desk_ji(t, "id"));
                form_button(w, v, "/people", form, "Revoke", "secondary");
            }
            HW_RAW(w, "</td></tr>");
        }
        HW_RAW(w, "</tbody></table>");
    }
    hw_pager_at(w, v, "/people", "tokens_after", pg);
    static const char *const fields[] = {"name", NULL};
    form_open(w, v, "/people", "token_create", fields);
    form_field(w, v, "token_create", "name", "What the new token is for",
               "letters, digits, '.', '_' or '-', such as mail-filter", "text", "");
    form_close(w, "Make a token");
    HW_RAW(w, "</section>");
}

rd_err *page_people_body(rd_desk *d, const page_view *v, hw *w)
{
    json_t *users = NULL, *tokens = NULL;
    rd_page upg, tpg;
    rd_err *e = page_paging(v, &upg);
    if (!e) e = page_paging_at(v, "tokens_after", &tpg);
    if (!e) e = desk_user_list(d, &upg, &users);
    if (!e) e = desk_token_list(d, &tpg, &tokens);
    if (!e) {
        page_open(w, v, "People and access", "people");
        HW_RAW(w, "<h1>People and access</h1>");
        section_users(w, v, users, &upg);
        section_add_user(w, v);
        section_password(w, v);
        section_tokens(w, v, tokens, &tpg);
        page_close(w);
    }
    json_decref(users);
    json_decref(tokens);
    return e;
}

/* The two copies of a new password must agree before any desk call. */
static rd_err *same_twice(page_arg_fn arg, const void *ctx)
{
    const char *a = arg(ctx, "password"), *b = arg(ctx, "password_again");
    if (a && b && strcmp(a, b) == 0) return NULL;
    return rd_error(RD_INVALID, "password_again: the two passwords differ");
}

/* The name of user id (an indexed read); RD_NOT_FOUND when none. */
static rd_err *user_name(rd_desk *d, int64_t id, char *out, size_t n)
{
    json_t *u = NULL;
    rd_err *e = desk_user_get(d, id, &u);
    if (!e) snprintf(out, n, "%s", desk_js(u, "name"));
    json_decref(u);
    return e;
}

rd_err *page_people_form(rd_desk *d, const page_people_who *who, page_arg_fn arg, const void *ctx,
                         char **location, char **secret)
{
    const char *form = arg(ctx, "form");
    if (!form) return rd_error(RD_INVALID, "form: missing");
    char base[48], name[80];
    page_form_base(form, base, sizeof base);
    const char *dash = strchr(form, '-');
    int64_t id = dash ? strtoll(dash + 1, NULL, 10) : 0;
    int64_t made = 0;
    rd_err *e = NULL;
    if (!strcmp(base, "user_add")) {
        e = same_twice(arg, ctx);
        if (!e) e = desk_user_add(d, arg(ctx, "name"), arg(ctx, "password"), &made);
    } else if (!strcmp(base, "password")) {
        e = same_twice(arg, ctx);
        if (!e && !arg(ctx, "current")) e = rd_error(RD_INVALID, "current: is required");
        if (!e)
            e = desk_user_password(d, who->name, arg(ctx, "current"), arg(ctx, "password"),
                                   who->address);
    } else if (!strcmp(base, "user_remove")) {
        e = user_name(d, id, name, sizeof name);
        if (!e) e = desk_user_remove(d, name, who->user_id);
    } else if (!strcmp(base, "token_create")) {
        e = desk_token_create(d, arg(ctx, "name"), secret, &made);
    } else if (!strcmp(base, "token_revoke")) {
        e = desk_token_revoke(d, id);
    } else {
        e = rd_error(RD_INVALID, "form: '%s' is not a form of this page", form);
    }
    if (!e) *location = xasprintf("/people?done=%s", base);
    return e;
}

const char *page_people_notice(const char *done)
{
    static const char *const notices[][2] = {
        {"user_add", "Added: they can sign in now."},
        {"password", "Your password is changed."},
        {"user_remove", "Removed: signed out everywhere, and no more sign-in."},
        {"token_revoke", "Token revoked: it is refused from now on."},
    };
    for (size_t i = 0; done && i < sizeof notices / sizeof notices[0]; i++)
        if (!strcmp(notices[i][0], done)) return notices[i][1];
    return NULL;
}

rd_err *page_token_shown(const page_view *v, const char *secret, hw *w)
{
    page_open(w, v, "A new API token", "people");
    HW_RAW(w, "<h1>A new API token</h1><p>Copy it now into the program that will use it: it is "
              "shown only this once (the desk keeps only a fingerprint of it). The program sends "
              "it as <code>Authorization: Bearer TOKEN</code> with each call to /api/v1/.</p>"
              "<p><label for=\"token-value\">Token</label> <input id=\"token-value\" "
              "type=\"text\" readonly size=\"70\"");
    hw_attr(w, "value", secret);
    HW_RAW(w, "></p><p><a href=\"/people#tokens\">Back to People and access</a></p>");
    page_close(w);
    return NULL;
}
