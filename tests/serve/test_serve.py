"""`rekindle serve`: who may open the app in a browser, as whom, and that every app it
starts ends with it. Real processes; every connection on loopback."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
from pathlib import Path

import aiohttp
import pytest

from tests.hostile_partner import SAM
from tests.rekindle_cli import run_command
from tests.serve.served import (
    Served,
    Tab,
    listening,
    make_couple,
    serving,
    wait_until,
)
from tests.tools import cannot, find_tool
from tracker.cli.serve.server import lan_address
from tracker.cli.serve.sessions import MAX_SESSIONS
from tracker.domain.kinds import PERSON
from tracker.store.store import Store

pytestmark = pytest.mark.slow


def local(served: Served, path: str = "/") -> str:
    """The served address, reached over loopback whatever address it printed."""
    return f"http://127.0.0.1:{served.port}{path}"


async def fetch(served: Served, path: str = "/", **options: object) -> tuple[int, str]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(local(served, path), **options) as response,  # type: ignore[arg-type]
    ):
        return response.status, await response.text()


def checks_on_disk(data: Path) -> dict[str, str]:
    """Each check-off in the folder (habit id and person → status), read afresh."""
    store = Store(data, "counter00000")
    store.load(use_cache=False)
    assert store.problems() == []
    return {
        key: str(record.data.get("status"))
        for key, record in store.state.items()
        if key.startswith("check:") and not record.deleted
    }


def test_by_default_only_this_computer_can_connect(tmp_path: Path) -> None:
    config, _ = make_couple(tmp_path)
    with serving(config) as served:
        assert served.url == f"http://127.0.0.1:{served.port}/"
        assert listening(served.port) == {"127.0.0.1"}
        assert "Only this computer can open it" in "".join(served.lines)
        status, page = asyncio.run(fetch(served))
        assert status == 200 and "textual.js" in page
        # Nothing on the page comes from beyond this computer (textual-serve's own
        # template links a web font on the internet).
        assert "googleapis" not in page
        assert all(f"127.0.0.1:{served.port}" in url for url in _urls(page))


def _urls(page: str) -> list[str]:
    import re

    return re.findall(r'(?:href|src|url)[=(]"?((?:https?|wss?)://[^"\')]+)', page)


def test_a_page_that_names_another_host_or_site_is_refused(tmp_path: Path) -> None:
    config, _ = make_couple(tmp_path)
    with serving(config) as served:
        # A web page elsewhere pointing its own name at 127.0.0.1 (DNS rebinding).
        status, page = asyncio.run(fetch(served, headers={"Host": f"evil.example:{served.port}"}))
        assert status == 403 and "does not lead to Rekindle" in page
        # Another site's script opening the websocket from the person's own browser.
        status, page = asyncio.run(fetch(served, "/ws", headers={"Origin": "http://evil.example"}))
        assert status == 403 and "its own page" in page
        assert served.children() == []


@pytest.fixture
def lan() -> str:
    found = lan_address()
    if found is None:
        cannot("this computer has no local network address for `serve --lan`")
    return found


def test_lan_asks_for_the_token_and_starts_nothing_without_it(tmp_path: Path, lan: str) -> None:
    config, _ = make_couple(tmp_path)
    with serving(config, "--lan") as served:
        printed = "".join(served.lines)
        token = served.url.split("?token=")[1]
        assert served.url == f"http://{lan}:{served.port}/?token={token}"
        assert len(token) >= 20 and "▀" in printed  # the QR code, drawn in half blocks
        # Code, address and words fit a terminal of 24 rows with the command above them.
        assert len(served.lines) <= 23 and all(len(line) <= 81 for line in served.lines)
        assert listening(served.port) == {"127.0.0.1", lan}
        for path in ("/", "/ws", "/static/js/textual.js", "/?token=wrong", f"/?token={token}x"):
            status, page = asyncio.run(fetch(served, path))
            assert status == 403, path
            assert "missing its key" in page
        assert served.children() == []

        async def with_token() -> tuple[int, int]:
            # A browser keeps a cookie from a numeric address; aiohttp only when told.
            jar = aiohttp.CookieJar(unsafe=True)
            async with aiohttp.ClientSession(cookie_jar=jar) as session:
                async with session.get(local(served, f"/?token={token}")) as response:
                    page_status = response.status
                # The page's own requests carry the cookie, not the token.
                async with session.ws_connect(local(served, "/ws?width=80&height=24")) as ws:
                    tab = Tab(ws)
                    await tab.wait_for("Today")
                    return page_status, len(served.children())

        assert asyncio.run(with_token()) == (200, 1)
    # The token is remembered on this computer (a phone's bookmark keeps working) ...
    with serving(config, "--lan") as again:
        assert again.url.endswith(f"?token={token}")
    # ... until a new one is asked for.
    with serving(config, "--lan", "--new-token") as renewed:
        assert not renewed.url.endswith(f"?token={token}")
    assert not (tmp_path / "shared" / "browsers").exists()  # never in the shared folder


def test_lan_without_a_network_address_says_so(tmp_path: Path) -> None:
    config, _ = make_couple(tmp_path)
    unshare = find_tool("unshare")
    # A network namespace of its own: only a loopback device, no network.
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        cannot("unshare -n is not permitted here")
    refusal = run_command(config, "serve", "--lan", wrapper=[unshare, "-n"]).refused()
    assert "no address on a local network" in refusal
    assert "leave out --lan" in refusal


def test_a_port_in_use_is_named_with_the_way_out(tmp_path: Path) -> None:
    config, _ = make_couple(tmp_path)
    with serving(config) as served:
        refusal = run_command(config, "serve", "--port", str(served.port)).refused()
        assert f"Port {served.port} is already in use" in refusal
        assert f"--port {served.port + 1}" in refusal
    assert "from 1 to 65535" in run_command(config, "serve", "--port", "70000").refused()


def test_who_the_browser_is(tmp_path: Path) -> None:
    """Sam by default (Alex serves for the partner without a terminal), Alex with --as,
    each a device of its own that doctor lists by name, Sam's name shown literally even
    when Sam's own device wrote escapes into it."""
    config, data = make_couple(tmp_path)
    hostile = Store(data, "samsphone000", {"partner": "b", "device": "phone"})
    hostile.load()
    hostile.put(PERSON, "person:b", {**SAM, "name": "Sam\x1b]0;PWNED\x07"})
    hostile.close()
    assert "--as “Alex” or" in run_command(config, "serve", "--as", "Kim").refused()
    for who, expected, shown in ((None, "b", "Sam␛]0;PWNED␇"), ("alex", "a", "Alex")):
        with serving(config, *(("--as", who) if who else ())) as served:
            assert f"open in a browser as {shown}, at:" in "".join(served.lines)
            asyncio.run(open_and_close(served))
        doctor = json.loads(run_command(config, "doctor", "--json").ok(warnings=True))
        devices = {
            r["partner"]: r["device"] for r in doctor["replicas"] if "browser" in r["device"]
        }
        assert expected in devices
    assert devices["b"].startswith("Sam␛]0;PWNED␇ (browser on ")
    assert devices["a"].startswith("Alex (browser on ")
    # The same device every time, not one more in the list each evening.
    with serving(config) as served:
        asyncio.run(open_and_close(served))
    doctor = json.loads(run_command(config, "doctor", "--json").ok(warnings=True))
    assert sum("browser" in r["device"] for r in doctor["replicas"]) == 2


async def open_and_close(served: Served) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(local(served, "/ws?width=80&height=24")) as ws,
    ):
        await Tab(ws).wait_for("Today")


def test_stopping_ends_every_app_it_started(tmp_path: Path) -> None:
    config, _ = make_couple(tmp_path)
    for how in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        with serving(config) as served:

            async def two_tabs_then_stop(how: signal.Signals = how) -> None:
                async with aiohttp.ClientSession() as session:
                    tabs = [
                        Tab(await session.ws_connect(local(served, "/ws?width=80&height=24")))
                        for _ in range(2)
                    ]
                    for tab in tabs:
                        await tab.wait_for("Today")
                    assert len(served.children()) == 2
                    apps = served.children()
                    served.process.send_signal(how)
                    # Killed outright, the server cannot end them: they notice and close.
                    assert await asyncio.to_thread(
                        wait_until, lambda: not any(Path(f"/proc/{p}").exists() for p in apps)
                    )

            asyncio.run(two_tabs_then_stop())
            out, _ = served.process.communicate(timeout=30)
            if how is not signal.SIGKILL:
                assert "2 browser tabs closed" in out


def test_a_flood_of_tabs_is_bounded(tmp_path: Path) -> None:
    config, _ = make_couple(tmp_path)
    with serving(config) as served:

        async def flood() -> tuple[list[int], int]:
            async with aiohttp.ClientSession() as session:

                async def one() -> int | aiohttp.ClientWebSocketResponse:
                    try:
                        return await session.ws_connect(local(served, "/ws"))
                    except aiohttp.WSServerHandshakeError as refused:
                        return refused.status

                results = await asyncio.gather(*(one() for _ in range(3 * MAX_SESSIONS)))
                opened = [r for r in results if not isinstance(r, int)]
                statuses = [r for r in results if isinstance(r, int)]
                most = len(served.children())
                status, page = await fetch(served)
                assert status == 503 and "already open in" in page
                for ws in opened:
                    await ws.close()
                await asyncio.to_thread(wait_until, lambda: served.children() == [])
                # Room again once they closed.
                async with session.ws_connect(local(served, "/ws")) as ws:
                    await Tab(ws).wait_for("Today")
                return statuses, most

        statuses, most = asyncio.run(flood())
        assert most == MAX_SESSIONS
        assert statuses == [503] * (2 * MAX_SESSIONS)


async def on_today(session: aiohttp.ClientSession, served: Served) -> Tab:
    """A tab open on Today, its lists drawn and settled (focus on Sam's first habit)."""
    tab = Tab(await session.ws_connect(local(served, "/ws?width=100&height=30")))
    await tab.wait_for("Ask about their day")
    await tab.read(1.0)
    return tab


def test_two_tabs_do_not_lose_each_others_ticks(tmp_path: Path) -> None:
    """Two tabs are two app processes on one browser device (issue 12's same-device
    rule): a tick in each, on different habits, and both are on disk."""
    config, data = make_couple(tmp_path)
    before = checks_on_disk(data)
    with serving(config) as served:

        async def tick_in_both() -> None:
            async with aiohttp.ClientSession() as session:
                first = await on_today(session, served)
                second = await on_today(session, served)
                await first.keys(" ")
                await second.keys("j")
                await second.read(0.5)
                await second.keys(" ")
                ticked = await asyncio.to_thread(
                    wait_until, lambda: len(checks_on_disk(data)) == len(before) + 2
                )
                assert ticked, checks_on_disk(data)
                for tab in (first, second):
                    await tab.ws.close()

        asyncio.run(tick_in_both())
    ticked = {k: v for k, v in checks_on_disk(data).items() if k not in before}
    assert len(ticked) == 2 and set(ticked.values()) == {"done"}


def test_a_tab_closed_mid_tick_loses_nothing(tmp_path: Path) -> None:
    config, data = make_couple(tmp_path)
    before = checks_on_disk(data)
    with serving(config) as served:

        async def tick_and_vanish() -> None:
            async with aiohttp.ClientSession() as session:
                tab = await on_today(session, served)
                await tab.keys(" ")
                await tab.ws.close()  # at once: the tick may be mid-way

        asyncio.run(tick_and_vanish())
        assert wait_until(lambda: served.children() == [])
    after = checks_on_disk(data)  # no problem files, no torn record
    assert len(after) - len(before) in (0, 1)
    status = json.loads(run_command(config, "status", "--json").ok(warnings=True))
    assert status  # the folder still opens for everything else


def test_a_partner_file_cannot_stop_serving(tmp_path: Path) -> None:
    config, _ = make_couple(tmp_path)
    with serving(config) as served:
        for junk in ("not json", '["stdin"]', '["resize", {"width": "x"}]', "[]", '{"a": 1}'):

            async def send(junk: str = junk) -> None:
                async with (
                    aiohttp.ClientSession() as session,
                    session.ws_connect(local(served, "/ws")) as ws,
                ):
                    await ws.send_str(junk)
                    await Tab(ws).wait_for("Today")

            asyncio.run(send())
        assert served.process.poll() is None


def test_a_device_not_set_up_is_told_how(tmp_path: Path) -> None:
    refusal = run_command(tmp_path / "nobody", "serve").refused()
    assert "not set up yet" in refusal and "rekindle join" in refusal
    config, _ = make_couple(tmp_path)
    refusal = run_command(config, "serve", "--new-token").refused()
    assert "--new-token goes with --lan" in refusal
