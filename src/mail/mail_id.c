/* mail_id.c — the Message-ID of a message redress writes: random, at the sender's domain. Apart
 * from mail_send.c so that choosing the id before a send does not load the mail module (see
 * src/mod/module.h): it needs only libsodium. */
#include "mail/mail.h"

#include <sodium.h>
#include <string.h>

char *mail_new_message_id(const char *addr)
{
    const char *at = addr ? strchr(addr, '@') : NULL;
    unsigned char r[12];
    char hex[25];
    randombytes_buf(r, sizeof r);
    sodium_bin2hex(hex, sizeof hex, r, sizeof r);
    return xasprintf("%s.redress@%s", hex, at && at[1] ? at + 1 : "localhost");
}
