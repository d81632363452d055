#pragma once

#include <QtGlobal>

namespace landfall::fuzz {

/** Silences Qt's warnings, which would otherwise flood the fuzzer's log with every bad input. */
inline void silenceQtMessages()
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
}

} // namespace landfall::fuzz
