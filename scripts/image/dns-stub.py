#!/usr/bin/env python3
"""A tiny DNS server for scripts/image/test: answers A queries for the names given with 127.0.0.1 (NXDOMAIN for
any other name, an empty answer for other types), the way a cluster's DNS answers for a Service name.

    dns-stub.py ADDRESS PORT NAME...      (prints "ready" once listening; stops on SIGTERM)
"""
import socket
import struct
import sys

address, port, names = sys.argv[1], int(sys.argv[2]), {n.lower().rstrip(".") for n in sys.argv[3:]}
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind((address, port))
print("ready", flush=True)
while True:
    query, peer = sock.recvfrom(512)
    if len(query) < 12:
        continue
    ident = struct.unpack("!H", query[:2])[0]
    labels, i = [], 12
    while i < len(query) and query[i] != 0:
        n = query[i]
        labels.append(query[i + 1:i + 1 + n].decode("ascii", "replace"))
        i += 1 + n
    question = query[12:i + 5]
    qtype = struct.unpack("!H", query[i + 1:i + 3])[0] if i + 3 <= len(query) else 0
    name = ".".join(labels).lower()
    known = name in names
    rcode = 0 if known else 3
    answers = b""
    if known and qtype == 1:
        answers = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 5, 4) + socket.inet_aton("127.0.0.1")
    header = struct.pack("!HHHHHH", ident, 0x8180 | rcode, 1, 1 if answers else 0, 0, 0)  # QR RD RA
    sock.sendto(header + question + answers, peer)
    print(f"dns-stub: {name} type {qtype} -> {'127.0.0.1' if answers else ('no A' if known else 'NXDOMAIN')}",
          file=sys.stderr, flush=True)
