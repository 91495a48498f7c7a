/* gen.c — writes a deterministic corpus of realistic client messages and draft replies for the
 * analyzer benchmark: one message per line, sentences drawn from the pools below with a fixed
 * xorshift seed, until the requested size. Usage: gen MEGABYTES OUT.txt [SEED] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const openers[] = {
    "Hi Sam,", "Hello,", "Dear Priya,", "Tom -", "Hi there,", "Morning Jo,", "Hey,", "",
};
static const char *const calm[] = {
    "Just checking in on the logo concepts you mentioned last week.",
    "Could you let me know roughly when the gallery will be ready?",
    "Thanks again for Saturday, everyone had a lovely time.",
    "I've had a chance to look at the draft for the About page.",
    "Quick question about the invoice you sent on Monday.",
    "We're planning the launch for the first week of March.",
    "Can you confirm the colour profile for the print files?",
    "The team liked the second option best, with a couple of small changes.",
};
static const char *const unhappy[] = {
    "You said Friday and it's now Wednesday, and I still haven't received anything.",
    "The contact form doesn't work at all and we have probably lost a week of enquiries.",
    "I've sent three emails since Monday and nobody has got back to me.",
    "This is not what we agreed: the quote included six pages and you delivered four.",
    "I was charged twice for the same deposit and the invoice is wrong.",
    "Honestly I'm disappointed, the photos are blurry and half of them are too dark.",
    "The app still crashes the moment anyone tries to log in.",
    "I'm not happy with how this has been handled and I expect it fixed this week.",
    "The catering was cold, the vegetarian options ran out in the first hour.",
    "It's been two months and the kitchen is still not finished.",
};
static const char *const angry[] = {
    "This is absolutely UNACCEPTABLE!!!",
    "I want a full refund or I will leave a one star review on Google.",
    "My solicitor will be in touch, and I'm disputing the payment with my bank.",
    "I am not paying another penny until this is sorted.",
    "You are a complete amateur and a liar.",
    "What a shambles, this is a joke.",
    "I'll be reporting you to Trading Standards and posting about this on Facebook.",
    "I expect a discount on the final invoice for the delay.",
};
static const char *const draft[] = {
    "I'm sorry I sent the files in the wrong colour profile, that was my mistake.",
    "Sorry if the gallery wasn't what you expected, we'll look into it soon.",
    "I apologise for the downtime, but as I said you should have renewed the certificate.",
    "I understand how frustrating it is to find that out at the print shop.",
    "I will re-export everything and email the full set by 4pm today.",
    "Mistakes were made and the invoice was sent to the wrong address.",
    "It's just a small typo, obviously easy to fix.",
    "To make sure I've got this right: the canapés ran out within the first hour.",
    "I'll call you on Tuesday at 10 to talk it through.",
    "Per my last email, the deadline was agreed in writing.",
};
static const char *const closers[] = {
    "Thanks,", "Regards,", "Best,", "Cheers,", "Kind regards,", "", "Please let me know.", "",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static uint64_t rng_state;

static uint64_t rng(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

static const char *pick(const char *const *pool, size_t n)
{
    return pool[rng() % n];
}

/* One message: an opener, 2-6 sentences from a mood's pools, a closer. */
static size_t message(char *out, size_t cap)
{
    size_t n = 0;
    int mood = (int)(rng() % 4);
    int sentences = 2 + (int)(rng() % 5);
    const char *parts[10];
    int np = 0;
    parts[np++] = pick(openers, N(openers));
    for (int i = 0; i < sentences; i++) {
        if (mood == 0) parts[np++] = pick(calm, N(calm));
        if (mood == 1) parts[np++] = rng() % 3 ? pick(unhappy, N(unhappy)) : pick(calm, N(calm));
        if (mood == 2) parts[np++] = rng() % 2 ? pick(angry, N(angry)) : pick(unhappy, N(unhappy));
        if (mood == 3) parts[np++] = pick(draft, N(draft));
    }
    parts[np++] = pick(closers, N(closers));
    for (int i = 0; i < np; i++) {
        size_t l = strlen(parts[i]);
        if (!l || n + l + 2 >= cap) continue;
        if (n) out[n++] = ' ';
        memcpy(out + n, parts[i], l);
        n += l;
    }
    out[n++] = '\n';
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: gen MEGABYTES OUT.txt [SEED]\n");
        return 2;
    }
    long mb = strtol(argv[1], NULL, 10);
    rng_state = argc > 3 ? strtoull(argv[3], NULL, 10) : 20261125;
    if (!rng_state) rng_state = 1;
    FILE *f = fopen(argv[2], "wb");
    if (!f || mb <= 0) {
        fprintf(stderr, "gen: cannot write %s\n", argv[2]);
        return 1;
    }
    size_t want = (size_t)mb << 20, done = 0, count = 0;
    char buf[2048];
    while (done < want) {
        size_t n = message(buf, sizeof buf);
        fwrite(buf, 1, n, f);
        done += n, count++;
    }
    if (fclose(f) != 0) return 1;
    fprintf(stderr, "gen: %zu messages, %zu bytes in %s\n", count, done, argv[2]);
    return 0;
}
