#pragma once

#include <QDate>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace landfall {

/** What the consultant chooses for a report: who it is for, which scenarios it compares, what
    the appendix carries, the notes per section and the consultant's own colours and logo. */
struct ReportOptions {
    /** What follows the body: nothing, the VMs that need a decision, or every VM. */
    enum class Appendix { None, Exceptions, Full };

    QString customer;
    QString consultant;
    QDate date = QDate::currentDate();
    QStringList scenarios; ///< empty: every scenario of the project, or "default" when it has none
    QString logoPath;      ///< an image for the cover and the running header; empty for none
    QString annexFile;     ///< the annex workbook's file name (no folder), printed in the report; empty for none
    Appendix appendix = Appendix::Exceptions;
    /** Section key ("summary", "estate", "plan", "density", "business", "waves", "risks",
        "exceptions", "next", "method") -> the consultant's note, printed at the section's start.
        Merged over the notes kept in the project. */
    QMap<QString, QString> notes;
    QString primaryColour; ///< "#1F3A5F": headings, table headers; empty: the house colour
    QString accentColour;  ///< "#2E8B7E": rules, highlights; empty: the house colour
    int years = 3;         ///< the total cost of ownership's horizon

    /** "none", "exceptions", "full"; nullopt for anything else. */
    static std::optional<Appendix> appendixFromKey(const QString &key)
    {
        if (key == QLatin1String("none"))
            return Appendix::None;
        if (key == QLatin1String("exceptions"))
            return Appendix::Exceptions;
        if (key == QLatin1String("full"))
            return Appendix::Full;
        return std::nullopt;
    }
    /** The section keys a note may name, in the report's order. */
    static QStringList noteSections()
    {
        return {QStringLiteral("summary"), QStringLiteral("estate"),     QStringLiteral("plan"),
                QStringLiteral("density"), QStringLiteral("business"),   QStringLiteral("waves"),
                QStringLiteral("risks"),   QStringLiteral("exceptions"), QStringLiteral("next"),
                QStringLiteral("method")};
    }
};

} // namespace landfall
