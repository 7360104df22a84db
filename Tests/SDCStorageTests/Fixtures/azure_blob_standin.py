#!/usr/bin/env python3
"""A stand-in for the Azure Blob service, for sdc's tests: serves a directory as one container and
checks every request's authorization independently of sdc's Swift signer.

Usage: azure_blob_standin.py ROOT ACCOUNT BASE64KEY CONTAINER [SAS_SIG]
Prints the port it listens on (127.0.0.1, chosen by the kernel) as its first line.

Shared Key is verified by recomputing Microsoft's documented string-to-sign (version 2015-02-21+:
Content-Length empty when zero; canonicalized x-ms-* headers; /account/path plus sorted lowercase
query parameters) and HMAC-SHA256 with the account key. With SAS_SIG, requests must instead carry
sig=SAS_SIG in the query. Anything else gets 403 AuthenticationFailed. Paths are emulator style:
/ACCOUNT/CONTAINER[/BLOB].
"""
import base64, hashlib, hmac, os, signal, sys, urllib.parse
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT, ACCOUNT, KEY, CONTAINER = sys.argv[1], sys.argv[2], base64.b64decode(sys.argv[3]), sys.argv[4]
SAS_SIG = sys.argv[5] if len(sys.argv) > 5 else None
STANDARD = ["content-encoding", "content-language", "content-length", "content-md5", "content-type", "date",
            "if-modified-since", "if-match", "if-none-match", "if-unmodified-since", "range"]


def blobs():
    out = []
    for dirpath, _, files in os.walk(ROOT):
        for f in files:
            full = os.path.join(dirpath, f)
            out.append(os.path.relpath(full, ROOT).replace(os.sep, "/"))
    return sorted(out)


def md5_b64(path):
    with open(path, "rb") as fh:
        return base64.b64encode(hashlib.md5(fh.read()).digest()).decode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def authorized(self, raw_path, query):
        if SAS_SIG is not None:
            return query.get("sig") == [SAS_SIG]
        auth = self.headers.get("Authorization", "")
        if not auth.startswith("SharedKey " + ACCOUNT + ":"):
            return False
        lines = [self.command]
        for name in STANDARD:
            value = self.headers.get(name, "")
            if name == "content-length" and value == "0":
                value = ""
            lines.append(value)
        ms = sorted((k.lower(), " ".join(v.split())) for k, v in self.headers.items() if k.lower().startswith("x-ms-"))
        canonical_headers = "".join(f"{k}:{v}\n" for k, v in ms)
        resource = "/" + ACCOUNT + raw_path
        for name in sorted(query):
            resource += f"\n{name.lower()}:{','.join(sorted(query[name]))}"
        string_to_sign = "\n".join(lines) + "\n" + canonical_headers + resource
        expected = base64.b64encode(hmac.new(KEY, string_to_sign.encode(), hashlib.sha256).digest()).decode()
        return hmac.compare_digest(auth.split(":", 1)[1], expected)

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def error(self, status, code):
        self.reply(status, f'<?xml version="1.0" encoding="utf-8"?><Error><Code>{code}</Code><Message>m</Message></Error>'.encode())

    def handle_any(self):
        raw_path, _, raw_query = self.path.partition("?")
        query = urllib.parse.parse_qs(raw_query, keep_blank_values=True)
        if not self.authorized(raw_path, query):
            return self.error(403, "AuthenticationFailed")
        parts = raw_path.split("/", 3)  # '', account, container, blob
        if len(parts) < 3 or parts[1] != ACCOUNT or parts[2] != CONTAINER:
            return self.error(404, "ContainerNotFound")
        if len(parts) == 3:
            if query.get("comp") != ["list"]:
                return self.error(400, "InvalidQueryParameterValue")
            prefix = query.get("prefix", [""])[0]
            limit = int(query.get("maxresults", ["5000"])[0])
            start = int(query.get("marker", ["0"])[0])
            names = [n for n in blobs() if n.startswith(prefix)]
            page, nxt = names[start:start + limit], (str(start + limit) if start + limit < len(names) else "")
            items = ""
            for n in page:
                p = os.path.join(ROOT, n)
                items += (f"<Blob><Name>{n}</Name><Properties><Last-Modified>{formatdate(os.path.getmtime(p), usegmt=True)}"
                          f"</Last-Modified><Etag>0x1</Etag><Content-Length>{os.path.getsize(p)}</Content-Length>"
                          f"<Content-MD5>{md5_b64(p)}</Content-MD5></Properties><Metadata /></Blob>")
            body = (f'<?xml version="1.0" encoding="utf-8"?><EnumerationResults ContainerName="{CONTAINER}">'
                    f"<Blobs>{items}</Blobs><NextMarker>{nxt}</NextMarker></EnumerationResults>").encode()
            return self.reply(200, body, [("Content-Type", "application/xml")])
        blob = urllib.parse.unquote(parts[3])
        path = os.path.join(ROOT, blob)
        if ".." in blob.split("/") or not os.path.isfile(path):
            return self.error(404, "BlobNotFound")
        with open(path, "rb") as fh:
            data = fh.read()
        headers = [("ETag", "0x1"), ("Content-MD5", md5_b64(path)),
                   ("Last-Modified", formatdate(os.path.getmtime(path), usegmt=True))]
        rng = self.headers.get("x-ms-range")
        if rng:
            start = int(rng.split("=")[1].split("-")[0])
            return self.reply(206, data[start:], [("x-ms-blob-content-md5", md5_b64(path))])
        if self.command == "HEAD":
            self.send_response(200)
            for k, v in headers:
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            return
        return self.reply(200, data, headers)

    do_GET = handle_any
    do_HEAD = handle_any


# The test runner may start us with signals blocked or ignored: make TERM/INT stop us as usual.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
signal.signal(signal.SIGTERM, signal.SIG_DFL)
signal.signal(signal.SIGINT, signal.SIG_DFL)
# Exit when the test process goes away (stdin is its pipe): never outlive the tests.
import threading
threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
