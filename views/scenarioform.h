#pragma once

#include "density/scenario.h"

#include <QWidget>

#include <functional>

class QFormLayout;
class QLineEdit;

namespace landfall {

/** A form with every parameter of a density scenario, with its unit and a tooltip giving the
    default and where it comes from (density.md), so a consultant can defend each number. */
class ScenarioForm : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioForm(QWidget *parent = nullptr);

    void setScenario(const Scenario &scenario);
    /** The scenario as the form shows it. */
    Scenario scenario() const;
    /** The editor of a parameter by its JSON-like key ("node.vcpu"), for tests and automation. */
    QWidget *editor(const QString &key) const;

Q_SIGNALS:
    /** The user changed a parameter (not emitted by setScenario()). */
    void edited();

private:
    struct Field {
        QString key;
        QWidget *editor;
        std::function<void(const Scenario &)> load;
        std::function<void(Scenario &)> store;
    };
    void addSection(const QString &title);
    void addRow(const QString &key, const QString &label, QWidget *editor, const QString &tip,
                std::function<void(const Scenario &)> load, std::function<void(Scenario &)> store);

    QFormLayout *m_layout;
    QList<Field> m_fields;
    QLineEdit *m_nodeSizes = nullptr;
    Scenario m_base; ///< what the form does not edit (none today) is kept from here
    bool m_loading = false;
};

} // namespace landfall
