#pragma once

#include "store/projectstore.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>

namespace landfall::cli {

/** landfall-cli's exit statuses: a public interface that scripts rely on. */
enum ExitCode : int {
    kSuccess = 0,
    kInputRejected = 1,   ///< a file or value was refused; the messages are on stderr
    kUsageError = 2,      ///< the command line itself is wrong
    kProjectUnusable = 3, ///< the project file is foreign, newer, unreadable or busy
};

/** The streams a command writes to; tests give their own. */
struct Console {
    QTextStream &out;
    QTextStream &err;
};

/** The arguments of one command, parsed against its options, with usage errors reported. */
class CommandArguments {
public:
    CommandArguments(QString command, QString synopsis);

    CommandArguments &option(const QStringList &names, const QString &description, const QString &valueName = {});
    /** Parses `arguments`; false (with a message) when they do not fit, or the positionals are
        fewer than `minPositional` or more than `maxPositional` (-1: any). */
    bool parse(const QStringList &arguments, int minPositional, int maxPositional, Console &console);

    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList values(const QString &name) const { return m_parser.values(name); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    QString synopsis() const { return m_synopsis; }

private:
    QString m_command;
    QString m_synopsis;
    QCommandLineParser m_parser;
};

/** One command of landfall-cli. `run` gets the arguments after the command's name. */
struct Command {
    QString name;
    QString synopsis;
    QString summary;
    std::function<int(const QStringList &arguments, Console &console)> run;
};

/** The commands landfall-cli knows; each part of the product registers its own. */
class CommandRegistry {
public:
    void add(Command command) { m_commands.append(std::move(command)); }
    const Command *find(const QString &name) const;
    const QList<Command> &commands() const { return m_commands; }

private:
    QList<Command> m_commands;
};

/** Opens a project for a command, printing why it cannot be used; nullptr then (exit 3). */
std::unique_ptr<ProjectStore> openProject(const QString &path, ProjectStore::OpenMode mode, Console &console);

/** Why `file` cannot be an output (its folder is missing or not writable), or nothing: a bad
    destination is the caller's input (exit 1); a write that fails once begun is exit 3. */
std::optional<QString> unusableDestination(const QString &file);

/** Runs landfall-cli with `arguments` (without the program name); returns the exit status. */
int runCli(const QStringList &arguments, Console &console);

} // namespace landfall::cli
