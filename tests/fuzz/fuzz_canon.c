/* fuzz_canon.c — libFuzzer target for the canonical encoding (util/canon.h): any bytes in, the
 * decoder never reads outside them, every value it accepts encodes back to exactly the bytes it
 * came from, and a refused value leaves the position where it was. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/canon.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rd_canon again = {0};
    size_t pos = 0;
    rd_canon_item it;
    while (pos < size) {
        size_t before = pos;
        if (canon_decode(data, size, &pos, &it) != 0) {
            if (pos != before) abort();
            break;
        }
        if (pos <= before || pos > size) abort();
        if ((it.tag == CANON_TEXT || it.tag == CANON_BLOB) &&
            ((const uint8_t *)it.p < data || (const uint8_t *)it.p + it.n > data + size))
            abort();
        canon_item(&again, &it);
    }
    /* what decoded is a prefix that encodes back byte for byte */
    if (again.len > size || (again.len && memcmp(again.p, data, again.len) != 0)) abort();
    canon_free(&again);
    return 0;
}
