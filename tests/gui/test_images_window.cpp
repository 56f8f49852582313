// The Images window against recorded replies: the list (names, short IDs,
// ages, sizes, shared layers, used by), the reference checked as typed,
// a pull's per-layer progress and Cancel, Remove refused while containers
// use the image (and asked first), Prune saying what it freed.
#include "fake_container_source.h"
#include "figures.h"
#include "image_list_model.h"
#include "images_window.h"
#include "layer_progress_list.h"
#include "pull_panel.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>
#include <QTreeView>

using berth::gui::ImageListModel;
using berth::gui::ImagesWindow;
using berth::test::FakeContainerSource;

namespace {

const QString kDebianId = QStringLiteral("sha256:6d00af5c0a54c98a854c7664c918f5d67597ce42f9b9cac544ba916c9f65c301");
const QString kLayerA = QStringLiteral("sha256:aaaa1111bbbb2222cccc3333dddd4444eeee5555ffff6666aaaa7777bbbb8888");
const QString kLayerB = QStringLiteral("sha256:1234567890ab1234567890ab1234567890ab1234567890ab1234567890ab1234");
constexpr qint64 kNow = 1764547200 + 2 * 86400; // two days after debian's

} // namespace

class TestImagesWindow : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<FakeContainerSource> m_source;
    std::unique_ptr<ImagesWindow> m_window;

    // The window on the fixture's images, every question answered `answer`.
    bool open(bool answer = true)
    {
        m_source = std::make_unique<FakeContainerSource>();
        if (!m_source->load(QStringLiteral(BERTH_GUI_FIXTURES "/images.json")))
            return false;
        m_window = std::make_unique<ImagesWindow>(*m_source);
        m_window->model()->setClock([] { return kNow; });
        m_window->setConfirmation([answer](const QString&, const QString&) { return answer; });
        return QTest::qWaitFor([this] { return m_window->model()->isLoaded(); });
    }

    QString cell(int row, int column) const { return m_window->model()->index(row, column).data().toString(); }

    // Pull `reference` and hand back the job the fake made for it.
    berth::test::FakeJobHandle* startPull(const QString& reference)
    {
        m_window->pullPanel()->referenceEdit()->setText(reference);
        if (!m_window->pullPanel()->pullButton()->isEnabled())
            return nullptr;
        m_window->pullPanel()->pullButton()->click();
        if (!QTest::qWaitFor([this] { return !m_source->jobs.isEmpty() && m_source->jobs.last()->isFollowed(); }))
            return nullptr;
        return m_source->jobs.last();
    }

private Q_SLOTS:
    void cleanup()
    {
        m_window.reset();
        m_source.reset();
    }

    void listShowsTheRecordedImages()
    {
        QVERIFY(open());
        ImageListModel* model = m_window->model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->columnCount(), int(ImageListModel::ColumnCount));
        const int debian = model->rowOf(kDebianId);
        QVERIFY(debian >= 0);
        QCOMPARE(cell(debian, ImageListModel::NameColumn), QStringLiteral("docker.io/library/debian:bookworm"));
        QCOMPARE(cell(debian, ImageListModel::IdColumn), QStringLiteral("6d00af5c0a54"));
        QCOMPARE(cell(debian, ImageListModel::CreatedColumn), QStringLiteral("2 d 0 h ago"));
        QCOMPARE(cell(debian, ImageListModel::SizeColumn), berth::gui::formatBytes(123456789));
        QCOMPARE(cell(debian, ImageListModel::SharedColumn),
                 QStringLiteral("1 of 1 layer(s) (%1)").arg(berth::gui::formatBytes(120000000)));
        QCOMPARE(cell(debian, ImageListModel::UsedByColumn), QStringLiteral("'web1', 'web2'"));
        QCOMPARE(model->index(debian, ImageListModel::SizeColumn).data(ImageListModel::SortRole).toULongLong(),
                 123456789ULL);
        // The image without a name, and one that shares nothing and is unused.
        bool sawUnnamed = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->image(row)->names.isEmpty()) {
                sawUnnamed = true;
                QCOMPARE(cell(row, ImageListModel::NameColumn), QStringLiteral("<none> (72b557e4ae32)"));
                QCOMPARE(cell(row, ImageListModel::CreatedColumn), QStringLiteral("unknown"));
                QCOMPARE(cell(row, ImageListModel::SharedColumn), QStringLiteral("none of 2 layer(s)"));
                QCOMPARE(cell(row, ImageListModel::UsedByColumn), QStringLiteral("none"));
            }
        }
        QVERIFY(sawUnnamed);
        // A second name is in the tooltip.
        const int nginx = model->rowOf(m_source->findImage(QStringLiteral("nginx:1.27"))->id);
        QVERIFY(model->index(nginx, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("nginx:latest")));
    }

    void listReadAgainWhenSomethingChanged()
    {
        QVERIFY(open());
        const int before = m_source->imageListCalls;
        Q_EMIT m_source->imagesChanged();
        Q_EMIT m_source->helperReplaced(); // the same turn of the loop: one read
        QTRY_COMPARE(m_source->imageListCalls, before + 1);
        Q_EMIT m_source->containerRemoved(QStringLiteral("web1")); // used by changed
        QTRY_COMPARE(m_source->imageListCalls, before + 2);
    }

    void listErrorIsShownInWords()
    {
        QVERIFY(open());
        m_source->imageListError =
            berth::client::clientError(QStringLiteral("org.berth.Error.NotAuthorized"), QStringLiteral("no"));
        m_window->refresh();
        QTRY_VERIFY(m_window->message()->text().contains(QStringLiteral("list the images")));
        QCOMPARE(m_window->model()->rowCount(), 3); // what was read stays
    }

    void referenceCheckedAsTyped()
    {
        QVERIFY(open());
        auto* panel = m_window->pullPanel();
        QVERIFY(!panel->pullButton()->isEnabled()); // nothing typed
        panel->referenceEdit()->setText(QStringLiteral("Debian"));
        QVERIFY(!panel->pullButton()->isEnabled());
        QVERIFY(
            panel->findChild<QLabel*>(QStringLiteral("referenceProblem"))->text().contains(QStringLiteral("Debian")));
        panel->referenceEdit()->setText(QStringLiteral("debian:bookworm"));
        QVERIFY(panel->pullButton()->isEnabled());
        QVERIFY(panel->findChild<QLabel*>(QStringLiteral("referenceProblem"))->text().isEmpty());
        panel->referenceEdit()->setText(QStringLiteral("localhost:5000/app@sha256:123"));
        QVERIFY(!panel->pullButton()->isEnabled());
    }

    void pullShowsEachLayerAndCancels()
    {
        QVERIFY(open());
        auto* job = startPull(QStringLiteral("debian:bookworm"));
        QVERIFY(job);
        QCOMPARE(m_source->actions.last(), QStringLiteral("pull debian:bookworm"));
        auto* panel = m_window->pullPanel();
        QVERIFY(panel->isPulling());
        QVERIFY(!panel->pullButton()->isEnabled());
        Q_EMIT job->itemProgress(kLayerA, QStringLiteral("downloading"), 25 * 1024 * 1024, 100 * 1024 * 1024);
        Q_EMIT job->itemProgress(kLayerB, QStringLiteral("exists"), 0, 0);
        auto* layers = panel->layers();
        QCOMPARE(layers->count(), 2);
        QCOMPARE(layers->bar(kLayerA)->value(), 250);
        QCOMPARE(layers->bar(kLayerA)->maximum(), 1000);
        QCOMPARE(layers->text(kLayerA), QStringLiteral("aaaa1111bbbb: Downloading 25 MiB of 100 MiB"));
        QCOMPARE(layers->bar(kLayerB)->value(), layers->bar(kLayerB)->maximum());
        QCOMPARE(layers->text(kLayerB), QStringLiteral("1234567890ab: Already in the store"));
        Q_EMIT job->itemProgress(kLayerA, QStringLiteral("extracting"), 100 * 1024 * 1024, 100 * 1024 * 1024);
        QCOMPARE(layers->bar(kLayerA)->value(), 1000);
        QCOMPARE(layers->count(), 2);

        QVERIFY(panel->cancelButton()->isEnabled());
        panel->cancelButton()->click();
        QCOMPARE(job->cancelCalls, 1);
        QVERIFY(!panel->cancelButton()->isEnabled());
        const int reads = m_source->imageListCalls;
        Q_EMIT job->finished(false, QStringLiteral("org.berth.Error.Cancelled"), QStringLiteral("cancelled"));
        QVERIFY(!panel->isPulling());
        QVERIFY(panel->message()->text().contains(QStringLiteral("cancelled")));
        QVERIFY(panel->pullButton()->isEnabled());
        QTest::qWait(10);
        QCOMPARE(m_source->imageListCalls, reads); // nothing new to list
    }

    void pullEndsWithTheListReadAgain()
    {
        QVERIFY(open());
        auto* job = startPull(QStringLiteral("localhost:5000/team/app:1.0"));
        QVERIFY(job);
        const int reads = m_source->imageListCalls;
        Q_EMIT job->finished(true, QString(), QString());
        QTRY_VERIFY(m_source->imageListCalls > reads);
        QVERIFY(m_window->pullPanel()->message()->text().contains(QStringLiteral("localhost:5000/team/app:1.0")));
    }

    void pullRefusedSaysWhy()
    {
        QVERIFY(open());
        auto* job = startPull(QStringLiteral("debian"));
        QVERIFY(job);
        Q_EMIT job->finished(false, QStringLiteral("org.berth.Error.Failed"),
                             QStringLiteral("pull 'debian': blob sha256:ab… does not match its digest"));
        QCOMPARE(m_window->pullPanel()->message()->text(),
                 QStringLiteral("Could not pull 'debian': blob sha256:ab… does not match its digest"));
    }

    void removeRefusedWhileUsedNamesTheContainers()
    {
        QVERIFY(open());
        QVERIFY(m_window->selectImage(kDebianId));
        QVERIFY(m_window->removeButton()->isEnabled());
        m_source->actionError = berth::client::clientError(QStringLiteral("org.berth.Error.Busy"),
                                                           QStringLiteral("image 'debian' is used by 'web1', 'web2'"));
        m_window->removeButton()->click();
        QCOMPARE(m_source->actions.last(), QStringLiteral("image-rm ") + kDebianId);
        QTRY_VERIFY(!m_window->message()->text().isEmpty());
        QCOMPARE(m_window->message()->text(),
                 QStringLiteral("The image 'docker.io/library/debian:bookworm' was not removed: it is used by "
                                "'web1', 'web2'. Destroy those containers first."));
    }

    void removeAsksFirst()
    {
        QVERIFY(open(false));
        QVERIFY(m_window->selectImage(kDebianId));
        m_window->removeButton()->click();
        QTest::qWait(10);
        QVERIFY(m_source->actions.isEmpty());
    }

    void removeDone()
    {
        QVERIFY(open());
        QVERIFY(m_window->selectImage(kDebianId));
        const int reads = m_source->imageListCalls;
        m_window->removeButton()->click();
        QTRY_VERIFY(m_window->message()->text().contains(QStringLiteral("was removed")));
        QTRY_VERIFY(m_source->imageListCalls > reads);
    }

    void pruneSaysWhatItFreed()
    {
        QVERIFY(open());
        m_source->pruneResult.layers = {kLayerA, kLayerB};
        m_source->pruneResult.bytesFreed = 123000000;
        m_window->pruneButton()->click();
        QCOMPARE(m_source->actions.last(), QStringLiteral("image-prune"));
        QTRY_VERIFY(!m_window->message()->text().isEmpty());
        QCOMPARE(
            m_window->message()->text(),
            QStringLiteral("Freed %1 (images removed: 0, layers removed: 2).").arg(berth::gui::formatBytes(123000000)));
    }
};

QTEST_MAIN(TestImagesWindow)
#include "test_images_window.moc"
