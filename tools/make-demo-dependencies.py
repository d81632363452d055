#!/usr/bin/env python3
"""Writes resources/demo/demo-dependencies.csv: the demo estate's network connections, as an
export of dependency data would show them (source, target, port, protocol, by VM name or IP).
Deterministic: the same inventory and answers give the same file. Within each application the
web and application servers talk to its databases and file servers; every VM talks to the
directory servers (shared infrastructure); Reporting reads the CRM databases often
enough to move with them; a few VMs without answers talk to one application; some VMs call
external services (a payment gateway, an SMTP relay, a load balancer)."""
import csv, os, random

here = os.path.dirname(os.path.abspath(__file__))
demo = os.path.join(here, "..", "resources", "demo")
rng = random.Random(19)

answers = {r["name"]: r for r in csv.DictReader(open(os.path.join(demo, "demo-workshop-answers.csv"), encoding="utf-8-sig"))}
names = [r["VM"] for r in csv.DictReader(open(os.path.join(demo, "demo-rvtools-vinfo.csv"), encoding="utf-8-sig"))]

def role(name):
    return name.split("-")[1]

by_app = {}
for name in names:
    app = answers.get(name, {}).get("application", "")
    if app:
        by_app.setdefault(app, []).append(name)

rows = set()
ports = {"database": 1433, "file": 445, "mail": 25, "print": 9100}
for app, vms in sorted(by_app.items()):
    servers = [v for v in vms if role(v) in ("database", "file")]
    clients = [v for v in vms if role(v) in ("web", "app", "batch", "desktop", "other")]
    for client in clients:
        for server in rng.sample(servers, min(2, len(servers))):
            rows.add((client, server, ports[role(server)], "tcp"))
        peers = [c for c in clients if c != client]
        if peers:
            rows.add((client, rng.choice(peers), 8080, "tcp"))

directories = [v for v in names if role(v) == "directory"][:2]
for name in names:
    for directory in directories:
        if name != directory:
            rows.add((name, directory, 389, "tcp"))
            rows.add((name, directory, 53, "udp"))

# Reporting reads CRM data on two ports from several servers (ETL jobs): strong links.
reporting = [v for v in by_app.get("Reporting", []) if role(v) != "database"]
for target_app in ("CRM",):
    databases = [v for v in by_app.get(target_app, []) if role(v) == "database"] or by_app.get(target_app, [])
    for i, client in enumerate(reporting[:6]):
        for port in (1433, 1434):
            rows.add((client, databases[i % len(databases)], port, "tcp"))

# VMs without answers: most talk to one application, two talk to each other.
loose = [n for n in names if not answers.get(n, {}).get("application")]
apps = sorted(by_app)
for i, name in enumerate(loose[:10]):
    app = apps[i % len(apps)]
    rows.add((name, by_app[app][0], 443, "tcp"))
if len(loose) > 12:
    rows.add((loose[10], loose[11], 5432, "tcp"))
    rows.add((loose[11], loose[12], 6379, "tcp"))

# External endpoints: outside the inventory, kept as such.
for name in by_app.get("Webshop", [])[:5]:
    rows.add((name, "payments.example-psp.com", 443, "tcp"))
for name in [v for v in names if role(v) == "mail"][:3]:
    rows.add((name, "203.0.113.25", 25, "tcp"))
for name in [v for v in names if role(v) == "web"][:8]:
    rows.add(("10.200.0.5", name, 443, "tcp"))

with open(os.path.join(demo, "demo-dependencies.csv"), "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["source", "target", "port", "protocol"])
    for row in sorted(rows):
        writer.writerow(row)
print(len(rows), "connections")
