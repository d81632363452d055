#pragma once

#include <QWidget>

class QLabel;

namespace landfall {

class ProjectStore;

/** The project's headline numbers at a glance, in a dock beside the views: what the customer
    asks first (how many VMs, how big, which operating systems). */
class ProjectSummaryPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProjectSummaryPanel(QWidget *parent = nullptr);

    /** Reads the numbers from `store` again; null shows an empty panel. */
    void refresh(const ProjectStore *store);

private:
    QLabel *m_figures;
};

} // namespace landfall
