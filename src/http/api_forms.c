/* api_forms.c — the JSON API's calls for the desk operations the web desk's later forms brought
 * in (page_forms.c): a case's escalations and the mediation's final proposal, what to weigh
 * before the legal step, write-offs and credit notes, and what the user will do differently
 * after a lesson. Each reads its arguments, calls one desk operation and returns its result. */
#include "http/http_int.h"

#define ARG(name) http_arg(rq, name)

/* 200 {"ok": true} or e. */
static rd_err *ok_or(http_resp *rs, rd_err *e)
{
    return e ? e : http_json(rs, 200, json_pack("{s:b}", "ok", 1));
}

rd_err *api_escalation_list(http_req *rq, http_resp *rs)
{
    return api_get_by_id(rq, rs, desk_escalation_list);
}

rd_err *api_escalation_proposal(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_escalation_proposal(rq->desk, id, ARG("text"));
    return ok_or(rs, e);
}

rd_err *api_legal_checklist(http_req *rq, http_resp *rs)
{
    return api_get_by_id(rq, rs, desk_legal_checklist);
}

rd_err *api_invoice_adjust(http_req *rq, http_resp *rs)
{
    int64_t invoice_id, id = 0;
    char ref[32];
    rd_err *e = http_arg_id(rq, "id", &invoice_id);
    if (!e) e = http_invoice_name(rq->desk, invoice_id, ref, sizeof ref);
    if (e) return e;
    desk_adjust_input in = {ref, ARG("kind"), ARG("amount"), ARG("number"), ARG("reason")};
    e = desk_invoice_adjust(rq->desk, &in, &id);
    return e ? e : api_created(rs, id);
}

rd_err *api_lesson_differently(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_lesson_differently(rq->desk, id, ARG("text"));
    return ok_or(rs, e);
}
