#!/usr/bin/env python3
"""Serves one large file very slowly, so a test can interrupt a download in the middle.

Usage: slow_http.py [SIZE]   (prints its kernel-chosen 127.0.0.1 port as the first line)
Every GET answers 200 with Content-Length SIZE bytes (default 64 MiB, a multiple of 64 KiB) and then
64 KiB every 50 ms.
"""
import os, signal, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SIZE = int(sys.argv[1]) if len(sys.argv) > 1 else 64 << 20


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.send_response(200)
        self.send_header("Content-Length", str(SIZE))
        self.end_headers()

    def do_GET(self):
        self.do_HEAD()
        chunk = b"x" * (64 << 10)
        try:
            for _ in range(SIZE // len(chunk)):
                self.wfile.write(chunk)
                self.wfile.flush()
                time.sleep(0.05)
        except (BrokenPipeError, ConnectionResetError):
            pass


signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
signal.signal(signal.SIGTERM, signal.SIG_DFL)
threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
