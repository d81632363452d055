#include "waveplanmodel.h"

#include "waveplanner.h"

#include "store/projectstore.h"

#include <QJsonDocument>

namespace landfall {

const QString WavePlanModel::kParametersKey = QStringLiteral("waves/parameters");

WavePlanModel::WavePlanModel(QObject *parent)
    : QObject(parent)
{}

void WavePlanModel::setStore(ProjectStore *store)
{
    m_store = store;
    reload();
}

void WavePlanModel::reload()
{
    m_input = {};
    m_dependencies.clear();
    m_pins.clear();
    m_parameters = {};
    if (m_store) {
        m_dependencies = m_store->dependencies();
        m_input = WaveInput::fromProject(*m_store);
        m_pins = m_store->wavePins();
        const QString saved = m_store->setting(kParametersKey);
        if (!saved.isEmpty()) {
            auto read = WaveParameters::fromJson(QJsonDocument::fromJson(saved.toUtf8()).object());
            if (read)
                m_parameters = read.value();
        }
    }
    replan();
}

void WavePlanModel::replan()
{
    m_plan = WavePlanner::plan(m_input, m_parameters, m_pins);
    Q_EMIT planChanged();
}

bool WavePlanModel::setPin(const QString &group, int wave)
{
    if (!m_store)
        return false;
    if (const auto error = m_store->setWavePin(group, wave)) {
        Q_EMIT writeFailed(error->message);
        return false;
    }
    if (wave > 0)
        m_pins.insert(group, wave);
    else
        m_pins.remove(group);
    replan();
    return true;
}

bool WavePlanModel::setMoveGroups(const QList<std::pair<qint64, QString>> &values)
{
    if (!m_store)
        return false;
    if (const auto error = m_store->setMoveGroups(values)) {
        Q_EMIT writeFailed(error->message);
        return false;
    }
    m_input = WaveInput::fromProject(*m_store);
    replan();
    return true;
}

QList<std::pair<qint64, QString>> WavePlanModel::moveGroupsOf(const QList<qint64> &vmIds) const
{
    QList<std::pair<qint64, QString>> result;
    const QHash<qint64, QString> set = m_store ? m_store->moveGroups() : QHash<qint64, QString>();
    for (const qint64 id : vmIds)
        result.append({id, set.contains(id) ? set.value(id) : QString()});
    return result;
}

bool WavePlanModel::setParameters(const WaveParameters &parameters)
{
    if (!m_store)
        return false;
    const QString json = QString::fromUtf8(QJsonDocument(parameters.toJson()).toJson(QJsonDocument::Compact));
    if (const auto error = m_store->setSetting(kParametersKey, json)) {
        Q_EMIT writeFailed(error->message);
        return false;
    }
    m_parameters = parameters;
    replan();
    return true;
}

} // namespace landfall
