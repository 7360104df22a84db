#!/usr/bin/env python3
"""An HTTP server with one fault per path, for sdc fetch's fault tests (issue 7).

Usage: fault_http.py    (prints its kernel-chosen 127.0.0.1 port as the first line; exits when stdin closes)
  /ok.bin         200, 100 KiB, Content-Length
  /big.bin        200, 2 MiB (for a destination that fills up)
  /reset.bin      every GET: headers, 10 KiB, then a TCP reset
  /stall.bin      every GET: headers, 10 KiB, then silence for 60 s (a read timeout must fire)
  /429.bin        always 429 Too Many Requests, Retry-After: 1
  /503-twice.bin  the first two GETs 503 with Retry-After: 1, then 200
  /truncated.bin  every GET: Content-Length 100 KiB, 50 KiB of body, a clean close
  /grows.bin      HEAD says 100 KiB; GET sends 200 KiB (the object changed between listing and download)
  /dir/           an index listing a.bin and gone.bin; gone.bin answers 404 (deleted mid-download)
  /unsized.bin    1 MiB, close-delimited, no Content-Length (for --max-size while streaming)
  /echo           HEAD 200; GET 403 whose body echoes every request header, as some proxies and S3 look-alikes do
GET /log returns one line per earlier request: "<method> <path> <status>".
"""
import os, signal, socket, struct, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KIB = 1024
PATTERN = bytes((i * 7 + 3) % 251 for i in range(251))
def body(n):
    return (PATTERN * (n // len(PATTERN) + 1))[:n]
OK, BIG, GROWN, UNSIZED = body(100 * KIB), body(2048 * KIB), body(200 * KIB), body(1024 * KIB)
log, lock = [], threading.Lock()
counts = {}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def record(self, status):
        with lock:
            log.append(f"{self.command} {self.path} {status}")

    def send(self, status, data=b"", headers=(), length=None):
        self.record(status)
        self.send_response(status)
        self.send_header("Content-Length", str(len(data) if length is None else length))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        path = self.path.split("?")[0]
        with lock:
            counts[(self.command, path)] = counts.get((self.command, path), 0) + 1
            n = counts[(self.command, path)]
        if path == "/log":
            return self.send(200, "".join(line + "\n" for line in log).encode())
        if path == "/ok.bin":
            return self.send(200, OK)
        if path == "/big.bin":
            return self.send(200, BIG)
        if path == "/429.bin":
            return self.send(429, b"slow down", [("Retry-After", "1")])
        if path == "/503-twice.bin":
            if self.command == "GET" and n <= 2:
                return self.send(503, b"busy", [("Retry-After", "1")])
            return self.send(200, OK)
        if path == "/grows.bin":
            return self.send(200, OK if self.command == "HEAD" else GROWN)
        if path in ("/reset.bin", "/stall.bin", "/truncated.bin"):
            if self.command == "HEAD":
                return self.send(200, OK)
            self.record(200)
            self.send_response(200)
            self.send_header("Content-Length", str(len(OK)))
            self.end_headers()
            sent = 10 * KIB if path != "/truncated.bin" else 50 * KIB
            self.wfile.write(OK[:sent])
            self.wfile.flush()
            if path == "/stall.bin":
                time.sleep(60)
            elif path == "/reset.bin":
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        if path == "/unsized.bin":
            self.record(200)
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(UNSIZED)
            self.close_connection = True
            return
        if path == "/dir":
            return self.send(301, headers=[("Location", "/dir/")])
        if path == "/dir/":
            page = b'<html><body><a href="a.bin">a.bin</a> <a href="gone.bin">gone.bin</a></body></html>'
            return self.send(200, page, [("Content-Type", "text/html")])
        if path == "/dir/a.bin":
            return self.send(200, OK)
        if path == "/echo" and self.command == "HEAD":
            return self.send(200, length=10)
        if path == "/echo":
            echoed = "".join(f"{k}: {v}\n" for k, v in self.headers.items()).encode()
            return self.send(403, b"<Error><Message>request was:\n" + echoed + b"</Message></Error>")
        return self.send(404, b"not found")


signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
signal.signal(signal.SIGTERM, signal.SIG_DFL)
threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
