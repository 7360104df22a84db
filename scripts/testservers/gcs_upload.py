#!/usr/bin/env python3
"""Uploads a tree to the GCS emulator as BUCKET/PREFIX/<relative path>, a few objects at a time.

Usage: gcs_upload.py ENDPOINT BUCKET PREFIX ROOT

rclone 1.60 cannot upload over 16 MiB to this emulator (its resumable upload gets "unexpected 308"),
so objects go up with uploadType=media; an empty media body crashes the emulator's handler, so empty
objects go up with uploadType=multipart (testservers.md §3). The emulator closes every connection and
has a listen backlog of 5, hence only four at once and a retry on a refused connection.
"""
import concurrent.futures
import os
import sys
import time
import urllib.parse
import urllib.request

endpoint, bucket, prefix, root = sys.argv[1:5]


def upload(rel):
    name = f"{prefix}/{rel}"
    path = os.path.join(root, rel)
    base = f"{endpoint}/upload/storage/v1/b/{bucket}/o"
    if os.path.getsize(path) > 0:
        with open(path, "rb") as f:
            body = f.read()
        url = f"{base}?uploadType=media&name={urllib.parse.quote(name, safe='')}"
        headers = {"Content-Type": "application/octet-stream"}
    else:
        meta = '{"name": "%s"}' % name.replace("\\", "\\\\").replace('"', '\\"')
        body = (f"--B\r\nContent-Type: application/json\r\n\r\n{meta}\r\n"
                "--B\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--B--\r\n").encode()
        url = f"{base}?uploadType=multipart"
        headers = {"Content-Type": "multipart/related; boundary=B"}
    for attempt in range(20):
        try:
            req = urllib.request.Request(url, data=body, headers=headers, method="POST")
            with urllib.request.urlopen(req, timeout=120) as r:
                r.read()
            return
        except (ConnectionError, urllib.error.URLError) as e:
            if attempt == 19:
                raise SystemExit(f"gcs_upload: {name}: {e}")
            time.sleep(0.1)


files = sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs)
with concurrent.futures.ThreadPoolExecutor(4) as pool:
    list(pool.map(upload, files))
