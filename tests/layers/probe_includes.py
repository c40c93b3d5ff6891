#!/usr/bin/env python3
"""The layering test: each module's own compile flags cannot reach the headers it must not use.

For every (module, header) pair below, the compile command CMake uses for one of the module's
own sources (compile_commands.json) is run on a one-line file that includes `header`,
preprocessing only (-E: what is tested is where includes resolve). A forbidden header must fail
with "No such file"; the module's own header (the control) must preprocess, so the test fails if
the probe itself is broken rather than the layering holding. Every header named must exist in
include/coachsim/, so that "No such file" means the layering and not a misspelt rule.
Usage: probe_includes.py SOURCE_DIR BUILD_DIR. Exit 1 with one line per broken rule.
"""
import json
import os
import shlex
import subprocess
import sys
import tempfile

# Module -> (a header of its own, headers of modules above it or beside it that it must not see).
RULES = {
    "engine": ("engine/simulator.hpp",
               ["calendar/calendar.hpp", "scenario/scenario.hpp", "ledger/ledger.hpp"]),
    "calendar": ("calendar/calendar.hpp", ["engine/simulator.hpp", "scenario/scenario.hpp"]),
    "costs": ("costs/cost_table.hpp", ["ledger/ledger.hpp", "scenario/scenario.hpp"]),
    "ledger": ("ledger/ledger.hpp", ["scenario/scenario.hpp", "programme/run.hpp",
                                     "engine/simulator.hpp"]),
    "scenario": ("scenario/scenario.hpp", ["engine/simulator.hpp", "ledger/ledger.hpp",
                                           "programme/run.hpp", "results/results.hpp"]),
    "programme": ("programme/run.hpp", ["results/results.hpp", "report/run_report.hpp"]),
    "results": ("results/results.hpp", ["report/run_report.hpp", "audit/audit.hpp",
                                        "sweep/sweep.hpp", "optimise/optimise.hpp"]),
    "audit": ("audit/audit.hpp", ["report/run_report.hpp", "sweep/sweep.hpp"]),
    "compare": ("compare/compare.hpp", ["report/run_report.hpp"]),
    "sweep": ("sweep/sweep.hpp", ["report/run_report.hpp", "report/sweep_outputs.hpp"]),
    "optimise": ("optimise/optimise.hpp", ["report/run_report.hpp", "sweep/sweep.hpp"]),
}


def module_command(commands, module):
    marker = os.sep + os.path.join("sim", module) + os.sep
    for c in commands:
        if marker in c["file"] and c["file"].endswith(".cpp"):
            return c
    return None


def compiles(command, header, scratch):
    probe = os.path.join(scratch, "probe.cpp")
    with open(probe, "w") as f:
        f.write('#include "coachsim/%s"\n' % header)
    args = shlex.split(command["command"])
    # Drop "-o OUT", "-c SOURCE" and a precompiled header ("-include cmake_pch.hxx": standard
    # and Boost headers only, cmake/precompiled_headers.cmake); preprocess the probe.
    kept, skip = [], False
    for a in args:
        if skip:
            skip = False
            continue
        if a in ("-o", "-c", "-include"):
            skip = True
            continue
        if a == "-Winvalid-pch":
            continue
        kept.append(a)
    run = subprocess.run(kept + ["-E", "-o", os.devnull, probe], cwd=command["directory"],
                         capture_output=True, text=True)
    return run.returncode == 0, run.stderr


def main():
    source, build = sys.argv[1], sys.argv[2]
    with open(os.path.join(build, "compile_commands.json")) as f:
        commands = json.load(f)
    failures = []
    with tempfile.TemporaryDirectory() as scratch:
        for module, (own, forbidden) in RULES.items():
            command = module_command(commands, module)
            if command is None:
                failures.append("%s: no compile command for sim/%s/*.cpp" % (module, module))
                continue
            ok, err = compiles(command, own, scratch)
            if not ok:
                failures.append("%s: its own header coachsim/%s does not compile:\n%s"
                                % (module, own, err))
            for header in [own] + forbidden:
                if not os.path.exists(os.path.join(source, "include", "coachsim", header)):
                    failures.append("%s: the rule names coachsim/%s, which does not exist"
                                    % (module, header))
            for header in forbidden:
                ok, err = compiles(command, header, scratch)
                if ok or "No such file" not in err:
                    failures.append("%s: sees coachsim/%s (a backward or sideways include)"
                                    % (module, header) + ("" if ok else ":\n" + err))
            print("%s: sees %s, not %s" % (module, own, ", ".join(forbidden)))
    for f in failures:
        print("layers: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
