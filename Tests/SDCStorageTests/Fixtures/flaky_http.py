#!/usr/bin/env python3
"""An HTTP server that misbehaves on purpose, for sdc's retry tests.

Usage: flaky_http.py MODE COUNT   (prints its kernel-chosen 127.0.0.1 port as the first line)
  MODE 503: the first COUNT GETs of /file.bin answer 503 with Retry-After: 0, then 200.
  MODE cut: the first COUNT GETs send the headers and half the body, then drop the connection;
            GETs with Range: bytes=N- answer 206 with the rest.
GET /log returns one line per earlier /file.bin request: "<status> <range header or ->".
"""
import os, signal, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODE, COUNT = sys.argv[1], int(sys.argv[2])
BODY = bytes((i * 7 + 3) % 251 for i in range(300_000))
log, lock = [], threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.send_response(200)
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()

    def do_GET(self):
        if self.path == "/log":
            text = "".join(f"{s} {r}\n" for s, r in log).encode()
            self.send_response(200); self.send_header("Content-Length", str(len(text))); self.end_headers()
            self.wfile.write(text)
            return
        rng = self.headers.get("Range")
        with lock:
            failures = sum(1 for s, _ in log if s != 200 and s != 206)
            attempt_fails = failures < COUNT
        if rng:
            start = int(rng.split("=")[1].split("-")[0])
            with lock: log.append((206, rng))
            self.send_response(206)
            self.send_header("Content-Length", str(len(BODY) - start))
            self.send_header("Content-Range", f"bytes {start}-{len(BODY) - 1}/{len(BODY)}")
            self.end_headers()
            self.wfile.write(BODY[start:])
            return
        if attempt_fails and MODE == "503":
            with lock: log.append((503, "-"))
            self.send_response(503); self.send_header("Retry-After", "0"); self.send_header("Content-Length", "0"); self.end_headers()
            return
        if attempt_fails and MODE == "cut":
            with lock: log.append((0, "-"))
            self.send_response(200); self.send_header("Content-Length", str(len(BODY))); self.end_headers()
            self.wfile.write(BODY[: len(BODY) // 2]); self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
            return
        with lock: log.append((200, "-"))
        self.send_response(200); self.send_header("Content-Length", str(len(BODY))); self.end_headers()
        self.wfile.write(BODY)


signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
signal.signal(signal.SIGTERM, signal.SIG_DFL)
threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
