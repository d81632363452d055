#include "manifestwriter.h"

#include <cmath>

namespace landfall {

namespace {

QString cpuQuantity(double cores)
{
    const qint64 millicores = std::max<qint64>(1, std::llround(cores * 1000));
    return millicores % 1000 == 0 ? QString::number(millicores / 1000) : QString::number(millicores) + u'm';
}

QString memoryQuantity(double mib)
{
    return QString::number(std::max<qint64>(1, std::llround(std::ceil(mib)))) + QLatin1String("Mi");
}

} // namespace

QString ManifestWriter::quoted(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if (c == u'"' || c == u'\\')
            out += u'\\' + QString(c);
        else if (u < 0x20 || (u >= 0x7F && u <= 0x9F) || c.isSurrogate() || u == 0xFEFF || u >= 0xFFFE ||
                 c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            out += QStringLiteral("\\u%1").arg(u, 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + u'"';
}

QString ManifestWriter::write(const ContainerWorkload &w, const QString &registry)
{
    const QString name = w.name;
    const QString labels = QStringLiteral("app.kubernetes.io/name: %1\n").arg(name);
    const auto indent = [](const QString &block, int spaces) {
        QString out;
        for (const QString &line : block.split(u'\n', Qt::SkipEmptyParts))
            out += QString(spaces, u' ') + line + u'\n';
        return out;
    };
    const bool untrustedWindows =
        w.windows && w.vm.answers.value(WorkshopAnswers::Attribute::Trust) == QLatin1String("untrusted");
    QString y;
    y += QStringLiteral("# Written by Landfall for VM %1; build the image from the Dockerfile beside this file\n")
             .arg(ContainerWorkload::safeName(w.vm.name));
    y += QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %1\n  labels:\n").arg(name);
    y += indent(labels + QStringLiteral("app.kubernetes.io/managed-by: landfall"), 4);
    y += QStringLiteral("  annotations:\n    landfall.io/source-vm: %1\n    landfall.io/target: %2\n")
             .arg(quoted(w.vm.name), quoted(w.decision.target));
    y += QStringLiteral("spec:\n  replicas: 1\n  selector:\n    matchLabels:\n") + indent(labels, 6);
    y += QStringLiteral("  template:\n    metadata:\n      labels:\n") + indent(labels, 8);
    y += QStringLiteral("    spec:\n");
    if (w.decision.isolation == Isolation::Kata)
        y += QStringLiteral("      runtimeClassName: kata\n");
    else if (w.decision.isolation == Isolation::HyperV)
        y += QStringLiteral("      runtimeClassName: runhcs-wcow-hypervisor\n");
    y += QStringLiteral("      nodeSelector:\n        kubernetes.io/os: %1\n")
             .arg(w.windows ? QStringLiteral("windows") : QStringLiteral("linux"));
    if (w.windows)
        y += QStringLiteral("        node.kubernetes.io/windows-build: %1\n").arg(quoted(w.windowsBuild));
    if (untrustedWindows) {
        y += QStringLiteral("        landfall.io/dedicated: untrusted\n");
        y += QStringLiteral("      tolerations:\n      - key: landfall.io/dedicated\n        operator: Equal\n"
                            "        value: untrusted\n        effect: NoSchedule\n");
    }
    if (w.windows && w.vm.answers.value(WorkshopAnswers::Attribute::WindowsAuth) == QLatin1String("yes"))
        y += QStringLiteral(
                 "      securityContext:\n        windowsOptions:\n          gmsaCredentialSpecName: %1-gmsa\n")
                 .arg(name.left(58));
    y += QStringLiteral("      containers:\n      - name: %1\n        image: %2/%1:1.0\n").arg(name, registry);
    y += QStringLiteral("        ports:\n        - containerPort: %1\n          protocol: TCP\n").arg(w.port);
    y += QStringLiteral("        resources:\n          requests:\n            cpu: %1\n            memory: %2\n")
             .arg(quoted(cpuQuantity(w.sizing.cpuCores)), quoted(memoryQuantity(w.sizing.memoryMiB)));
    y += QStringLiteral("          limits:\n            memory: %1\n").arg(quoted(memoryQuantity(w.sizing.memoryMiB)));
    if (w.vm.answers.value(WorkshopAnswers::Attribute::Gui) == QLatin1String("directx"))
        y += QStringLiteral("            microsoft.com/directx: 1\n");
    y += QStringLiteral("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: %1\n  labels:\n").arg(name);
    y += indent(labels, 4);
    y += QStringLiteral("spec:\n  type: ClusterIP\n  selector:\n") + indent(labels, 4);
    y += QStringLiteral("  ports:\n  - name: main\n    port: %1\n    targetPort: %1\n    protocol: TCP\n").arg(w.port);
    return y;
}

} // namespace landfall
