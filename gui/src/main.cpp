// berth: the desktop application (see README.md).
#include "client.h"
#include "client_container_source.h"
#include "first_paint_reporter.h"
#include "icons.h"
#include "main_window.h"
#include "palette.h"
#include "screenshot_steps.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>
#include <cstdlib>

namespace {

struct Options {
    QString screenshots; // empty: the window as usual
    berth::gui::PaletteChoice palette = berth::gui::PaletteChoice::System;
};

// Berth's messages and Qt's own (wizard buttons, standard dialogs) in the
// system's language; Qt's come from the distribution (Debian:
// qt6-translations-l10n), English without them.
void loadTranslations(QTranslator& berth, QTranslator& qt)
{
    if (berth.load(QLocale(), QStringLiteral("berth"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&berth);
    if (qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);
}

QCommandLineOption paletteOption()
{
    return QCommandLineOption(QStringLiteral("palette"),
                              QCoreApplication::translate("main", "Use a light or dark palette (light, dark or system; "
                                                                  "default: BERTH_PALETTE, else the desktop's)."),
                              QCoreApplication::translate("main", "PALETTE"));
}

// Before the QApplication, so that --help and --version work without a
// display (help2man, a terminal over ssh).
Options parseArguments(int argc, char** argv)
{
    QCoreApplication probe(argc, argv);
    QCoreApplication::setApplicationVersion(QStringLiteral(BERTH_VERSION));
    QTranslator berth, qt;
    loadTranslations(berth, qt);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Create, run and watch local Linux containers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QCoreApplication::translate("main", "Save a PNG of each main view into DIRECTORY, then quit."),
        QCoreApplication::translate("main", "DIRECTORY"));
    parser.addOption(screenshots);
    const QCommandLineOption palette = paletteOption();
    parser.addOption(palette);
    parser.process(probe);
    // The option, else BERTH_PALETTE, else the platform's.
    const QString fallback = qEnvironmentVariable("BERTH_PALETTE", QStringLiteral("system")); // not a wire name
    const QString word = parser.isSet(palette) ? parser.value(palette) : fallback;
    const auto choice = berth::gui::parsePaletteChoice(word);
    if (!choice) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(QCoreApplication::translate("main", "berth: the palette is light, dark or system, not '%1'")
                           .arg(word)));
        std::exit(2);
    }
    return {parser.value(screenshots), *choice};
}

// --screenshots DIR: each main view saved as a PNG, then the application quits.
void takeScreenshots(berth::gui::MainWindow& window, const QString& directory)
{
    QDir().mkpath(directory);
    auto* tour = new berth::gui::ScreenshotTour(QDir(directory), berth::gui::screenshotSteps(window), &window);
    QObject::connect(tour, &berth::gui::ScreenshotTour::finished, &window, [tour](const QStringList& failures) {
        for (const QString& path : tour->saved())
            std::printf("%s\n", qPrintable(path));
        for (const QString& name : failures)
            std::fprintf(
                stderr, "%s\n",
                qPrintable(QApplication::translate("main", "berth: could not save the screenshot '%1'").arg(name)));
        QApplication::exit(failures.isEmpty() ? 0 : 1);
    });
    // The list first has to arrive from the helper.
    tour->start(2000);
}

} // namespace

int main(int argc, char** argv)
{
    const Options options = parseArguments(argc, argv);
    QApplication app(argc, argv);
    berth::gui::applyPalette(options.palette);
    QApplication::setApplicationName(QStringLiteral("berth"));
    QApplication::setApplicationVersion(QStringLiteral(BERTH_VERSION));
    QApplication::setOrganizationName(QStringLiteral("berth"));
    QApplication::setDesktopFileName(QStringLiteral("org.berth.Berth"));
    QApplication::setWindowIcon(berth::gui::icon(berth::gui::Icon::App));
    QTranslator berthTranslator, qtTranslator;
    loadTranslations(berthTranslator, qtTranslator);

    berth::client::Client client;
    berth::gui::ClientContainerSource source(client);
    berth::gui::MainWindow window(source);
    if (qEnvironmentVariableIntValue("BERTH_REPORT_FIRST_PAINT") == 1)
        new berth::gui::FirstPaintReporter(&window);
    window.show();
    if (!options.screenshots.isEmpty())
        takeScreenshots(window, options.screenshots);
    return QApplication::exec();
}
