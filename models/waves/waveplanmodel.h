#pragma once

#include "waveplan.h"

#include <QHash>
#include <QObject>

namespace landfall {

class ProjectStore;

/** The wave plan of an open project, for the GUI: it reads the inputs from the store, plans, and
    is the one place the Waves view's edits go through (pins, explicit move groups, parameters).
    Each mutator writes the project and re-plans; undo commands call the same mutators. */
class WavePlanModel : public QObject {
    Q_OBJECT
public:
    static const QString kParametersKey; ///< the project setting that holds the parameters, as JSON

    explicit WavePlanModel(QObject *parent = nullptr);

    void setStore(ProjectStore *store);
    ProjectStore *store() const { return m_store; }
    /** Reads the VMs, decisions and dependencies again (after a classification or an import). */
    void reload();

    const WaveInput &input() const { return m_input; }
    const WavePlan &plan() const { return m_plan; }
    const QList<Dependency> &dependencies() const { return m_dependencies; }
    const WaveParameters &parameters() const { return m_parameters; }
    QHash<QString, int> pins() const { return m_pins; }

    /** Pins a group to a wave (0 unpins) and re-plans; false when the write failed. */
    bool setPin(const QString &group, int wave);
    /** Sets the explicit move group of VMs (a null name removes it) and re-plans. */
    bool setMoveGroups(const QList<std::pair<qint64, QString>> &values);
    /** The explicit move group set in the project for each of these VMs; null where none is set. */
    QList<std::pair<qint64, QString>> moveGroupsOf(const QList<qint64> &vmIds) const;
    bool setParameters(const WaveParameters &parameters);

Q_SIGNALS:
    void planChanged();
    void writeFailed(const QString &message);

private:
    void replan();

    ProjectStore *m_store = nullptr;
    WaveInput m_input;
    QList<Dependency> m_dependencies;
    WaveParameters m_parameters;
    QHash<QString, int> m_pins;
    WavePlan m_plan;
};

} // namespace landfall
