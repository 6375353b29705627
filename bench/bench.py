#!/usr/bin/env python3
"""make bench: throughput and peak RSS of `verbale convert` on a generated corpus.

Builds a deterministic, varied corpus (>= 100 MB in >= 2,000 documents) from the paragraphs of
corpus/documents/ (shuffled with a fixed seed, numbers varied so documents differ), converts it,
and prints one table. Figures, not pass/fail: compare ratios measured in one run.
"""
import argparse, os, random, re, resource, shutil, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def paragraphs():
    docs = os.path.join(ROOT, "corpus", "documents")
    result = []
    for name in sorted(os.listdir(docs)):
        text = open(os.path.join(docs, name), encoding="utf-8", errors="replace").read()
        result.append(text)
    return result


def generate(directory, total_bytes, documents):
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(20191223)
    sources = paragraphs()
    pieces = [p for text in sources for p in re.split(r"\n\s*\n", text) if p.strip()]
    per_doc = total_bytes // documents
    written = 0
    for index in range(documents):
        base = sources[index % len(sources)]
        parts = [base]
        size = len(base.encode())
        while size < per_doc:
            piece = rng.choice(pieces)
            piece = re.sub(r"\b(19|20)\d\d\b", lambda m: str(1990 + rng.randrange(35)), piece)
            parts.append(piece)
            size += len(piece.encode()) + 2
        text = "\n\n".join(parts) + "\n"
        sub = os.path.join(directory, f"{index % 20:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"doc{index:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        written += len(text.encode())
    return written


def run(command):
    """Runs a command; returns (seconds, peak RSS in MiB of the child)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, err = child.communicate()
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if child.returncode not in (0, 1):
        sys.stderr.write(err.decode(errors="replace")[-2000:])
    return seconds, usage.ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/verbale"))
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--work", default=os.path.join(ROOT, "bench", "out"))
    args = parser.parse_args()

    corpus = os.path.join(args.work, "corpus")
    if os.path.isdir(corpus):
        shutil.rmtree(corpus)
    total = generate(corpus, args.megabytes * 1_000_000, args.documents)
    mb = total / 1e6
    print(f"corpus: {args.documents} documents, {mb:.1f} MB (generated from corpus/documents, seed 20191223)")
    rows = []
    out = os.path.join(args.work, "json")
    shutil.rmtree(out, ignore_errors=True)
    seconds, rss = run([args.binary, "convert", corpus, "-o", out, "--format", "json"])
    rows.append(("verbale convert (json)", seconds, mb / seconds, args.documents / seconds, rss))
    print(f"{'command':<32} {'seconds':>8} {'MB/s':>8} {'docs/s':>9} {'peak RSS MiB':>13}")
    for name, seconds, mbps, dps, rss in rows:
        print(f"{name:<32} {seconds:8.2f} {mbps:8.1f} {dps:9.0f} {rss:13.1f}")
    print("note: peak RSS from getrusage(RUSAGE_CHILDREN) is the largest of the children run so far.")


if __name__ == "__main__":
    main()
