#include "manifestwriter.h"

namespace landfall {

namespace {

QString indent(const QString &block, int spaces)
{
    QString out;
    for (const QString &line : block.split(u'\n', Qt::SkipEmptyParts))
        out += QString(spaces, u' ') + line + u'\n';
    return out;
}

/** The pod's labels: its name, and for untrusted workloads what the anti-affinity keys on. */
QString podLabels(const ContainerWorkload &w)
{
    QString labels = QStringLiteral("app.kubernetes.io/name: %1\n").arg(w.name);
    if (w.untrusted)
        labels += QStringLiteral("app.kubernetes.io/part-of: %1\nlandfall.io/trust: untrusted\n").arg(w.application);
    return labels;
}

QString podSpec(const ContainerWorkload &w, const QString &registry, const QString &gmsaName)
{
    QString y;
    if (w.kind == ContainerWorkload::Kind::Batch)
        y += QStringLiteral("restartPolicy: OnFailure\n");
    if (w.pool == ContainerWorkload::Pool::Kata)
        y += QStringLiteral("runtimeClassName: %1\n").arg(QLatin1String(ManifestWriter::kKataRuntimeClass));
    else if (w.decision.isolation == Isolation::HyperV)
        y += QStringLiteral("runtimeClassName: runhcs-wcow-hypervisor\n");
    y += QStringLiteral("nodeSelector:\n  kubernetes.io/os: %1\n")
             .arg(w.windows ? QStringLiteral("windows") : QStringLiteral("linux"));
    if (w.windows)
        y += QStringLiteral("  node.kubernetes.io/windows-build: %1\n").arg(ManifestWriter::quoted(w.windowsBuild));
    const QString purpose = ContainerWorkload::poolPurpose(w.pool);
    if (!purpose.isEmpty()) {
        y += QStringLiteral("  %1: %2\n").arg(QLatin1String(ManifestWriter::kPoolLabel), purpose);
        y += QStringLiteral("tolerations:\n- key: %1\n  operator: Equal\n  value: %2\n  effect: NoSchedule\n")
                 .arg(QLatin1String(ManifestWriter::kPoolLabel), purpose);
    }
    if (w.untrusted) {
        // Two untrusted workloads of different applications never share a node.
        y += QStringLiteral("affinity:\n  podAntiAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n"
                            "    - topologyKey: kubernetes.io/hostname\n      labelSelector:\n"
                            "        matchExpressions:\n        - key: landfall.io/trust\n          operator: In\n"
                            "          values:\n          - untrusted\n        - key: app.kubernetes.io/part-of\n"
                            "          operator: NotIn\n          values:\n          - %1\n")
                 .arg(w.application);
    }
    if (!gmsaName.isEmpty())
        y += QStringLiteral("securityContext:\n  windowsOptions:\n    gmsaCredentialSpecName: %1\n").arg(gmsaName);
    y += QStringLiteral("containers:\n- name: %1\n  image: %2/%1:1.0\n").arg(w.name, registry);
    if (w.port > 0) {
        y += QStringLiteral("  ports:\n  - containerPort: %1\n    protocol: TCP\n").arg(w.port);
        // Windows containers start slowly: give them longer before the first probe.
        const int delay = w.windows ? 30 : 10;
        for (const char *probe : {"readinessProbe", "livenessProbe"})
            y += QStringLiteral("  %1:\n    tcpSocket:\n      port: %2\n    initialDelaySeconds: %3\n"
                                "    periodSeconds: %4\n    failureThreshold: 3\n")
                     .arg(QLatin1String(probe))
                     .arg(w.port)
                     .arg(delay)
                     .arg(QLatin1String(probe) == QLatin1String("readinessProbe") ? 10 : 20);
    }
    y += QStringLiteral("  resources:\n    requests:\n      cpu: %1\n      memory: %2\n")
             .arg(ManifestWriter::quoted(ManifestWriter::cpuQuantity(w.sizing.cpuRequestMilli)),
                  ManifestWriter::quoted(ManifestWriter::memoryQuantity(w.sizing.memoryRequestMiB)));
    y += QStringLiteral("    limits:\n      cpu: %1\n      memory: %2\n")
             .arg(ManifestWriter::quoted(ManifestWriter::cpuQuantity(w.sizing.cpuLimitMilli)),
                  ManifestWriter::quoted(ManifestWriter::memoryQuantity(w.sizing.memoryLimitMiB)));
    if (w.pool == ContainerWorkload::Pool::Gpu)
        y += QStringLiteral("      microsoft.com/directx: 1\n");
    return y;
}

QString metadata(const ContainerWorkload &w, const QString &name, const QString &labels, bool annotations)
{
    QString y = QStringLiteral("metadata:\n  name: %1\n  labels:\n").arg(name);
    y += indent(labels + QStringLiteral("app.kubernetes.io/managed-by: landfall"), 4);
    if (annotations)
        y += QStringLiteral("  annotations:\n    landfall.io/source-vm: %1\n    landfall.io/target: %2\n")
                 .arg(ManifestWriter::quoted(w.vm.name), ManifestWriter::quoted(w.decision.target));
    return y;
}

QString gmsaResources(const ContainerWorkload &w, const QString &gmsaName)
{
    // The credential spec's values come from the domain (New-CredentialSpec on a domain-joined
    // host); the placeholders say which. The pod's service account may "use" only this spec.
    const QString account = w.name.left(15);
    QString y = QStringLiteral("---\napiVersion: windows.k8s.io/v1\nkind: GMSACredentialSpec\nmetadata:\n  name: %1\n"
                               "credspec:\n  CmsPlugins:\n  - ActiveDirectory\n  DomainJoinConfig:\n"
                               "    DnsName: \"corp.example.com\"\n    DnsTreeName: \"corp.example.com\"\n"
                               "    Guid: \"00000000-0000-0000-0000-000000000000\"\n    MachineAccountName: %2\n"
                               "    NetBiosName: \"CORP\"\n    Sid: \"S-1-5-21-0-0-0\"\n  ActiveDirectoryConfig:\n"
                               "    GroupManagedServiceAccounts:\n    - Name: %2\n      Scope: \"corp.example.com\"\n"
                               "    - Name: %2\n      Scope: \"CORP\"\n")
                    .arg(gmsaName, ManifestWriter::quoted(account));
    y += QStringLiteral("---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: %1-use\n"
                        "rules:\n- apiGroups:\n  - windows.k8s.io\n  resources:\n  - gmsacredentialspecs\n"
                        "  verbs:\n  - use\n  resourceNames:\n  - %1\n")
             .arg(gmsaName);
    y += QStringLiteral("---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: %1-use\n"
                        "roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: %1-use\n"
                        "subjects:\n- kind: ServiceAccount\n  name: default\n")
             .arg(gmsaName);
    return y;
}

} // namespace

QString ManifestWriter::cpuQuantity(qint64 millicores)
{
    millicores = std::max<qint64>(1, millicores);
    return millicores % 1000 == 0 ? QString::number(millicores / 1000) : QString::number(millicores) + u'm';
}

QString ManifestWriter::memoryQuantity(qint64 mib)
{
    return QString::number(std::max<qint64>(1, mib)) + QLatin1String("Mi");
}

QString ManifestWriter::quoted(const QString &text)
{
    // By code point, not by UTF-16 unit: an emoji is one character of YAML, never two \u escapes
    // of its surrogate halves (which no YAML parser accepts).
    QString out = QStringLiteral("\"");
    for (const char32_t u : text.toUcs4()) {
        if (u == U'"' || u == U'\\')
            out += u'\\' + QString(QChar(u));
        else if (u < 0x20 || (u >= 0x7F && u <= 0x9F) || u == 0x2028 || u == 0x2029 || u == 0xFEFF ||
                 (u >= 0xD800 && u <= 0xDFFF) || u == 0xFFFE || u == 0xFFFF)
            out +=
                QStringLiteral("\\u%1").arg(uint((u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : u), 4, 16, QLatin1Char('0'));
        else if (u > 0x10FFFF)
            out += QStringLiteral("\\ufffd");
        else
            out += QString::fromUcs4(&u, 1);
    }
    return out + u'"';
}

QString ManifestWriter::write(const ContainerWorkload &w, const QString &registry)
{
    const QString name = w.name;
    const QString labels = podLabels(w);
    const QString selector = QStringLiteral("app.kubernetes.io/name: %1\n").arg(name);
    const QString gmsaName = w.gmsa ? name.left(58) + QLatin1String("-gmsa") : QString();
    QString y =
        QStringLiteral("# Written by Landfall for VM %1; build the image from the Dockerfile beside this file\n")
            .arg(ContainerWorkload::safeName(w.vm.name));
    if (w.kind == ContainerWorkload::Kind::Batch) {
        // A batch job runs to completion and serves nothing: a Job, no Service. Its schedule is
        // the consultant's to add (as a CronJob) when the VM ran it on one.
        y += QStringLiteral("apiVersion: batch/v1\nkind: Job\n") + metadata(w, name, labels, true);
        y +=
            QStringLiteral("spec:\n  backoffLimit: 3\n  template:\n    metadata:\n      labels:\n") + indent(labels, 8);
        y += QStringLiteral("    spec:\n") + indent(podSpec(w, registry, gmsaName), 6);
    } else {
        const int replicas = w.kind == ContainerWorkload::Kind::Web ? 2 : 1;
        y += QStringLiteral("apiVersion: apps/v1\nkind: Deployment\n") + metadata(w, name, labels, true);
        y += QStringLiteral("spec:\n  replicas: %1\n  selector:\n    matchLabels:\n").arg(replicas) +
             indent(selector, 6);
        y += QStringLiteral("  template:\n    metadata:\n      labels:\n") + indent(labels, 8);
        y += QStringLiteral("    spec:\n") + indent(podSpec(w, registry, gmsaName), 6);
        y += QStringLiteral("---\napiVersion: v1\nkind: Service\n") + metadata(w, name, labels, false);
        y += QStringLiteral("spec:\n  type: ClusterIP\n  selector:\n") + indent(selector, 4);
        y += QStringLiteral("  ports:\n  - name: main\n    port: %1\n    targetPort: %1\n    protocol: TCP\n")
                 .arg(w.port);
        if (w.kind == ContainerWorkload::Kind::Web) {
            y += QStringLiteral("---\napiVersion: policy/v1\nkind: PodDisruptionBudget\n") +
                 metadata(w, name, labels, false);
            y += QStringLiteral("spec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n") + indent(selector, 6);
        }
    }
    if (w.gmsa)
        y += gmsaResources(w, gmsaName);
    return y;
}

} // namespace landfall
