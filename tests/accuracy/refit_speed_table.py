#!/usr/bin/env python3
"""Refits the shipped speed table and writes it into core/perf/speedtable.cpp.

Runs `planner-accuracy --fit` (fitted from priorSpeedTable() to the fit set
of tests/fixtures/measurements/serving) and replaces, in speedtable.cpp, the
engine and GPU-family rows, the FP8/FP4/network shares and the comment that
says when and to how many cases the table was fitted. CTest's
`accuracy/serving-shipped` then passes again. Usage, from the repository root:

    tests/accuracy/refit_speed_table.py build/tests/planner-accuracy
"""

import datetime
import pathlib
import re
import subprocess
import sys

TABLE = pathlib.Path("core/perf/speedtable.cpp")
FIXTURES = "tests/fixtures/measurements/serving"


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    fit = subprocess.run([sys.argv[1], "--fixtures", FIXTURES, "--fit"], capture_output=True, text=True)
    out = fit.stdout
    header = re.search(r"fitted to (\d+) cases in \d+ evaluations: robust log loss ([\d.]+) -> ([\d.]+)", out)
    rows = re.search(r"(    t\.engines = \{\n.*?\n    \};\n    t\.families = \{\n.*?\n    \};\n)", out, re.S)
    shares = {name: re.search(rf"t\.{name} = ([\d.e+-]+);", out) for name in ("fp8Share", "fp4Share", "network")}
    if not header or not rows or not all(shares.values()):
        print("planner-accuracy --fit printed no table:\n" + out + fit.stderr, file=sys.stderr)
        return 1
    source = TABLE.read_text()
    source = re.sub(r"    t\.engines = \{\n.*?\n    \};\n    t\.families = \{\n.*?\n    \};\n", lambda _: rows.group(1),
                    source, count=1, flags=re.S)
    for name, match in shares.items():
        source = re.sub(rf"t\.{name} = [\d.e+-]+;", f"t.{name} = {match.group(1)};", source, count=1)
    source = re.sub(r"// \d{4}-\d\d-\d\d to the \d+ fit-set cases", f"// {datetime.date.today()} to the "
                    f"{header.group(1)} fit-set cases", source, count=1)
    source = re.sub(r"robust log loss [\d.]+ -> [\d.]+", f"robust log loss {header.group(2)} -> {header.group(3)}",
                    source, count=1)
    TABLE.write_text(source)
    print(f"{TABLE}: {header.group(1)} cases, robust log loss {header.group(2)} -> {header.group(3)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
