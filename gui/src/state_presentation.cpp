#include "state_presentation.h"

#include "icons.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStyle>

namespace berth::gui {
namespace {

struct State {
    Q_DECLARE_TR_FUNCTIONS(State)
};

} // namespace

QString stateText(model::RunState state)
{
    switch (state) {
    case model::RunState::Running:
        return State::tr("Running");
    case model::RunState::Stopped:
        return State::tr("Stopped");
    case model::RunState::Starting:
        return State::tr("Starting");
    case model::RunState::Stopping:
        return State::tr("Stopping");
    case model::RunState::Frozen:
        return State::tr("Frozen");
    }
    return {};
}

QString stateText(const QString& word)
{
    const auto state = model::parseRunState(word.toStdString());
    return state ? stateText(*state) : word;
}

QIcon stateIcon(std::optional<model::RunState> state)
{
    if (state == model::RunState::Running)
        return icon(Icon::StateRunning);
    if (state == model::RunState::Frozen)
        return icon(Icon::StateFrozen);
    if (state && model::isTransient(*state))
        return icon(Icon::StateTransient);
    return icon(Icon::StateStopped);
}

} // namespace berth::gui
