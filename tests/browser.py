"""A real headless Chromium showing an app served to the browser (textual-serve), for tests
that must see what a person in a browser sees: the page's own xterm.js, its own fonts and
its own pointer handling, not Textual's test pilot.

    port = free_port()
    with serving(["rekindle", "serve", "--port", str(port)], port, log=tmp_path / "log"):
        with chromium(*PHONE) as browser:
            browser.open(f"http://127.0.0.1:{port}/")
            browser.wait_for_app()
            browser.wait_for_text("Today")
            browser.tap(*browser.find("Walk together"))
            browser.screenshot(artifacts_dir(tmp_path) / "today-phone.png")

Needs Debian's ``chromium`` and ``chromium-driver`` (/usr/bin/chromium and
/usr/bin/chromedriver) and the ``selenium`` test extra: skipped where they are missing, a
failure where REKINDLE_REQUIRE_TOOLS is set (CI). Nothing is ever downloaded: Selenium is
given the driver's path and told it is offline, and Chromium resolves every host name but
127.0.0.1 to "not found", so the page's link to Google Fonts fails at once and the only
traffic is to the test's own server on loopback. The page is given the Roboto Mono that
link would have brought from textual-serve's own copy instead (``page_font``).

Reading the screen: xterm.js draws the terminal on a canvas, so the page's DOM holds no
text, and textual.js keeps its Terminal in a local variable. Before the page's scripts
run, the browser is given a setter on Object.prototype for ``terminal``, the one property
textual.js assigns the Terminal to (``this.terminal = new Terminal(...)``); the setter
keeps the Terminal on ``window`` and then stores it as an ordinary property, so the page
works as before. ``screen_text()`` reads xterm's own buffer, the characters it draws.

Tapping: ``tap(col, row)`` moves a real pointer (a mouse on a desktop, a finger on a
phone) to the middle of that cell of the .xterm-screen element and presses it; xterm.js
turns it into the terminal's mouse report, and the app receives a Textual Click there.

Sizes are CSS pixels (device scale factor 1: a screenshot of a phone is 390x844 pixels).
A phone is emulated as one (mobile=True for widths under 600): like a real phone's
browser, Chromium then lays out a page that has no <meta name="viewport"> 980 CSS pixels
wide and shrinks it to fit the screen."""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tests.tools import cannot

if TYPE_CHECKING:
    from selenium.webdriver.chrome.webdriver import WebDriver

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# The two sizes the served app must work at, in CSS pixels: an iPhone 12-15 and a laptop.
PHONE = (390, 844)
DESKTOP = (1280, 800)

# No network but loopback, no first-run pages, no updates, nothing kept between runs.
CHROMIUM_ARGUMENTS = (
    "--headless=new",
    "--no-sandbox",  # CI runs as root in a container, where the sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",  # containers' /dev/shm is often 64 MB
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)

# Run in the page before its own scripts: keep textual.js's Terminal where tests can read it.
KEEP_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
    window.__servedTerminal = value;
  },
});
"""

# The lines the terminal shows now, from xterm's buffer (trailing spaces kept: one string
# per row, each as wide as the terminal).
READ_SCREEN = """
const terminal = window.__servedTerminal;
if (!terminal) return null;
const buffer = terminal.buffer.active, lines = [];
for (let row = 0; row < terminal.rows; row++) {
  const line = buffer.getLine(buffer.viewportY + row);
  lines.push(line ? line.translateToString(false) : "");
}
return lines;
"""

# Where the cells are: the .xterm-screen element's box and xterm's own cell size (a private
# field of xterm's, from the copy bundled in textual-serve's textual.js; the public API has
# none: if an upgrade moves it, this is the line to mend).
MEASURE = """
const terminal = window.__servedTerminal;
const box = document.querySelector(".xterm-screen").getBoundingClientRect();
const cell = terminal._core._renderService.dimensions.css.cell;
return {cols: terminal.cols, rows: terminal.rows, left: box.left, top: box.top,
        width: box.width, height: box.height, cellWidth: cell.width, cellHeight: cell.height,
        innerWidth: window.innerWidth, innerHeight: window.innerHeight};
"""

# A few characters in the terminal's own font, for Chromium to say which font it used.
FONT_PROBE = """
const options = window.__servedTerminal.options, probe = document.createElement("span");
const text = arguments[0];
probe.id = "rekindle-font-probe";
probe.style.fontFamily = options.fontFamily;
probe.style.fontSize = options.fontSize + "px";
probe.textContent = text;
probe.style.position = "fixed";  // over the terminal's top left, not below the page
probe.style.top = probe.style.left = "0";
document.body.append(probe);
probe.getBoundingClientRect();  // laid out now, so Chromium has chosen its fonts
"""

T = TypeVar("T")


def roboto() -> str:
    """A script that adds textual-serve's own Roboto Mono to the page's fonts before the
    page's scripts run: a font made from bytes is ready at once, so xterm measures its
    cells in it as it would once Google's copy had loaded."""
    try:
        import textual_serve
    except ImportError:
        cannot("textual-serve is not installed: it serves the app, and has the page's font")
    font = Path(textual_serve.__file__).parent / "static/fonts/RobotoMono-VariableFont_wght.ttf"
    encoded = base64.b64encode(font.read_bytes()).decode("ascii")
    return f"""
const bytes = Uint8Array.from(atob("{encoded}"), c => c.charCodeAt(0));
document.fonts.add(new FontFace("Roboto Mono", bytes));
"""


def artifacts_dir(fallback: Path) -> Path:
    """Where screenshots are kept: $REKINDLE_ARTIFACTS where it is set (.ci/run sets
    ./artifacts of the checkout, for the CI runner to collect), else ``fallback`` (a
    test's tmp_path: pytest keeps the last three runs' under /tmp/pytest-of-$USER)."""
    folder = Path(os.environ.get("REKINDLE_ARTIFACTS") or fallback)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def wait_until(what: str, check: Callable[[], T | None], timeout: float = 20.0) -> T:
    """``check()``'s first answer that is not None or False, polled every 50 ms."""
    deadline = time.monotonic() + timeout
    while True:
        answer = check()
        if answer is not None and answer is not False:
            return answer
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what}")
        time.sleep(0.05)


class Browser:
    """One headless Chromium window of a fixed size, showing one served app."""

    def __init__(self, driver: WebDriver, width: int, height: int, mobile: bool) -> None:
        self.driver = driver
        self.width = width
        self.height = height
        self.mobile = mobile
        # Seconds from asking for Chromium to a blank window, and from open() to the app's
        # screen drawn (set by wait_for_app): measured, for the report on how slow it is.
        self.started_in = 0.0
        self.shown_in = 0.0
        self._opened_at = 0.0

    def open(self, url: str) -> None:
        """Load the served page; its script connects the websocket, which starts the app."""
        self._opened_at = time.monotonic()
        self.driver.get(url)

    def wait_for_app(self, timeout: float = 20.0) -> list[str]:
        """Wait until the app's screen is drawn and still: textual.js marks <body>
        ``-first-byte`` when the app's first bytes arrive, then the screen must show some
        text and stay the same for 300 ms. Returns the screen's lines."""
        wait_until(
            "the app's first bytes (<body class=-first-byte>)",
            lambda: self.driver.execute_script(
                "return document.body.classList.contains('-first-byte')"
            ),
            timeout,
        )
        settled: list[list[str]] = []

        def still() -> list[str] | None:
            lines = self.screen_text()
            settled.append(lines)
            if any(line.strip() for line in lines) and settled[-7:] == [lines] * 7:
                return lines
            return None

        lines = wait_until("the app's screen to be drawn and still", still, timeout)
        self.shown_in = time.monotonic() - self._opened_at
        return lines

    def screen_text(self) -> list[str]:
        """The terminal's visible lines, one per row, each ``cols`` characters wide."""
        lines: list[str] | None = self.driver.execute_script(READ_SCREEN)
        if lines is None:
            raise AssertionError("the page made no terminal: is it textual-serve's page?")
        return lines

    def wait_for_text(self, text: str, timeout: float = 20.0) -> list[str]:
        """Wait until ``text`` is on the screen; returns the screen's lines."""

        def showing() -> list[str] | None:
            lines = self.screen_text()
            return lines if any(text in line for line in lines) else None

        return wait_until(f"{text!r} on the screen", showing, timeout)

    def find(self, text: str) -> tuple[int, int]:
        """The (col, row) of the first cell of ``text`` on the screen, 0-based. (Each
        character is one cell; text with wide characters before it would be off.)"""
        for row, line in enumerate(self.screen_text()):
            col = line.find(text)
            if col >= 0:
                return col, row
        raise AssertionError(f"{text!r} is not on the screen")

    def measure(self) -> dict[str, float]:
        """The terminal's grid, its screen element's box and xterm's cell size, in CSS px."""
        measured: dict[str, float] = self.driver.execute_script(MEASURE)
        return measured

    def grid(self) -> tuple[int, int]:
        """(cols, rows): the terminal size the app is told."""
        measured = self.measure()
        return int(measured["cols"]), int(measured["rows"])

    def cell_size(self) -> tuple[float, float]:
        """(width, height) of one cell in CSS pixels."""
        measured = self.measure()
        return measured["cellWidth"], measured["cellHeight"]

    def tap(self, col: int, row: int) -> None:
        """Press and release a pointer in the middle of cell (col, row), 0-based: a finger
        on a phone, a mouse on a desktop, dispatched by Chromium as real input."""
        from selenium.webdriver.common.actions import interaction
        from selenium.webdriver.common.actions.action_builder import ActionBuilder
        from selenium.webdriver.common.actions.pointer_input import PointerInput
        from selenium.webdriver.common.by import By

        cols, rows = self.grid()
        if not (0 <= col < cols and 0 <= row < rows):
            raise ValueError(f"cell ({col}, {row}) is outside the {cols}x{rows} screen")
        width, height = self.cell_size()
        screen = self.driver.find_element(By.CSS_SELECTOR, ".xterm-screen")
        # Offsets are from the element's centre (WebDriver's rule), in CSS pixels.
        box = self.measure()
        x = (col + 0.5) * width - box["width"] / 2
        y = (row + 0.5) * height - box["height"] / 2
        kind = interaction.POINTER_TOUCH if self.mobile else interaction.POINTER_MOUSE
        actions = ActionBuilder(self.driver, mouse=PointerInput(kind, "pointer"))
        actions.pointer_action.move_to(screen, round(x), round(y))
        actions.pointer_action.pointer_down()
        actions.pointer_action.pause(0.05)
        actions.pointer_action.pointer_up()
        actions.perform()

    def font(self, text: str = "Today") -> str:
        """The fonts Chromium actually draws ``text`` in with the terminal's font-family
        and size, comma-separated (more than one when the first lacks some glyphs, as
        for "✓"). xterm measures its cells on a canvas and keeps no text in the DOM, so a
        probe element is added for Chromium to name its fonts, then removed."""
        self.driver.execute_script(FONT_PROBE, text)
        try:
            self.driver.execute_cdp_cmd("DOM.enable", {})
            self.driver.execute_cdp_cmd("CSS.enable", {})

            def named() -> list[dict[str, Any]] | None:
                document = self.driver.execute_cdp_cmd("DOM.getDocument", {"depth": 1})
                probe = self.driver.execute_cdp_cmd(
                    "DOM.querySelector",
                    {"nodeId": document["root"]["nodeId"], "selector": "#rekindle-font-probe"},
                )
                fonts: list[dict[str, Any]] = self.driver.execute_cdp_cmd(
                    "CSS.getPlatformFontsForNode", {"nodeId": probe["nodeId"]}
                )["fonts"]
                return fonts or None  # none until Chromium has shaped the probe's text

            fonts = wait_until(f"Chromium to name the font of {text!r}", named, 5.0)
        finally:
            self.driver.execute_script("document.getElementById('rekindle-font-probe').remove()")
        return ", ".join(font["familyName"] for font in fonts)

    def screenshot(self, path: Path) -> Path:
        """Save what the window shows as a PNG (width x height pixels); returns the path."""
        path.parent.mkdir(parents=True, exist_ok=True)
        if not self.driver.save_screenshot(str(path)):
            raise AssertionError(f"Chromium saved no screenshot to {path}")
        return path


@contextlib.contextmanager
def chromium(
    width: int, height: int, *, mobile: bool | None = None, page_font: bool = True
) -> Iterator[Browser]:
    """A fresh headless Chromium whose window is ``width`` x ``height`` CSS pixels, with
    a profile of its own that is deleted afterwards. ``mobile`` (default: width < 600)
    emulates a phone: touch input and a phone's page layout.

    ``page_font``: give the page the Roboto Mono its template links from Google Fonts
    (unreachable here), from textual-serve's own copy, so the terminal has the cells a
    person online gets (16 px: 9x21) whatever fonts this machine has. False: the
    machine's fallback for 'Courier New' (Debian: Liberation Mono, 9x18 cells)."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        cannot("selenium is not installed (pip install -e '.[test]')")
    for tool, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(tool, os.X_OK):
            cannot(f"{tool} is not installed (apt-get install {package})")
    mobile = width < 600 if mobile is None else mobile
    profile = tempfile.mkdtemp(prefix="rekindle-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (*CHROMIUM_ARGUMENTS, f"--user-data-dir={profile}"):
        options.add_argument(argument)
    asked = time.monotonic()
    # Given both paths, Selenium has nothing to look for; were it to ask Selenium Manager
    # anyway, SE_OFFLINE forbids it to download a browser or a driver.
    offline = os.environ.get("SE_OFFLINE")
    os.environ["SE_OFFLINE"] = "true"
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    finally:
        if offline is None:
            del os.environ["SE_OFFLINE"]
        else:
            os.environ["SE_OFFLINE"] = offline
    try:
        # The page's size in CSS pixels, one device pixel each, whatever the window is.
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": mobile})
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": KEEP_TERMINAL})
        if page_font:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": roboto()})
        browser = Browser(driver, width, height, mobile)
        browser.started_in = time.monotonic() - asked
        yield browser
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def serving(
    argv: Sequence[str], port: int, *, log: Path, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[Any]]:
    """Run a server (``argv``) that listens on 127.0.0.1:``port``, until it does; its output
    goes to ``log``. Afterwards it is asked to stop (SIGTERM) and, if it has not within
    10 s, killed; then whatever it started that still lives in its process group (the
    apps) is killed too, so no test leaves an app running. Checking that the server
    stopped its apps itself is the test's business, before this context ends."""
    with log.open("wb") as output:
        server = subprocess.Popen(
            argv, stdout=output, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    try:

        def listening() -> bool:
            if server.poll() is not None:
                raise AssertionError(f"the server exited ({server.returncode}): {log}")
            with socket.socket() as probe:
                return probe.connect_ex(("127.0.0.1", port)) == 0

        wait_until(f"a server on port {port}", listening)
        yield server
    finally:
        stop(server)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, 9)  # its own group: start_new_session made it leader


def stop(server: subprocess.Popen[Any], timeout: float = 10.0) -> int:
    """Ask the server to stop (SIGTERM), kill it if it has not within ``timeout``;
    returns its exit status."""
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return server.returncode


def alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie, dead but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")
