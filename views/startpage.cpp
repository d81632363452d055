#include "startpage.h"

#include "recentfiles.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace landfall {

StartPage::StartPage(RecentFiles *recent, QAction *newAction, QAction *openAction, QAction *importAction,
                     QAction *demoAction, QWidget *parent)
    : QWidget(parent)
    , m_recent(recent)
    , m_recentList(new QListWidget(this))
{
    setObjectName(QStringLiteral("startPage"));
    auto *title = new QLabel(tr("Landfall"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.2);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("Plan the move of a customer's servers to the cloud: import their VM inventory, "
                                "answer the workshop questions, and compare what the move costs and saves."),
                             this);
    intro->setWordWrap(true);

    auto *actions = new QVBoxLayout;
    actions->addWidget(button(newAction, QStringLiteral("startNew")));
    actions->addWidget(button(openAction, QStringLiteral("startOpen")));
    actions->addWidget(button(importAction, QStringLiteral("startImport")));
    actions->addWidget(button(demoAction, QStringLiteral("startDemo")));
    actions->addStretch(1);

    auto *recentTitle = new QLabel(tr("&Recent projects"), this);
    recentTitle->setBuddy(m_recentList);
    m_recentList->setObjectName(QStringLiteral("recentProjects"));
    m_recentList->setAccessibleName(tr("Recent projects"));
    m_recentList->setAlternatingRowColors(true);
    connect(m_recentList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString path = item->data(Qt::UserRole).toString();
        if (!path.isEmpty())
            Q_EMIT recentChosen(path);
    });
    auto *recentColumn = new QVBoxLayout;
    recentColumn->addWidget(recentTitle);
    recentColumn->addWidget(m_recentList, 1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(actions, 1);
    columns->addSpacing(24);
    columns->addLayout(recentColumn, 2);

    auto *inner = new QWidget(this);
    inner->setMaximumWidth(960);
    auto *innerLayout = new QVBoxLayout(inner);
    innerLayout->addWidget(title);
    innerLayout->addWidget(intro);
    innerLayout->addSpacing(16);
    innerLayout->addLayout(columns, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->addStretch(1);
    layout->addWidget(inner, 6);
    layout->addStretch(1);

    connect(m_recent, &RecentFiles::changed, this, &StartPage::rebuildRecent);
    rebuildRecent();
}

QPushButton *StartPage::button(QAction *action, const QString &objectName)
{
    auto *button = new QPushButton(action->icon(), action->text().remove(QLatin1String("...")).remove(u'&'), this);
    button->setObjectName(objectName);
    button->setToolTip(action->statusTip());
    button->setMinimumHeight(button->sizeHint().height() * 3 / 2);
    button->setEnabled(action->isEnabled());
    connect(action, &QAction::changed, button, [button, action]() { button->setEnabled(action->isEnabled()); });
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    return button;
}

void StartPage::rebuildRecent()
{
    m_recentList->clear();
    for (const QString &path : m_recent->files()) {
        // The name first, the folder after it: the names are what a consultant recognises.
        auto *item = new QListWidgetItem(
            tr("%1  —  %2").arg(QFileInfo(path).fileName(), QDir::toNativeSeparators(QFileInfo(path).absolutePath())),
            m_recentList);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
    }
    if (m_recentList->count() == 0) {
        auto *none =
            new QListWidgetItem(tr("No recent projects: create one, or open the demo to look around."), m_recentList);
        none->setFlags(Qt::NoItemFlags);
    }
}

} // namespace landfall
