"""Print the commands of the README's first ```bash block, one per line (CI runs them as written)."""

from __future__ import annotations

import sys
from pathlib import Path


def commands(readme: str) -> list[str]:
    lines = Path(readme).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "```bash")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].strip() == "```")
    return [line.strip() for line in lines[start + 1 : end] if line.strip() and not line.strip().startswith("#")]


if __name__ == "__main__":
    print("\n".join(commands(sys.argv[1] if len(sys.argv) > 1 else "README.md")))
