#!/usr/bin/env python3
"""Project files from a stranger, and failures that must not pass for success (issue 21).

Each case crafts its file here, with Python's sqlite3, from a project landfall-cli imported
from the bundled demo, then runs landfall-cli on it and checks: the exit status, the message,
that the project is byte for byte what it was (SHA-256 before and after), and that nothing hung
(every run has a time limit). Full disks are made with RLIMIT_FSIZE in the child (a write past
the limit fails with EFBIG, SIGXFSZ ignored), which needs neither root nor a tmpfs.

    hostile_project.py --cli build/app/landfall-cli --demo resources/demo

Exit status 0 when every case passed. Registered with CTest as tst_hostileproject.
"""

import argparse
import hashlib
import json
import os
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
import unicodedata

PROJECT_UNUSABLE = 3
INPUT_REJECTED = 1
failures = []


def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message, flush=True)
    if not condition:
        failures.append(message)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def file_size_limit(limit):
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def run(cli, *args, timeout=60, limit=None, cwd=None):
    started = time.monotonic()
    try:
        result = subprocess.run([cli, *args], capture_output=True, text=True, timeout=timeout,
                                preexec_fn=file_size_limit(limit) if limit else None, cwd=cwd)
    except subprocess.TimeoutExpired:
        return None, timeout
    return result, time.monotonic() - started


def connect(path):
    con = sqlite3.connect(path, isolation_level=None)
    return con


class Case:
    """A copy of the base project to craft, with its digest once crafted."""

    def __init__(self, workdir, base, name):
        self.path = os.path.join(workdir, name + ".landfall")
        shutil.copyfile(base, self.path)

    def sql(self, *statements):
        con = connect(self.path)
        for statement in statements:
            con.execute(statement)
        con.close()
        self.sealed = digest(self.path)

    def seal(self):
        self.sealed = digest(self.path)

    def unchanged(self):
        return digest(self.path) == self.sealed and not os.path.exists(self.path + "-journal")


def expect_refused(cli, case, command, words, label, status=PROJECT_UNUSABLE, timeout=30):
    result, took = run(cli, command[0], case.path, *command[1:], timeout=timeout)
    if result is None:
        check(False, f"{label}: {command[0]} hung for {took} s")
        return
    check(result.returncode == status,
          f"{label}: {command[0]} exits {status} (got {result.returncode}: {result.stderr.strip()[:300]})")
    check(all(w in result.stderr for w in words), f"{label}: the message says {words!r} ({result.stderr.strip()[:200]})")
    check(case.unchanged(), f"{label}: the project is byte for byte unchanged after {command[0]}")
    check(took < timeout, f"{label}: {command[0]} took {took:.1f} s")


def decisions_of(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("SELECT vm_id, path FROM decisions ORDER BY vm_id").fetchall()
    finally:
        con.close()



# What format 4 (before hosts, the rest of the workbook and the waves) holds: its tables, and the
# columns of the two tables that later formats widened.
FORMAT_4_TABLES = {"imports", "vms", "vm_custom_attributes", "excluded_vms", "settings", "decisions",
                   "overrides", "scenarios"}
FORMAT_4_COLUMNS = {
    "imports": ["id", "file", "format", "imported_at", "rows_taken", "rows_refused", "excluded_templates",
                "excluded_srm_placeholders"],
    "vms": ["id", "identity_key", "source", "vcenter", "uuid", "name", "dns_name", "power_state", "vcpu",
            "memory_mib", "provisioned_mib", "used_mib", "os_configured", "os_reported", "os_family",
            "os_version", "os_build", "datacenter", "cluster", "host", "ip_address", "annotation", "role",
            "stack", "gui", "kernel_driver", "windows_auth", "source_available", "change_rate", "trust",
            "decommission", "must_stay_on_prem", "notes", "import_id", "disk_count", "nic_count", "firmware",
            "cpu_util_pct", "memory_util_pct", "application", "owner"],
}


def downgrade_to_format_4(con):
    """Turns a current project into one of format 4, as an older Landfall wrote it."""
    con.execute("PRAGMA foreign_keys = OFF")
    tables = [row[0] for row in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")]
    for table in tables:
        if table not in FORMAT_4_TABLES and not table.startswith("sqlite_"):
            con.execute(f'DROP TABLE "{table}"')
    for table, keep in FORMAT_4_COLUMNS.items():
        for (name,) in con.execute(f"SELECT name FROM pragma_table_info('{table}')").fetchall():
            if name not in keep:
                con.execute(f'ALTER TABLE "{table}" DROP COLUMN "{name}"')
    con.execute("PRAGMA user_version = 4")
    con.commit()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--demo", required=True, help="resources/demo")
    options = parser.parse_args()
    cli = os.path.abspath(options.cli)
    options.demo = os.path.abspath(options.demo)
    workdir = tempfile.mkdtemp(prefix="landfall-hostile-")
    try:
        base = os.path.join(workdir, "base.landfall")
        result, _ = run(cli, "import", base, os.path.join(options.demo, "demo-rvtools-vinfo.csv"),
                        os.path.join(options.demo, "demo-workshop-answers.csv"), timeout=120)
        assert result and result.returncode == 0, result and result.stderr
        result, _ = run(cli, "classify", base, "--json", timeout=120)
        assert result and result.returncode == 0, result.stderr
        # The plan table and the report pack each scenario; the demo's estate needs bigger nodes
        # than the default scenario's.
        result, _ = run(cli, "scenario", base, "--add", os.path.join(options.demo, "scenarios", "aks-16x64.json"))
        assert result and result.returncode == 0, result.stderr
        true_plan = decisions_of(base)
        vms = len(true_plan)
        check(vms > 50, f"the base project has {vms} decisions")
        has_report = "report PROJECT" in run(cli, "--help")[0].stdout

        # 1. SQL in the file: a view in place of vms over an endless recursive query.
        case = Case(workdir, base, "view")
        case.sql("PRAGMA foreign_keys = OFF", "ALTER TABLE vms RENAME TO vms_kept",
                 "CREATE VIEW vms AS SELECT v.* FROM vms_kept v, (WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL "
                 "SELECT i + 1 FROM r) SELECT i FROM r)")
        for command in (["summary"], ["classify"], ["export", "--csv", os.path.join(workdir, "v.csv")]):
            expect_refused(cli, case, command, ["view", "vms"], "recursive view")
        # A trigger on decisions that stores retire for every VM.
        case = Case(workdir, base, "trigger")
        case.sql("CREATE TRIGGER retire_all AFTER INSERT ON decisions BEGIN UPDATE decisions SET path = 'retire' "
                 "WHERE vm_id = new.vm_id; END")
        for command in (["classify"], ["rules", "--reset"], ["density"],
                        ["export", "--csv", os.path.join(workdir, "t.csv")]):
            expect_refused(cli, case, command, ["trigger", "retire_all"], "trigger on decisions")
        # A view with randomblob, and one that calls load_extension.
        case = Case(workdir, base, "blob")
        case.sql("CREATE VIEW hog AS SELECT randomblob(1000000000) AS b FROM vms")
        expect_refused(cli, case, ["summary"], ["view", "hog"], "randomblob view")
        case = Case(workdir, base, "extension")
        case.sql("CREATE VIEW ext AS SELECT load_extension('/tmp/x.so') AS e")
        expect_refused(cli, case, ["summary"], ["view", "ext"], "load_extension view")
        case = Case(workdir, base, "index")
        case.sql("CREATE INDEX odd ON vms(notes)")
        expect_refused(cli, case, ["classify"], ["index", "odd"], "index Landfall does not create")

        # 2. Damage read as a smaller estate: a zeroed page of vms, a dropped column.
        case = Case(workdir, base, "zeroed")
        con = connect(case.path)
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'vms'").fetchone()[0]
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.close()
        # The last page of the file belongs to a table or index too; zero the root of vms and
        # one page in the middle of the file.
        with open(case.path, "r+b") as f:
            for page in (root, pages // 2):
                f.seek((page - 1) * page_size)
                f.write(b"\0" * page_size)
        case.seal()
        for command in (["summary"], ["classify"], ["export", "--csv", os.path.join(workdir, "z.csv")]):
            expect_refused(cli, case, command, ["damaged"], "zeroed page")
        case = Case(workdir, base, "dropped")
        case.sql("ALTER TABLE vms DROP COLUMN notes")
        for command in (["summary"], ["classify"]):
            expect_refused(cli, case, command, ["vms", "notes"], "dropped column")

        # 3. A full disk: export --csv, --xlsx, --dockerfiles and the report exit 3 and leave the
        # old file; no temporary is left behind.
        out = os.path.join(workdir, "exports")
        os.mkdir(out)
        for option, name in (("--csv", "plan.csv"), ("--xlsx", "plan.xlsx")):
            target = os.path.join(out, name)
            with open(target, "wb") as f:
                f.write(b"the old export")
            result, _ = run(cli, "export", base, option, target, limit=8192)
            check(result is not None and result.returncode == PROJECT_UNUSABLE,
                  f"full disk: export {option} exits 3 (got {result and result.returncode}: "
                  f"{result and result.stderr.strip()[:200]})")
            with open(target, "rb") as f:
                check(f.read() == b"the old export", f"full disk: export {option} leaves the old file")
            check(sorted(os.listdir(out)) == sorted(n for n in os.listdir(out) if not n.startswith(".")),
                  f"full disk: export {option} leaves no temporary file ({os.listdir(out)})")
        docker = os.path.join(workdir, "docker")
        result, _ = run(cli, "export", base, "--dockerfiles", docker, limit=300)
        check(result is not None and result.returncode == PROJECT_UNUSABLE,
              f"full disk: export --dockerfiles exits 3 (got {result and result.returncode})")
        empty = [os.path.join(d, f) for d, _, fs in os.walk(docker) for f in fs if os.path.getsize(os.path.join(d, f)) == 0]
        check(not empty, f"full disk: export --dockerfiles leaves no empty file ({len(empty)})")
        if has_report:
            target = os.path.join(out, "report.pdf")
            with open(target, "wb") as f:
                f.write(b"the old report")
            result, _ = run(cli, "report", base, "--out", target, limit=20000, timeout=180)
            check(result is not None and result.returncode == PROJECT_UNUSABLE,
                  f"full disk: report exits 3 (got {result and result.returncode})")
            with open(target, "rb") as f:
                check(f.read() == b"the old report", "full disk: report leaves the old file")
        # An import onto a full disk exits 3, not 1, and leaves the project as it was.
        case = Case(workdir, base, "fullimport")
        case.seal()
        result, _ = run(cli, "import", case.path, os.path.join(options.demo, "demo-rvtools-vinfo.csv"),
                        limit=16384)
        check(result is not None and result.returncode == PROJECT_UNUSABLE,
              f"full disk: import exits 3 (got {result and result.returncode}: {result and result.stderr.strip()[:200]})")
        check(case.unchanged(), "full disk: import leaves the project byte for byte unchanged")

        # 4. Decisions edited in the file do not outlive classify, nor are they used by export.
        case = Case(workdir, base, "edited")
        case.sql("UPDATE decisions SET path = 'retire'")
        target = os.path.join(workdir, "edited.csv")
        result, _ = run(cli, "export", case.path, "--csv", target)
        check(result is not None and result.returncode == 0, "edited decisions: export --csv runs")
        with open(target, encoding="utf-8-sig") as f:
            retired = sum(1 for line in f if ",retire," in line)
        check(retired < vms, f"edited decisions: export does not use them ({retired} of {vms} retire)")
        result, _ = run(cli, "classify", case.path)
        check(result is not None and result.returncode == 0, "edited decisions: classify runs")
        check(decisions_of(case.path) == true_plan, "edited decisions: classify stores the true plan again")

        # 5. Journals: a -wal or -shm beside the project is refused, and neither file is touched.
        for suffix in ("-wal", "-shm"):
            case = Case(workdir, base, "journal" + suffix)
            case.seal()
            with open(case.path + suffix, "wb") as f:
                f.write(b"\x37\x7f\x06\x82" + b"\0" * 60)
            before = digest(case.path + suffix)
            expect_refused(cli, case, ["summary"], ["write-ahead"], f"stale {suffix}")
            check(digest(case.path + suffix) == before, f"stale {suffix}: left untouched")
        # A project switched to WAL mode by another program.
        case = Case(workdir, base, "walmode")
        con = connect(case.path)
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("UPDATE vms SET notes = 'x' WHERE id = (SELECT min(id) FROM vms)")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        for suffix in ("-wal", "-shm"):
            if os.path.exists(case.path + suffix):
                os.remove(case.path + suffix)
        case.seal()
        expect_refused(cli, case, ["summary"], ["write-ahead"], "WAL mode")

        # Read-only commands never migrate: an older project (format 4, before hosts) is
        # summarised without a byte written, in a read-only folder.
        folder = os.path.join(workdir, "readonly")
        os.mkdir(folder)
        old = os.path.join(folder, "old.landfall")
        shutil.copyfile(base, old)
        con = connect(old)
        downgrade_to_format_4(con)
        con.close()
        sealed = digest(old)
        os.chmod(old, 0o444)
        os.chmod(folder, 0o555)
        result, _ = run(cli, "summary", old, "--json")
        check(result is not None and result.returncode == 0,
              f"old project, read-only folder: summary exits 0 ({result and result.stderr.strip()[:200]})")
        check(result is not None and result.returncode == 0 and json.loads(result.stdout)["vms"] == vms,
              "old project: summary counts every VM")
        check(digest(old) == sealed and sorted(os.listdir(folder)) == ["old.landfall"],
              "old project: summary writes nothing (not even a journal)")
        con = sqlite3.connect(f"file:{old}?mode=ro", uri=True)
        check(con.execute("PRAGMA user_version").fetchone()[0] == 4, "old project: still format 4")
        con.close()
        os.chmod(folder, 0o755)

        # 6. Files that are not projects: refused at once.
        fifo = os.path.join(workdir, "pipe.landfall")
        os.mkfifo(fifo)
        for path, what in ((fifo, "FIFO"), ("/dev/null", "device"), (workdir, "folder")):
            result, took = run(cli, "summary", path, timeout=10)
            check(result is not None and result.returncode == PROJECT_UNUSABLE and what in result.stderr,
                  f"{what}: refused with exit 3 in {took:.2f} s ({result and result.stderr.strip()[:160]})")
        # URI file names are file names.
        result, _ = run(cli, "summary", "file:x?mode=memory", cwd=workdir)
        check(result is not None and result.returncode == PROJECT_UNUSABLE and "no such project file" in result.stderr,
              "URI name: summary of file:x?mode=memory is a missing file")
        result, _ = run(cli, "import", "file:x?mode=memory", os.path.join(options.demo, "demo-rvtools-vinfo.csv"),
                        cwd=workdir, timeout=120)
        check(result is not None and result.returncode == 0 and os.path.isfile(os.path.join(workdir, "file:x?mode=memory")),
              "URI name: import writes a file of that very name")

        # 10. Numbers out of range are refused, naming the VM and the column.
        for column, value, label in (("vcpu", 2 ** 31, "vcpu 2^31"), ("memory_mib", 1e308, "memory 1e308"),
                                     ("memory_mib", float("inf"), "memory inf"), ("vcpu", 2 ** 63 - 1, "vcpu INT64_MAX")):
            case = Case(workdir, base, "range-" + column + str(len(label)))
            con = connect(case.path)
            name = con.execute("SELECT name FROM vms ORDER BY id LIMIT 1").fetchone()[0]
            con.execute(f"UPDATE vms SET {column} = ? WHERE id = (SELECT min(id) FROM vms)", (value,))
            con.close()
            case.seal()
            expect_refused(cli, case, ["classify"], [column, name], label)
            expect_refused(cli, case, ["summary"], [], label)
        scenario = os.path.join(workdir, "huge.json")
        for key, value in (("vcpu", "1e308"), ("memoryGiB", "9223372036854775807"), ("diskGiB", "1e308")):
            with open(scenario, "w") as f:
                f.write('{"name": "huge", "node": {"%s": %s}}' % (key, value))
            case = Case(workdir, base, "scenario-" + key)
            case.seal()
            expect_refused(cli, case, ["scenario", "--add", scenario], [key], f"scenario {key} {value}",
                           status=INPUT_REJECTED)

        # 8. Cells over an .xlsx cell's limit are refused, never written empty.
        case = Case(workdir, base, "longname")
        case.sql("UPDATE vms SET name = '" + "n" * 40000 + "' WHERE id = (SELECT min(id) FROM vms)")
        target = os.path.join(workdir, "long.xlsx")
        result, _ = run(cli, "export", case.path, "--xlsx", target)
        check(result is not None and result.returncode == INPUT_REJECTED and "32767" in result.stderr.replace(",", ""),
              f"long cell: export --xlsx refused with exit 1 ({result and result.stderr.strip()[:200]})")
        check(not os.path.exists(target), "long cell: no workbook written")

        # 9. Text: names that differ only in Unicode normalisation match (NFD inventory, NFC answers).
        folder = os.path.join(workdir, "nfc")
        os.mkdir(folder)
        inventory = os.path.join(folder, "inventory.csv")
        with open(inventory, "w", encoding="utf-8") as f:
            f.write("name,os,vcpu,memoryGiB\n" + unicodedata.normalize("NFD", "Café-01") + ",Ubuntu 22.04,2,4\n")
        answers = os.path.join(folder, "answers.csv")
        with open(answers, "w", encoding="utf-8") as f:
            f.write("name,owner\n" + unicodedata.normalize("NFC", "CAFÉ-01") + ",finance\n")
        project = os.path.join(folder, "nfc.landfall")
        result, _ = run(cli, "import", project, inventory, answers)
        check(result is not None and result.returncode == 0, f"NFC: import runs ({result and result.stderr.strip()[:200]})")
        con = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
        rows = con.execute("SELECT owner FROM vms").fetchall()
        con.close()
        check(rows == [("finance",)], f"NFC: the answer joined the NFD VM instead of adding one ({rows})")

        # 11. Report time in proportion: a 100,000-character scenario name and a 70,000-character VM name.
        if has_report:
            case = Case(workdir, base, "longreport")
            con = connect(case.path)
            con.execute("UPDATE vms SET name = ? WHERE id = (SELECT min(id) FROM vms)", ("w" * 70000,))
            con.close()
            scenario = os.path.join(workdir, "long.json")
            with open(os.path.join(options.demo, "scenarios", "aks-16x64.json")) as f:
                definition = json.load(f)
            definition["name"] = "s" * 100000
            with open(scenario, "w") as f:
                json.dump(definition, f)
            result, _ = run(cli, "scenario", case.path, "--add", scenario)
            check(result is not None and result.returncode == 0,
                  f"long names: the scenario is added ({result and result.stderr.strip()[:200]})")
            result, took = run(cli, "report", case.path, "--out", os.path.join(workdir, "long.pdf"),
                               "--scenario", "s" * 100000, timeout=120)
            check(result is not None and result.returncode == 0 and took < 20,
                  f"long names: report in {took:.1f} s (exit {result and result.returncode}: "
                  f"{result and result.stderr.strip()[:200]})")
    finally:
        for folder in (os.path.join(workdir, "readonly"),):
            if os.path.isdir(folder):
                os.chmod(folder, 0o755)
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
