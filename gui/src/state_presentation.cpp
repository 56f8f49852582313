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

QString stateText(const QString& state)
{
    if (state == QLatin1String("running"))
        return State::tr("Running");
    if (state == QLatin1String("stopped"))
        return State::tr("Stopped");
    if (state == QLatin1String("starting"))
        return State::tr("Starting");
    if (state == QLatin1String("stopping"))
        return State::tr("Stopping");
    if (state == QLatin1String("frozen"))
        return State::tr("Frozen");
    return state;
}

QIcon stateIcon(const QString& state)
{
    struct Choice {
        const char* theme;
        QStyle::StandardPixmap fallback;
    };
    Choice choice{"media-playback-stop", QStyle::SP_MediaStop};
    if (state == QLatin1String("running"))
        choice = {"media-playback-start", QStyle::SP_MediaPlay};
    else if (state == QLatin1String("frozen"))
        choice = {"media-playback-pause", QStyle::SP_MediaPause};
    else if (state == QLatin1String("starting") || state == QLatin1String("stopping"))
        choice = {"view-refresh", QStyle::SP_BrowserReload};
    return QIcon::fromTheme(QString::fromLatin1(choice.theme), QApplication::style()->standardIcon(choice.fallback));
}

} // namespace berth::gui
