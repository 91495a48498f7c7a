/* secret.c — random secrets handed to a person or a browser (portal links, survey links), and
 * the hash that is all redress keeps of them: a database copy gives no way in. */
#include "util.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

void secret_new(const char *prefix, char out[RD_SECRET_MAX])
{
    unsigned char raw[32];
    if (sodium_init() < 0) abort(); /* no randomness: nothing safe can be issued */
    randombytes_buf(raw, sizeof raw);
    size_t plen = prefix ? strlen(prefix) : 0;
    if (plen > 16) plen = 16;
    memcpy(out, prefix, plen);
    sodium_bin2base64(out + plen, RD_SECRET_MAX - plen, raw, sizeof raw,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw, sizeof raw);
}

void secret_hash(const char *secret, char out[65])
{
    unsigned char h[32];
    crypto_generichash(h, sizeof h, (const unsigned char *)secret, strlen(secret), NULL, 0);
    sodium_bin2hex(out, 65, h, sizeof h);
}

bool secret_well_formed(const char *s, const char *prefix)
{
    size_t plen = strlen(prefix);
    if (!s || strncmp(s, prefix, plen) != 0) return false;
    size_t n = strlen(s + plen);
    if (n != 43) return false; /* 32 bytes in unpadded URL-safe base64 */
    for (const char *p = s + plen; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '-' || *p == '_'))
            return false;
    return true;
}

int64_t secret_random_id(void)
{
    uint64_t v;
    if (sodium_init() < 0) abort();
    randombytes_buf(&v, sizeof v);
    return (int64_t)(v >> 2) + 1; /* 1 … 2^62: a positive SQLite rowid */
}
