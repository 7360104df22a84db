#!/usr/bin/env python3
"""Writes the end-to-end fixture tree that every test server holds under "model/" (issue 5: a large
file, hundreds of small files, nested folders, names with spaces and non-ASCII characters).

Usage: make_fixture.py ROOT [BIG_MIB]

Contents are random bytes made at test time, so nothing large lives in git. The names avoid `#`, `%`,
`?` and `;`, which the GCS emulator cannot serve (testservers.md §3). The hand-made files the tests
name (sub/config.json, sub/deeper/leaf.txt, "odd names/a b ü+&=.txt", empty.txt, model.bin) stay.
"""
import os
import random
import sys

root = sys.argv[1]
big_mib = int(sys.argv[2]) if len(sys.argv) > 2 else 100
rng = random.Random()


def write(rel, data):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


write("model.bin", b"weights-v1\n")
write("sub/config.json", b'{"name": "iris"}\n')
write("sub/deeper/leaf.txt", b"deep\n")
write("empty.txt", b"")
write("odd names/a b ü+&=.txt", "space and ü\n".encode())

# One file past 100 MiB, with an odd tail so no chunk boundary lines up with its end.
with open(os.path.join(root, "big.bin"), "wb") as f:
    for _ in range(big_mib):
        f.write(os.urandom(1 << 20))
    f.write(os.urandom(17))

# ~300 small files of 1-64 KiB in nested folders whose names have spaces and non-ASCII characters.
folders = ["many", "many/layer one", "many/layer one/ünïcödé", "many/layer one/ünïcödé/深い",
           "many/tokenizer files", "many/tokenizer files/Ωmega (v2)", "many/tokenizer files/Ωmega (v2)/x y z"]
for i in range(300):
    folder = folders[i % len(folders)]
    name = f"shard {i:03d} – é{'' if i % 3 else ' ñ'}.bin"
    write(f"{folder}/{name}", os.urandom(rng.randint(1, 64) * 1024 - rng.randint(0, 1023)))
