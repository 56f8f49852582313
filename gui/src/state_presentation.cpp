#include "state_presentation.h"

#include "palette.h"

#include "icons.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPalette>
#include <QStyle>

#include <csignal>

namespace berth::gui {
namespace {

struct State {
    Q_DECLARE_TR_FUNCTIONS(State)
};

// Exit statuses are the shell's: 128 + the signal that ended it.
constexpr int kSignalBase = 128;

bool stoppedBySignal(int status)
{
    const int signal = status - kSignalBase;
    return signal == SIGTERM || signal == SIGKILL || signal == SIGINT || signal == SIGHUP || signal == SIGPWR ||
           signal == SIGRTMIN + 3;
}

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
    case model::RunState::Unmanaged:
        return State::tr("Running, unmanaged");
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
    if (state && (model::isTransient(*state) || state == model::RunState::Unmanaged))
        return icon(Icon::StateTransient);
    return icon(Icon::StateStopped);
}

bool lastRunFailed(const client::ContainerInfo& info)
{
    if (info.state != model::RunState::Stopped)
        return false;
    if (!info.lastError.isEmpty())
        return true;
    return info.hasExited && info.lastExitCode != 0 && !stoppedBySignal(info.lastExitCode);
}

StateTone stateTone(std::optional<model::RunState> state, bool failed)
{
    if (!state)
        return StateTone::Stopped;
    switch (*state) {
    case model::RunState::Running:
        return StateTone::Running;
    case model::RunState::Frozen:
        return StateTone::Frozen;
    case model::RunState::Starting:
    case model::RunState::Stopping:
    case model::RunState::Unmanaged: // runs, but only Stop reaches it
        return StateTone::Busy;
    case model::RunState::Stopped:
        break;
    }
    return failed ? StateTone::Failed : StateTone::Stopped;
}

QString toneText(StateTone tone, model::RunState state)
{
    return tone == StateTone::Failed ? State::tr("Failed") : stateText(state);
}

QColor toneColor(StateTone tone, const QPalette& palette)
{
    // Lighter shades on a dark base, so the dot and bar stay visible.
    const bool dark = isDarkPalette(palette);
    switch (tone) {
    case StateTone::Running:
        return dark ? QColor(0x57, 0xe3, 0x89) : QColor(0x26, 0xa2, 0x69);
    case StateTone::Frozen:
        return dark ? QColor(0x78, 0xae, 0xed) : QColor(0x1c, 0x71, 0xd8);
    case StateTone::Failed:
        return dark ? QColor(0xff, 0x7b, 0x63) : QColor(0xc0, 0x1c, 0x28);
    case StateTone::Busy:
        return dark ? QColor(0xf8, 0xe4, 0x5c) : QColor(0xc6, 0x46, 0x00);
    case StateTone::Stopped:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::Text);
}

} // namespace berth::gui
