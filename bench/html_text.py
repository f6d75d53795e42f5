"""How long an HTML mail takes to become text (``intake.mail.parse.html_texts``).

    .venv/bin/python bench/html_text.py [--repeat 15]

Times, for each input, ``html_texts`` (one parse for the whole text and the text without
quoted history) and prints the median and the fastest of ``--repeat`` runs in
milliseconds, with the size of the HTML and the milliseconds per 100 KB, so that how the
time grows with the mail's size shows: the HTML-only fixture of the ingest bench, every
HTML part of the test corpus read one after the other, newsletters of 2,500 and 20,000
paragraphs, and three inputs read as flat text: HTML nested 3,000 deep (beyond libxml2's
limit), 20,000 unclosed ``<a`` and an unterminated attribute; and one tag with 100,000
attributes (read without them: libxml2's check of each against all before it took 104 s).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import email
import functools
import logging
import statistics
import sys
import time
from collections.abc import Callable
from email import policy
from email.message import Message
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from intake.mail import parse  # noqa: E402
from tests.mail.conftest import FIXTURES, fixture_bytes  # noqa: E402


def html_parts(raw: bytes) -> list[str]:
    """The decoded text of every text/html part of a message, as the parser decodes it."""
    msg = email.message_from_bytes(raw, policy=policy.default)
    return [parse._part_text(part) for part in msg.walk()
            if isinstance(part, Message) and part.get_content_type() == "text/html"]


def inputs() -> dict[str, list[str]]:
    corpus = [html for path in sorted(FIXTURES.rglob("*.eml"))
              for html in html_parts(path.read_bytes())]
    return {
        "HTML-only fixture (vi_html_only.eml)": html_parts(fixture_bytes("vi_html_only.eml")),
        f"every HTML part of the test corpus ({len(corpus)})": corpus,
        "newsletter, 2,500 paragraphs": ["".join(f"<p>đoạn văn {i}</p>" for i in range(2_500))],
        "newsletter, 20,000 paragraphs": ["".join(f"<p>đoạn văn {i}</p>" for i in range(20_000))],
        "nested 3,000 deep (flat text)": ["<div>" * 3_000 + "sâu" + "</div>" * 3_000],
        "20,000 unclosed <a (flat text)": ["<a " * 20_000],
        "unterminated attribute, 200 KB (flat text)": ['<p class="' + "x" * 200_000],
        "one tag with 100,000 attributes": ["<p" + "".join(f' a{i}="1"' for i in range(100_000))
                                            + ">Xin chào</p>"],
    }


def read_all(htmls: list[str]) -> None:
    for html in htmls:
        parse.html_texts(html)


def timed(work: Callable[[], object], repeat: int) -> list[float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        runs.append((time.perf_counter() - start) * 1000)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    logging.getLogger(parse.__name__).setLevel(logging.ERROR)  # the flat-text warning
    parse.html_texts("<p>khởi động</p>")  # the parser of this thread, made once
    for name, htmls in inputs().items():
        size = sum(len(html.encode()) for html in htmls)
        runs = timed(functools.partial(read_all, htmls), args.repeat)
        median = statistics.median(runs)
        print(f"{name}: {size / 1000:,.1f} KB; median {median:.3f} ms, fastest "
              f"{min(runs):.3f} ms ({median / size * 100_000:.2f} ms per 100 KB; "
              f"{args.repeat} runs)")


if __name__ == "__main__":
    main()
