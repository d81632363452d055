#pragma once

#include <QChartView>

#include <functional>

class QAbstractItemModel;
class QImage;
class QLabel;
class QTimer;

namespace landfall {

/** A chart on screen that follows its item model: the chart factories (shared with the report)
    lay a chart out once, from the model as it is, so this view builds a fresh one whenever the
    model changes, at most once per event loop turn. It also scales the chart for workshop mode
    exports it to PNG and SVG and copies it to the clipboard. */
class LiveChartView : public QChartView {
    Q_OBJECT
public:
    using Factory = std::function<QChart *()>;

    LiveChartView(QAbstractItemModel *model, Factory factory, const QString &title, QWidget *parent = nullptr);

    /** What to say instead of the chart while it has nothing to show ("" when it has): an empty
        chart's axes ("0 0 0 1 1 1") tell the user nothing; this tells them what to do. */
    using EmptyState = std::function<QString()>;
    void setEmptyState(EmptyState emptyState);
    /** The text shown instead of the chart, or "" when the chart is shown. */
    QString emptyText() const;

    /** Fonts grow by `scale` (1 on a desk, larger for a projector). */
    void setFontScale(double scale);
    /** Builds the chart again now, instead of on the next event loop turn. */
    void rebuild();
    QString title() const { return m_title; }

    /** Writes the chart as a PNG or an SVG (by the suffix), at a size a slide takes. */
    bool exportTo(const QString &path) const;
    /** The chart as a picture at the export size, twice the pixels (sharp on a slide). */
    QImage toImage() const;
    /** Puts toImage() on the clipboard, for pasting into a slide; the right-click menu's
        "Copy Chart" and Edit > Copy Chart. */
    void copyToClipboard() const;

Q_SIGNALS:
    void rebuilt();

private:
    QChart *build() const;
    static void scaleFonts(QChart *chart, double scale);
    static void fitCategoryLabels(QChart *chart, const QSize &size);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    Factory m_factory;
    EmptyState m_emptyState;
    QLabel *m_emptyLabel;
    QString m_title;
    QTimer *m_rebuildTimer;
    double m_scale = 1.0;
};

} // namespace landfall
