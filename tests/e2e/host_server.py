"""A plain static file server that can send what docs/hosting.md asks a host to send.

Usage: host_server.py PORT DIRECTORY [--csp] [--cache] [--log FILE]

  --csp    the strict Content-Security-Policy the site must work under
  --cache  the cache headers of docs/hosting.md: a file whose name carries a content hash
           is immutable for a year, every other file is revalidated on each use
  --log    append "METHOD PATH STATUS" for every request to FILE, so a test can see what
           reached the server
"""

import functools
import http.server
import re
import sys

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "object-src 'none'; base-uri 'none'"
)

# A content hash in a file name, as the build writes it: "-" and 16 hex digits (Trunk's own
# drop leading zeros, hence at least 12 here) just before the extension (or before "_bg"
# for wasm-bindgen's module). docs/hosting.md gives the same rule.
HASHED = re.compile(r"-[0-9a-f]{12,}(_bg)?\.[A-Za-z0-9]+$")


def cache_control(path):
    name = path.split("?", 1)[0].rsplit("/", 1)[-1]
    if HASHED.search(name):
        return "public, max-age=31536000, immutable"
    return "no-cache"


class Handler(http.server.SimpleHTTPRequestHandler):
    csp = False
    cache = False
    log_file = None

    def end_headers(self):
        if self.csp:
            self.send_header("Content-Security-Policy", CSP)
        if self.cache:
            self.send_header("Cache-Control", cache_control(self.path))
        super().end_headers()

    def log_request(self, code="-", size="-"):
        if self.log_file:
            with open(self.log_file, "a", encoding="utf-8") as log:
                log.write(f"{self.command} {self.path} {int(code) if str(code).isdigit() else code}\n")

    def log_message(self, format, *args):
        pass


if __name__ == "__main__":
    port, directory = int(sys.argv[1]), sys.argv[2]
    options = sys.argv[3:]
    Handler.csp = "--csp" in options
    Handler.cache = "--cache" in options
    if "--log" in options:
        Handler.log_file = options[options.index("--log") + 1]
    handler = functools.partial(Handler, directory=directory)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        server.serve_forever()
