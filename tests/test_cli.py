"""The command line as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from support import SEED_TEXT


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def test_extract_seed_json_to_stdout() -> None:
    result = run("extract", str(SEED_TEXT))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    doc = data["documents"][0]
    assert doc["published"] == "2017-11-02"
    text = SEED_TEXT.read_text("utf-8")
    for t in doc["timexes"]:
        assert text[t["start"]:t["end"]] == t["text"]
        assert t["type"] in ("DATE", "TIME", "DURATION", "SET")


def test_txt_without_publication_date_is_a_clear_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("They met on Monday.", encoding="utf-8")
    out = tmp_path / "out.json"
    result = run("extract", str(article), "--output", str(out))
    assert result.returncode == 2
    assert "--published" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_malformed_published_names_the_problem(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("They met on Monday.", encoding="utf-8")
    result = run("extract", str(article), "--published", "2017-13-45")
    assert result.returncode == 2
    assert "2017-13-45" in result.stderr


def test_non_utf8_file_names_the_file(tmp_path: Path) -> None:
    article = tmp_path / "bad.txt"
    article.write_bytes(b"caf\xe9 \xff\xfe\xfd on Monday")
    result = run("extract", str(article), "--published", "2017-11-02")
    assert result.returncode == 2
    assert "bad.txt" in result.stderr


def test_empty_article_is_an_error(tmp_path: Path) -> None:
    article = tmp_path / "empty.txt"
    article.write_text("", encoding="utf-8")
    result = run("extract", str(article), "--published", "2017-11-02")
    assert result.returncode == 2
    assert "empty.txt: empty article" in result.stderr


def test_stdin(tmp_path: Path) -> None:
    result = run("extract", "-", "--published", "2017-11-02", stdin="We met on Tuesday.")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["documents"][0]["timexes"][0]["value"] == "2017-10-31"


def test_malformed_timeml_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tml"
    bad.write_text('<TimeML>\n<DCT><TIMEX3 tid="t0" value="2017-11-02">x</TIMEX3></DCT>\n<TEXT>oops</TEX>\n',
                   encoding="utf-8")
    result = run("extract", str(bad))
    assert result.returncode == 2
    assert "bad.tml" in result.stderr and "line 3" in result.stderr


def test_entity_turns_on_entity_mode_and_says_what_matched(tmp_path: Path) -> None:
    article = tmp_path / "acme.txt"
    article.write_text("Yesterday, Acme Corp unveiled a phone. The company praised its design.\n\n"
                       "Rivals cut their prices. Acme later raised its forecast.\n", "utf-8")
    result = run("extract", str(article), "--published", "2017-11-02", "--entity", "ACME")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    kept = {s["trigger"]["text"]: entry for entry in data["timeline"] for s in entry["sources"]}
    assert {"unveiled", "praised", "raised"} <= set(kept) and "cut" not in kept
    assert kept["praised"]["matched"] == ["company (Acme Corp)"]
    sources = {e["trigger"]["text"]: e["date_source"] for e in data["documents"][0]["events"]}
    assert (sources["unveiled"], sources["praised"], sources["raised"]) == ("timex", "narrative", "publication")
    default = json.loads(run("extract", str(article), "--published", "2017-11-02").stdout)
    assert {e["trigger"]["text"] for e in default["documents"][0]["events"]} == {"unveiled"}


def test_top_and_title(tmp_path: Path) -> None:
    article = SEED_TEXT
    every = json.loads(run("extract", str(article), "--published", "2017-11-02").stdout)["timeline"]
    assert len(every) > 3
    result = run("extract", str(article), "--published", "2017-11-02", "--top", "3", "--title", "Xi and Kim")
    top = json.loads(result.stdout)["timeline"]
    ranked = sorted(every, key=lambda e: -e["importance"])
    assert sorted(e["importance"] for e in top) == sorted(e["importance"] for e in ranked[:3])
    assert [e["date"]["start"] for e in top] == sorted(e["date"]["start"] for e in top)
    page = run("extract", str(article), "--published", "2017-11-02", "--format", "html", "--title", "Xi and Kim")
    assert "<h1>Xi and Kim</h1>" in page.stdout
    bad = run("extract", str(article), "--published", "2017-11-02", "--top", "0")
    assert bad.returncode == 2 and "--top" in bad.stderr


def test_max_quotes_lists_some_quotes_of_a_key_event_and_counts_the_rest(tmp_path: Path) -> None:
    """Four articles that say the same: the key event lists one quote and counts three."""
    corpus = tmp_path / "copies.jsonl"
    text = SEED_TEXT.read_text("utf-8")
    corpus.write_text("".join(json.dumps({"id": f"copy{i}", "text": text, "published": "2017-11-02"}) + "\n"
                              for i in range(4)), encoding="utf-8")
    every = json.loads(run("extract", str(corpus), "--top", "1").stdout)
    (whole,) = every["timeline"]
    assert {s["document"] for s in whole["sources"]} == {f"copy{i}" for i in range(4)}
    assert "unlisted_quotes" not in whole  # 20 quotes by default: all listed
    result = run("extract", str(corpus), "--top", "1", "--max-quotes", "1")
    data = json.loads(result.stdout)
    (entry,) = data["timeline"]
    assert {s["document"] for s in entry["sources"]} == {"copy0"} and entry["unlisted_articles"] == 3
    assert entry["importance"] == whole["importance"]  # scored on every source
    assert [d["id"] for d in data["documents"]] == ["copy0"]
    bad = run("extract", str(corpus), "--top", "1", "--max-quotes", "0")
    assert bad.returncode == 2 and "--max-quotes" in bad.stderr
