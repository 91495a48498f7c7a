#!/usr/bin/env python3
"""identical_inputs.py: the texts bench/identical.sh feeds to two builds of redress, one JSON
object a line ({"id", "text"}), written to standard output. Deterministic (fixed seed), so two
runs give the same file. The texts:

- every message of the tuning set (tests/data/messages-*.txt; never the locked set) and every
  draft of tests/data/drafts.txt, whole, and each of their lines on its own;
- each message again with its words shuffled, dropped and repeated within its sentences, so
  the phrases with wildcards ("every|all $folk * * * know") meet many different neighbours;
- the texts of the analyzer's fuzz seeds (tests/fuzz/corpus/triage, check, text), where they are
  UTF-8 without NUL;
- every line of the benchmark slice given as the first argument (bench/gen.c's corpus), if any;
- random texts over letters, digits, punctuation, capitals, curly apostrophes and other UTF-8,
  with words up to 40 letters long (the lexicon keeps words under 32).

Usage: identical_inputs.py [SLICE.txt] >inputs.jsonl   (from the top of the tree)"""
import glob
import json
import random
import sys


def records(path):
    """The (id, text) records of a tests/data file (see tests/data/FORMAT.md)."""
    rid, text, body = None, [], False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("=== "):
                if rid is not None:
                    yield rid, "\n".join(text).rstrip("\n")
                rid, text, body = line[4:].strip(), [], False
            elif body:
                text.append(line)
            elif line == "---":
                body = True
    if rid is not None:
        yield rid, "\n".join(text).rstrip("\n")


def shuffled(rng, text):
    """The text with its words moved about within each line."""
    out = []
    for line in text.split("\n"):
        words = line.split(" ")
        for _ in range(len(words) // 3 + 1):
            op = rng.randrange(4)
            i = rng.randrange(len(words))
            if op == 0 and len(words) > 1:
                del words[i]
            elif op == 1:
                words.insert(rng.randrange(len(words) + 1), words[i])
            elif op == 2:
                j = rng.randrange(len(words))
                words[i], words[j] = words[j], words[i]
            else:
                words[i] = words[i].upper()
        out.append(" ".join(words))
    return "\n".join(out)


PIECES = (
    list("abcdefghijklmnopqrstuvwxyz") * 6
    + list("ABCDEFGHIJKLMNOPQRSTUVWXYZ") * 2
    + list("0123456789")
    + list(" " * 30)
    + list(".,;:!?'\"-()*#$%&/\n\t")
    + ["\u2019", "\u2018", "\u2014", "\u2013", "\u2026", "\u00a0", "\u00e9", "\u00fc",
       "\u00bf", "\u00a1", "\u00ab", "\u00bb", "\ufeff", "\u3001", "\U0001F600", "\u0416",
       "\u4e2d", "\u2192", "\u00df", "\u00b7"]
)


def random_text(rng, words):
    parts = []
    for _ in range(rng.randrange(1, 60)):
        r = rng.random()
        if r < 0.45 and words:
            w = rng.choice(words)
            parts.append(w.upper() if rng.random() < 0.1 else w)
        elif r < 0.55:
            parts.append("".join(rng.choice("abcdefghij") for _ in range(rng.randrange(28, 42))))
        else:
            parts.append("".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 12))))
        parts.append(rng.choice([" ", " ", " ", ", ", ". ", "! ", "?? ", "\n", " - ", "'s "]))
    return "".join(parts)


def main():
    rng = random.Random(16)
    out = sys.stdout
    n = 0

    def put(rid, text):
        nonlocal n
        out.write(json.dumps({"id": rid, "text": text}, ensure_ascii=False) + "\n")
        n += 1

    texts = []
    for path in sorted(glob.glob("tests/data/messages-*.txt")) + ["tests/data/drafts.txt"]:
        for rid, text in records(path):
            texts.append(text)
            put(rid, text)
            for k, line in enumerate(text.split("\n")):
                if line.strip():
                    put("%s/line%d" % (rid, k), line)
            for k in range(3):
                put("%s/mix%d" % (rid, k), shuffled(rng, text))
    for d in ("triage", "check", "text"):
        for path in sorted(glob.glob("tests/fuzz/corpus/%s/*" % d)):
            with open(path, "rb") as f:
                raw = f.read()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if "\0" not in text:
                put("fuzz/%s/%s" % (d, path.rsplit("/", 1)[-1]), text)
    if len(sys.argv) > 1:
        with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
            for k, line in enumerate(f):
                put("slice/%d" % k, line.rstrip("\n"))
    words = sorted({w for t in texts for w in t.split()})
    for k in range(20000):
        put("random/%d" % k, random_text(rng, words))
    print("identical_inputs: %d texts" % n, file=sys.stderr)


main()
