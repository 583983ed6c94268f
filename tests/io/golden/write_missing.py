"""Write the golden documents of the current version that do not exist yet.

Run ``python tests/io/golden/write_missing.py`` after adding a type or a format version. It
never overwrites a file: a golden document, once checked in, is never edited.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from selfcare.serialize import SCHEMA_VERSION, to_dict
from tests.io.golden.values import REDACTED, VALUES

HERE = Path(__file__).resolve().parent


def pretty(document: object) -> str:
    """The text of a golden file: two-space indents, ASCII only, a final newline."""
    return json.dumps(document, indent=2, ensure_ascii=True) + "\n"


def main() -> None:
    folder = HERE / f"v{SCHEMA_VERSION}"
    folder.mkdir(exist_ok=True)
    documents = {name: to_dict(value) for name, value in VALUES.items()}
    documents |= {name: to_dict(value, redact=True) for name, (value, _) in REDACTED.items()}
    for name, document in sorted(documents.items()):
        path = folder / f"{name}.json"
        if path.exists():
            continue
        path.write_text(pretty(document), encoding="utf-8")
        print(f"wrote {path.relative_to(HERE.parents[2])}")


if __name__ == "__main__":
    main()
