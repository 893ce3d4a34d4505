"""Keep the Qt catalogs in src/referral_desk/i18n/ in step with the tr() texts, and compile them.

    python3 scripts/update_translations.py            # refresh referral_desk_en.ts (lupdate)
    python3 scripts/update_translations.py --check    # exit 1: stale catalog or untranslated
    python3 scripts/update_translations.py --compile  # .qm files for the app (lrelease)

Dutch is the source language, so it has no catalog. The English catalog is written by people
and committed; ``--check`` fails when lupdate would change it (a tr() text was added, changed
or removed) or an English translation is unfinished, empty or drops a placeholder, tag or
Alt-key. The pseudo-translation (``xx``: longer, accented, bracketed) is generated from the
source texts at compile time, so it is never stale and never committed. ``-locations none``
keeps line numbers out of the catalog: moving code does not touch it.

The Qt-free core says its messages as templates (``domain.errors.MessageTemplate``) that
lupdate cannot see; this script imports the core, which registers every template, and writes
them into ``ui/core_message_texts.py`` as ``QT_TRANSLATE_NOOP("CoreMessage", ...)`` lines
that lupdate reads. ``--check`` fails when that module is stale too.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "referral_desk"
I18N = PACKAGE / "i18n"
ENGLISH = I18N / "referral_desk_en.ts"
PSEUDO_QM = I18N / "referral_desk_xx.qm"
CORE_TEXTS = PACKAGE / "ui" / "core_message_texts.py"
CORE_CONTEXT = "CoreMessage"
# Every Qt-free package that may say something to a person.
CORE_PACKAGES = ("domain", "storage", "sealing", "delivery", "registry", "lifecycle")

# What a translation must keep: Python format fields, Qt's %n/%1, HTML tags and entities.
_KEEP = re.compile(r"\{[^{}]*\}|%n|%L?\d|<[^<>]*>|&[A-Za-z]+;|&#\d+;")
_ACCENTS = str.maketrans("aeiouycnsAEIOUYCNS", "àéîöüýçñšÀÉÎÖÜÝÇÑŠ")


def sources() -> list[Path]:
    """Every module that calls tr()/translate(): the ui package and any other Qt module."""
    found = sorted((PACKAGE / "ui").glob("*.py"))
    for path in sorted(PACKAGE.rglob("*.py")):
        if path in found:
            continue
        text = path.read_text(encoding="utf-8")
        if "PySide6" in text and re.search(r"\b(tr|translate)\(", text):
            found.append(path)
    return found


def core_templates() -> list[tuple[str, str]]:
    """(code, Dutch template) of every message template in the core, by code.

    Importing a module registers its templates, so every core module is imported: from this
    checkout's src/, whichever copy ``pip install -e`` points at.
    """
    src = str(REPO / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    import referral_desk
    from referral_desk.domain.errors import registered_templates

    if Path(referral_desk.__file__).resolve().parents[1] != REPO / "src":
        raise SystemExit(f"referral_desk was imported from {referral_desk.__file__}, not {src}")
    for name in CORE_PACKAGES:
        package = importlib.import_module(f"referral_desk.{name}")
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            importlib.import_module(module.name)
    return [(template.code, template.text) for template in registered_templates()]


def core_texts_module() -> str:
    """The source of ui/core_message_texts.py: one literal lupdate can read per template."""
    lines = [
        "# ruff: noqa: E501",
        '"""The core\'s message templates as literals for lupdate: generated, do not edit.',
        "",
        "Made by scripts/update_translations.py from the templates the Qt-free core registers",
        "(domain.errors.MessageTemplate); ui/core_messages.py words them. Never imported.",
        '"""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "CORE_MESSAGE_TEXTS = (",
    ]
    for code, text in core_templates():
        literal = json.dumps(text, ensure_ascii=False)
        lines.append(f'    QT_TRANSLATE_NOOP("{CORE_CONTEXT}", {literal}),  # {code}')
    lines.append(")")
    return "\n".join(lines) + "\n"


def write_core_texts() -> bool:
    """Writes ui/core_message_texts.py; True when it changed."""
    text = core_texts_module()
    if CORE_TEXTS.exists() and CORE_TEXTS.read_text(encoding="utf-8") == text:
        return False
    CORE_TEXTS.write_text(text, encoding="utf-8")
    return True


def _tool(name: str) -> str:
    """pyside6-<name> on PATH or beside this Python, else the binary inside PySide6."""
    for candidate in (
        shutil.which(f"pyside6-{name}"),
        shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)),
    ):
        if candidate:
            return candidate
    import PySide6

    folder = Path(PySide6.__file__).parent
    for binary in (folder / name, folder / f"{name}.exe", folder / "Qt" / "bin" / name):
        if binary.exists():
            return str(binary)
    raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")


def run_lupdate(ts_file: Path) -> None:
    files = [str(path.relative_to(REPO)) for path in sources()]
    subprocess.run(
        [
            _tool("lupdate"),
            *files,
            "-locations",
            "none",
            "-no-obsolete",
            "-source-language",
            "nl_BE",
            "-target-language",
            "en",
            "-ts",
            str(ts_file),
        ],
        cwd=REPO,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _messages(ts_file: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts_file).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _mnemonic(text: str) -> bool:
    return bool(re.search(r"(?<!&)&(?!&)[^\s&;]", re.sub(r"&[A-Za-z]+;|&#\d+;", "", text)))


def translation_problems(ts_file: Path) -> list[str]:
    """Unfinished or empty translations, and ones that lose a placeholder, tag or Alt-key."""
    problems = []
    for context, message in _messages(ts_file):
        source = message.findtext("source") or ""
        element = message.find("translation")
        forms = [] if element is None else [f.text or "" for f in element.iter("numerusform")]
        texts = forms or ([] if element is None else [element.text or ""])
        where = f"{context}: {source!r}"
        if element is None or element.get("type") == "unfinished" or not all(texts):
            problems.append(f"{where}: not translated")
            continue
        for text in texts:
            if sorted(_KEEP.findall(source)) != sorted(_KEEP.findall(text)):
                problems.append(f"{where}: placeholders or tags differ in {text!r}")
            if _mnemonic(source) != _mnemonic(text):
                problems.append(f"{where}: Alt-key (&) missing or added in {text!r}")
    return problems


def pseudo(text: str) -> str:
    """Accented, bracketed and about 40 % longer; placeholders, tags and the Alt-key kept."""
    parts = []
    position = 0
    for match in re.finditer(_KEEP.pattern + r"|&&|&.", text, flags=re.DOTALL):
        parts.append(text[position : match.start()].translate(_ACCENTS))
        parts.append(match.group())
        position = match.end()
    parts.append(text[position:].translate(_ACCENTS))
    body = "".join(parts)
    visible = len(re.sub(_KEEP.pattern, "", text))
    # In words of at most six, as a real language's longer text would wrap.
    length = max(1, round(visible * 0.4) - 3)
    padding = " ".join("~" * min(6, length - start) for start in range(0, length, 6))
    if text.lstrip().startswith("<"):
        return f"{body} [{padding}]"
    return f"[{body} {padding}]"


def write_pseudo_ts(target: Path) -> None:
    """The source texts of a fresh lupdate run, each with its pseudo-translation."""
    run_lupdate(target)
    tree = ET.parse(target)
    root = tree.getroot()
    root.set("language", "xx")
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        element = message.find("translation")
        assert element is not None
        element.attrib.pop("type", None)
        forms = list(element.iter("numerusform"))
        for form in forms:
            form.text = pseudo(source)
        if not forms:
            element.text = pseudo(source)
    tree.write(target, encoding="utf-8", xml_declaration=True)


def compile_catalogs() -> list[Path]:
    """referral_desk_en.qm and referral_desk_xx.qm beside the catalogs."""
    built = []
    with tempfile.TemporaryDirectory() as tmp:
        pseudo_ts = Path(tmp) / "referral_desk_xx.ts"
        write_pseudo_ts(pseudo_ts)
        for ts_file, qm_file in (
            (ENGLISH, ENGLISH.with_suffix(".qm")),
            (pseudo_ts, PSEUDO_QM),
        ):
            subprocess.run(
                [_tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
                check=True,
            )
            built.append(qm_file)
    return built


def _shown(path: Path) -> str:
    """*path* as the repository's relative name; as it is when it lies elsewhere (another drive)."""
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def check() -> list[str]:
    """Why the committed catalogs are not in step with the code (empty: they are)."""
    if not ENGLISH.exists():
        return [f"{ENGLISH.relative_to(REPO)} is missing: run scripts/update_translations.py"]
    problems = []
    if not CORE_TEXTS.exists() or CORE_TEXTS.read_text(encoding="utf-8") != core_texts_module():
        problems.append(
            f"{_shown(CORE_TEXTS)} is stale (a core message template was added, "
            "changed or removed): run python3 scripts/update_translations.py and translate "
            "what is new"
        )
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ENGLISH.name
        shutil.copyfile(ENGLISH, fresh)
        run_lupdate(fresh)
        if fresh.read_bytes() != ENGLISH.read_bytes():
            problems.append(
                f"{ENGLISH.relative_to(REPO)} is stale (tr() texts were added, changed or "
                "removed): run python3 scripts/update_translations.py and translate what is new"
            )
        problems += translation_problems(fresh)
    return problems


def source_count(ts_file: Path = ENGLISH) -> int:
    return len(_messages(ts_file))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="fail on a stale or unfinished catalog")
    mode.add_argument("--compile", action="store_true", help="build the .qm files (lrelease)")
    args = parser.parse_args(argv)
    os.chdir(REPO)
    if args.check:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        if not problems:
            print(f"translations: {source_count()} source texts, catalogs up to date")
        return 1 if problems else 0
    if args.compile:
        for path in compile_catalogs():
            print(f"compiled {path.relative_to(REPO)}")
        return 0
    I18N.mkdir(parents=True, exist_ok=True)
    if write_core_texts():
        print(f"wrote {_shown(CORE_TEXTS)}")
    run_lupdate(ENGLISH)
    left = translation_problems(ENGLISH)
    print(f"{ENGLISH.relative_to(REPO)}: {source_count()} source texts, {len(left)} to translate")
    for problem in left:
        print(f"  {problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
