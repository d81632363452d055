#pragma once

#include "domain/result.h"

#include <QFile>
#include <QString>

namespace landfall {

/** Loads a reference table compiled into the binaries (the image catalogue, the OS lifecycle):
    the tests load the same file, so a missing or invalid one is a build defect, not a user's
    error, and stops the program with the file's problem. */
template <typename Table> Table loadShippedData(const QString &resource, const QString &source, const char *what)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("%s is missing from the resources", what);
    Result<Table, QString> parsed = Table::parse(file.readAll(), source);
    if (!parsed)
        qFatal("%s is invalid: %s", what, qPrintable(parsed.error()));
    return parsed.value();
}

} // namespace landfall
