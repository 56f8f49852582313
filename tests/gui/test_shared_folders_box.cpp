// The Shared folders box against a fake source: it lists the container's
// berth.share entries, shares a folder by the descriptor it opened itself,
// removes the selected entry by its target, says changes apply at the next
// start, and shows a refusal in plain words.
#include "fake_container_source.h"
#include "shared_folders_box.h"

#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using berth::gui::SharedFoldersBox;
using berth::test::FakeContainerSource;

namespace {

const QString kWeb = QStringLiteral("web");

berth::client::ContainerInfo web()
{
    berth::client::ContainerInfo info;
    info.name = kWeb;
    info.state = berth::model::RunState::Stopped;
    info.shares.push_back({"/home/u/project", "/src", 1000, 1000, 0, 0});
    info.shares.push_back({"/home/u/docs", "/docs", 1000, 1000, 1000, 1000});
    return info;
}

} // namespace

class TestSharedFoldersBox : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nothingSelectedIsEmpty()
    {
        FakeContainerSource source;
        SharedFoldersBox box(source);
        QCOMPARE(box.list()->count(), 0);
    }

    void listsTheShares()
    {
        FakeContainerSource source;
        SharedFoldersBox box(source);
        const auto info = web();
        box.showContainer(&info);
        QCOMPARE(box.list()->count(), 2);
        QVERIFY2(box.list()->item(0)->text().contains(QLatin1String("/home/u/project")),
                 qPrintable(box.list()->item(0)->text()));
        QVERIFY2(box.list()->item(1)->text().contains(QLatin1String("/docs")), qPrintable(box.list()->item(1)->text()));
        QVERIFY(box.message()->text().contains(QLatin1String("next start")));
    }

    void sharesByDescriptorAndRemovesByTarget()
    {
        FakeContainerSource source;
        SharedFoldersBox box(source);
        QSignalSpy changed(&box, &SharedFoldersBox::changed);
        const auto info = web();
        box.showContainer(&info);
        QTemporaryDir dir;
        box.share(dir.path(), QStringLiteral("/work"), QStringLiteral("root"));
        QVERIFY(changed.wait());
        QCOMPARE(source.actions.last(),
                 QStringLiteral("share web %1 /work root").arg(QFileInfo(dir.path()).canonicalFilePath()));
        box.list()->setCurrentRow(1);
        box.removeSelected();
        QVERIFY(changed.wait());
        QCOMPARE(source.actions.last(), QStringLiteral("unshare web /docs"));
    }

    void refusalIsShown()
    {
        FakeContainerSource source;
        source.actionError =
            berth::client::clientError(QStringLiteral("org.berth.Error.NotAuthorized"),
                                       QStringLiteral("not authorized: a folder the caller does not own"));
        SharedFoldersBox box(source);
        const auto info = web();
        box.showContainer(&info);
        box.share(QStringLiteral("/etc"), QStringLiteral("/etc2"), QStringLiteral("root"));
        QTRY_VERIFY(!box.message()->text().contains(QLatin1String("next start")));
        QVERIFY2(box.message()->text().contains(QLatin1String("/etc")), qPrintable(box.message()->text()));
        // A folder that cannot be opened never reaches the helper.
        const int before = int(source.actions.size());
        box.share(QStringLiteral("/nonexistent-folder"), QStringLiteral("/x"), QStringLiteral("root"));
        QVERIFY(box.message()->text().contains(QLatin1String("/nonexistent-folder")));
        QCOMPARE(int(source.actions.size()), before);
    }
};

QTEST_MAIN(TestSharedFoldersBox)
#include "test_shared_folders_box.moc"
