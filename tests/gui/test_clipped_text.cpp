// The clipped-text check of the screenshot tour (gui/src/clipped_text.h):
// it finds a label, button, tab and group box title narrower than their
// text, and a window larger than its screen, and leaves alone what fits,
// wraps or is elided on purpose.
#include "clipped_text.h"

#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtTest>

namespace {

const QString kLong = QStringLiteral("Ein ziemlich langer deutscher Text, der nicht passt");

} // namespace

class TestClippedText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aNarrowLabelIsFound()
    {
        QWidget window;
        auto* label = new QLabel(kLong, &window);
        label->setObjectName(QStringLiteral("narrow"));
        label->setGeometry(0, 0, 60, 20);
        window.show();
        const QStringList found = berth::gui::clippedTexts(window);
        QCOMPARE(found.size(), 1);
        QVERIFY2(found.first().contains(QStringLiteral("QLabel 'narrow'")), qPrintable(found.first()));
        QVERIFY(found.first().contains(kLong));
    }

    void wrappedFittingAndElidedLabelsAreNot()
    {
        QWidget window;
        auto* wrapped = new QLabel(kLong, &window);
        wrapped->setWordWrap(true);
        wrapped->setGeometry(0, 0, 60, 200);
        auto* fitting = new QLabel(QStringLiteral("OK"), &window);
        fitting->setGeometry(0, 210, 200, 20);
        auto* elided = new QLabel(QStringLiteral("Ein ziemlich…"), &window);
        elided->setToolTip(kLong);
        elided->setGeometry(0, 240, 20, 20);
        auto* hidden = new QLabel(kLong, &window);
        hidden->setGeometry(0, 270, 20, 20);
        hidden->hide();
        window.show();
        QCOMPARE(berth::gui::clippedTexts(window), QStringList());
    }

    void aNarrowButtonTabAndTitleAreFound()
    {
        QWidget window;
        auto* button = new QPushButton(kLong, &window);
        button->setGeometry(0, 0, 50, 30);
        auto* tabs = new QTabWidget(&window);
        tabs->addTab(new QWidget, kLong);
        tabs->addTab(new QWidget, kLong);
        tabs->setUsesScrollButtons(false);
        tabs->tabBar()->setElideMode(Qt::ElideRight);
        tabs->setGeometry(0, 40, 120, 100);
        auto* box = new QGroupBox(kLong, &window);
        box->setGeometry(0, 150, 60, 60);
        window.show();
        const QString found = berth::gui::clippedTexts(window).join(QLatin1Char('\n'));
        QVERIFY2(found.contains(QStringLiteral("QPushButton")), qPrintable(found));
        QVERIFY2(found.contains(QStringLiteral("QTabBar")), qPrintable(found));
        QVERIFY2(found.contains(QStringLiteral("QGroupBox")), qPrintable(found));
    }

    // The list's State column elided to "Ru…".
    void anElidedCellIsFound()
    {
        QWidget window;
        auto* table = new QTableWidget(2, 2, &window);
        table->setItem(0, 0, new QTableWidgetItem(QStringLiteral("Running")));
        table->setItem(1, 1, new QTableWidgetItem(QStringLiteral("x")));
        table->setColumnWidth(0, 30);
        table->setGeometry(0, 0, 300, 200);
        window.show();
        const QString found = berth::gui::clippedTexts(window).join(QLatin1Char('\n'));
        QVERIFY2(found.contains(QStringLiteral("QTableWidget \"Running\"")), qPrintable(found));
        table->resizeColumnsToContents();
        QCOMPARE(berth::gui::clippedTexts(window), QStringList());
    }

    // A list's long item is found unless the list wraps its text.
    void aCutListItemIsFound()
    {
        QWidget window;
        auto* list = new QListWidget(&window);
        list->addItem(kLong);
        list->setGeometry(0, 0, 120, 200);
        window.show();
        QVERIFY(berth::gui::clippedTexts(window).join(QString()).contains(QStringLiteral("QListWidget")));
        list->setWordWrap(true);
        list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        QTRY_COMPARE(berth::gui::clippedTexts(window), QStringList());
    }

    void aWindowLargerThanItsScreenIsFound()
    {
        QWidget window;
        QVERIFY(berth::gui::tooLargeForScreen(window).isEmpty());
        const QSize screen = window.screen()->availableGeometry().size();
        window.setMinimumSize(screen.width() + 10, 100);
        QVERIFY(berth::gui::tooLargeForScreen(window).contains(QStringLiteral("larger than the screen")));
    }
};

QTEST_MAIN(TestClippedText)
#include "test_clipped_text.moc"
