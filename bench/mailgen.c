/* mailgen.c — writes a Maildir of N realistic client messages for the mail benchmark: 200
 * clients, threads of 1–8 messages with In-Reply-To and References, replies from the user,
 * text/plain in UTF-8 (8bit and base64), ISO-8859-1 and Windows-1252 (quoted-printable),
 * multipart/alternative with HTML, and about one message in ten with a PDF or PNG attached.
 * Deterministic (fixed seed), so every run imports the same mailbox.
 *
 * usage: mailgen DIR N */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t seed = 0x9E3779B97F4A7C15u;

static uint32_t rnd(uint32_t n)
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return (uint32_t)(seed % n);
}

static const char *const first[] = {"Priya", "Marco", "Dana", "Élise", "Jürgen", "Aoife",
                                    "Tomasz", "Sofía", "Kwame", "Mei", "Lars", "Zoë"};
static const char *const last[] = {"Shah", "Bellini", "Whitfield", "Martin", "Müller", "Byrne",
                                   "Nowak", "García", "Mensah", "Chen", "Berg", "O'Neill"};
static const char *const subjects[] = {
    "The menu boards",     "Invoice 2026-031",  "Album delivery",     "Website is down again",
    "Revisions to the logo", "Refund request",  "Missed deadline",    "Photos from Saturday",
    "Contract questions",  "Final files",       "Quote for phase two", "Broken checkout page"};
static const char *const lines[] = {
    "You missed the deadline again: the files are two weeks late.",
    "I want a refund or I will call my lawyer.",
    "Thanks for the quick fix, the boards look great now.",
    "Seriously? This is the third time I have to ask.",
    "The colours do not match the proof we approved.",
    "Could you send the invoice again with the right VAT number?",
    "I am posting a one-star review if this is not sorted by Friday.",
    "We agreed on two revisions, this would be the fourth.",
    "Where is the final version? The launch is on Monday.",
    "Please call me tomorrow morning, I prefer to talk it through.",
    "The photos are beautiful, but three of them are missing.",
    "I will not pay the balance until the checkout works.",
    "Can we move the meeting to Thursday at 10?",
    "The café opens next week and nothing is printed yet.",
    "Attached is the signed contract for the second phase."};

/* Latin-1 bytes for a few accented words (written raw in the ISO-8859-1 parts). */
static const char *const latin1_lines[] = {"Le caf\xe9 ouvre lundi, merci d'avance.",
                                           "Die Gr\xf6\xdf" "e der Dateien ist falsch.",
                                           "La se\xf1ora Garc\xed" "a espera la factura."};

static void b64(FILE *f, const unsigned char *s, size_t n)
{
    static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t col = 0;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)s[i] << 16 | (i + 1 < n ? (uint32_t)s[i + 1] << 8 : 0) |
                     (i + 2 < n ? s[i + 2] : 0);
        fputc(t[v >> 18 & 63], f);
        fputc(t[v >> 12 & 63], f);
        fputc(i + 1 < n ? t[v >> 6 & 63] : '=', f);
        fputc(i + 2 < n ? t[v & 63] : '=', f);
        if ((col += 4) >= 76) {
            fputs("\n", f);
            col = 0;
        }
    }
    fputs("\n", f);
}

/* Quoted-printable of raw bytes (lines are short: no soft breaks needed). */
static void qp(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 128 || *p == '=')
            fprintf(f, "=%02X", *p);
        else
            fputc(*p, f);
}

static void body_text(char *out, size_t n, int k)
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < k && used + 200 < n; i++)
        used += (size_t)snprintf(out + used, n - used, "%s\n", lines[rnd(15)]);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: mailgen DIR N\n");
        return 2;
    }
    long total = strtol(argv[2], NULL, 10);
    char path[4096];
    snprintf(path, sizeof path, "%s/cur", argv[1]);
    mkdir(argv[1], 0700);
    if (mkdir(path, 0700) != 0 && errno != EEXIST) return perror(path), 1;
    snprintf(path, sizeof path, "%s/new", argv[1]);
    mkdir(path, 0700);
    unsigned char blob[3000];
    long written = 0, thread = 0;
    while (written < total) {
        int client = (int)rnd(200), len = 1 + (int)rnd(8);
        const char *subject = subjects[rnd(12)];
        char refs[4096] = "", prev[128] = "";
        thread++;
        for (int m = 0; m < len && written < total; m++, written++) {
            bool mine = m % 2 == 1; /* the user answers every other message */
            char id[128], text[2048];
            snprintf(id, sizeof id, "t%ld.m%d.%ld@%s.example", thread, m, written,
                     mine ? "studio" : "client");
            snprintf(path, sizeof path, "%s/cur/%010ld.%ld.bench:2,S", argv[1], written, thread);
            FILE *f = fopen(path, "w");
            if (!f) return perror(path), 1;
            const char *fn = first[client % 12], *ln = last[(client / 12) % 12];
            if (mine)
                fprintf(f, "From: Sam Example <sam@studio.example>\nTo: %s %s <c%d@client%d.example>\n",
                        fn, ln, client, client % 7);
            else
                fprintf(f, "From: %s %s <c%d@client%d.example>\nTo: Sam Example <sam@studio.example>\n",
                        fn, ln, client, client % 7);
            long day = 1 + (written / 400) % 28, hour = (written / 17) % 24;
            fprintf(f, "Subject: %s%s\nDate: %ld Oct 2026 %02ld:%02ld:00 +0000\nMessage-ID: <%s>\n",
                    m ? "Re: " : "", subject, day, hour, (long)(written % 60), id);
            if (*prev) fprintf(f, "In-Reply-To: <%s>\nReferences:%s\n", prev, refs);
            fputs("MIME-Version: 1.0\n", f);
            body_text(text, sizeof text, 2 + (int)rnd(6));
            int kind = (int)rnd(10);
            bool attach = rnd(10) == 0;
            if (attach)
                fputs("Content-Type: multipart/mixed; boundary=\"MIX\"\n\n--MIX\n", f);
            if (kind < 4) {
                fprintf(f, "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: "
                           "8bit\n\n%s",
                        text);
            } else if (kind < 5) {
                fputs("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: "
                      "base64\n\n",
                      f);
                b64(f, (const unsigned char *)text, strlen(text));
            } else if (kind < 7) {
                fprintf(f, "Content-Type: text/plain; charset=%s\nContent-Transfer-Encoding: "
                           "quoted-printable\n\n",
                        kind == 5 ? "iso-8859-1" : "windows-1252");
                qp(f, latin1_lines[rnd(3)]);
                fputs(kind == 6 ? " =96 " : "\n", f);
                qp(f, text);
            } else {
                fputs("Content-Type: multipart/alternative; boundary=\"ALT\"\n\n--ALT\n"
                      "Content-Type: text/plain; charset=utf-8\n\n",
                      f);
                fputs(text, f);
                fputs("\n--ALT\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>", f);
                for (char *p = text; *p; p++)
                    if (*p == '\n')
                        fputs("</p><p>", f);
                    else
                        fputc(*p, f);
                fputs("</p></body></html>\n--ALT--\n", f);
            }
            if (attach) {
                bool pdf = rnd(2);
                size_t n = 500 + rnd(2500);
                for (size_t i = 0; i < n; i++)
                    blob[i] = (unsigned char)rnd(256);
                fprintf(f, "\n--MIX\nContent-Type: %s; name=\"%s\"\nContent-Disposition: "
                           "attachment; filename=\"%s\"\nContent-Transfer-Encoding: base64\n\n",
                        pdf ? "application/pdf" : "image/png", pdf ? "contract.pdf" : "screenshot.png",
                        pdf ? "contract.pdf" : "screenshot.png");
                b64(f, blob, n);
                fputs("--MIX--\n", f);
            }
            fclose(f);
            size_t rl = strlen(refs);
            if (rl + strlen(id) + 4 < sizeof refs)
                snprintf(refs + rl, sizeof refs - rl, " <%s>", id);
            snprintf(prev, sizeof prev, "%s", id);
        }
    }
    printf("%ld messages in %ld threads written to %s\n", written, thread, argv[1]);
    return 0;
}
