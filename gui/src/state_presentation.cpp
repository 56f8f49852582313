#include "state_presentation.h"

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
    struct Choice {
        const char* theme;
        QStyle::StandardPixmap fallback;
    };
    Choice choice{"media-playback-stop", QStyle::SP_MediaStop};
    if (state == model::RunState::Running)
        choice = {"media-playback-start", QStyle::SP_MediaPlay};
    else if (state == model::RunState::Frozen)
        choice = {"media-playback-pause", QStyle::SP_MediaPause};
    else if (state && model::isTransient(*state))
        choice = {"view-refresh", QStyle::SP_BrowserReload};
    return QIcon::fromTheme(QString::fromLatin1(choice.theme), QApplication::style()->standardIcon(choice.fallback));
}

} // namespace berth::gui
