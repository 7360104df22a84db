"""Independent reader for sdc's YAML tests: loads YAML texts with PyYAML and prints what each means.

stdin: a JSON list of YAML texts. stdout: a JSON list, one entry per text, each either
{"ok": [typed document, ...]} or {"error": "message"}. Typed values are
["null"], ["bool", b], ["int", "123"], ["float", "1.5"], ["str", s], ["seq", [...]],
["map", [[key, value], ...]] and ["other", type name, repr] for anything else (dates, bytes...).
"""
import json
import sys

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def typed(v):
    if v is None:
        return ["null"]
    if isinstance(v, bool):
        return ["bool", v]
    if isinstance(v, int):
        return ["int", str(v)]
    if isinstance(v, float):
        return ["float", repr(v)]
    if isinstance(v, str):
        return ["str", v]
    if isinstance(v, list):
        return ["seq", [typed(x) for x in v]]
    if isinstance(v, dict):
        return ["map", [[typed(k), typed(x)] for k, x in v.items()]]
    return ["other", type(v).__name__, repr(v)]


def main():
    out = []
    for text in json.load(sys.stdin):
        try:
            out.append({"ok": [typed(d) for d in yaml.load_all(text, Loader=Loader)]})
        except yaml.YAMLError as e:
            out.append({"error": str(e)})
    json.dump(out, sys.stdout)


main()
