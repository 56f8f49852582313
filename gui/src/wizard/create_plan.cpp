#include "create_plan.h"

#include <QProcess>

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

} // namespace berth::gui
