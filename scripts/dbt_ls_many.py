# SPDX-License-Identifier: Apache-2.0
"""Runs real dbt's own `ls` for many argument lists in one dbt process (the project parsed once), for tests that
use dbt as the oracle. Reads a JSON list of argument lists (what follows `dbt ls`), writes a JSON list of
{"args", "success", "lines"} in the same order.
Usage: python dbt_ls_many.py PROJECT_DIR ARGS_JSON OUT_JSON"""
import json
import sys

from dbt.cli.main import dbtRunner


def main(project, args_file, out_file):
    common = ["--project-dir", project, "--profiles-dir", project, "--quiet"]
    parsed = dbtRunner().invoke(["parse", *common])
    if not parsed.success:
        sys.exit(f"dbt parse failed: {parsed.exception}")
    with open(args_file) as f:
        calls = json.load(f)
    answers = []
    for args in calls:
        result = dbtRunner(manifest=parsed.result).invoke(["ls", *common, *args])
        lines = [line if isinstance(line, str) else json.dumps(line) for line in (result.result or [])]
        answers.append({"args": args, "success": result.success, "lines": lines})
    with open(out_file, "w") as out:
        json.dump(answers, out, indent=1)


if __name__ == "__main__":
    main(*sys.argv[1:4])
