#pragma once

#include "testtimeout.h"
#include <QProcess>
#include <QString>
#include <QStringList>

namespace landfall::test {

/** What one run of landfall-cli gave: its exit status (-1 when it crashed) and its output. */
struct Run {
    int status = -1;
    QString out;
    QString err;
};

/** Runs the landfall-cli that CTest names in LANDFALL_CLI, as a script would, and waits for it. */
inline Run cli(const QStringList &arguments)
{
    QProcess process;
    process.start(qEnvironmentVariable("LANDFALL_CLI"), arguments);
    process.waitForFinished(landfall::test::scaledTimeout(120000));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace landfall::test
