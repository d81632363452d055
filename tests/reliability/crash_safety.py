#!/usr/bin/env python3
"""Kills landfall-cli with SIGKILL at random moments while it writes a project, and checks the
project after each kill: landfall-cli still opens it, PRAGMA integrity_check is ok, and its
content is the state before the command or the state after it, never one in between.

A consultant's project holds days of workshop answers; a laptop that dies mid-import must not
cost them. The trials cover the three commands that write a lot or often: import (a 20,000 VM
RVTools export), classify (a decision per VM) and scenario --add.

    crash_safety.py --cli build/app/landfall-cli --generator tools/generate_inventory.py [--trials 100]

Exit status 0 when every trial passed. Registered with CTest as tst_crashsafety.
"""

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

TABLES = ("vms", "imports", "excluded_vms", "vm_custom_attributes", "decisions", "scenarios", "settings")


def run(cli, *args, timeout=300):
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=timeout)


def project_state(cli, project):
    """The project's content as a comparable tuple, or (None, why) when it is not usable."""
    # First through the product: it must accept the file, rolling back a hot journal if the
    # kill left one (a read-only probe alone could not).
    summary = run(cli, "summary", project, "--json")
    if summary.returncode != 0:
        return None, f"landfall-cli summary exited {summary.returncode}: {summary.stderr.strip()}"
    vms = json.loads(summary.stdout)["vms"]
    # Then read-only, so this check cannot repair what it is checking.
    con = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            return None, f"integrity_check: {integrity[:5]}"
        foreign = con.execute("PRAGMA foreign_key_check").fetchall()
        if foreign:
            return None, f"foreign_key_check: {foreign[:5]}"
        counts = tuple(con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in TABLES)
        names = con.execute("SELECT group_concat(name, '|') FROM (SELECT name FROM scenarios ORDER BY name)").fetchone()
    finally:
        con.close()
    return (vms,) + counts + names, None


def timed_run(cli, args):
    start = time.monotonic()
    result = run(cli, *args)
    if result.returncode != 0:
        sys.exit(f"setup failed: landfall-cli {' '.join(args)}: {result.returncode} {result.stderr}")
    return time.monotonic() - start


class Scenario:
    """One kind of trial: a base project, the command that changes it, the two legal states."""

    def __init__(self, name, cli, base, command, workdir):
        self.name, self.cli, self.base, self.command, self.workdir = name, cli, base, command, workdir
        self.old, why = project_state(cli, base)
        if self.old is None:
            sys.exit(f"{name}: the base project is not usable: {why}")
        reference = os.path.join(workdir, f"{name}-reference.landfall")
        shutil.copyfile(base, reference)
        self.duration = timed_run(cli, self.args(reference))
        self.new, why = project_state(cli, reference)
        if self.new is None or self.new == self.old:
            sys.exit(f"{name}: the command did not change the project: {why}")

    def args(self, project):
        return [part.replace("{project}", project) for part in self.command]

    def trial(self, delay):
        project = os.path.join(self.workdir, f"{self.name}-trial.landfall")
        for leftover in (project, project + "-journal"):
            if os.path.exists(leftover):
                os.remove(leftover)
        shutil.copyfile(self.base, project)
        process = subprocess.Popen([self.cli, *self.args(project)], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(delay)
        finished = process.poll() is not None
        if not finished:
            process.send_signal(signal.SIGKILL)
        process.wait()
        hot_journal = os.path.exists(project + "-journal") and os.path.getsize(project + "-journal") > 0
        state, why = project_state(self.cli, project)
        if state is None:
            return False, why, finished, hot_journal
        if state == self.old or state == self.new:
            return True, "old" if state == self.old else "new", finished, hot_journal
        return False, f"in between: {state}, expected {self.old} or {self.new}", finished, hot_journal


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default=os.environ.get("LANDFALL_CLI"), help="landfall-cli to test")
    parser.add_argument("--generator", required=True, help="tools/generate_inventory.py")
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--import-vms", type=int, default=20000, help="VMs in the imported export")
    parser.add_argument("--classify-vms", type=int, default=3000, help="VMs in the project classified")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--kinds", default="import,classify,scenario",
                        help="which commands to kill, comma-separated (all three by default)")
    options = parser.parse_args()
    if not options.cli:
        sys.exit("--cli or LANDFALL_CLI is required")
    random.seed(options.seed)
    print(f"seed {options.seed} (rerun with --seed {options.seed})")

    with tempfile.TemporaryDirectory(prefix="landfall-crash-") as workdir:
        def generate(vms, seed, name):
            path = os.path.join(workdir, name)
            subprocess.run([sys.executable, options.generator, "--vms", str(vms), "--rvtools", path,
                            "--answers", path + ".answers.csv", "--seed", str(seed)], check=True)
            return path

        big = generate(options.import_vms, 11, "big.csv")
        small = generate(200, 12, "small.csv")
        medium = generate(options.classify_vms, 13, "medium.csv")
        # The import base already holds VMs and answers: a kill must not lose them, nor half-add the new ones.
        import_base = os.path.join(workdir, "import-base.landfall")
        timed_run(options.cli, ["import", import_base, small, small + ".answers.csv"])
        classify_base = os.path.join(workdir, "classify-base.landfall")
        timed_run(options.cli, ["import", classify_base, medium, medium + ".answers.csv"])
        scenario_file = os.path.join(workdir, "scenario.json")
        with open(scenario_file, "w") as out:
            json.dump({"name": "crash-test", "platform": "kubernetes",
                       "node": {"vcpu": 8, "memoryGiB": 32}}, out)

        kinds = [
            Scenario("import", options.cli, import_base, ["import", "{project}", big], workdir),
            Scenario("classify", options.cli, classify_base, ["classify", "{project}"], workdir),
            Scenario("scenario", options.cli, classify_base, ["scenario", "{project}", "--add", scenario_file],
                     workdir),
        ]
        # Half the kills during imports, the longest write; the rest split between the others.
        shares = {"import": 0.5, "classify": 0.3, "scenario": 0.2}
        kinds = [kind for kind in kinds if kind.name in options.kinds.split(",")]
        total = sum(shares[kind.name] for kind in kinds)
        plan = []
        for kind in kinds:
            plan += [kind] * round(options.trials * shares[kind.name] / total)
        plan = (plan + [kinds[0]] * options.trials)[:options.trials]
        random.shuffle(plan)
        for kind in kinds:
            print(f"{kind.name}: runs {kind.duration:.2f} s uninterrupted; old {kind.old}, new {kind.new}")

        passed = 0
        tally = {kind.name: {"trials": 0, "passed": 0, "old": 0, "new": 0, "hot": 0, "finished": 0} for kind in kinds}
        for number, kind in enumerate(plan, 1):
            # Delays over the whole run and a little past it, so kills land while reading,
            # while writing, while committing and (a few) after the end.
            delay = random.uniform(0.02, kind.duration * 1.1)
            ok, detail, finished, hot = kind.trial(delay)
            counts = tally[kind.name]
            counts["trials"] += 1
            counts["hot"] += hot
            counts["finished"] += finished
            if ok:
                passed += 1
                counts["passed"] += 1
                counts[detail] += 1
            else:
                print(f"trial {number} FAILED: {kind.name} killed after {delay:.3f} s: {detail}")
        for name, counts in tally.items():
            print(f"{name}: {counts['passed']}/{counts['trials']} passed ({counts['old']} old state, "
                  f"{counts['new']} new state; {counts['hot']} kills left a hot journal to roll back; "
                  f"{counts['finished']} had finished before the kill)")
        print(f"{passed}/{len(plan)} trials passed")
        return 0 if passed == len(plan) else 1


if __name__ == "__main__":
    sys.exit(main())
