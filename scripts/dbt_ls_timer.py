# SPDX-License-Identifier: Apache-2.0
"""Times real dbt's own `ls` for each selector of a file, in one dbt process with the manifest parsed once
(dbt's best case: no start-up, no parse per selector). Writes one JSON line per selector:
{"selector", "seconds", "count"}. Selectors using state: get --state PROJECT_DIR/prod-state.
Usage: python dbt_ls_timer.py PROJECT_DIR SELECTORS_FILE OUT_JSONL [ONLY_SELECTOR]"""
import json
import sys
import time

from dbt.cli.main import dbtRunner


def main(project, selectors_file, out_file, only=None):
    common = ["--project-dir", project, "--profiles-dir", project, "--quiet"]
    started = time.monotonic()
    parsed = dbtRunner().invoke(["parse", *common])
    if not parsed.success:
        sys.exit(f"dbt parse failed: {parsed.exception}")
    print(f"dbt parse: {time.monotonic() - started:.1f}s", file=sys.stderr)
    runner = dbtRunner(manifest=parsed.result)
    with open(selectors_file) as f:
        selectors = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    if only:
        selectors = [s for s in selectors if s == only]
    with open(out_file, "a" if only else "w") as out:
        for selector in selectors:
            select, _, exclude = selector.partition(" --exclude ")
            args = ["ls", *common, "--select", select, "--output", "json", "--output-keys", "unique_id"]
            if exclude:
                args += ["--exclude", exclude]
            if "state:" in selector:
                args += ["--state", f"{project}/prod-state"]
            t0 = time.monotonic()
            result = dbtRunner(manifest=parsed.result).invoke(args)
            seconds = time.monotonic() - t0
            count = len(result.result or [])
            out.write(json.dumps({"selector": selector, "seconds": seconds, "count": count}) + "\n")
            out.flush()
            print(f"{seconds:8.2f}s {count:6d}  {selector}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:5])
