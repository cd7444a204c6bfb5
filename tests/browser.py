"""A headless Chromium for the tests: Debian's /usr/bin/chromium driven by Playwright.

Playwright's own browser download does not work offline, so the fixture
:func:`chromium` launches the system browser (``./dev setup`` installs Debian's
``chromium`` package when run as root). Without it the browser tests are
skipped, unless ``GRAPHBUILD_REQUIRE_BROWSER=1`` (set by ``.ci/run``) turns
the missing browser into a failure.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ENV_BROWSER = "GRAPHBUILD_CHROMIUM"
ENV_REQUIRE = "GRAPHBUILD_REQUIRE_BROWSER"
CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# The network is closed: no background requests, no component updates, no QUIC.
FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def find_chromium() -> str | None:
    """The Chromium executable: $GRAPHBUILD_CHROMIUM, else Debian's; None when not there."""
    configured = os.environ.get(ENV_BROWSER)
    for candidate in (configured,) if configured else CANDIDATES:
        if Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None if configured else shutil.which("chromium")


@dataclass
class PageLog:
    """What a page did while it loaded: console messages, uncaught errors, requests."""

    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    @property
    def console_errors(self) -> list[str]:
        return [text for kind, text in self.console if kind in ("error", "warning")]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """A headless Chromium browser (Playwright ``Browser``), one per test session."""
    executable = find_chromium()
    if executable is None:
        message = (
            "Chromium is not installed: run ./dev setup as root, or apt-get install chromium, "
            f"or point {ENV_BROWSER} at a Chromium binary"
        )
        if os.environ.get(ENV_REQUIRE) == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with (
        tempfile.TemporaryDirectory(prefix="graphbuild-chromium-") as profile,
        sync_playwright() as playwright,
    ):
        # A persistent context passes the fresh, empty profile as --user-data-dir.
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=executable,
            headless=True,
            args=list(FLAGS),
            viewport={"width": 1400, "height": 1000},
        )
        try:
            yield context
        finally:
            context.close()


def open_page(context: Any, path: Path) -> tuple[Any, PageLog]:
    """Open a local file in a new tab, recording console messages, page errors and requests."""
    page = context.new_page()
    log = PageLog()
    page.on("console", lambda message: log.console.append((message.type, message.text)))
    page.on("pageerror", lambda error: log.errors.append(str(error)))
    page.on("request", lambda request: log.requests.append(request.url))
    page.goto(path.resolve().as_uri())
    return page, log
