"""Encodings: UTF-8 (with or without BOM), UTF-16/32 with BOM, BOM-less
UTF-16 and plausible Latin-1/Windows-1252 are decoded; anything else is one
clear per-file error naming the file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import InputError
from timeline.read.text import decode_bytes, read_text_file

TEXT = "Le café a ouvert lundi. It opened on Monday, 2 Nov. — «naïve» “quotes” €5"

DECODABLE = [
    ("utf-8", TEXT.encode("utf-8")),
    ("utf-8 with BOM", TEXT.encode("utf-8-sig")),
    ("utf-16 LE BOM", TEXT.encode("utf-16")),
    ("utf-16 BE BOM", b"\xfe\xff" + TEXT.encode("utf-16-be")),
    ("utf-16 LE no BOM", TEXT.encode("utf-16-le")),
    ("utf-16 BE no BOM", TEXT.encode("utf-16-be")),
    ("utf-32 BOM", TEXT.encode("utf-32")),
    ("cp1252", TEXT.encode("cp1252")),
]
UNDECODABLE = [
    ("mixed utf-8 and latin-1", "café ".encode("utf-8") + "lundi é".encode("latin-1")),
    ("run of accented letters", b"On Monday \xe9\xe8\xea\xeb\xec"),
    ("the CLI test's bytes", b"caf\xe9 \xff\xfe\xfd on Monday"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
    ("NUL bytes", b"On Monday\x00\x00\x00 they met"),
    ("control bytes", b"On Monday \x01\x02\x03 caf\xe9"),
    ("broken utf-16", b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8"),  # lone surrogate
    ("cp1252 undefined byte", b"On Monday caf\xe9 \x81"),
    ("encoded surrogate", b"On Monday \xed\xa0\x80"),
    ("overlong utf-8", b"On Monday \xc0\xaf"),
]


@pytest.mark.parametrize("data", [d for _, d in DECODABLE], ids=[n for n, _ in DECODABLE])
def test_decodable_encodings(data: bytes) -> None:
    assert decode_bytes(data, location="a.txt") == TEXT


@pytest.mark.parametrize("data", [d for _, d in UNDECODABLE], ids=[n for n, _ in UNDECODABLE])
def test_undecodable_bytes_are_a_clear_error(data: bytes) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, location="dir/bad.txt")
    assert str(info.value).startswith("dir/bad.txt: ")


def test_plain_latin1_is_decoded() -> None:
    assert decode_bytes("Zürich, São Paulo, Ærøskøbing".encode("latin-1"), location="x") == \
        "Zürich, São Paulo, Ærøskøbing"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_decode_or_raise_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, location="x")
    except InputError as exc:
        assert exc.location == "x"
        return
    assert isinstance(text, str) and "\x00" not in text
    text.encode("utf-8")  # no lone surrogates reach the pipeline


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=100))
def test_utf8_and_utf16_round_trip(text: str) -> None:
    for data in (text.encode("utf-8"), text.encode("utf-8-sig"), text.encode("utf-16"), text.encode("utf-32")):
        assert decode_bytes(data, location="x") == text


def test_offsets_refer_to_the_decoded_text(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_bytes("\u00e9\u00e9\u00e9 They met on Monday.".encode("utf-16"))
    article = read_text_file(path, "2017-11-02")
    doc = pipeline.process(article)
    assert any(article.text[t.start:t.end] == t.text == "Monday" for t in doc.timexes)


def test_cli_reads_a_utf16_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("They met on Monday.".encode("utf-16"))
    result = subprocess.run([sys.executable, "-m", "timeline", "extract", str(path), "--published", "2017-11-02"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert [t["text"] for t in json.loads(result.stdout)["documents"][0]["timexes"]] == ["Monday"]


@pytest.mark.parametrize("sidecar", ['{"published": "2017-11-02", "title": ["a"]}',
                                     '{"published": "2017-11-02", "url": {"x": 1}}',
                                     '{"published": [2017]}', '["not", "an", "object"]', '{"published": '])
def test_malformed_sidecar_is_a_clear_error(tmp_path: Path, sidecar: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text("They met on Monday.", encoding="utf-8")
    path.with_suffix(".json").write_text(sidecar, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_text_file(path)
    assert "a." in str(info.value)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_not_read_forever(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} does not exist on this system")
    with pytest.raises(InputError, match="device"):
        read_text_file(Path(device), "2017-11-02")


def test_a_pipe_is_read(tmp_path: Path) -> None:
    import os
    import threading

    fifo = tmp_path / "a.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes("They met on Monday.".encode("utf-16")))
    writer.start()
    article = read_text_file(fifo, "2017-11-02")
    writer.join(timeout=30)
    assert article.text == "They met on Monday."
