/* fuzz_multipart.c — http_parse_body on a multipart/form-data body, the parser of a browser's
 * file upload, which reads bytes anyone can send. Input: the Content-Type's boundary on the first
 * line, the body after it. Whatever it accepts leaves the file's bytes inside the body and every
 * form value a string or an array of strings; anything else is a RD_USAGE error. */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "http/http_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size);
    size_t blen = nl ? (size_t)(nl - data) : size;
    if (blen > 200) blen = 200;
    char type[256] = "multipart/form-data; boundary=";
    memcpy(type + 30, data, blen);
    type[30 + blen] = '\0';
    const char *body = nl ? (const char *)nl + 1 : (const char *)data + size;
    size_t len = (size_t)((const char *)data + size - body);
    http_req rq;
    memset(&rq, 0, sizeof rq);
    rq.form = json_object();
    rd_err *e = http_parse_body(&rq, type, body, len);
    if (e) {
        assert(e->code == RD_USAGE);
        rd_err_free(e);
    } else if (rq.upload.name) {
        assert(rq.upload.data >= body && rq.upload.data + rq.upload.size <= body + len);
    }
    const char *key;
    json_t *v;
    json_object_foreach(rq.form, key, v) assert(json_is_string(v) || json_is_array(v));
    json_decref(rq.form);
    return 0;
}
