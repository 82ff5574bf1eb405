"""The calendar imported into a real CalDAV server: Radicale on a free
loopback port, temporary storage, no authentication."""

from __future__ import annotations

import base64
import http.client
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import icalendar
import pytest

from render_fixtures import empty_timeline, hostile_timeline, rich_timeline  # noqa: F401  (fixtures)
from timeline.assemble import Timeline

USER_CALENDAR = "/journalist/timeline/"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class CalDAV:
    def __init__(self, port: int) -> None:
        self.port = port

    def request(self, method: str, path: str, body: str | None = None, **headers: str) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            headers = {k.replace("_", "-"): v for k, v in headers.items()}
            # auth "none" accepts any password; the user name makes /journalist/ theirs
            headers["Authorization"] = "Basic " + base64.b64encode(b"journalist:x").decode("ascii")
            connection.request(method, path, body=body.encode("utf-8") if body is not None else None,
                               headers=headers)
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8")
        finally:
            connection.close()


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[CalDAV]:
    port = free_port()
    config = tmp_path / "radicale.conf"
    config.write_text("", encoding="utf-8")
    log = (tmp_path / "radicale.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(config), "--server-hosts", f"127.0.0.1:{port}",
         "--storage-filesystem-folder", str(tmp_path / "collections"), "--auth-type", "none",
         "--rights-type", "owner_only", "--logging-level", "warning"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail("Radicale did not start: " + (tmp_path / "radicale.log").read_text())
                time.sleep(0.1)
        yield CalDAV(port)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()


def import_and_read_back(dav: CalDAV, text: str) -> tuple[list[str], icalendar.Calendar]:
    """PUT the whole calendar as a collection; return the item hrefs and the
    collection as the server gives it back."""
    status, body = dav.request("PUT", USER_CALENDAR, text, Content_Type="text/calendar; charset=utf-8")
    assert status in (200, 201), (status, body)
    status, listing = dav.request(
        "PROPFIND", USER_CALENDAR,
        '<?xml version="1.0"?><propfind xmlns="DAV:"><prop><getetag/></prop></propfind>', Depth="1",
        Content_Type="application/xml")
    assert status == 207, (status, listing)
    hrefs = [h for h in re.findall(r"<(?:\w+:)?href>([^<]+)</(?:\w+:)?href>", listing) if h.endswith(".ics")]
    status, served = dav.request("GET", USER_CALENDAR)
    assert status == 200, served
    return hrefs, icalendar.Calendar.from_ical(served)


def test_calendar_imports_into_radicale(radicale: CalDAV, rich_timeline: Timeline) -> None:
    text = rich_timeline.to_ics()
    hrefs, served = import_and_read_back(radicale, text)
    assert len(hrefs) == len(rich_timeline.entries)
    sent = {str(e["UID"]): str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}
    back = {str(e["UID"]): str(e["SUMMARY"]) for e in served.walk("VEVENT")}
    assert back == sent
    # each item read back on its own is a calendar with one event; the timed one keeps its zone
    items = []
    for href in hrefs:
        status, item = radicale.request("GET", href)
        assert status == 200
        items.append(icalendar.Calendar.from_ical(item))
    assert all(len(list(item.walk("VEVENT"))) == 1 for item in items)
    missile = next(i for i in items if str(next(iter(i.walk("VEVENT")))["SUMMARY"]) == "Missile launched")
    assert [str(z["TZID"]) for z in missile.walk("VTIMEZONE")] == ["UTC-05:00"]
    assert next(iter(missile.walk("VEVENT"))).decoded("DTSTART").utcoffset().total_seconds() == -5 * 3600


def test_hostile_calendar_imports_as_two_events(radicale: CalDAV, hostile_timeline: Timeline) -> None:
    hrefs, served = import_and_read_back(radicale, hostile_timeline.to_ics())
    assert len(hrefs) == 2
    summaries = sorted(str(e["SUMMARY"]) for e in served.walk("VEVENT"))
    assert summaries[1] == 'Pwned <script>alert("title")</script>, "quoted"; semi BEGIN:VEVENT'


def test_empty_calendar_imports_with_no_events(radicale: CalDAV, empty_timeline: Timeline) -> None:
    hrefs, served = import_and_read_back(radicale, empty_timeline.to_ics())
    assert hrefs == [] and list(served.walk("VEVENT")) == []
