#!/usr/bin/env python3
"""Generates the hostile-input corpus (issue #7) into a directory, never into the repository.

    python3 Tests/hostile/generate.py OUTDIR [--full]

Writes one file per hostile shape plus OUTDIR/expectations.tsv, one line per file:

    name <TAB> outcome <TAB> detail <TAB> encoding

outcome is `ok` (a document comes out; detail is a comma-separated list of diagnostic codes
that must be among its diagnostics, or `-`) or `refused` (parse(fileAt:) throws an InputError;
detail is a phrase its reason must contain). encoding is the `--encoding` to pass (`auto`
unless the shape is about an explicit encoding).

Sizes are small by default so `make test` stays quick in a debug build; `--full` (or
HOSTILE_FULL=1) writes the sizes issue #7 names: a 100 MB file with no newline, a million blank
lines, 10,000 footnotes. Output is deterministic: the same arguments give the same bytes.
"""
import os
import random
import struct
import sys


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: generate.py OUTDIR [--full]")
    out = sys.argv[1]
    full = "--full" in sys.argv[2:] or os.environ.get("HOSTILE_FULL") == "1"
    os.makedirs(out, exist_ok=True)
    rows = []

    def put(name, data, outcome="ok", detail="-", encoding="auto"):
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(os.path.join(out, name), "wb") as handle:
            handle.write(data)
        rows.append((name, outcome, detail, encoding))

    rng = random.Random(7)
    words = "the mission presents its compliments to the office of the high commissioner and has the honour".split()

    def prose(n):
        return " ".join(words[i % len(words)] for i in range(n))

    # --- Empty and nearly empty -------------------------------------------------------------
    put("empty.txt", b"")
    put("whitespace-only.txt", b" \t \n\n\t\t\r\n   \r \n" * 50)
    put("single-byte.txt", b"x")
    put("form-feeds-only.txt", b"\x0c" * 1000 + b"\n\x0c\n")
    put("nbsp-only.txt", "\u00a0 \u00a0\n".encode() * 100)

    # --- Size and line shapes ---------------------------------------------------------------
    no_newline = (100 if full else 1) * 1024 * 1024
    chunk = (prose(40) + " ").encode()
    put("no-newline.txt", (chunk * (no_newline // len(chunk) + 1))[:no_newline])
    put("blank-lines.txt", b"\n" * (1_000_000 if full else 100_000))
    put("one-long-word.txt", b"a" * (1024 * 1024))
    put("cr-only.txt", ("Line one\rline two\r\r" + prose(12) + "\r").encode() * 2000)
    put("mixed-eol.txt", ("Para one\r\ncontinues\nhere\r\rPara two\n\r\n" + prose(10) + "\r").encode() * (2000 if full else 800))
    put("lone-cr-crlf-boundaries.txt", b"\r" * 10000 + b"\r\n" * 10000 + b"\n\r" * 10000 + b"end")

    # --- Markup never closed / runaway markup -------------------------------------------------
    put("sup-never-closed.txt", ("Text<sup>1 and more text\n<sup>2 " + prose(8) + "\n").encode() * 2000)
    put("bold-never-closed.txt", ("**" + prose(10) + "\n").encode() * 2000 + b"**" + b"x" * 100000)
    put("asterisks.txt", b"*" * 200000 + b"\n" + b"* " * 100000 + b"\n" + b"a*" * 100000)
    put("underscores.txt", b"_" * 200000 + b"\n" + b"a_" * 100000 + b"\n")
    put("brackets.txt", b"[" * 100000 + b"\n" + b"[1]" * 30000 + b"\n" + b"[x](" * 30000 + b"\n" + b"]" * 10000)
    put("angle-brackets.txt", b"<" * 100000 + b"\n" + b"<sup>" * 20000 + b"\n" + b"<span " * 20000 + b"\n")
    put("backslashes.txt", b"\\" * 100001 + b"\n" + b"\\*" * 50000 + b"\n")
    put("hashes.txt", b"#" * 10000 + b"\n" + b"####### seven\n" * 1000 + b"# \n" * 1000)
    put("separators-only.txt", b"---\n***\n___\n" * (20000 if full else 5000))
    put("list-markers.txt", ("- \n* \n+ \n\u2022 item\n\u2013 dash\n").encode() * (5000 if full else 1500))

    # --- Numbers and dates out of range -----------------------------------------------------
    put("question-huge-number.txt",
        ("Question 99999999999999999999: what?\nAnswer.\n\nQuestions 0 and 18446744073709551616\n"
         "Question -1\nQuestion 9223372036854775807\nQuestion 9223372036854775808\n").encode() * 200)
    put("articles-out-of-range.txt",
        ("Under article 99999999999999999999 of the Covenant and article 0 of the Convention, "
         "articles 9223372036854775808 to 1 and paragraph 999999999999 of resolution 99999999999/99999999999, "
         "A/HRC/99999999999999999999/1, CCPR/C/999999999999999999999/D/9999999999999999999/2020.\n\n").encode() * 500)
    put("dates-out-of-range.txt",
        ("Geneva, 31 February 2020\n\n45 March 99999\n\n0 January 0000\n\n2020-13-45\n\n"
         "32/13/99999999999999999999\n\n29 February 2100\n\n1er janvier 10000000000000000000\n\n"
         "Dated 99999999999999999999 December 2019.\n\n").encode() * 300)
    put("numbered-paragraphs.txt", "".join(f"{i}. {prose(6)}\n" for i in range(1, 20001 if full else 8001)).encode())
    put("questions-many.txt", "".join(f"Question {i}\n\n{prose(8)}.\n\n" for i in range(1, 5001 if full else 1501)).encode())

    # --- Footnotes ----------------------------------------------------------------------------
    n_notes = 10_000 if full else 2_000
    body = "".join(f"Sentence {i} cites a source.<sup>{i}</sup>\n" for i in range(1, n_notes + 1))
    notes = "".join(f"<sup>{i}</sup> Note {i} text.\n" for i in range(1, n_notes + 1))
    put("footnotes-markdown.txt", (body + "\n---\n" + notes).encode())
    pages = []
    for page in range(n_notes // 5):
        base = page * 5
        text = "".join(f"the report of the Committee{base + k + 1} says so\n" for k in range(5))
        foot = "".join(f"{base + k + 1} See A/HRC/{base + k + 1}/1.\n" for k in range(5))
        pages.append(text + "\n" + foot)
    put("footnotes-plain.txt", "\x0c".join(pages).encode())
    put("footnotes-no-callouts.txt", "".join(f"<sup>{i}</sup> orphan note\n" for i in range(1, 3001)).encode())
    put("footnote-numbers-huge.txt", ("<sup>99999</sup> x\n[^99999999999999999999]: y\nText[^0] and <sup>0</sup>\n").encode() * 1000)

    # --- Citations engine pressure -------------------------------------------------------------
    put("id-repeated.txt", ("Id. " * (100_000 if full else 20_000)).encode())
    put("id-lines.txt", ("Id.\n" * (20000 if full else 5000) + "Ibid., Id. at 3. Id., para. 4.\n" * (5000 if full else 1000)).encode())
    put("exhibits-many.txt", "".join(f"See Exhibit {i} and Annex {i} (the \"Term{i}\").\n" for i in range(1, 5001 if full else 1501)).encode())
    put("definitions-nested.txt", ('(the "' * 5000 + 'X' + '")' * 5000 + "\n").encode())

    # --- Unicode shapes ----------------------------------------------------------------------
    put("combining.txt", (("a" + "\u0301" * 2000 + " ") * 50 + "\n").encode() * (20 if full else 5))
    put("rtl.txt", ("\u202e\u0627\u0644\u0628\u0639\u062b\u0629 \u05e9\u05dc\u05d5\u05dd \u202d mixed LTR \u202c\n"
                    "\u0627\u0644\u0645\u0627\u062f\u0629 99999 \u200f\u200e\u061c\n").encode() * 3000)
    put("zero-width.txt", ("\u200b\u200c\u200d\ufeff" * 1000 + "word\n").encode() * (100 if full else 40))
    put("astral.txt", ("\U0001F600\U00010348 \U000E0041\n").encode() * 5000)
    put("controls-and-xml-specials.txt",
        bytes(range(1, 32)) + b"\x7f" + b"\n]]> <![CDATA[ \"quotes\" 'apos' & &amp; <b>&lt;</b> \\u0000 \n" * 500)

    # --- Encodings ---------------------------------------------------------------------------
    letter = "Note verbale\n\nThe Permanent Mission of Côte d'Ivoire présente ses compliments — «Ж».\n"
    put("utf8-bom.txt", b"\xef\xbb\xbf" + letter.encode() * 100)
    put("utf16le-bom.txt", b"\xff\xfe" + (letter * 100).encode("utf-16-le"))
    put("utf16be-bom.txt", b"\xfe\xff" + (letter * 100).encode("utf-16-be"))
    put("utf16le-no-bom.txt", (letter * 20).encode("utf-16-le"), "refused", "UTF-16")
    put("utf16-lone-surrogate.txt", b"\xff\xfe" + "ab".encode("utf-16-le") + struct.pack("<H", 0xD800)
        + "cd".encode("utf-16-le") + struct.pack("<H", 0xDC00) + b"e", "ok", "invalid-utf16")
    put("utf32-bom.txt", b"\xff\xfe\x00\x00" + "hi".encode("utf-32-le"), "refused", "UTF-32")
    put("invalid-utf8.txt", b"Hello \xff\xfe world\ncaf\xe9 \xe2\x82 end \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80\n" * 10,
        "ok", "invalid-utf8")
    put("truncated-utf8-at-end.txt", "déjà vu ".encode() * 100 + b"\xe2\x82", "ok", "invalid-utf8")
    latin = "Caf\u00e9 \u201cquoted\u201d \u2014 r\u00e9sum\u00e9 \u20ac5\n" * 200
    put("windows-1252-undeclared.txt", latin.encode("cp1252"), "ok", "invalid-utf8")
    put("windows-1252-declared.txt", latin.encode("cp1252"), "ok", "-", "windows-1252")
    noise = bytes(b for b in rng.randbytes(200000) if b != 0)
    put("random-bytes-no-nul.txt", noise, "ok", "invalid-utf8")

    # --- Binary files given by mistake ------------------------------------------------------------
    put("document.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + b"x" * 1000, "refused", "PDF")
    put("document.docx.txt", b"PK\x03\x04\x14\x00\x06\x00" + b"[Content_Types].xml" + b"\x00" * 100, "refused", "ZIP")
    put("image.png.txt", b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 50, "refused", "PNG")
    put("image.jpg.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 50, "refused", "JPEG")
    put("image.gif.txt", b"GIF89a" + b"\x01\x00\x01\x00" + b"\x00" * 50, "refused", "GIF")
    put("program.elf.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "refused", "ELF")
    put("archive.gz.txt", b"\x1f\x8b\x08\x00" + bytes(rng.randbytes(200)), "refused", "gzip")
    put("legacy.doc.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "refused", "Office")
    put("nul-in-middle.txt", letter.encode() * 50 + b"\x00" + letter.encode() * 50, "refused", "NUL")
    put("nul-first.txt", b"\x00" + letter.encode(), "refused", "NUL")

    with open(os.path.join(out, "expectations.tsv"), "w") as handle:
        for row in rows:
            handle.write("\t".join(row) + "\n")
    print(f"{len(rows)} hostile files in {out}")


if __name__ == "__main__":
    main()
