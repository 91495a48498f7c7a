/* fuzz_bundle.c — libFuzzer target for the checks `verify --bundle` runs on a bundle's JSON
 * (store_bundle_check_head, store_bundle_check_log): any bytes in, read as {"head": {...},
 * "entries": [...]}; a check never reads outside its input or crashes, refuses with RD_TAMPERED
 * naming the file it read (head.json or entries.json), and a head it accepts hashes to the
 * hash it carries. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void expect(rd_err *e, const char *file)
{
    if (!e) return;
    if (e->code != RD_TAMPERED || strncmp(e->msg, file, strlen(file)) != 0) abort();
    rd_err_free(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_t *j = json_loadb((const char *)data, size, 0, NULL);
    if (!j) return 0;
    json_t *head = json_object_get(j, "head");
    char signer[2 * STORE_KEY_BYTES + 1] = "x";
    rd_err *e = store_bundle_check_head(head, signer);
    if (!e && strlen(signer) != 0 && strlen(signer) != 2 * STORE_KEY_BYTES) abort();
    expect(e, "head.json: ");
    expect(store_bundle_check_log(json_object_get(j, "entries"), head), "entries.json: ");
    json_decref(j);
    return 0;
}
