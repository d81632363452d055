#!/usr/bin/env python3
"""Writes a made-up RVTools vInfo export (every column of a recent RVTools) and, optionally,
the workshop answers a consultant would gather for it and the vHost export of the hosts the VMs
run on (the columns of RVTools 4.x's vHost tab). Deterministic for a given seed.

Used for the bundled demo inventory (resources/demo/) and by the import benchmark.

    generate_inventory.py --vms 320 --rvtools demo-rvtools-vinfo.csv --answers demo-workshop-answers.csv \
        --vhost demo-rvtools-vhost.csv
"""
import argparse
import csv
import random
import uuid

HEADER = (
    "VM,Powerstate,Template,SRM Placeholder,Config status,DNS Name,Connection state,Guest state,Heartbeat,"
    "Consolidation Needed,PowerOn,Suspended To Memory,Suspend time,Suspend Interval,Creation date,"
    "Change Version,CPUs,Overall Cpu Readiness,Memory,Active Memory,NICs,Disks,Total disk capacity MiB,"
    "Fixed Passthru HotPlug,min Required EVC Mode Key,Latency Sensitivity,Op Notification Timeout,"
    "EnableUUID,CBT,Primary IP Address,Network #1,Network #2,Network #3,Network #4,Network #5,Network #6,"
    "Network #7,Network #8,Num Monitors,Video Ram KiB,Resource pool,Folder ID,Folder,vApp,DAS protection,"
    "FT State,FT Role,FT Latency,FT Bandwidth,FT Secondary Latency,Provisioned MiB,In Use MiB,"
    "Unshared MiB,HA Restart Priority,HA Isolation Response,HA VM Monitoring,Cluster rule(s),"
    "Cluster rule name(s),Boot Required,Boot delay,Boot retry delay,Boot retry enabled,Boot BIOS setup,"
    "Reboot PowerOff,EFI Secure boot,Firmware,HW version,HW upgrade status,HW upgrade policy,HW target,"
    "Path,Log directory,Snapshot directory,Suspend directory,Annotation,Datacenter,Cluster,Host,"
    "OS according to the configuration file,OS according to the VMware Tools,Customization Info,"
    "Guest Detailed Data,VM ID,SMBIOS UUID,VM UUID,VI SDK Server type,VI SDK API Version,VI SDK Server,"
    "VI SDK UUID"
).split(",")

# (configuration-file OS, VMware Tools OS, weight)
OPERATING_SYSTEMS = [
    ("Microsoft Windows Server 2008 R2 (64-bit)", "Microsoft Windows Server 2008 R2 (64-bit)", 6),
    ("Microsoft Windows Server 2012 (64-bit)", "Microsoft Windows Server 2012 R2 (64-bit)", 10),
    ("Microsoft Windows Server 2016 or later (64-bit)", "Microsoft Windows Server 2016 (64-bit)", 16),
    ("Microsoft Windows Server 2016 or later (64-bit)", "Microsoft Windows Server 2019 (64-bit)", 18),
    ("Microsoft Windows Server 2022 (64-bit)", "Microsoft Windows Server 2022 (64-bit)", 12),
    ("Microsoft Windows 10 (64-bit)", "Microsoft Windows 10 Enterprise (64-bit)", 5),
    ("Red Hat Enterprise Linux 8 (64-bit)", "Red Hat Enterprise Linux 8 (64-bit)", 9),
    ("Red Hat Enterprise Linux 7 (64-bit)", "Red Hat Enterprise Linux 7 (64-bit)", 4),
    ("Ubuntu Linux (64-bit)", "Ubuntu 22.04.3 LTS", 8),
    ("CentOS 7 (64-bit)", "CentOS 7 (64-bit)", 4),
    ("Debian GNU/Linux 11 (64-bit)", "Debian GNU/Linux 11 (64-bit)", 3),
    ("SUSE Linux Enterprise 15 (64-bit)", "SUSE Linux Enterprise Server 15 (64-bit)", 2),
    ("Other 3.x or later Linux (64-bit)", "", 1),
    ("FreeBSD 12 (64-bit)", "", 1),
]

# RVTools 4.x vHost, column for column (as in a real export of 2024).
VHOST_HEADER = (
    "Host,Datacenter,Cluster,Config status,in Maintenance Mode,in Quarantine Mode,vSAN Fault Domain Name,CPU Model,"
    "Speed,HT Available,HT Active,# CPU,Cores per CPU,# Cores,CPU usage %,# Memory,Memory usage %,Console,# NICs,"
    "# HBAs,# VMs total,# VMs,VMs per Core,# vCPUs,vCPUs per Core,vRAM,VM Used memory,VM Memory Swapped,"
    "VM Memory Ballooned,VMotion support,Storage VMotion support,Current EVC,Max EVC,Assigned License(s),"
    "ATS Heartbeat,ATS Locking,Current CPU power man. policy,Supported CPU power man.,Host Power Policy,ESX Version,"
    "Boot time,DNS Servers,DHCP,Domain,DNS Search Order,NTP Server(s),NTPD running,Time Zone,Time Zone Name,"
    "GMT Offset,Vendor,Model,Serial number,Service tag,OEM specific string,BIOS Vendor,BIOS Version,BIOS Date,"
    "Object ID,AutoDeploy.MachineIdentity,Post-it,Rack,UUID,VI SDK Server,VI SDK UUID"
).split(",")

# The estate's two host generations: most hosts are the smaller model; the busiest get the larger.
# (vendor, model, CPU model, sockets, cores per socket, speed MHz, memory MiB, BIOS version)
HOST_MODELS = {
    "small": ("Dell Inc.", "PowerEdge R640", "Intel(R) Xeon(R) Silver 4208 CPU @ 2.10GHz", 2, 8, 2095, 196608,
              "2.19.1"),
    "large": ("HPE", "ProLiant DL360 Gen10", "Intel(R) Xeon(R) Silver 4214 CPU @ 2.20GHz", 2, 12, 2195, 393216,
              "U32 v2.90"),
}
LARGE_HOST_SHARE = 4  # one host in four is of the larger model

SITES = {"lon": "DC-LON", "fra": "DC-FRA", "ams": "DC-AMS", "muc": "DC-MUC"}
ROLES_WINDOWS = ["web", "web", "app", "app", "batch", "database", "file", "directory", "mail", "desktop", "print",
                 "other"]
ROLES_LINUX = ["web", "web", "app", "app", "batch", "database", "file", "other"]
STACKS_WINDOWS = ["netfx35", "netfx4", "netfx4", "netcore", "native-windows", "unknown"]
STACKS_LINUX = ["java", "nodejs", "python", "php", "go", "native-linux", "unknown"]
ANSWER_HEADER = ["name", "role", "stack", "gui", "kernelDriver", "windowsAuth", "sourceAvailable", "changeRate",
                 "trust", "decommission", "mustStayOnPrem", "application", "owner", "notes"]
APPLICATIONS = ["Payroll", "Intranet", "CRM", "Webshop", "Reporting", "Logistics", "HR portal", "Ticketing"]
OWNERS = ["Finance", "IT Operations", "Sales", "HR", "Logistics", "Marketing"]


def pick_os(rng):
    total = sum(w for *_, w in OPERATING_SYSTEMS)
    x = rng.uniform(0, total)
    for config, tools, weight in OPERATING_SYSTEMS:
        x -= weight
        if x <= 0:
            return config, tools
    return OPERATING_SYSTEMS[-1][:2]


def make_vm(rng, index, vcenter, vcenter_uuid, hosts_per_cluster):
    config_os, tools_os = pick_os(rng)
    is_windows = "Windows" in config_os
    is_linux = not is_windows and "FreeBSD" not in config_os
    site = rng.choice(list(SITES))
    role = rng.choice(ROLES_WINDOWS if is_windows else ROLES_LINUX)
    if "Windows 10" in config_os:
        role = "desktop"  # client Windows in a datacenter: jump hosts and VDI leftovers
    name = f"{site}-{role}-{index:07d}"
    power = rng.choices(["poweredOn", "poweredOff", "suspended"], [88, 10, 2])[0]
    template = rng.random() < 0.01
    srm = not template and rng.random() < 0.01
    cpus = rng.choice([1, 2, 2, 2, 4, 4, 4, 8, 8, 16])
    memory = rng.choice([1024, 2048, 4096, 4096, 8192, 8192, 16384, 32768])
    disks = rng.randint(1, 4)
    provisioned = rng.randint(40, 600) * 1024 + rng.randint(0, 1023)
    in_use = int(provisioned * rng.uniform(0.2, 0.9))
    vm_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    cluster_number = rng.randint(1, 4)
    cluster = f"CL-{site.upper()}-{cluster_number}"
    # A host belongs to one cluster: its number follows the cluster's (esx01-02 in CL-...-1, ...).
    host_number = (cluster_number - 1) * hosts_per_cluster + (rng.randint(1, 40) - 1) % hosts_per_cluster + 1
    host = f"esx{host_number:02d}.{site}.corp.example"
    annotation = rng.choice(["", "", "Owner: Finance, ticket CHG-1042", "Migrated from Hyper-V, 2019",
                             "Backup: daily \"gold\" policy", "Patch window: Sun 02:00-04:00"])
    values = {
        "VM": name, "Powerstate": power, "Template": str(template), "SRM Placeholder": str(srm),
        "Config status": "green", "DNS Name": f"{name}.corp.example" if power == "poweredOn" else "",
        "Connection state": "connected", "Guest state": "running" if power == "poweredOn" else "notRunning",
        "Heartbeat": "green", "Consolidation Needed": "False", "PowerOn": "2024/03/11 04:12:55",
        "Suspended To Memory": "False", "Suspend time": "", "Suspend Interval": "",
        "Creation date": "2019/06/02 10:01:33", "Change Version": "2024-03-11T04:12:55.123Z", "CPUs": cpus,
        "Overall Cpu Readiness": 0, "Memory": memory, "Active Memory": int(memory * rng.uniform(0.05, 0.6)),
        "NICs": 1, "Disks": disks, "Total disk capacity MiB": provisioned, "Fixed Passthru HotPlug": "False",
        "min Required EVC Mode Key": "intel-broadwell", "Latency Sensitivity": "normal",
        "Op Notification Timeout": 0, "EnableUUID": "True", "CBT": "True",
        "Primary IP Address": f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
        "Network #1": "VLAN-120-Prod", "Num Monitors": 1, "Video Ram KiB": 8192, "Resource pool": "/Resources",
        "Folder ID": "group-v22", "Folder": "/Prod", "DAS protection": "True", "FT State": "notConfigured",
        "Provisioned MiB": provisioned, "In Use MiB": in_use, "Unshared MiB": in_use,
        "HA Restart Priority": "medium", "HA Isolation Response": "none", "HA VM Monitoring": "vmMonitoringDisabled",
        "Boot Required": "False", "Boot delay": 0, "Boot retry delay": 10000, "Boot retry enabled": "False",
        "Boot BIOS setup": "False", "Reboot PowerOff": "False", "EFI Secure boot": "False",
        "Firmware": rng.choice(["bios", "efi"]), "HW version": "vmx-15", "HW upgrade status": "none",
        "HW upgrade policy": "never", "Path": f"[DS-{cluster}] {name}/{name}.vmx",
        "Log directory": f"[DS-{cluster}] {name}", "Snapshot directory": f"[DS-{cluster}] {name}",
        "Suspend directory": f"[DS-{cluster}] {name}", "Annotation": annotation, "Datacenter": SITES[site],
        "Cluster": cluster, "Host": host, "OS according to the configuration file": config_os,
        "OS according to the VMware Tools": tools_os if power == "poweredOn" else "",
        "Customization Info": "", "Guest Detailed Data": "", "VM ID": f"vm-{rng.randint(1000, 999999)}",
        "SMBIOS UUID": vm_uuid, "VM UUID": vm_uuid, "VI SDK Server type": "VMware vCenter Server",
        "VI SDK API Version": "8.0.2.0", "VI SDK Server": vcenter, "VI SDK UUID": vcenter_uuid,
    }
    row = [values.get(column, "") for column in HEADER]
    return name, role, is_windows, is_linux, power, template or srm, row, values


def answers_for(rng, name, role, is_windows, is_linux, power):
    """What a workshop learns about one VM; some VMs get no answers at all."""
    if power == "poweredOff" and rng.random() < 0.6:
        return None  # nobody could say what it is: the advisor retires it with low confidence
    stack = rng.choice(STACKS_WINDOWS if is_windows else STACKS_LINUX) if role in ("web", "app", "batch") else "unknown"
    gui = "none"
    if role == "print":
        gui, stack = "gdi", "native-windows"
    elif is_windows and role == "app" and rng.random() < 0.05:
        gui = "directx"
    answer = {
        "name": name, "role": role, "stack": stack, "gui": gui,
        "kernelDriver": "yes" if rng.random() < 0.04 else "no",
        "windowsAuth": "yes" if is_windows and rng.random() < 0.25 else "no",
        "sourceAvailable": rng.choice(["yes", "no", "unknown"]),
        "changeRate": rng.choice(["low", "medium", "high"]),
        "trust": "untrusted" if rng.random() < 0.05 else "trusted",
        "decommission": "yes" if rng.random() < 0.04 else "no",
        "mustStayOnPrem": "yes" if rng.random() < 0.04 else "no",
        "application": rng.choice(APPLICATIONS), "owner": rng.choice(OWNERS), "notes": "",
    }
    if rng.random() < 0.1:
        answer["notes"] = rng.choice(["Vendor support ends 2026", "Licence bound to MAC address",
                                      "Peak load at month end", "Owner wants a cutover weekend"])
    if not is_linux and not is_windows:
        answer["stack"] = "unknown"
    return answer


def write_vhost(path, vms, vcenters):
    """The hosts the VMs name in vInfo's Host column, with what runs on each, in vHost's layout."""
    hosts = {}
    for values in vms:
        host = hosts.setdefault(values["Host"], {"vms": 0, "vcpus": 0, "vram": 0, "used": 0, "datacenter":
                                                 values["Datacenter"], "cluster": values["Cluster"],
                                                 "vcenter": values["VI SDK Server"], "vcenter_uuid":
                                                 values["VI SDK UUID"]})
        host["vms"] += 1
        host["vcpus"] += int(values["CPUs"])
        host["vram"] += int(values["Memory"])
        if values["Powerstate"] == "poweredOn":
            host["used"] += int(values["Active Memory"])
    # The busiest hosts by memory are of the larger model, as an estate grows into newer hardware.
    by_load = sorted(hosts, key=lambda name: (-hosts[name]["vram"], name))
    large = set(by_load[:max(1, len(hosts) // LARGE_HOST_SHARE)])
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(VHOST_HEADER)
        for index, name in enumerate(sorted(hosts)):
            h = hosts[name]
            vendor, model, cpu_model, sockets, cores_per_socket, speed, memory, bios = \
                HOST_MODELS["large" if name in large else "small"]
            cores = sockets * cores_per_socket
            serial = f"SRV{index:05d}X"
            values = {
                "Host": name, "Datacenter": h["datacenter"], "Cluster": h["cluster"], "Config status": "green",
                "in Maintenance Mode": "False", "in Quarantine Mode": "False", "CPU Model": cpu_model,
                "Speed": speed, "HT Available": "True", "HT Active": "True", "# CPU": sockets,
                "Cores per CPU": cores_per_socket, "# Cores": cores, "CPU usage %": min(95, h["vcpus"] * 3 // cores),
                "# Memory": memory, "Memory usage %": min(99, h["used"] * 100 // memory), "Console": "",
                "# NICs": 4, "# HBAs": 2, "# VMs total": h["vms"], "# VMs": h["vms"],
                "VMs per Core": f"{h['vms'] / cores:.2f}", "# vCPUs": h["vcpus"],
                "vCPUs per Core": f"{h['vcpus'] / cores:.2f}", "vRAM": h["vram"], "VM Used memory": h["used"],
                "VM Memory Swapped": 0, "VM Memory Ballooned": 0, "VMotion support": "True",
                "Storage VMotion support": "True", "Current EVC": "intel-broadwell", "Max EVC": "intel-cascadelake",
                "Assigned License(s)": "VMware vSphere 8 Enterprise Plus", "ATS Heartbeat": "True",
                "ATS Locking": "True", "Current CPU power man. policy": "Balanced",
                "Supported CPU power man.": "Performance, Balanced, Low power, Custom",
                "Host Power Policy": "Balanced", "ESX Version": "VMware ESXi 8.0.2 build-22380479",
                "Boot time": "2024/01/14 03:12:08", "DNS Servers": "10.0.0.10, 10.0.0.11", "DHCP": "False",
                "Domain": "corp.example", "DNS Search Order": "corp.example", "NTP Server(s)": "ntp.corp.example",
                "NTPD running": "True", "Time Zone": "UTC", "Time Zone Name": "UTC", "GMT Offset": 0,
                "Vendor": vendor, "Model": model, "Serial number": serial, "Service tag": serial,
                "BIOS Vendor": vendor, "BIOS Version": bios, "BIOS Date": "2023/06/21 00:00:00",
                "Object ID": f"host-{1000 + index}", "UUID": f"4c4c4544-0000-4000-8000-{index:012d}",
                "VI SDK Server": h["vcenter"], "VI SDK UUID": h["vcenter_uuid"],
            }
            writer.writerow([values.get(column, "") for column in VHOST_HEADER])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vms", type=int, required=True)
    parser.add_argument("--rvtools", required=True, help="the vInfo CSV to write")
    parser.add_argument("--answers", help="the workshop answers CSV to write")
    parser.add_argument("--vhost", help="the vHost CSV of the VMs' hosts to write")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    # About ten VMs per host, at least two hosts per cluster (HA needs a second).
    hosts_per_cluster = max(2, round(args.vms / 160))

    rng = random.Random(args.seed)
    vcenters = [("vcenter01.corp.example", "a1b2c3d4-0000-4000-8000-000000000001"),
                ("vcenter02.corp.example", "a1b2c3d4-0000-4000-8000-000000000002")]
    answers = []
    placed = []
    with open(args.rvtools, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(HEADER)
        for index in range(args.vms):
            vcenter, vcenter_uuid = vcenters[index % len(vcenters)]
            name, role, is_windows, is_linux, power, excluded, row, values = make_vm(rng, index, vcenter,
                                                                                      vcenter_uuid, hosts_per_cluster)
            writer.writerow(row)
            if not excluded:
                placed.append(values)
            if not excluded and args.answers:
                answer = answers_for(rng, name, role, is_windows, is_linux, power)
                if answer:
                    answers.append(answer)
    if args.answers:
        with open(args.answers, "w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=ANSWER_HEADER)
            writer.writeheader()
            writer.writerows(answers)
    if args.vhost:
        write_vhost(args.vhost, placed, vcenters)


if __name__ == "__main__":
    main()
