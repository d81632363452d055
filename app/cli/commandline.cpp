#include "commandline.h"

#include <QFileInfo>

#include "clicommands.h"

namespace landfall::cli {

CommandArguments::CommandArguments(QString command, QString synopsis)
    : m_command(std::move(command))
    , m_synopsis(std::move(synopsis))
{
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
}

CommandArguments &CommandArguments::option(const QStringList &names, const QString &description,
                                           const QString &valueName)
{
    m_parser.addOption(QCommandLineOption(names, description, valueName));
    return *this;
}

bool CommandArguments::parse(const QStringList &arguments, int minPositional, int maxPositional, Console &console)
{
    // QCommandLineParser expects the program name first.
    if (!m_parser.parse(QStringList{QStringLiteral("landfall-cli")} + arguments)) {
        console.err << "landfall-cli " << m_command << ": " << m_parser.errorText() << "\nusage: landfall-cli "
                    << m_synopsis << Qt::endl;
        return false;
    }
    const qsizetype count = m_parser.positionalArguments().size();
    if (count < minPositional || (maxPositional >= 0 && count > maxPositional)) {
        console.err << "landfall-cli " << m_command << ": "
                    << (count < minPositional ? "missing arguments" : "too many arguments") << "\nusage: landfall-cli "
                    << m_synopsis << Qt::endl;
        return false;
    }
    return true;
}

const Command *CommandRegistry::find(const QString &name) const
{
    for (const Command &command : m_commands) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

std::unique_ptr<ProjectStore> openProject(const QString &path, ProjectStore::OpenMode mode, Console &console)
{
    auto opened = ProjectStore::open(path, mode);
    if (!opened) {
        console.err << "landfall-cli: " << opened.error().message << Qt::endl;
        return nullptr;
    }
    return std::move(opened.value());
}

std::optional<QString> unusableDestination(const QString &file)
{
    const QFileInfo folder(QFileInfo(file).absolutePath());
    if (!folder.isDir())
        return QStringLiteral("%1: cannot be written: the folder %2 does not exist").arg(file, folder.filePath());
    if (!folder.isWritable())
        return QStringLiteral("%1: cannot be written: the folder %2 is not writable").arg(file, folder.filePath());
    if (QFileInfo(file).isDir())
        return QStringLiteral("%1: cannot be written: it is a folder").arg(file);
    return std::nullopt;
}

namespace {

void printUsage(const CommandRegistry &registry, QTextStream &stream)
{
    stream << "landfall-cli " << LANDFALL_VERSION << ": plans the move of servers to the cloud, in batch.\n\n"
           << "usage: landfall-cli COMMAND PROJECT [options]\n\ncommands:\n";
    for (const Command &command : registry.commands())
        stream << "  " << command.synopsis << "\n      " << command.summary << '\n';
    stream << "\nexit status: 0 success, 1 input rejected, 2 usage error, 3 project file unusable\n";
    stream.flush();
}

} // namespace

int runCli(const QStringList &arguments, Console &console)
{
    CommandRegistry registry;
    registerCommands(registry);
    if (arguments.isEmpty()) {
        printUsage(registry, console.err);
        return kUsageError;
    }
    const QString &name = arguments.constFirst();
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printUsage(registry, console.out);
        return kSuccess;
    }
    if (name == QLatin1String("--version") || name == QLatin1String("-v")) {
        console.out << "landfall-cli " << LANDFALL_VERSION << Qt::endl;
        return kSuccess;
    }
    const Command *command = registry.find(name);
    if (!command) {
        console.err << "landfall-cli: unknown command '" << name << "'; run landfall-cli --help for the list"
                    << Qt::endl;
        return kUsageError;
    }
    const int status = command->run(arguments.mid(1), console);
    // A read that failed (damage met while reading, a value out of range, a statement stopped)
    // is never a success, whatever the command made of the rows it had; nothing was saved, as
    // the store refuses every write after it.
    if (const std::optional<StoreError> failure = ProjectStore::readFailureInProcess();
        failure && status != kUsageError) {
        if (status != kProjectUnusable) // otherwise the command has said why
            console.err << "landfall-cli: " << failure->message << Qt::endl;
        return kProjectUnusable;
    }
    return status;
}

} // namespace landfall::cli
