// Shared folders (berth.share) on the real kernel: the owner's files appear
// as the chosen IDs inside, files written inside belong to the owner on the
// host, files of anyone else appear as nobody and stay out of reach, and a
// folder swapped for a symlink or handed to another owner is never mounted.
#include "integration_env.h"
#include "lifecycle_fixture.h"

#include "berth/model/shared_folder.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

using namespace berth;
using namespace berth::test;

namespace fsys = std::filesystem;

namespace {

constexpr std::uint32_t kOwner = 1000;
// The container's own block, written by hand (no allocation in this test).
constexpr const char* kIdMap = "lxc.idmap = u 0 1000000000 65536\nlxc.idmap = g 0 1000000000 65536\n";
constexpr std::uint32_t kStranger = 2000;

void writeFileAs(const fsys::path& file, const std::string& text, std::uint32_t uid, mode_t mode)
{
    std::ofstream(file) << text;
    QVERIFY(::chown(file.c_str(), uid, uid) == 0);
    QVERIFY(::chmod(file.c_str(), mode) == 0);
}

std::string ownerOf(const fsys::path& file)
{
    struct stat st {};
    if (::lstat(file.c_str(), &st) != 0)
        return "missing";
    return std::to_string(st.st_uid) + ":" + std::to_string(st.st_gid);
}

std::string readAll(const fsys::path& file)
{
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

class TestSharedFolders : public QObject {
    Q_OBJECT

private:
    Engine m_engine = makeEngine();

    // A folder of kOwner holding one file of kOwner and one of kStranger.
    fsys::path makeFolder(const std::string& name)
    {
        const fsys::path dir = IntegrationEnvironment::instance().stateRoot() / "folders" / name;
        fsys::create_directories(dir);
        ::chmod(dir.parent_path().c_str(), 0755);
        ::chown(dir.c_str(), kOwner, kOwner);
        writeFileAs(dir / "mine", "mine\n", kOwner, 0644);
        writeFileAs(dir / "theirs", "theirs\n", kStranger, 0644);
        return dir;
    }

    void createWithShare(const std::string& name, const fsys::path& folder, std::uint32_t inside, bool ownUserns = true)
    {
        auto created = m_engine.create({.name = name, .kind = ContainerKind::System, .privileged = !ownUserns});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        const model::SharedFolder share{folder.string(), "/src", kOwner, kOwner, inside, inside};
        std::ofstream config(m_engine.settings().paths.configFile(name), std::ios::app);
        if (ownUserns && !config_has_idmap(name))
            config << kIdMap;
        config << "berth.share = " << model::formatSharedFolder(share) << "\n";
        // A user of that uid inside, for su.
        std::ofstream(m_engine.settings().paths.rootfsDir(name) / "etc/passwd", std::ios::app)
            << "dev:x:1000:1000::/:/bin/sh\n";
    }

    bool config_has_idmap(const std::string& name)
    {
        return readAll(m_engine.settings().paths.configFile(name)).find("lxc.idmap") != std::string::npos;
    }

    void start(const std::string& name)
    {
        auto started = m_engine.start(name);
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
    }

    void stopAndDestroy(const std::string& name)
    {
        QVERIFY(m_engine.stop(name, std::chrono::seconds(20)));
        QVERIFY(m_engine.destroy(name));
    }

    void expectStartRefused(const std::string& name, const std::string& why)
    {
        auto started = m_engine.start(name);
        QVERIFY(!started);
        const std::string message = started.error().describe();
        QVERIFY2(message.find("shared folder") != std::string::npos && message.find(why) != std::string::npos,
                 message.c_str());
        auto state = m_engine.state(name);
        QVERIFY(state && state->state == RunState::Stopped);
        QVERIFY(!fsys::exists(m_engine.settings().paths.monitorSocket(name)));
    }

private slots:
    // A failed check leaves no container for the next one.
    void cleanup()
    {
        for (const char* name : {"share", "swap", "parentlink", "given"}) {
            (void)m_engine.stop(name, std::chrono::seconds(20));
            (void)m_engine.destroy(name);
        }
    }

    void ownerFilesAppearAsChosenUser_data()
    {
        QTest::addColumn<bool>("ownUserns");
        QTest::addColumn<uint>("inside");
        QTest::addColumn<QString>("writer"); // how a file is written as that user inside
        QTest::newRow("own userns, root inside") << true << 0U << "sh";
        QTest::newRow("own userns, 1000 inside") << true << 1000U << "su dev";
        QTest::newRow("privileged, root inside") << false << 0U << "sh";
        QTest::newRow("privileged, 1000 inside") << false << 1000U << "su dev";
    }

    void ownerFilesAppearAsChosenUser()
    {
        QFETCH(bool, ownUserns);
        QFETCH(uint, inside);
        QFETCH(QString, writer);
        const fsys::path folder = makeFolder(std::string(QTest::currentDataTag()));
        createWithShare("share", folder, inside, ownUserns);
        start("share");

        const std::string id = std::to_string(inside) + ":" + std::to_string(inside);
        const RunResult owners =
            execCaptured(m_engine, "share", {"stat", "-c", "%n %u:%g", "/src", "/src/mine", "/src/theirs"});
        QCOMPARE(owners.exit.code, 0);
        QCOMPARE(QString::fromStdString(owners.output),
                 QString::fromStdString("/src " + id + "\n/src/mine " + id + "\n/src/theirs 65534:65534\n"));

        // Written inside as the chosen user: the owner's on the host.
        const std::string write = writer.toStdString() + " -c 'echo new > /src/new'";
        const RunResult wrote = execCaptured(m_engine, "share", {"sh", "-c", write});
        QVERIFY2(wrote.exit.code == 0, wrote.output.c_str());
        QCOMPARE(ownerOf(folder / "new"), std::string("1000:1000"));
        QCOMPARE(readAll(folder / "new"), std::string("new\n"));

        // Someone else's file is nobody's inside, and even root cannot write it.
        const RunResult denied = execCaptured(m_engine, "share", {"sh", "-c", "echo x >> /src/theirs"});
        QVERIFY(denied.exit.code != 0);
        // Nor take it over: a container's own root has no CAP_CHOWN on an
        // unmapped file (host root, in a privileged container, has).
        if (ownUserns) {
            const RunResult chowned = execCaptured(m_engine, "share", {"chown", "0:0", "/src/theirs"});
            QVERIFY2(chowned.exit.code != 0, chowned.output.c_str());
        }
        QCOMPARE(readAll(folder / "theirs"), std::string("theirs\n"));
        QCOMPARE(ownerOf(folder / "theirs"), std::string("2000:2000"));
        stopAndDestroy("share");
    }

    // The folder turned into a symlink to /etc after it was shared: the
    // start fails naming it, and nothing is mounted (the environment checks
    // the mounts at the end).
    void symlinkSwapRefusesStart()
    {
        const fsys::path folder = makeFolder("swapped");
        createWithShare("swap", folder, 0);
        fsys::rename(folder, folder.string() + ".away");
        fsys::create_directory_symlink("/etc", folder);
        expectStartRefused("swap", "symlink");
        QVERIFY(m_engine.destroy("swap"));
    }

    // A symlink higher up the path is refused the same way.
    void symlinkOnThePathRefusesStart()
    {
        const fsys::path folder = makeFolder("parent/inner");
        const fsys::path link = folder.parent_path().parent_path() / "linked";
        fsys::create_directory_symlink(folder.parent_path(), link);
        createWithShare("parentlink", link / "inner", 0);
        expectStartRefused("parentlink", "symlink");
        QVERIFY(m_engine.destroy("parentlink"));
    }

    void anotherOwnerRefusesStart()
    {
        const fsys::path folder = makeFolder("given");
        createWithShare("given", folder, 0);
        QVERIFY(::chown(folder.c_str(), kStranger, kStranger) == 0);
        expectStartRefused("given", "owned by 2000:2000");
        QVERIFY(m_engine.destroy("given"));
    }
};

BERTH_INTEGRATION_MAIN(TestSharedFolders)
#include "test_shared_folders.moc"
