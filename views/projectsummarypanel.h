#pragma once

#include <QWidget>

class QLabel;

namespace landfall {

class ProjectStore;
struct ProjectSummary;

/** The project's headline numbers at a glance, in a dock beside the views: what the customer
    asks first (how many VMs, how big, which operating systems). */
class ProjectSummaryPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProjectSummaryPanel(QWidget *parent = nullptr);

    /** Reads the numbers from `store` again, on the thread pool (their SQL reads every VM, and
        must not hold up the inventory's first paint); null shows an empty panel. */
    void refresh(const ProjectStore *store);
    /** True while the numbers are being read. */
    bool isRefreshing() const { return m_refreshing; }

Q_SIGNALS:
    void refreshed();

private:
    void showFigures(const ProjectSummary &summary);

    QLabel *m_figures;
    quint64 m_generation = 0; ///< only the newest refresh lands
    bool m_refreshing = false;
};

} // namespace landfall
