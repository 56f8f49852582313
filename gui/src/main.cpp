// berth: the desktop application (see README.md).
#include "client.h"
#include "client_container_source.h"
#include "first_paint_reporter.h"
#include "main_window.h"
#include "screenshot_steps.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

namespace {

// --screenshots DIR: each main view saved as a PNG, then the application quits.
void takeScreenshots(berth::gui::MainWindow& window, const QString& directory)
{
    QDir().mkpath(directory);
    auto* tour = new berth::gui::ScreenshotTour(QDir(directory), berth::gui::screenshotSteps(window), &window);
    QObject::connect(tour, &berth::gui::ScreenshotTour::finished, &window, [tour](const QStringList& failures) {
        for (const QString& path : tour->saved())
            std::printf("%s\n", qPrintable(path));
        for (const QString& name : failures)
            std::fprintf(stderr, "%s\n", qPrintable(QApplication::translate("main", "berth: could not save the screenshot '%1'").arg(name)));
        QApplication::exit(failures.isEmpty() ? 0 : 1);
    });
    // The list first has to arrive from the helper.
    tour->start(2000);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("berth"));
    QApplication::setOrganizationName(QStringLiteral("berth"));
    QApplication::setDesktopFileName(QStringLiteral("org.berth.Berth"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.berth.Berth"),
                                                 QIcon::fromTheme(QStringLiteral("utilities-terminal"))));
    // Embedded by the build (translations/BerthTranslations.cmake).
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("berth"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    // Qt's own strings (wizard buttons, standard dialogs), from the
    // distribution (Debian: qt6-translations-l10n); English without them.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Create, run and watch local Linux containers."));
    parser.addHelpOption();
    const QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                         QApplication::translate("main", "Save a PNG of each main view into DIRECTORY, then quit."),
                                         QApplication::translate("main", "DIRECTORY"));
    parser.addOption(screenshots);
    parser.process(app);

    berth::client::Client client;
    berth::gui::ClientContainerSource source(client);
    berth::gui::MainWindow window(source);
    if (qEnvironmentVariableIntValue("BERTH_REPORT_FIRST_PAINT") == 1)
        new berth::gui::FirstPaintReporter(&window);
    window.show();
    if (parser.isSet(screenshots))
        takeScreenshots(window, parser.value(screenshots));
    return QApplication::exec();
}
