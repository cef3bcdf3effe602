"""Who may open the served app: the check in front of every request.

textual-serve has no access control of its own, and each websocket it accepts starts
the app, with the couple's whole folder, as one of the partners. So before anything is
served: the request must name this server by an address it listens on (a web page
elsewhere that points its own name at 127.0.0.1 is refused: "DNS rebinding"), a
websocket must come from a page this server gave (another site's script in the same
browser is refused), and with --lan the secret token must come with it, in the address
or in the cookie the first page sets. A refused request gets a short page and starts
nothing.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from html import escape

from aiohttp import web
from aiohttp.typedefs import Middleware

TOKEN_PARAM = "token"
TOKEN_COOKIE = "rekindle_token"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True, slots=True)
class Access:
    hosts: frozenset[str]  # the Host headers this server answers to, "127.0.0.1:8642"
    token: str | None  # asked of every request when serving to the local network

    def refusal(self, request: web.Request) -> str | None:
        """Why `request` is refused, in a sentence for its page; None lets it in."""
        if request.host not in self.hosts:
            return "This address does not lead to Rekindle. Use the one `rekindle serve` printed."
        if self.token is not None and not self.token_given(request):
            return (
                "This link is missing its key, so Rekindle stays closed. Open the address "
                "`rekindle serve --lan` printed on your partner's computer (the QR code holds "
                "it too)."
            )
        origin = request.headers.get("Origin")
        if request.path == "/ws" and origin is not None and origin != f"http://{request.host}":
            return "Rekindle opens only from its own page."
        return None

    def token_given(self, request: web.Request) -> bool:
        assert self.token is not None
        given = request.query.get(TOKEN_PARAM) or request.cookies.get(TOKEN_COOKIE) or ""
        return hmac.compare_digest(given.encode("utf-8"), self.token.encode("utf-8"))


def notice_page(status: int, sentence: str) -> web.Response:
    """A plain page with one sentence: what a refused or turned-away browser shows."""
    body = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Rekindle</title></head>"
        '<body style="font-family: sans-serif; max-width: 32em; margin: 3em auto; '
        'padding: 0 1em; line-height: 1.5">'
        f"<h1>Rekindle</h1><p>{escape(sentence)}</p></body></html>"
    )
    return web.Response(status=status, text=body, content_type="text/html")


def guard(access: Access) -> Middleware:
    """The middleware: refuse, or serve and remember the token in a cookie, so the
    page's own requests (its script, its websocket) need not carry it."""

    @web.middleware
    async def check(request: web.Request, handler: Handler) -> web.StreamResponse:
        refused = access.refusal(request)
        if refused is not None:
            return notice_page(403, refused)
        response = await handler(request)
        if access.token is not None and TOKEN_PARAM in request.query and not response.prepared:
            response.set_cookie(
                TOKEN_COOKIE, access.token, httponly=True, samesite="Strict", path="/"
            )
        return response

    return check
