#include "create_plan.h"

#include <QProcess>
#include <QSet>

namespace berth::gui {

client::CreateRequest buildCreateRequest(const CreateChoices& choices)
{
    client::CreateRequest request;
    request.name = choices.name;
    request.templateName = choices.templateName;
    // An empty optional field means "the template's default", which the
    // engine fills in; sending "" would ask for an empty value instead.
    for (auto it = choices.options.begin(); it != choices.options.end(); ++it) {
        if (!it.value().isEmpty())
            request.options.insert(it.key(), it.value());
    }
    request.kind = choices.kind;
    if (choices.kind == model::ContainerKind::Application)
        request.command = QProcess::splitCommand(choices.commandLine);
    request.network = choices.network;
    request.inputFd = choices.inputFd;
    request.privileged = choices.privileged;
    return request;
}

namespace {

// The environment rows that differ from the image's: new keys and new
// values. A key of the image's the user deleted is set empty, as the
// container's config cannot take a variable of the image away.
QStringList changedEnvironment(const QStringList& rows, const QStringList& image)
{
    QStringList changed;
    QSet<QString> keys;
    for (const QString& row : rows) {
        keys.insert(row.section(QLatin1Char('='), 0, 0));
        if (!image.contains(row))
            changed << row;
    }
    for (const QString& original : image) {
        const QString key = original.section(QLatin1Char('='), 0, 0);
        if (!keys.contains(key))
            changed << key + QLatin1Char('=');
    }
    return changed;
}

} // namespace

void applyImageChoices(const ImageChoices& choices, client::CreateRequest& request)
{
    request.options.insert(QStringLiteral("reference"), choices.reference);
    const QStringList entrypoint = QProcess::splitCommand(choices.entrypointLine);
    const QStringList command = QProcess::splitCommand(choices.commandLine);
    const bool newEntrypoint = !entrypoint.isEmpty() && entrypoint != choices.image.entrypoint;
    if (newEntrypoint)
        request.setup.entrypoint = entrypoint;
    else
        request.setup.entrypoint.reset();
    // A new entrypoint drops the image's Cmd: the command shown is sent again.
    if (newEntrypoint || command != choices.image.cmd)
        request.command = command;
    else
        request.command.clear();
    request.setup.environment << changedEnvironment(choices.environment, choices.image.env);
    if (choices.workingDir != choices.image.workingDir)
        request.setup.workingDir = choices.workingDir;
    if (choices.user != choices.image.user)
        request.setup.user = choices.user;
    request.setup.forwards << choices.forwards;
}

QString joinCommand(const QStringList& words)
{
    QStringList quoted;
    for (const QString& word : words) {
        if (!word.isEmpty() && !word.contains(QLatin1Char(' ')) && !word.contains(QLatin1Char('"')))
            quoted << word;
        else
            quoted << QLatin1Char('"') + QString(word).replace(QLatin1Char('"'), QLatin1String("\"\"\"")) +
                          QLatin1Char('"');
    }
    return quoted.join(QLatin1Char(' '));
}

QString forwardForExposedPort(const QString& exposed, uint hostPort)
{
    const QString port = exposed.section(QLatin1Char('/'), 0, 0);
    const QString protocol =
        exposed.contains(QLatin1Char('/')) ? exposed.section(QLatin1Char('/'), 1) : QStringLiteral("tcp");
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number == 0 || number > 65535 || hostPort == 0 || hostPort > 65535 ||
        (protocol != QLatin1String("tcp") && protocol != QLatin1String("udp")))
        return {};
    return QStringLiteral("%1:%2:%3").arg(protocol).arg(hostPort).arg(number);
}

uint suggestedHostPort(const QString& exposed)
{
    const uint port = exposed.section(QLatin1Char('/'), 0, 0).toUInt();
    return port > 0 && port < 1024 ? port + 8000 : port;
}

} // namespace berth::gui
