"""Build ``claimtrack/first_names.tsv``: the first names whose gender is clear, from the
``nomquamgender`` package (MIT; a dev dependency, so the 22 MB table it ships is read only
here): names seen at least MIN_COUNT times, gendered female or male at least 90% of the time.

    python -m claimtrack.evaluate.first_names      # (part of make train-models)
"""

from __future__ import annotations

import importlib.resources
import json
from pathlib import Path

from claimtrack.names import FIRST_NAMES

MIN_COUNT = 1000
CLEAR = 0.1  # p(female) at most this (male) or at least 1 - this (female)


def clear_names(data: dict[str, list]) -> list[tuple[str, str]]:
    """(name, "f" | "m") for every common, clearly gendered, plain-letter name, sorted."""
    out = []
    for name, (_, count, p_female, *_) in data.items():
        if count < MIN_COUNT or not (name.isascii() and name.isalpha()):
            continue
        if p_female <= CLEAR or p_female >= 1 - CLEAR:
            out.append((name, "f" if p_female >= 0.5 else "m"))
    return sorted(out)


def main(out: Path = FIRST_NAMES) -> None:
    raw = importlib.resources.files("nomquamgender").joinpath("name_data.json").read_text()
    rows = clear_names(json.loads(raw))
    header = (
        f"# first names of clear gender (p >= {1 - CLEAR}), seen >= {MIN_COUNT} times; "
        "from nomquamgender (MIT, Ian Van Buskirk); built by claimtrack.evaluate.first_names\n"
    )
    out.write_text(header + "".join(f"{n}\t{g}\n" for n, g in rows), encoding="utf-8")
    print(f"{len(rows)} first names -> {out}")


if __name__ == "__main__":
    main()
