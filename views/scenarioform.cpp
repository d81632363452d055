#include "scenarioform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>

namespace landfall {

namespace {

QDoubleSpinBox *doubleBox(double min, double max, int decimals, const QString &suffix, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(min, max);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    box->setKeyboardTracking(false); // one edit per value typed, not per keystroke
    box->setAlignment(Qt::AlignRight);
    return box;
}

QSpinBox *intBox(int min, int max, const QString &suffix, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setSuffix(suffix);
    box->setKeyboardTracking(false);
    box->setAlignment(Qt::AlignRight);
    return box;
}

template <typename Enum> QComboBox *comboBox(const QList<std::pair<Enum, QString>> &items, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    for (const auto &[value, text] : items)
        box->addItem(text, static_cast<int>(value));
    return box;
}

template <typename Enum> void setCombo(QComboBox *box, Enum value)
{
    box->setCurrentIndex(box->findData(static_cast<int>(value)));
}

template <typename Enum> Enum comboValue(const QComboBox *box)
{
    return static_cast<Enum>(box->currentData().toInt());
}

QString nodeSizesText(const QList<Scenario::NodeSize> &sizes)
{
    QStringList parts;
    for (const Scenario::NodeSize &size : sizes)
        parts.append(QStringLiteral("%1x%2").arg(size.vcpu).arg(size.memoryGiB));
    return parts.join(QStringLiteral(", "));
}

std::optional<QList<Scenario::NodeSize>> parseNodeSizes(const QString &text)
{
    static const QRegularExpression size(QStringLiteral("^\\s*(\\d+)\\s*[xX×]\\s*(\\d+(?:\\.\\d+)?)\\s*$"));
    QList<Scenario::NodeSize> sizes;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch match = size.match(part);
        if (!match.hasMatch())
            return std::nullopt;
        sizes.append({match.captured(1).toInt(), match.captured(2).toDouble()});
    }
    if (sizes.isEmpty())
        return std::nullopt;
    return sizes;
}

} // namespace

ScenarioForm::ScenarioForm(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout(this))
{
    setObjectName(QStringLiteral("scenarioForm"));
    m_layout->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_layout->setLabelAlignment(Qt::AlignRight);
    const Scenario d; // the documented defaults, quoted in every tooltip

    addSection(tr("Scenario"));
    auto *name = new QLineEdit(this);
    name->setMinimumWidth(220);
    addRow(
        QStringLiteral("name"), tr("&Name"), name, tr("The scenario's name in the comparison and the report."),
        [name](const Scenario &s) { name->setText(s.name); }, [name](Scenario &s) { s.name = name->text().trimmed(); });
    connect(name, &QLineEdit::editingFinished, this, [this]() {
        if (!m_loading)
            Q_EMIT edited();
    });
    auto *platform = comboBox<Scenario::Platform>(
        {{Scenario::Platform::Kubernetes, tr("Kubernetes")}, {Scenario::Platform::ContainerHost, tr("Container host")}},
        this);
    addRow(
        QStringLiteral("platform"), tr("&Platform"), platform,
        tr("Where containers run. Default: Kubernetes (AKS node pools)."),
        [platform](const Scenario &s) { setCombo(platform, s.platform); },
        [platform](Scenario &s) { s.platform = comboValue<Scenario::Platform>(platform); });
    auto *build = new QLineEdit(this);
    build->setInputMask(QString());
    addRow(
        QStringLiteral("windowsBuild"), tr("&Windows build"), build,
        tr("The Windows nodes' build. Default: %1 (Windows Server 2022).").arg(d.windowsBuild),
        [build](const Scenario &s) { build->setText(s.windowsBuild); },
        [build](Scenario &s) { s.windowsBuild = build->text().trimmed(); });
    connect(build, &QLineEdit::editingFinished, this, [this]() {
        if (!m_loading)
            Q_EMIT edited();
    });

    addSection(tr("Demand of a workload"));
    auto *basis = comboBox<Scenario::SizingBasis>({{Scenario::SizingBasis::Performance, tr("Performance")},
                                                   {Scenario::SizingBasis::Provisioned, tr("Provisioned")}},
                                                  this);
    addRow(
        QStringLiteral("sizing.basis"), tr("Sizing &basis"), basis,
        tr("Performance: utilisation percentile x comfort factor, as Azure Migrate does; provisioned: the VM's "
           "vCPU and memory. Default: performance (density.md, Demand of one workload)."),
        [basis](const Scenario &s) { setCombo(basis, s.sizing.basis); },
        [basis](Scenario &s) { s.sizing.basis = comboValue<Scenario::SizingBasis>(basis); });
    auto *percentile = doubleBox(1, 100, 0, tr(" th"), this);
    addRow(
        QStringLiteral("sizing.percentile"), tr("Utilisation percentile"), percentile,
        tr("The utilisation percentile sized for. Default: %1 (Azure Migrate's; Landfall keeps the 95th).")
            .arg(d.sizing.percentile),
        [percentile](const Scenario &s) { percentile->setValue(s.sizing.percentile); },
        [percentile](Scenario &s) { s.sizing.percentile = percentile->value(); });
    auto *comfort = doubleBox(1, 5, 2, tr(" x"), this);
    addRow(
        QStringLiteral("sizing.comfortFactor"), tr("&Comfort factor"), comfort,
        tr("Multiplies the measured use. Default: %1 (Azure Migrate's default).").arg(d.sizing.comfortFactor),
        [comfort](const Scenario &s) { comfort->setValue(s.sizing.comfortFactor); },
        [comfort](Scenario &s) { s.sizing.comfortFactor = comfort->value(); });

    addSection(tr("Kubernetes nodes"));
    auto *nodeVcpu = intBox(1, 512, tr(" vCPU"), this);
    addRow(
        QStringLiteral("node.vcpu"), tr("Node &vCPU"), nodeVcpu,
        tr("vCPU of one node. Default: %1 (a D8s-class VM).").arg(d.node.vcpu),
        [nodeVcpu](const Scenario &s) { nodeVcpu->setValue(s.node.vcpu); },
        [nodeVcpu](Scenario &s) { s.node.vcpu = nodeVcpu->value(); });
    auto *nodeMemory = doubleBox(1, 4096, 0, tr(" GiB"), this);
    addRow(
        QStringLiteral("node.memoryGiB"), tr("Node &memory"), nodeMemory,
        tr("Memory of one node. Default: %1 GiB.").arg(d.node.memoryGiB),
        [nodeMemory](const Scenario &s) { nodeMemory->setValue(s.node.memoryGiB); },
        [nodeMemory](Scenario &s) { s.node.memoryGiB = nodeMemory->value(); });
    auto *nodeDisk = doubleBox(0, 65536, 0, tr(" GiB"), this);
    addRow(
        QStringLiteral("node.diskGiB"), tr("Node &disk"), nodeDisk,
        tr("OS disk of one node, for images and writable layers; 0 does not pack disk. Default: %1 GiB "
           "(AKS's OS disk).")
            .arg(d.node.diskGiB),
        [nodeDisk](const Scenario &s) { nodeDisk->setValue(s.node.diskGiB); },
        [nodeDisk](Scenario &s) { s.node.diskGiB = nodeDisk->value(); });
    auto *maxPods = intBox(1, 1000, tr(" pods"), this);
    addRow(
        QStringLiteral("node.maxPods"), tr("Max &pods per node"), maxPods,
        tr("Default: %1 (AKS with Azure CNI); 110 upstream (kubenet), 250 for CNI overlay (density.md, "
           "Kubernetes nodes).")
            .arg(d.node.maxPods),
        [maxPods](const Scenario &s) { maxPods->setValue(s.node.maxPods); },
        [maxPods](Scenario &s) { s.node.maxPods = maxPods->value(); });
    auto *reserved = comboBox<Scenario::ReservedModel>({{Scenario::ReservedModel::Aks, tr("AKS (1.29+)")},
                                                        {Scenario::ReservedModel::AksLegacy, tr("AKS, legacy tiers")},
                                                        {Scenario::ReservedModel::Gke, tr("GKE")},
                                                        {Scenario::ReservedModel::None, tr("None")}},
                                                       this);
    addRow(
        QStringLiteral("node.reserved"), tr("&Reservations"), reserved,
        tr("kube-reserved and eviction threshold. Default: AKS 1.29+: memory min(20 MiB x max pods + 50 MiB, "
           "25 %), eviction 100 MiB, CPU 60m-740m by cores (density.md, Kubernetes nodes)."),
        [reserved](const Scenario &s) { setCombo(reserved, s.node.reserved); },
        [reserved](Scenario &s) { s.node.reserved = comboValue<Scenario::ReservedModel>(reserved); });
    auto *headroom = doubleBox(0, 90, 0, tr(" %"), this);
    addRow(
        QStringLiteral("node.headroomPct"), tr("&Headroom"), headroom,
        tr("Capacity kept free on every node. Default: %1 %.").arg(d.node.headroomPct),
        [headroom](const Scenario &s) { headroom->setValue(s.node.headroomPct); },
        [headroom](Scenario &s) { s.node.headroomPct = headroom->value(); });
    auto *nodeSpare = new QCheckBox(tr("One spare node per pool"), this);
    addRow(
        QStringLiteral("node.nPlusOne"), tr("N+1 nodes"), nodeSpare,
        tr("Default: on. A pool survives the loss of a node."),
        [nodeSpare](const Scenario &s) { nodeSpare->setChecked(s.node.nPlusOne); },
        [nodeSpare](Scenario &s) { s.node.nPlusOne = nodeSpare->isChecked(); });
    auto *systemPool = intBox(0, 100, tr(" nodes"), this);
    addRow(
        QStringLiteral("node.linuxSystemPoolNodes"), tr("Linux &system pool"), systemPool,
        tr("Default: %1: AKS needs a Linux system pool of at least 2 nodes beside Windows pools.")
            .arg(d.node.linuxSystemPoolNodes),
        [systemPool](const Scenario &s) { systemPool->setValue(s.node.linuxSystemPoolNodes); },
        [systemPool](Scenario &s) { s.node.linuxSystemPoolNodes = systemPool->value(); });
    m_nodeSizes = new QLineEdit(this);
    m_nodeSizes->setMinimumWidth(220);
    m_nodeSizes->setPlaceholderText(tr("4x16, 8x32, 16x64"));
    addRow(
        QStringLiteral("nodeSizes"), tr("Node si&zes swept"), m_nodeSizes,
        tr("vCPU x GiB, comma separated: the sizes of the node-size sweep. Default: %1.")
            .arg(nodeSizesText(d.nodeSizes)),
        [this](const Scenario &s) { m_nodeSizes->setText(nodeSizesText(s.nodeSizes)); },
        [this](Scenario &s) {
            if (const auto sizes = parseNodeSizes(m_nodeSizes->text()))
                s.nodeSizes = *sizes;
        });
    connect(m_nodeSizes, &QLineEdit::editingFinished, this, [this]() {
        if (!m_loading)
            Q_EMIT edited();
    });

    addSection(tr("VM hosts (the comparison)"));
    auto *cores = intBox(1, 1024, tr(" cores"), this);
    addRow(
        QStringLiteral("host.cores"), tr("Host c&ores"), cores,
        tr("Physical cores of one hypervisor host. Default: %1.").arg(d.host.cores),
        [cores](const Scenario &s) { cores->setValue(s.host.cores); },
        [cores](Scenario &s) { s.host.cores = cores->value(); });
    auto *sockets = intBox(1, 16, tr(" sockets"), this);
    addRow(
        QStringLiteral("host.sockets"), tr("Host soc&kets"), sockets,
        tr("Processors per host: licences count at least 8 cores per processor. Default: %1.").arg(d.host.sockets),
        [sockets](const Scenario &s) { sockets->setValue(s.host.sockets); },
        [sockets](Scenario &s) { s.host.sockets = sockets->value(); });
    auto *hostMemory = doubleBox(1, 65536, 0, tr(" GiB"), this);
    addRow(
        QStringLiteral("host.memoryGiB"), tr("Host memor&y"), hostMemory, tr("Default: %1 GiB.").arg(d.host.memoryGiB),
        [hostMemory](const Scenario &s) { hostMemory->setValue(s.host.memoryGiB); },
        [hostMemory](Scenario &s) { s.host.memoryGiB = hostMemory->value(); });
    auto *overcommit = doubleBox(0.1, 32, 1, tr(" vCPU per vCPU"), this);
    addRow(
        QStringLiteral("cpuOvercommit"), tr("CPU o&vercommit"), overcommit,
        tr("Both sides: vCPU of demand per hardware thread of hosts and nodes; a container's CPU request is its "
           "demand divided by this. Default: %1:1, Azure VMware Solution's 4 vCPU per hyper-threaded core.")
            .arg(d.cpuOvercommit),
        [overcommit](const Scenario &s) { overcommit->setValue(s.cpuOvercommit); },
        [overcommit](Scenario &s) { s.cpuOvercommit = overcommit->value(); });
    auto *reserve = doubleBox(0, 1024, 0, tr(" GiB"), this);
    addRow(
        QStringLiteral("host.reserveGiB"), tr("Host reser&ve"), reserve,
        tr("Memory the hypervisor keeps for itself. Default: %1 GiB.").arg(d.host.reserveGiB),
        [reserve](const Scenario &s) { reserve->setValue(s.host.reserveGiB); },
        [reserve](Scenario &s) { s.host.reserveGiB = reserve->value(); });
    auto *hypervisor = comboBox<Scenario::HypervisorOverhead>({{Scenario::HypervisorOverhead::Kvm, tr("KVM")},
                                                               {Scenario::HypervisorOverhead::Vmware, tr("VMware")},
                                                               {Scenario::HypervisorOverhead::None, tr("None")}},
                                                              this);
    addRow(
        QStringLiteral("host.hypervisorOverhead"), tr("Hypervisor overhead"), hypervisor,
        tr("Memory per VM. Default: KVM: 0.2 % of memory + 218 MiB + 8 MiB per vCPU; VMware's table is similar "
           "(density.md, VM hosts)."),
        [hypervisor](const Scenario &s) { setCombo(hypervisor, s.host.hypervisorOverhead); },
        [hypervisor](Scenario &s) {
            s.host.hypervisorOverhead = comboValue<Scenario::HypervisorOverhead>(hypervisor);
        });
    auto *hostSpare = new QCheckBox(tr("One spare host"), this);
    addRow(
        QStringLiteral("host.nPlusOne"), tr("N+1 hosts"), hostSpare,
        tr("Default: on. Off: hosts are filled to the ceiling below instead."),
        [hostSpare](const Scenario &s) { hostSpare->setChecked(s.host.nPlusOne); },
        [hostSpare](Scenario &s) { s.host.nPlusOne = hostSpare->isChecked(); });
    auto *ceiling = doubleBox(1, 100, 0, tr(" %"), this);
    addRow(
        QStringLiteral("host.ceilingPct"), tr("Host ceilin&g"), ceiling,
        tr("The usable share of each host, with N+1 or without. Default: %1 %.").arg(d.host.ceilingPct),
        [ceiling](const Scenario &s) { ceiling->setValue(s.host.ceilingPct); },
        [ceiling](Scenario &s) { s.host.ceilingPct = ceiling->value(); });

    addSection(tr("Overheads"));
    auto *baseline = new QCheckBox(tr("Subtract the guest OS baseline"), this);
    addRow(
        QStringLiteral("overheads.guestOsBaseline"), tr("Guest OS"), baseline,
        tr("Default: on. A container does not carry the guest OS: 2 GiB / 15 GiB for Windows Desktop Experience, "
           "1 GiB / 10 GiB for Server Core, 0.5 GiB / 4 GiB for Linux (density.md)."),
        [baseline](const Scenario &s) { baseline->setChecked(s.overheads.guestOsBaseline); },
        [baseline](Scenario &s) { s.overheads.guestOsBaseline = baseline->isChecked(); });
    auto *containerOverhead = new QCheckBox(tr("Add the container's own overhead"), this);
    addRow(
        QStringLiteral("overheads.containerOverhead"), tr("Container"), containerOverhead,
        tr("Default: on. 40-50 MiB per process-isolated Windows container, 130-360 MiB Hyper-V isolated, "
           "10 MiB runc, 120 MiB + 0.25 vCPU Kata (Microsoft's container requirements; density.md)."),
        [containerOverhead](const Scenario &s) { containerOverhead->setChecked(s.overheads.containerOverhead); },
        [containerOverhead](Scenario &s) { s.overheads.containerOverhead = containerOverhead->isChecked(); });
    auto *memoryFloor = doubleBox(0, 65536, 0, tr(" MiB"), this);
    addRow(
        QStringLiteral("overheads.memoryFloorMiB"), tr("Memory &floor"), memoryFloor,
        tr("A container never asks for less memory. Default: %1 MiB.").arg(d.overheads.memoryFloorMiB),
        [memoryFloor](const Scenario &s) { memoryFloor->setValue(s.overheads.memoryFloorMiB); },
        [memoryFloor](Scenario &s) { s.overheads.memoryFloorMiB = memoryFloor->value(); });
    auto *layerFloor = doubleBox(0, 1024, 1, tr(" GiB"), this);
    addRow(
        QStringLiteral("overheads.writableLayerFloorGiB"), tr("Writable layer f&loor"), layerFloor,
        tr("Nor for less writable disk. Default: %1 GiB.").arg(d.overheads.writableLayerFloorGiB),
        [layerFloor](const Scenario &s) { layerFloor->setValue(s.overheads.writableLayerFloorGiB); },
        [layerFloor](Scenario &s) { s.overheads.writableLayerFloorGiB = layerFloor->value(); });

    addSection(tr("Packing"));
    auto *effort = doubleBox(0, 60000, 0, tr(" ms"), this);
    addRow(
        QStringLiteral("packing.effortMs"), tr("Search &effort"), effort,
        tr("Local search budget after the heuristics, in deterministic work units. Default: %1 ms.")
            .arg(d.packing.effortMs),
        [effort](const Scenario &s) { effort->setValue(s.packing.effortMs); },
        [effort](Scenario &s) { s.packing.effortMs = effort->value(); });
    auto *exact = intBox(0, 200, tr(" workloads"), this);
    addRow(
        QStringLiteral("packing.exactMaxItems"), tr("E&xact search up to"), exact,
        tr("Pools this small are packed by exact search. Default: %1.").arg(d.packing.exactMaxItems),
        [exact](const Scenario &s) { exact->setValue(s.packing.exactMaxItems); },
        [exact](Scenario &s) { s.packing.exactMaxItems = exact->value(); });

    // Every editor reports a user change once; setScenario() is quiet.
    for (const Field &field : std::as_const(m_fields)) {
        const auto notify = [this]() {
            if (!m_loading)
                Q_EMIT edited();
        };
        if (auto *decimal = qobject_cast<QDoubleSpinBox *>(field.editor))
            connect(decimal, &QDoubleSpinBox::valueChanged, this, notify);
        else if (auto *whole = qobject_cast<QSpinBox *>(field.editor))
            connect(whole, &QSpinBox::valueChanged, this, notify);
        else if (auto *choice = qobject_cast<QComboBox *>(field.editor))
            connect(choice, &QComboBox::currentIndexChanged, this, notify);
        else if (auto *check = qobject_cast<QCheckBox *>(field.editor))
            connect(check, &QCheckBox::toggled, this, notify);
    }
    setScenario(Scenario());
}

void ScenarioForm::addSection(const QString &title)
{
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), this);
    label->setContentsMargins(0, m_layout->rowCount() > 0 ? 10 : 0, 0, 2);
    m_layout->addRow(label);
}

void ScenarioForm::addRow(const QString &key, const QString &label, QWidget *editor, const QString &tip,
                          std::function<void(const Scenario &)> load, std::function<void(Scenario &)> store)
{
    editor->setObjectName(key);
    editor->setToolTip(tip);
    editor->setWhatsThis(tip);
    editor->setAccessibleName(QString(label).remove(u'&'));
    editor->setAccessibleDescription(tip);
    auto *labelWidget = new QLabel(label + u':', this);
    labelWidget->setBuddy(editor);
    labelWidget->setToolTip(tip);
    m_layout->addRow(labelWidget, editor);
    m_fields.append({key, editor, std::move(load), std::move(store)});
}

void ScenarioForm::setScenario(const Scenario &scenario)
{
    m_loading = true;
    m_base = scenario;
    for (const Field &field : std::as_const(m_fields))
        field.load(scenario);
    m_loading = false;
}

Scenario ScenarioForm::scenario() const
{
    Scenario scenario = m_base;
    for (const Field &field : m_fields)
        field.store(scenario);
    return scenario;
}

QWidget *ScenarioForm::editor(const QString &key) const
{
    for (const Field &field : m_fields) {
        if (field.key == key)
            return field.editor;
    }
    return nullptr;
}

} // namespace landfall
