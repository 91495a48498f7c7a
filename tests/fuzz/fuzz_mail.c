/* fuzz_mail.c — libFuzzer target for the import path: any bytes through mail_parse() (GMime,
 * charset conversion, HTML to text, attachments) and mail_html_to_text(). Whatever the input,
 * the result is valid UTF-8 without control characters, or a skip reason. */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mail/mail.h"

/* Text the desk stores must pass text_check: UTF-8, no controls but tab and newline. */
static void clean(const char *s)
{
    if (!s) return;
    assert(utf8_valid(s, strlen(s)));
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        assert(*p >= 0x20 || *p == '\t' || *p == '\n');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mail_msg *m = NULL;
    rd_err *e = mail_parse((const char *)data, size, &m);
    if (e) {
        assert(!m);
        rd_err_free(e);
    } else {
        const char *fields[] = {m->message_id, m->from_addr, m->from_name, m->to_addrs,
                                m->cc_addrs,   m->in_reply_to, m->refs,  m->subject,
                                m->body};
        for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
            clean(fields[i]);
        assert(m->body);
        for (size_t i = 0; i < m->natt; i++)
            clean(m->att[i].name);
        mail_msg_free(m);
    }
    char *t = mail_html_to_text((const char *)data, size);
    clean(t);
    free(t);
    return 0;
}
