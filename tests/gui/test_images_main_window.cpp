// The Images window opened from the main window: the Images menu's
// action (Ctrl+I, also on the toolbar) opens one window and raises it again.
#include "fake_container_source.h"
#include "image_list_model.h"
#include "images_window.h"
#include "main_window.h"

#include <QAction>
#include <QTest>
#include <QToolBar>

using berth::gui::ImagesWindow;
using berth::test::FakeContainerSource;

class TestImagesMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void openedFromTheMainWindow()
    {
        FakeContainerSource source;
        QVERIFY(source.load(QStringLiteral(BERTH_GUI_FIXTURES "/images.json")));
        berth::gui::MainWindow window(source);
        auto* action = window.findChild<QAction*>(QStringLiteral("imagesAction"));
        QVERIFY(action);
        QVERIFY(window.findChild<QToolBar*>(QStringLiteral("containerToolBar"))->actions().contains(action));
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+I")));
        action->trigger();
        auto* images = window.findChild<ImagesWindow*>();
        QVERIFY(images);
        QVERIFY(images->isVisible());
        QTRY_COMPARE(images->model()->rowCount(), 3);
        // A second time raises the same window.
        QCOMPARE(window.openImagesWindow(), images);
    }
};

QTEST_MAIN(TestImagesMainWindow)
#include "test_images_main_window.moc"
