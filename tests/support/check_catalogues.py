#!/usr/bin/env python3
"""Fails when a window could show English or lose a value: a message of the Qt Linguist
catalogues (app/gui/i18n/planatlas_vi.ts, layers/render/i18n/planatlas_render_vi.ts) left
unfinished or empty, a translation that drops or adds a %1 … %9 of its source, or an engine
sentence marked in layers/src (QT_TRANSLATE_NOOP("pa::layers", "…")) that the desktop's
catalogue does not hold (refresh it: cmake --build build/release --target planatlas_gui_lupdate,
then translate what it adds). Usage: check_catalogues.py SOURCE_DIR"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

root = Path(sys.argv[1])
catalogues = [root / "app/gui/i18n/planatlas_vi.ts", root / "layers/render/i18n/planatlas_render_vi.ts"]
COMMAND_LINE = re.compile(r"(^|\s)--[a-z]|planatlas (init|import|ingest|link|task|copy|validate|"
                          r"admin|analyze|crosswalk|georef|grid|parcels|map|report|qgis|info)\b")
problems = []
held = {}  # (context, source) -> translation
for path in catalogues:
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            t = message.find("translation")
            where = f"{path.relative_to(root)}: [{name}] {source!r}"
            if t is None:
                problems.append(f"{where}: no translation")
                continue
            forms = [f.text or "" for f in t.iter("numerusform")] or [t.text or ""]
            if t.get("type") in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms):
                problems.append(f"{where}: not translated")
                continue
            # A window never shows command-line syntax (the engine keeps it in a remedy apart).
            if name == "pa::layers" and any(COMMAND_LINE.search(f) for f in forms):
                problems.append(f"{where}: the translation shows command-line syntax")
            wanted = set(re.findall(r"%[1-9]", source))
            for f in forms:
                if set(re.findall(r"%[1-9]", f)) != wanted:
                    problems.append(f"{where}: the translation {f!r} does not say {sorted(wanted)}")
            held[(name, source)] = forms[0]

def unescape(literal):
    """A C++ string literal's text (the escapes sentences use)."""
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), literal)


marked = re.compile(r'QT_TRANSLATE_NOOP\(\s*"pa::layers"\s*,\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)')
for cpp in sorted(p for p in (root / "layers").rglob("*") if p.suffix in (".cpp", ".h")):
    code = cpp.read_text(encoding="utf-8")
    found = list(marked.finditer(code))
    # A mark this reading cannot follow (a comment between the pieces, a raw or u8 string).
    if len(found) != len(re.findall(r'QT_TRANSLATE_NOOP\(\s*"pa::layers"', code)):
        problems.append(f"{cpp.relative_to(root)}: a QT_TRANSLATE_NOOP(\"pa::layers\", …) that is "
                        "not plain string literals")
    for m in found:
        text = "".join(unescape(s) for s in re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
        if ("pa::layers", text) not in held:
            problems.append(f"{cpp.relative_to(root)}: {text!r} is not in app/gui/i18n/planatlas_vi.ts")

for p in problems:
    print(p, file=sys.stderr)
print(f"{len(held)} message(s) translated; {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
