#pragma once

#include <QStyledItemDelegate>

namespace landfall {

/** Draws the scenario list's names with a star and "(recommended)" beside the scenario the
    report recommends; the model keeps the plain name (the comparison and renames read it). */
class RecommendedScenarioDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setRecommended(const QString &name) { m_recommended = name; }
    /** The text the list shows for a scenario named `name`. */
    QString label(const QString &name) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    QString m_recommended;
};

} // namespace landfall
