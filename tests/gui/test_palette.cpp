// `berth --palette light|dark` (gui/src/palette.h): the forced palettes are
// what they say, come with the Fusion style, and Berth's symbolic icons
// follow them.
#include "icons.h"
#include "palette.h"

#include <QApplication>
#include <QImage>
#include <QStyle>
#include <QtTest>

using berth::gui::PaletteChoice;

namespace {

// The lightness of the darkest and lightest visible pixels of an icon.
int inkLightness(const QIcon& icon)
{
    const QImage image = icon.pixmap(QSize(32, 32), 1.0).toImage();
    int darkest = 255;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixelColor(x, y).alpha() == 255)
                darkest = std::min(darkest, image.pixelColor(x, y).lightness());
    return darkest;
}

} // namespace

class TestPalette : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void choicesAreParsed()
    {
        QCOMPARE(berth::gui::parsePaletteChoice(QStringLiteral("dark")), PaletteChoice::Dark);
        QCOMPARE(berth::gui::parsePaletteChoice(QStringLiteral(" Light ")), PaletteChoice::Light);
        QCOMPARE(berth::gui::parsePaletteChoice(QStringLiteral("system")), PaletteChoice::System);
        QVERIFY(!berth::gui::parsePaletteChoice(QStringLiteral("blue")));
    }

    void theDarkPaletteIsDark()
    {
        berth::gui::applyPalette(PaletteChoice::Dark);
        const QPalette palette = QApplication::palette();
        QVERIFY(berth::gui::isDarkPalette(palette));
        QVERIFY(palette.color(QPalette::Window).lightness() < 80);
        QVERIFY(palette.color(QPalette::Base).lightness() < 80);
        QVERIFY(palette.color(QPalette::WindowText).lightness() > 200);
        QVERIFY(palette.color(QPalette::Text).lightness() > 200);
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        QVERIFY(inkLightness(berth::gui::icon(berth::gui::Icon::Terminal)) > 200);
    }

    void theLightPaletteIsLight()
    {
        berth::gui::applyPalette(PaletteChoice::Light);
        const QPalette palette = QApplication::palette();
        QVERIFY(!berth::gui::isDarkPalette(palette));
        QVERIFY(palette.color(QPalette::Base).lightness() > 200);
        QVERIFY(palette.color(QPalette::Text).lightness() < 80);
        QVERIFY(inkLightness(berth::gui::icon(berth::gui::Icon::Terminal)) < 80);
    }

    // A disabled action's text is told apart from an enabled one's.
    void disabledTextDiffers()
    {
        for (const QPalette& palette : {berth::gui::lightPalette(), berth::gui::darkPalette()})
            QVERIFY(palette.color(QPalette::Disabled, QPalette::WindowText) !=
                    palette.color(QPalette::Active, QPalette::WindowText));
    }
};

QTEST_MAIN(TestPalette)
#include "test_palette.moc"
