#pragma once

// What the report body tests read back from a PDF: its pages as text (poppler's pdftotext),
// the page where the appendix starts, the scenario keys that must never show, and whether an
// identifier reads whole or broken only where the layout may break it (after / : -).
#include "reportfixture.h"

#include "density/scenario.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace reporttest {

inline QString pdfText(const QString &pdf, const QStringList &extra = {})
{
    const Run r = run(QStringLiteral("pdftotext"), extra + QStringList{pdf, QStringLiteral("-")});
    return r.status == 0 ? r.out : QString();
}

/** Each page's text, in order (pdftotext ends every page with a form feed). */
inline QStringList pageTexts(const QString &pdf)
{
    QStringList pages = pdfText(pdf).split(u'\f');
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

/** Pages before the appendix (cover and contents included): what the 25-page limit counts. */
inline int bodyPages(const QStringList &pages)
{
    for (int i = 2; i < pages.size(); ++i) {
        if (pages.at(i).contains(QLatin1String("Appendix: the exceptions, VM by VM")) ||
            pages.at(i).contains(QLatin1String("Appendix: every VM and its decision")))
            return i;
    }
    return int(pages.size());
}

inline void flattenKeys(const QJsonObject &object, const QString &prefix, QStringList &out)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        if (it.value().isObject())
            flattenKeys(it.value().toObject(), key, out);
        else
            out.append(key);
    }
}

/** Every `a.b` key of a scenario's JSON, with every default filled in. */
inline QStringList scenarioKeys(const QByteArray &json)
{
    const auto scenario = landfall::Scenario::fromJson(QJsonDocument::fromJson(json).object());
    QStringList keys;
    if (scenario)
        flattenKeys(scenario.value().toJson(), QString(), keys);
    keys.removeIf([](const QString &key) { return !key.contains(u'.'); });
    return keys;
}

/** A pattern that matches `identifier` whole, or wrapped only after a '/', ':' or '-' (or at a space). */
inline QRegularExpression wholeOrFairlyWrapped(const QString &identifier)
{
    QString pattern;
    for (qsizetype i = 0; i < identifier.size(); ++i) {
        const QChar c = identifier.at(i);
        if (c == u' ') {
            pattern += QStringLiteral("\\s+");
            continue;
        }
        pattern += QRegularExpression::escape(QString(c));
        if ((c == u'/' || c == u':' || c == u'-') && i + 1 < identifier.size())
            pattern += QStringLiteral("\\s*");
    }
    return QRegularExpression(pattern);
}

/** Every place in `raw` where an identifier's first piece stands must start one of the
    identifiers, whole or wrapped only after / : -; returns the places that do not (as the text
    found there), and counts the places checked in `checked`. */
inline QStringList splitIdentifiers(const QString &raw, const QStringList &identifiers, int &checked)
{
    QHash<QString, QList<QRegularExpression>> byFirstPiece;
    for (const QString &identifier : identifiers) {
        qsizetype end = 0;
        while (end < identifier.size() && !QStringView(u"/:- ").contains(identifier.at(end)))
            ++end;
        if (end < identifier.size() && identifier.at(end) != u' ')
            ++end;
        if (end < 3)
            continue; // too short to find without false alarms
        byFirstPiece[identifier.left(end)].append(wholeOrFairlyWrapped(identifier));
    }
    QStringList broken;
    checked = 0;
    for (auto it = byFirstPiece.cbegin(); it != byFirstPiece.cend(); ++it) {
        for (qsizetype at = raw.indexOf(it.key()); at >= 0; at = raw.indexOf(it.key(), at + 1)) {
            if (at > 0 && (raw.at(at - 1).isLetterOrNumber() || raw.at(at - 1) == u'-'))
                continue; // inside a longer word
            ++checked;
            bool whole = false;
            for (const QRegularExpression &pattern : it.value()) {
                if (pattern
                        .match(raw, at, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption)
                        .hasMatch()) {
                    whole = true;
                    break;
                }
            }
            if (!whole)
                broken.append(raw.mid(at, 60));
        }
    }
    return broken;
}

/** The words of a page's text, line breaks as spaces. */
inline QString flow(const QString &text)
{
    return QString(text).replace(u'\n', u' ').replace(u'\f', u' ');
}

} // namespace reporttest
