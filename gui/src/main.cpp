// berth: the desktop application (see README.md).
#include "client.h"
#include "client_container_source.h"
#include "main_window.h"

#include <QApplication>
#include <QLocale>
#include <QTranslator>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("berth"));
    QApplication::setOrganizationName(QStringLiteral("berth"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("utilities-terminal")));
    // Embedded by the build (translations/BerthTranslations.cmake).
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("berth"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    berth::client::Client client;
    berth::gui::ClientContainerSource source(client);
    berth::gui::MainWindow window(source);
    window.show();
    return QApplication::exec();
}
