#!/usr/bin/env python3
"""Two programs on one project at once: landfall-cli beside another landfall-cli, or beside a
connection that holds the project (as the desktop application does). The project is never
corrupted; a second writer waits for the first (up to ProjectStore's 5 s busy timeout) or
stops with "the project is busy" and exit status 3, having changed nothing.

    concurrent_use.py --cli build/app/landfall-cli --generator tools/generate_inventory.py

Exit status 0 when every case passed. Registered with CTest as tst_concurrentuse.
"""

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

BUSY_EXIT = 3
failures = []


def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message)
    if not condition:
        failures.append(message)


def run(cli, *args, timeout=300):
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=timeout)


def vm_count(project):
    con = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    try:
        if con.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            return None
        return con.execute("SELECT COUNT(*) FROM vms").fetchone()[0]
    finally:
        con.close()


def hold_lock(project, mode, seconds, ready):
    """Holds a write lock (BEGIN IMMEDIATE) or an exclusive one for `seconds`, then releases it."""
    con = sqlite3.connect(project, isolation_level=None, timeout=30)
    con.execute(f"BEGIN {mode}")
    # A write, so the transaction is real; rolled back, so the project is unchanged.
    con.execute("UPDATE settings SET value = value")
    ready.set()
    time.sleep(seconds)
    con.execute("ROLLBACK")
    con.close()


def with_lock(project, mode, seconds, action):
    ready = threading.Event()
    holder = threading.Thread(target=hold_lock, args=(project, mode, seconds, ready))
    holder.start()
    ready.wait()
    start = time.monotonic()
    result = action()
    elapsed = time.monotonic() - start
    holder.join()
    return result, elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default=os.environ.get("LANDFALL_CLI"))
    parser.add_argument("--generator", required=True)
    parser.add_argument("--rounds", type=int, default=8, help="rounds of two imports at once")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    options = parser.parse_args()
    cli = options.cli
    random.seed(options.seed)
    print(f"seed {options.seed}")

    with tempfile.TemporaryDirectory(prefix="landfall-concurrent-") as work:
        def generate(vms, seed, name):
            path = os.path.join(work, name)
            subprocess.run([sys.executable, options.generator, "--vms", str(vms), "--rvtools", path, "--seed",
                            str(seed)], check=True)
            return path

        big = generate(20000, 21, "big.csv")
        small = generate(300, 22, "small.csv")
        other = generate(300, 23, "other.csv")
        base = os.path.join(work, "base.landfall")
        check(run(cli, "import", base, small).returncode == 0, "the base project is created")
        # Something in settings, so the lock holder's UPDATE touches a row.
        with open(os.path.join(work, "s.json"), "w") as out:
            json.dump({"name": "base"}, out)
        run(cli, "scenario", base, "--add", os.path.join(work, "s.json"))
        con = sqlite3.connect(base)
        con.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('reliability.test', 'x')")
        con.commit()
        con.close()
        base_vms = vm_count(base)

        def fresh(name):
            path = os.path.join(work, name)
            shutil.copyfile(base, path)
            return path

        # Each file alone, for the expected totals.
        added = {}
        for name, path in (("big", big), ("other", other)):
            alone = fresh(f"alone-{name}.landfall")
            check(run(cli, "import", alone, path).returncode == 0, f"{name} imports alone")
            added[path] = vm_count(alone) - base_vms

        # 1. A writer holds the project briefly: the import waits, then succeeds.
        project = fresh("brief.landfall")
        result, elapsed = with_lock(project, "IMMEDIATE", 1.5, lambda: run(cli, "import", project, other))
        check(result.returncode == 0, f"an import waits for a 1.5 s write lock and succeeds "
                                      f"(exit {result.returncode}, {elapsed:.1f} s) {result.stderr.strip()}")
        check(vm_count(project) == base_vms + added[other], "and its VMs are all there")

        # 2. A writer holds it past the 5 s busy timeout: exit 3, "busy", nothing changed.
        project = fresh("long.landfall")
        result, elapsed = with_lock(project, "IMMEDIATE", 9, lambda: run(cli, "import", project, other))
        check(result.returncode == BUSY_EXIT and "busy" in result.stderr,
              f"an import beside a 9 s write lock exits 3 with 'busy' (exit {result.returncode}, "
              f"{elapsed:.1f} s): {result.stderr.strip()}")
        check(4 <= elapsed < 9, f"after waiting about 5 s, not until the lock went ({elapsed:.1f} s)")
        check(vm_count(project) == base_vms, "and the project is unchanged")

        # 3. An exclusive lock (a writer committing) keeps readers out too: summary says busy.
        project = fresh("exclusive.landfall")
        result, elapsed = with_lock(project, "EXCLUSIVE", 9, lambda: run(cli, "summary", project, "--json"))
        check(result.returncode == BUSY_EXIT and "busy" in result.stderr,
              f"summary beside a 9 s exclusive lock exits 3 with 'busy' (exit {result.returncode}, "
              f"{elapsed:.1f} s): {result.stderr.strip()}")

        # 4. A connection that stays open without a transaction (the desktop application between
        #    edits) does not get in the way.
        project = fresh("open.landfall")
        idle = sqlite3.connect(project)
        idle.execute("SELECT COUNT(*) FROM vms").fetchone()
        result = run(cli, "import", project, other)
        idle.close()
        check(result.returncode == 0, f"an import beside an idle open connection succeeds: {result.stderr.strip()}")

        # 5. Two landfall-cli imports at once, started a random moment apart.
        for round_number in range(1, options.rounds + 1):
            project = fresh(f"race-{round_number}.landfall")
            first, second = (big, other) if round_number % 2 else (other, big)
            processes = []
            for path in (first, second):
                processes.append(subprocess.Popen([cli, "import", project, path], stdout=subprocess.PIPE,
                                                  stderr=subprocess.PIPE, text=True))
                time.sleep(random.uniform(0, 1.5))
            outcomes = []
            for process, path in zip(processes, (first, second)):
                _, err = process.communicate(timeout=300)
                outcomes.append((path, process.returncode, err.strip()))
            legal = all(code == 0 or (code == BUSY_EXIT and "busy" in err) for _, code, err in outcomes)
            expected = base_vms + sum(added[path] for path, code, _ in outcomes if code == 0)
            count = vm_count(project)
            codes = [code for _, code, _ in outcomes]
            check(legal and count == expected,
                  f"round {round_number}: two imports at once exit {codes}, {count} VMs (expected {expected}); "
                  f"integrity ok: {count is not None} {[err for _, code, err in outcomes if code]}")

        # 6. Two imports into a project that does not exist yet: one creates it, the other waits
        #    or is told the project is busy; never a half-made project.
        for round_number in range(1, 4):
            project = os.path.join(work, f"new-{round_number}.landfall")
            processes = [subprocess.Popen([cli, "import", project, path], stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE, text=True) for path in (small, other)]
            outcomes = [(process.returncode, process.communicate(timeout=300)[1].strip()) for process in processes]
            outcomes = [(process.returncode, err) for process, (_, err) in zip(processes, outcomes)]
            legal = all(code == 0 or (code == BUSY_EXIT and "busy" in err) for code, err in outcomes)
            count = vm_count(project) if os.path.exists(project) else None
            check(legal and count is not None and count > 0,
                  f"new project {round_number}: two creating imports exit {[c for c, _ in outcomes]}, "
                  f"{count} VMs: {[err for code, err in outcomes if code]}")

    print(f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
