"""Test helpers for the language-model path: a real chat-completions HTTP server and a redactor.

:class:`FakeChatServer` is an ``http.server`` on 127.0.0.1 (port 0) in a thread that speaks
the OpenAI chat-completions protocol: each test sets ``reply`` to a function of the request
body returning (HTTP status, body text, delay in seconds). It records every request body, so
tests can assert what left "the clinic" and whether anything was sent at all.

:class:`KnownRedactor` replaces the chart's known identifiers by typed placeholders; it stands
in for the redaction plugin (which is tested on its own) so these tests exercise the
routing, not the tagger.
"""
from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from hooks.types import KnownIdentifiers, Span

Reply = Callable[[dict[str, Any]], tuple[int, str, float]]


def chat_body(content: str) -> str:
    """A chat-completions response whose message content is ``content``."""
    return json.dumps({
        "id": "chatcmpl-test", "object": "chat.completion", "model": "fake",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": content}}],
    })


def json_reply(sections: dict[str, str], delay: float = 0.0) -> Reply:
    return lambda body: (200, chat_body(json.dumps(sections)), delay)


class FakeChatServer:
    """A real HTTP server speaking /v1/chat/completions on a free loopback port."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.reply: Reply = json_reply({})
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server API)
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length) or b"{}")
                server.requests.append(body)
                server.headers.append(dict(self.headers))
                if self.path != "/v1/chat/completions":
                    status, text, delay = 404, '{"error": {"message": "not found"}}', 0.0
                else:
                    status, text, delay = server.reply(body)
                time.sleep(delay)
                data = text.encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client timed out and went away

            def log_message(self, *args: Any) -> None:
                return

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,),
                                        daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> FakeChatServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def sent_text(self) -> str:
        """Everything every request carried in its messages, joined."""
        return "\n".join(m["content"] for body in self.requests for m in body["messages"])


@dataclass
class KnownRedacted:
    text: str
    spans: list[Span]
    mapping: dict[str, str] = field(default_factory=dict)

    def restore(self, text: str) -> str:
        for placeholder, value in self.mapping.items():
            text = text.replace(placeholder, value)
        return text


def redact_known(text: str, known: KnownIdentifiers) -> KnownRedacted:
    """Replace each known identifier (longest first) by ``[CATEGORY_n]``."""
    mapping: dict[str, str] = {}
    counters: dict[str, int] = {}
    for category, value in sorted(known.items(), key=lambda kv: -len(kv[1])):
        pattern = re.compile(re.escape(value), re.I)
        if not pattern.search(text):
            continue
        counters[category] = counters.get(category, 0) + 1
        placeholder = f"[{category}_{counters[category]}]"
        mapping[placeholder] = value
        text = pattern.sub(placeholder, text)
    return KnownRedacted(text=text, spans=[], mapping=mapping)


def leak_check_known(text: str, known: KnownIdentifiers) -> dict[str, int]:
    """Count known identifiers still present in ``text`` by category."""
    found: dict[str, int] = {}
    for category, value in known.items():
        hits = len(re.findall(re.escape(value), text, re.I))
        if hits:
            found[category] = found.get(category, 0) + hits
    return found
