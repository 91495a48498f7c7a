/* fuzz_args.c — cli_parse, the argument parser every command uses, against a command with one
 * option of each shape (required value, optional value, repeatable, flag) and --json. Input:
 * the arguments, NUL- or newline-separated. Whatever it accepts satisfies the table: required
 * options present, positionals within bounds, repeated values counted; anything else is a
 * RD_USAGE error. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static rd_err *no_run(cli_ctx *c)
{
    (void)c;
    return NULL;
}

static const cli_opt opts[] = {{"client", "ID", CLI_REQUIRED, "who"},
                               {"note", "TEXT", 0, "a note"},
                               {"option", "K:D:DUE", CLI_MULTI, "repeatable"},
                               {"dry-run", NULL, 0, "a flag"},
                               {NULL, NULL, 0, NULL}};
static const cli_cmd cmd = {"fuzz cmd", "A [B]", 1, 2, CMD_JSON, "fuzzing", NULL, opts, no_run};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy = xstrndup((const char *)data, size);
    char *argv[64];
    int argc = 0;
    /* xstrndup stops at a NUL; split what is left at newlines */
    for (char *p = copy; argc < 64;) {
        argv[argc++] = p;
        char *nl = strchr(p, '\n');
        if (!nl) break;
        *nl = '\0';
        p = nl + 1;
    }
    cli_ctx c;
    memset(&c, 0, sizeof c);
    rd_err *e = cli_parse(&c, &cmd, argc, argv);
    if (e) {
        if (e->code != RD_USAGE) abort();
        rd_err_free(e);
    } else {
        if (c.npos < cmd.min_pos || c.npos > cmd.max_pos || !cli_get(&c, "client")) abort();
        int n = 0;
        const char **multi = cli_multi(&c, "option", &n);
        if (n < 0 || (n > 0 && (!multi || strcmp(multi[n - 1], cli_get(&c, "option")) != 0)))
            abort();
        if (cli_flag(&c, "dry-run") && strcmp(cli_get(&c, "dry-run"), "1") != 0) abort();
    }
    cli_ctx_reset(&c);
    free(copy);
    return 0;
}
