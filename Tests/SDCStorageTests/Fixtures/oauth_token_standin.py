#!/usr/bin/env python3
"""A stand-in for Google's OAuth token endpoint, for sdc's tests: accepts a service-account JWT bearer
grant only if the assertion is a well-formed RS256 JWT for the expected account, audience and scope,
whose signature `openssl dgst -sha256 -verify PUBKEY` accepts. Then answers with an access token.

Usage: oauth_token_standin.py PUBKEY_PEM CLIENT_EMAIL
Prints the port it listens on (127.0.0.1, kernel-chosen) as its first line; the token URI is
http://127.0.0.1:PORT/token.
"""
import base64, json, os, signal, subprocess, sys, tempfile, threading, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PUBKEY, EMAIL = sys.argv[1], sys.argv[2]


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        if form.get("grant_type") != ["urn:ietf:params:oauth:grant-type:jwt-bearer"]:
            return self.answer(400, {"error": "unsupported_grant_type"})
        parts = form.get("assertion", [""])[0].split(".")
        if len(parts) != 3:
            return self.answer(400, {"error": "invalid_grant"})
        header, claims = json.loads(b64url_decode(parts[0])), json.loads(b64url_decode(parts[1]))
        audience = f"http://127.0.0.1:{self.server.server_address[1]}/token"
        if (header.get("alg") != "RS256" or claims.get("iss") != EMAIL or claims.get("aud") != audience
                or claims.get("scope") != "https://www.googleapis.com/auth/devstorage.read_only"
                or claims.get("exp", 0) - claims.get("iat", 0) != 3600):
            return self.answer(400, {"error": "invalid_grant", "error_description": "claims"})
        with tempfile.NamedTemporaryFile() as sig, tempfile.NamedTemporaryFile() as data:
            sig.write(b64url_decode(parts[2])); sig.flush()
            data.write((parts[0] + "." + parts[1]).encode()); data.flush()
            ok = subprocess.run(["openssl", "dgst", "-sha256", "-verify", PUBKEY, "-signature", sig.name, data.name],
                                capture_output=True).returncode == 0
        if not ok:
            return self.answer(400, {"error": "invalid_grant", "error_description": "signature"})
        return self.answer(200, {"access_token": "ya29.standin-token", "expires_in": 3600, "token_type": "Bearer"})


signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
signal.signal(signal.SIGTERM, signal.SIG_DFL)
threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
