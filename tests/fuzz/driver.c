/* driver.c — runs a fuzz target's LLVMFuzzerTestOneInput over files and folders of inputs
 * without libFuzzer, so `make fuzz-regress` can replay every seed corpus with the ordinary
 * ASan + UBSan build (no clang, no second instrumented library). `make fuzz` links the same
 * targets with libFuzzer instead to explore. Usage: fuzz_x PATH... */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    size_t cap = 1 << 16, len = 0, got;
    uint8_t *buf = malloc(cap);
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    if (!buf) return -1;
    /* a copy of exactly len bytes, so ASan sees any read past the input */
    uint8_t *exact = malloc(len ? len : 1);
    memcpy(exact, buf, len);
    free(buf);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    return 1;
}

static int run_path(const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        perror(path);
        return -1;
    }
    if (!S_ISDIR(sb.st_mode)) return run_file(path);
    DIR *dir = opendir(path);
    if (!dir) return -1;
    int n = 0;
    struct dirent *de;
    while ((de = readdir(dir))) {
        if (de->d_name[0] == '.') continue;
        size_t len = strlen(path) + strlen(de->d_name) + 2;
        char *child = malloc(len);
        snprintf(child, len, "%s/%s", path, de->d_name);
        int r = run_file(child);
        free(child);
        if (r < 0) {
            closedir(dir);
            return -1;
        }
        n += r;
    }
    closedir(dir);
    return n;
}

int main(int argc, char **argv)
{
    int total = 0;
    for (int i = 1; i < argc; i++) {
        int n = run_path(argv[i]);
        if (n < 0) return 1;
        total += n;
    }
    printf("%s: %d inputs, no failure\n", argv[0], total);
    return total > 0 ? 0 : 1;
}
