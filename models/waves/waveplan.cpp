#include "waveplan.h"

#include <QJsonArray>
#include <QMap>

#include <cmath>

namespace landfall {

QString MoveGroup::reasonKey(Reason reason)
{
    switch (reason) {
    case Reason::MoveGroup:
        return QStringLiteral("moveGroup");
    case Reason::Application:
        return QStringLiteral("application");
    case Reason::Dependencies:
        return QStringLiteral("dependencies");
    case Reason::StrongLinks:
        return QStringLiteral("strongLinks");
    case Reason::Alone:
        break;
    }
    return QStringLiteral("alone");
}

int WavePlan::groupIndex(const QString &name) const
{
    for (size_t i = 0; i < groups.size(); ++i) {
        if (groups[i].name == name)
            return int(i);
    }
    return -1;
}

namespace {

double rounded(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

} // namespace

QJsonObject WavePlan::toJson(const WaveInput &input) const
{
    QJsonArray groupArray;
    for (const MoveGroup &group : groups) {
        QJsonArray names;
        QMap<QString, int> paths;
        for (const int member : group.members) {
            names.append(input.vms[size_t(member)].name);
            ++paths[migrationPathKey(input.vms[size_t(member)].path)];
        }
        QJsonObject pathCounts;
        for (auto it = paths.cbegin(); it != paths.cend(); ++it)
            pathCounts.insert(it.key(), it.value());
        QJsonObject json{{QStringLiteral("name"), group.name},
                         {QStringLiteral("reason"), MoveGroup::reasonKey(group.reason)},
                         {QStringLiteral("reasonText"), group.reasonText},
                         {QStringLiteral("vms"), names},
                         {QStringLiteral("paths"), pathCounts},
                         {QStringLiteral("tib"), rounded(group.tib)},
                         {QStringLiteral("pinned"), group.pinned},
                         {QStringLiteral("oversized"), group.oversized}};
        json.insert(QStringLiteral("wave"), group.wave > 0 ? QJsonValue(group.wave) : QJsonValue());
        groupArray.append(json);
    }
    QJsonArray waveArray;
    for (const Wave &wave : waves) {
        QJsonArray names;
        for (const int group : wave.groups)
            names.append(groups[size_t(group)].name);
        waveArray.append(QJsonObject{{QStringLiteral("number"), wave.number},
                                     {QStringLiteral("start"), wave.start.toString(Qt::ISODate)},
                                     {QStringLiteral("end"), wave.end.toString(Qt::ISODate)},
                                     {QStringLiteral("groups"), names},
                                     {QStringLiteral("vms"), wave.vms},
                                     {QStringLiteral("tib"), rounded(wave.tib)},
                                     {QStringLiteral("overLimit"), wave.overLimit}});
    }
    QJsonArray crossArray;
    for (const CrossWaveLink &cross : crossWave) {
        const VmLink &link = input.links[size_t(cross.link)];
        crossArray.append(QJsonObject{{QStringLiteral("from"), input.vms[size_t(link.source)].name},
                                      {QStringLiteral("to"), input.vms[size_t(link.target)].name},
                                      {QStringLiteral("port"), link.port},
                                      {QStringLiteral("fromGroup"), groups[size_t(cross.fromGroup)].name},
                                      {QStringLiteral("toGroup"), groups[size_t(cross.toGroup)].name},
                                      {QStringLiteral("fromWave"), cross.fromWave},
                                      {QStringLiteral("toWave"), cross.toWave},
                                      {QStringLiteral("breaksOrder"), cross.breaksOrder()}});
    }
    return QJsonObject{{QStringLiteral("groups"), groupArray},
                       {QStringLiteral("waves"), waveArray},
                       {QStringLiteral("crossWaveDependencies"), crossArray},
                       {QStringLiteral("retainedVms"), retainedVms},
                       {QStringLiteral("issues"), QJsonArray::fromStringList(issues)},
                       {QStringLiteral("parameters"), parameters.toJson()}};
}

} // namespace landfall
