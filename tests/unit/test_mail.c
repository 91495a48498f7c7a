/* test_mail.c — the mail module without a database: HTML to text, charsets to UTF-8, the
 * headers, body and attachments mail_parse() reads from a message, and a composed message with
 * an attachment read back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mail/mail.h"

static void html_is(const char *html, const char *want)
{
    char *t = mail_html_to_text(html, strlen(html));
    assert_string_equal(t, want);
    free(t);
}

static void test_html_to_text(void **state)
{
    (void)state;
    html_is("<p>One &amp; two</p><p>three<br>four</p>", "One & two\n\nthree\nfour");
    html_is("<head><title>x</title></head><style>p{}</style><script>a<b</script>Hi &#233;&#x20AC;",
            "Hi é€");
    html_is("<ul><li>a</li><li>b</li></ul>", "- a\n- b");
    html_is("a<!-- hidden -->b &bogus; &#0; <", "ab &bogus; \xEF\xBF\xBD");
    html_is("", "");
}

static void test_to_utf8(void **state)
{
    (void)state;
    char *t = mail_to_utf8("caf\xE9 \x96 ok\r\n\x01", 11, "iso-8859-1");
    assert_string_equal(t, "café  ok\n"); /* the C1 control 0x96 is dropped */
    free(t);
    /* declared UTF-8 but Windows-1252 in fact: read as 1252 */
    t = mail_to_utf8("caf\xE9 \x96", 6, "utf-8");
    assert_string_equal(t, "café –");
    free(t);
    t = mail_to_utf8("plain", 5, "no-such-charset");
    assert_string_equal(t, "plain");
    free(t);
}

static void test_parse_message(void **state)
{
    (void)state;
    const char *raw = "From: =?UTF-8?B?w4lsaXNl?= <Elise@Example.org>\r\n"
                      "To: a@x.example, Team: b@y.example;\r\n"
                      "Subject: Re: the\r\n late files\r\n"
                      "Message-ID: <abc@example.org>\r\n"
                      "In-Reply-To: <prev@x.example>\r\n"
                      "References: <one@x.example> <prev@x.example>\r\n"
                      "Date: Tue, 03 Nov 2026 10:00:00 +0100\r\n"
                      "Content-Type: multipart/alternative; boundary=b\r\n\r\n"
                      "--b\r\nContent-Type: text/html\r\n\r\n<b>html</b>\r\n"
                      "--b\r\nContent-Type: text/plain; charset=utf-8\r\n"
                      "Content-Transfer-Encoding: base64\r\n\r\nSMOpbGxv\r\n--b--\r\n";
    mail_msg *m = NULL;
    rd_err *e = mail_parse(raw, strlen(raw), &m);
    assert_null(e);
    assert_string_equal(m->from_addr, "elise@example.org");
    assert_string_equal(m->from_name, "Élise");
    assert_string_equal(m->to_addrs, "a@x.example,b@y.example");
    assert_string_equal(m->subject, "Re: the late files");
    assert_string_equal(m->message_id, "abc@example.org");
    assert_string_equal(m->in_reply_to, "prev@x.example");
    assert_string_equal(m->refs, "one@x.example prev@x.example");
    assert_int_equal(m->date, 1793696400);
    assert_string_equal(m->body, "Héllo");
    assert_int_equal(m->natt, 0);
    assert_int_equal(strncmp(m->hash, "blake2b:", 8), 0);
    mail_msg_free(m);

    e = mail_parse("Subject: x\n\nno sender", 21, &m);
    assert_non_null(e);
    assert_string_equal(e->msg, "no From address");
    assert_null(m);
    rd_err_free(e);
}

/* A message mail_compose() builds reads back whole: UTF-8 even for a body ISO-8859-1 could
 * hold, the thread headers, and the attachment's exact bytes. */
static void test_compose_reads_back(void **state)
{
    (void)state;
    unsigned char pdf[] = {'%', 'P', 'D', 'F', '-', 0, 0xff, '\r', '\n', 0x80};
    mail_attachment att = {"what-we-agreed.pdf", "application/pdf", pdf, sizeof pdf};
    mail_out m = {"Sam Ré",
                  "sam@studio.example",
                  "Dana",
                  "dana@northwind.example",
                  "Payment reminder",
                  "Kind regards\n\nSam Ré\n",
                  "id1@studio.example",
                  "d1@northwind.example",
                  "d0@northwind.example d1@northwind.example",
                  1793696400,
                  &att,
                  1};
    char *raw = NULL;
    size_t len = 0;
    assert_null(mail_compose(&m, &raw, &len));
    assert_non_null(strstr(raw, "multipart/mixed"));
    assert_non_null(strstr(raw, "charset=utf-8"));
    assert_non_null(strstr(raw, "Sam R=C3=A9")); /* not the ISO-8859-1 =E9 under a UTF-8 label */
    mail_msg *back = NULL;
    assert_null(mail_parse(raw, len, &back));
    assert_string_equal(back->message_id, "id1@studio.example");
    assert_string_equal(back->in_reply_to, "d1@northwind.example");
    assert_string_equal(back->refs, "d0@northwind.example d1@northwind.example");
    assert_non_null(strstr(back->body, "Sam Ré"));
    assert_int_equal(back->natt, 1);
    assert_string_equal(back->att[0].name, "what-we-agreed.pdf");
    assert_string_equal(back->att[0].type, "application/pdf");
    assert_int_equal(back->att[0].size, sizeof pdf);
    assert_memory_equal(back->att[0].data, pdf, sizeof pdf);
    mail_msg_free(back);
    free(raw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_to_text),
        cmocka_unit_test(test_to_utf8),
        cmocka_unit_test(test_parse_message),
        cmocka_unit_test(test_compose_reads_back),
    };
    return cmocka_run_group_tests_name("mail", tests, NULL, NULL);
}
