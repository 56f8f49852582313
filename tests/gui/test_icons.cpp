// Berth's own icons (gui/src/icons.h): every one is there without a desktop
// icon theme, symbolic ones follow the palette (light, dark, selected),
// coloured ones keep their colour.
#include "icons.h"

#include <QApplication>
#include <QDirIterator>
#include <QImage>
#include <QPalette>
#include <QtTest>

using berth::gui::Icon;

namespace {

// The mean lightness (0..1) of the picture's visible pixels, and how many.
struct Ink {
    double lightness = 0;
    int pixels = 0;
};

Ink ink(const QIcon& icon, QIcon::Mode mode = QIcon::Normal)
{
    const QImage image = icon.pixmap(QSize(32, 32), 1.0, mode).toImage().convertToFormat(QImage::Format_ARGB32);
    Ink result;
    double sum = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor colour = image.pixelColor(x, y);
            if (colour.alpha() < 128)
                continue;
            sum += colour.lightnessF();
            ++result.pixels;
        }
    if (result.pixels > 0)
        result.lightness = sum / result.pixels;
    return result;
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x24, 0x24, 0x24));
    palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Highlight, QColor(0x35, 0x84, 0xe4));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

QPalette lightPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0xf6, 0xf5, 0xf4));
    palette.setColor(QPalette::WindowText, QColor(0x2e, 0x34, 0x36));
    palette.setColor(QPalette::Highlight, QColor(0x35, 0x84, 0xe4));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

} // namespace

class TestIcons : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { QApplication::setPalette(lightPalette()); }

    void everyIconDrawsSomething()
    {
        QVERIFY(!berth::gui::allIcons().empty());
        for (const Icon which : berth::gui::allIcons()) {
            const QString name = berth::gui::iconPath(which);
            const QIcon icon = berth::gui::icon(which);
            QVERIFY2(!icon.isNull(), qPrintable(name));
            QVERIFY2(ink(icon).pixels > 20, qPrintable(name + QStringLiteral(" is blank")));
        }
    }

    void symbolicIconsFollowThePalette()
    {
        const QIcon start = berth::gui::icon(Icon::Start);
        QVERIFY(berth::gui::isSymbolic(Icon::Start));
        QApplication::setPalette(lightPalette());
        QVERIFY2(ink(start).lightness < 0.4, "dark ink on a light palette");
        QApplication::setPalette(darkPalette());
        QVERIFY2(ink(start).lightness > 0.8, "light ink on a dark palette");
    }

    void selectedIconsUseTheHighlightedText()
    {
        QApplication::setPalette(lightPalette());
        QVERIFY(ink(berth::gui::icon(Icon::Terminal), QIcon::Selected).lightness > 0.9);
    }

    void colouredIconsKeepTheirColour()
    {
        QApplication::setPalette(darkPalette());
        const QImage image = berth::gui::icon(Icon::StateRunning).pixmap(QSize(32, 32), 1.0).toImage();
        const QColor middle = image.pixelColor(5, 16);
        QVERIFY2(middle.green() > 2 * middle.red() && middle.green() > middle.blue(), "running stays green");
    }

    void templatesHaveTheirOwnPicture()
    {
        const auto key = [](const QIcon& icon) { return icon.pixmap(QSize(24, 24), 1.0).toImage(); };
        QCOMPARE(key(berth::gui::templateIcon(QStringLiteral("no-such-template"))),
                 key(berth::gui::icon(Icon::TemplateGeneric)));
        QCOMPARE(key(berth::gui::templateIcon(QStringLiteral("debian"))), key(berth::gui::icon(Icon::TemplateDebian)));
        QVERIFY(key(berth::gui::templateIcon(QStringLiteral("debian"))) !=
                key(berth::gui::icon(Icon::TemplateGeneric)));
    }

    // Every icon of the window is Berth's own: none from the desktop's theme.
    void noThemeIconsLeft()
    {
        QStringList found;
        QDirIterator files(QStringLiteral(BERTH_GUI_SOURCE_DIR), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                           QDir::Files, QDirIterator::Subdirectories);
        int scanned = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            ++scanned;
            if (file.readAll().contains("QIcon::fromTheme"))
                found << file.fileName();
        }
        QVERIFY(scanned > 50);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char(' '))));
    }
};

QTEST_MAIN(TestIcons)
#include "test_icons.moc"
