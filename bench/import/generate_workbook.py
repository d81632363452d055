#!/usr/bin/env python3
"""Writes a made-up RVTools 4.7-style workbook for the import benchmark: the tabs vInfo (every
column, Guest Detailed Data filled), vPartition, vDisk, vNetwork, vHost, vCluster and vMetaData,
laid out as RVTools 4.7 writes them: the `x:` namespace prefix on every element, every text in the
shared-string table, an empty text cell as a shared-string cell without a value
(`<x:c r="L2" s="2" t="s" />`), numbers as plain cells. Deterministic for a given seed.

    generate_workbook.py --vms 100000 --out rvtools-4.7-100000.xlsx [--seed 11]
"""
import argparse
import os
import random
import sys
import zipfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
import generate_inventory as inventory  # noqa: E402

NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

PARTITION_HEADER = ["VM", "Powerstate", "Template", "SRM Placeholder", "Disk Key", "Disk", "Capacity MiB",
                    "Consumed MiB", "Free MiB", "Free %", "Internal Sort Column", "Annotation", "Datacenter",
                    "Cluster", "Host", "Folder", "OS according to the configuration file",
                    "OS according to the VMware Tools", "VM ID", "VM UUID", "VI SDK Server", "VI SDK UUID"]
DISK_HEADER = ["VM", "Powerstate", "Template", "SRM Placeholder", "Disk", "Disk Key", "Disk UUID", "Disk Path",
               "Capacity MiB", "Raw", "Disk Mode", "Sharing mode", "Thin", "Eagerly Scrub", "Split",
               "Write Through", "Level", "Shares", "Reservation", "Limit", "Controller", "Label", "SCSI Unit #",
               "Unit #", "Shared Bus", "Path", "Raw LUN ID", "Raw Comp. Mode", "Internal Sort Column",
               "Annotation", "Datacenter", "Cluster", "Host", "Folder", "OS according to the configuration file",
               "OS according to the VMware Tools", "VM ID", "VM UUID", "VI SDK Server", "VI SDK UUID"]
NETWORK_HEADER = ["VM", "Powerstate", "Template", "SRM Placeholder", "NIC label", "Adapter", "Network", "Switch",
                  "Connected", "Starts Connected", "Mac Address", "Type", "IPv4 Address", "IPv6 Address",
                  "Direct Path IO", "Internal Sort Column", "Annotation", "Datacenter", "Cluster", "Host", "Folder",
                  "OS according to the configuration file", "OS according to the VMware Tools", "VM ID", "VM UUID",
                  "VI SDK Server", "VI SDK UUID"]
HOST_HEADER = ["Host", "Datacenter", "Cluster", "Config status", "Compliance Check State", "in Maintenance Mode",
               "in Quarantine Mode", "vSAN Fault Domain Name", "CPU Model", "Speed", "HT Available", "HT Active",
               "# CPU", "Cores per CPU", "# Cores", "CPU usage %", "# Memory", "Memory Tiering Type",
               "Memory usage %", "Console", "# NICs", "# HBAs", "# VMs total", "# VMs", "VMs per Core", "# vCPUs",
               "vCPUs per Core", "vRAM", "VM Used memory", "ESX Version", "Vendor", "Model", "UUID",
               "VI SDK Server", "VI SDK UUID"]
CLUSTER_HEADER = ["Name", "Config status", "OverallStatus", "NumHosts", "numEffectiveHosts", "TotalCpu",
                  "NumCpuCores", "NumCpuThreads", "Effective Cpu", "TotalMemory", "Effective Memory",
                  "Num VMotions", "HA enabled", "Failover Level", "VI SDK Server", "VI SDK UUID"]
META_HEADER = ["RVTools major version", "RVTools version", "xlsx creation datetime", "Server"]

GUEST_DATA = {
    "Windows Server 2016": ("14393", "Windows", "10.0", "Windows Server 2016, 64-bit (Build 14393.{})"),
    "Windows Server 2019": ("17763", "Windows", "10.0", "Windows Server 2019, 64-bit (Build 17763.{})"),
    "Windows Server 2022": ("20348", "Windows", "10.0", "Windows Server 2022, 64-bit (Build 20348.{})"),
    "Ubuntu": ("", "Ubuntu", "22.04", "Ubuntu 22.04.{} LTS"),
    "Red Hat Enterprise Linux 8": ("", "Red Hat Enterprise Linux", "8.9", "Red Hat Enterprise Linux 8.9 (Ootpa) {}"),
}


def column_letters(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class SharedStrings:
    def __init__(self):
        self.index = {}

    def __call__(self, text):
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.index)
        return found

    def xml(self):
        yield f'<?xml version="1.0" encoding="utf-8"?><x:sst {NS} count="{len(self.index)}" uniqueCount="{len(self.index)}">'
        for text in self.index:  # insertion order is index order
            yield f"<x:si><x:t>{escape(text)}</x:t></x:si>"
        yield "</x:sst>"


class SheetWriter:
    """One worksheet part, written row by row to a file beside the workbook, then deflated into it
    (a zip takes one entry at a time, and four sheets grow together)."""

    def __init__(self, zf, entry, strings, header):
        self.zf = zf
        self.entry = entry
        self.path = f"{zf.filename}.{entry.replace('/', '_')}.tmp"
        self.out = open(self.path, "wb")
        self.strings = strings
        self.letters = [column_letters(i) for i in range(len(header))]
        self.row = 0
        self.buffer = []
        self.write(f'<?xml version="1.0" encoding="utf-8"?><x:worksheet {NS}><x:sheetData>')
        self.add(header)

    def write(self, text):
        self.buffer.append(text)
        if len(self.buffer) > 2000:
            self.flush()

    def flush(self):
        self.out.write("".join(self.buffer).encode("utf-8"))
        self.buffer = []

    def add(self, values):
        # The hot loop of the generator (tens of millions of cells at 100,000 VMs): one type test
        # per cell, the shared-string table looked up inline.
        self.row += 1
        r = str(self.row)
        index = self.strings.index
        cells = [f'<x:row r="{r}">']
        append = cells.append
        for letter, value in zip(self.letters, values):
            kind = type(value)
            if kind is bool:
                value, kind = str(value), str
            if kind is str:
                if value:
                    found = index.get(value)
                    if found is None:
                        found = index[value] = len(index)
                    append(f'<x:c r="{letter}{r}" s="2" t="s"><x:v>{found}</x:v></x:c>')
                else:
                    append(f'<x:c r="{letter}{r}" s="2" t="s" />')
            elif value is None:
                append(f'<x:c r="{letter}{r}" s="2" t="s" />')
            else:
                append(f'<x:c r="{letter}{r}" s="3"><x:v>{value}</x:v></x:c>')
        append("</x:row>")
        self.write("".join(cells))

    def close(self):
        self.write("</x:sheetData></x:worksheet>")
        self.flush()
        self.out.close()
        self.zf.write(self.path, self.entry)
        os.remove(self.path)


def guest_data(rng, tools_os):
    for key, (build, distro, version, pretty) in GUEST_DATA.items():
        if key in tools_os:
            patch = rng.randint(1000, 7000)
            fields = ["architecture='X86'", "bitness='64'"]
            if build:
                fields.append(f"buildNumber='{build}'")
            fields += [f"distroName='{distro}'", f"distroVersion='{version}'",
                       f"familyName='{'Windows' if build else 'Linux'}'",
                       f"kernelVersion='{build or '5.15.0'}.{patch}'", f"prettyName='{pretty.format(patch)}'"]
            return " ".join(fields)
    return ""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vms", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    vcenters = [("vcenter01.corp.example", "a1b2c3d4-0000-4000-8000-000000000001"),
                ("vcenter02.corp.example", "a1b2c3d4-0000-4000-8000-000000000002")]
    strings = SharedStrings()
    sheets = ["vInfo", "vPartition", "vDisk", "vNetwork", "vHost", "vCluster", "vMetaData"]
    col = {name: i for i, name in enumerate(inventory.HEADER)}
    hosts = {}
    # About ten VMs per host, at least two hosts per cluster, as generate_inventory.py places them.
    hosts_per_cluster = max(2, round(args.vms / 160))
    with zipfile.ZipFile(args.out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        info = SheetWriter(zf, "xl/worksheets/sheet1.xml", strings, inventory.HEADER)
        partitions = SheetWriter(zf, "xl/worksheets/sheet2.xml", strings, PARTITION_HEADER)
        disks = SheetWriter(zf, "xl/worksheets/sheet3.xml", strings, DISK_HEADER)
        networks = SheetWriter(zf, "xl/worksheets/sheet4.xml", strings, NETWORK_HEADER)
        for index in range(args.vms):
            vcenter, vcenter_uuid = vcenters[index % len(vcenters)]
            name, _, is_windows, _, power, _, row, _ = inventory.make_vm(rng, index, vcenter, vcenter_uuid,
                                                                         hosts_per_cluster)
            row[col["Guest Detailed Data"]] = guest_data(rng, row[col["OS according to the VMware Tools"]])
            info.add(row)
            common_tail = [row[col["Annotation"]], row[col["Datacenter"]], row[col["Cluster"]], row[col["Host"]],
                           row[col["Folder"]], row[col["OS according to the configuration file"]],
                           row[col["OS according to the VMware Tools"]], row[col["VM ID"]], row[col["VM UUID"]],
                           vcenter, vcenter_uuid]
            head = [name, power, row[col["Template"]], row[col["SRM Placeholder"]]]
            host = hosts.setdefault((row[col["Host"]], vcenter), [row[col["Datacenter"]], row[col["Cluster"]], 0, 0])
            host[2] += 1
            host[3] += row[col["CPUs"]]
            in_use = row[col["In Use MiB"]]
            paths = ["C:\\", "D:\\"] if is_windows else ["/", "/boot", "/var"]
            for n, path in enumerate(paths[: rng.randint(1, len(paths))]):
                capacity = row[col["Provisioned MiB"]] // len(paths)
                consumed = min(capacity, int(in_use * rng.uniform(0.2, 0.6)))
                partitions.add(head + [2000 + n, path, capacity, consumed, capacity - consumed,
                                       int(100 * (capacity - consumed) / max(capacity, 1)), f"{name}-{n}"] + common_tail)
            for n in range(row[col["Disks"]]):
                disks.add(head + [f"Hard disk {n + 1}", 2000 + n, f"6000C29{index:09d}-{n}", "",
                                  row[col["Provisioned MiB"]] // row[col["Disks"]], "False", "persistent",
                                  "sharingNone", "True", "False", "False", "False", "normal", 1000, 0, -1,
                                  "VMware paravirtual SCSI", "SCSI controller 0", 7, n, "noSharing",
                                  f"[DS-{row[col['Cluster']]}] {name}/{name}_{n}.vmdk", "", "", f"{name}-d{n}"]
                          + common_tail)
            networks.add(head + ["Network adapter 1", "Vmxnet3", row[col["Network #1"]], "dvSwitch-Prod", "True",
                                 "True", f"00:50:56:{index >> 16 & 255:02x}:{index >> 8 & 255:02x}:{index & 255:02x}",
                                 "assigned", row[col["Primary IP Address"]], "", "True", f"{name}-n0"] + common_tail)
        for writer in (info, partitions, disks, networks):
            writer.close()

        host_sheet = SheetWriter(zf, "xl/worksheets/sheet5.xml", strings, HOST_HEADER)
        clusters = {}
        for (host, vcenter), (datacenter, cluster, vms, vcpus) in sorted(hosts.items()):
            cores = 32
            host_sheet.add([host, datacenter, cluster, "green", "", "False", "False", "",
                            "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", 1995, "True", "True", 2, 16, cores, 40,
                            1048192, "noTiering", 55, 0, 4, 2, vms, vms, round(vms / cores, 3), vcpus,
                            round(vcpus / cores, 3), vms * 8192, vms * 4096, "VMware ESXi 8.0.2 build-22380479",
                            "Dell Inc.", "PowerEdge R750", f"4c4c4544-{len(clusters):04d}", vcenter, ""])
            c = clusters.setdefault((cluster, vcenter), [0])
            c[0] += 1
        host_sheet.close()
        cluster_sheet = SheetWriter(zf, "xl/worksheets/sheet6.xml", strings, CLUSTER_HEADER)
        for (cluster, vcenter), (count,) in sorted(clusters.items()):
            cluster_sheet.add([cluster, "green", "green", count, count, count * 63840, count * 32, count * 64,
                               count * 60000, count * 1048192, count * 1000000, 1000, "True", 1, vcenter, ""])
        cluster_sheet.close()
        meta = SheetWriter(zf, "xl/worksheets/sheet7.xml", strings, META_HEADER)
        meta.add(["4.7", "4.7.1.4", 45807.6548958333, vcenters[0][0]])
        meta.close()

        with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            chunk = []
            for piece in strings.xml():
                chunk.append(piece)
                if len(chunk) > 5000:
                    out.write("".join(chunk).encode("utf-8"))
                    chunk = []
            out.write("".join(chunk).encode("utf-8"))
        sheet_list = "".join(f'<x:sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}" />'
                             for i, name in enumerate(sheets))
        zf.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="utf-8"?><x:workbook {NS} '
                                       f'xmlns:r="{REL_NS}"><x:sheets>{sheet_list}</x:sheets></x:workbook>')
        relations = "".join(f'<Relationship Type="{REL_NS}/worksheet" Target="/xl/worksheets/sheet{i + 1}.xml" '
                            f'Id="rId{i + 1}" />' for i in range(len(sheets)))
        zf.writestr("xl/_rels/workbook.xml.rels",
                    '<?xml version="1.0" encoding="utf-8"?><Relationships '
                    f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relations}</Relationships>')
        zf.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="utf-8"?><Types '
                                           'xmlns="http://schemas.openxmlformats.org/package/2006/content-types" />')


if __name__ == "__main__":
    main()
