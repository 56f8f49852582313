// The lxc-import template end to end: a directory laid out as
// /var/lib/lxc/<name> (lxc-create -t busybox's config, a busybox rootfs)
// imported, started, used, and the original left exactly as it was.
#include "integration_env.h"
#include "lifecycle_fixture.h"
#include "test_lxc_import_sample.h"

#include "config/new_container_config.h"
#include "store/container_store.h"
#include "template/busybox_template.h"
#include "template/template_build.h"

#include <QtTest/QtTest>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>

#include <fcntl.h>
#include <sys/stat.h>

using namespace berth;
using namespace berth::test;
using namespace std::chrono_literals;

namespace fsys = std::filesystem;

namespace {

std::string readText(const fsys::path& file)
{
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Type, mode, owner, size, mtime and ctime of every entry (ctime catches
// chmod, chown and xattr changes that leave mtime alone), and link targets.
std::map<std::string, std::string> listing(const fsys::path& root)
{
    std::map<std::string, std::string> out;
    auto describe = [&](const fsys::path& path) {
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0)
            return std::string("<gone>");
        std::string text = std::to_string(st.st_mode) + " " + std::to_string(st.st_uid) + ":" +
                           std::to_string(st.st_gid) + " " + std::to_string(st.st_size) + " m" +
                           std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + " c" +
                           std::to_string(st.st_ctim.tv_sec) + "." + std::to_string(st.st_ctim.tv_nsec);
        if (S_ISLNK(st.st_mode))
            text += " -> " + fsys::read_symlink(path).string();
        return text;
    };
    out["."] = describe(root);
    for (auto it = fsys::recursive_directory_iterator(root); it != fsys::recursive_directory_iterator(); ++it)
        out[fsys::relative(it->path(), root).string()] = describe(it->path());
    return out;
}

QString differences(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b)
{
    QString text;
    for (const auto& [path, what] : a)
        if (!b.contains(path) || b.at(path) != what)
            text +=
                QString::fromStdString(path + ": " + what + " -> " + (b.contains(path) ? b.at(path) : "<gone>") + "\n");
    for (const auto& [path, what] : b)
        if (!a.contains(path))
            text += QString::fromStdString(path + ": new\n");
    return text;
}

// Engine::create(request, progress). TEMPORARY: while Engine::create does
// not dispatch "lxc-import" yet (the template registry is being wired), the
// builder is called the way Engine::create calls the others: on a staging
// directory of the store, with the base config. Remove the fallback once
// the dispatch lands.
Status importLxc(Engine& engine, const CreateRequest& request, const Progress& progress = {})
{
    auto created = engine.create(request, progress);
    if (created || created.error().message != "unknown template 'lxc-import'")
        return created;
    CreateRequest resolved = request;
    resolved.kind = ContainerKind::System;
    const std::string base = newContainerConfig(resolved, engine.settings().paths.rootfsDir(request.name));
    const TemplateOptions options;
    return ContainerStore(engine.settings().paths).create(request.name, [&](const fsys::path& staging) -> Status {
        const templates::BuildContext ctx{engine.settings(), resolved, options, progress, staging, base};
        if (auto built = templates::buildLxcImport(ctx); !built)
            return built;
        return progress.check();
    });
}

} // namespace

class TestLxcImport : public QObject {
    Q_OBJECT

private:
    Engine m_engine = makeEngine();
    QTemporaryDir m_lxcPath; // stands in for /var/lib/lxc

    // <lxcpath>/<name> with lxc-create's config and a busybox rootfs.
    fsys::path makeLxcContainer(const std::string& name, const std::string& config)
    {
        const fsys::path dir = fsys::path(m_lxcPath.path().toStdString()) / name;
        fsys::remove_all(dir);
        fsys::create_directories(dir);
        ::chmod(dir.c_str(), 0770);
        auto built = templates::buildBusyboxRootfs(dir / "rootfs", {.hostname = name});
        if (!built)
            qFatal("busybox rootfs: %s", built.error().describe().c_str());
        std::ofstream(dir / "rootfs/root/from-lxc") << "lxc\n";
        std::ofstream(dir / "config") << config;
        return dir;
    }

    static UniqueFd openDir(const fsys::path& dir)
    {
        return UniqueFd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    }

private slots:
    void importedContainerRuns()
    {
        const fsys::path dir = makeLxcContainer("old", kLxcBusyboxConfig);
        const auto before = listing(dir);
        UniqueFd dirFd = openDir(dir);
        std::vector<std::string> steps, logged;
        const Progress progress(
            [&](const ProgressEvent& e) {
                if (!e.step.empty())
                    steps.push_back(e.step);
                if (!e.logLine.empty())
                    logged.push_back(e.logLine);
            },
            nullptr);

        auto created =
            importLxc(m_engine, {.name = "imported", .templateName = "lxc-import", .inputFd = dirFd.get()}, progress);
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        QVERIFY(std::ranges::find(steps, "Reading the LXC config") != steps.end());
        QVERIFY(std::ranges::find(steps, "Copying the root filesystem") != steps.end());
        QCOMPARE(logged.size(), std::size_t(1));
        QVERIFY2(logged.front().starts_with("lxc-import: lxc.net.0 is not imported"), logged.front().c_str());

        const Paths& paths = m_engine.settings().paths;
        const std::string config = readText(paths.configFile("imported"));
        for (const char* line : {"lxc.uts.name = imported", "berth.imported-from = old", "berth.kind = system",
                                 "lxc.net.0.type = empty", "lxc.signal.halt = SIGUSR1"})
            QVERIFY2(config.find(line) != std::string::npos, (std::string(line) + " missing in\n" + config).c_str());
        QVERIFY2(config.find("hwaddr") == std::string::npos, config.c_str());
        // LXC's lxcbr0 is not Berth's: left out, and said (issue #16).
        QVERIFY2(config.find("\nlxc.net.0.link") == std::string::npos, config.c_str());
        QVERIFY2(config.starts_with("# lxc-import: lxc.net.0 is not imported: a veth on 'lxcbr0'"), config.c_str());
        QVERIFY2(config.find("\nlxc.include") == std::string::npos, config.c_str());
        QCOMPARE(readText(paths.rootfsDir("imported") / "root/from-lxc"), std::string("lxc\n"));

        auto started = m_engine.start("imported");
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
        QCOMPARE(execCaptured(m_engine, "imported", {"hostname"}).output, std::string("imported\n"));
        const auto wrote =
            execCaptured(m_engine, "imported", {"sh", "-c", "cat /root/from-lxc; echo new > /root/added"});
        QCOMPARE(wrote.exit.code, 0);
        QCOMPARE(wrote.output, std::string("lxc\n"));
        auto stopped = m_engine.stop("imported", 20s);
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
        QVERIFY(m_engine.destroy("imported"));

        // The LXC container is exactly as it was: no entry added, removed or touched.
        const auto after = listing(dir);
        QVERIFY2(before == after, qPrintable(differences(before, after)));
        QVERIFY(!fsys::exists(dir / "rootfs/root/added"));
    }

    void refusedImportsCreateNothing_data()
    {
        QTest::addColumn<QString>("rootfsLine");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("rootfs elsewhere")
            << "lxc.rootfs.path = dir:/srv/elsewhere/rootfs" << EINVAL << "rootfs outside the container directory";
        QTest::newRow("rootfs missing") << "lxc.rootfs.path = dir:/var/lib/lxc/bad/nosuch" << ENOENT << "nosuch";
        QTest::newRow("rootfs symlink out") << "lxc.rootfs.path = dir:/var/lib/lxc/bad/escape" << EXDEV << "escape";
        QTest::newRow("half a user namespace") << "lxc.idmap = u 0 100000 65536" << EINVAL << "no group IDs are mapped";
    }
    void refusedImportsCreateNothing()
    {
        QFETCH(QString, rootfsLine);
        QFETCH(int, code);
        QFETCH(QString, message);
        const fsys::path dir = makeLxcContainer("bad", rootfsLine.toStdString() + "\nlxc.uts.name = bad\n");
        fsys::create_directory_symlink("../../../../..", dir / "escape");
        UniqueFd dirFd = openDir(dir);
        auto created = importLxc(m_engine, {.name = "refused", .templateName = "lxc-import", .inputFd = dirFd.get()});
        QVERIFY(!created);
        QVERIFY2(QString::fromStdString(created.error().describe()).contains(message),
                 created.error().describe().c_str());
        QCOMPARE(created.error().code, code);
        QVERIFY(!fsys::exists(m_engine.settings().paths.containerDir("refused")));
        fsys::remove_all(dir);
    }

    void cancelledImportCreatesNothing()
    {
        const fsys::path dir = makeLxcContainer("old", kLxcBusyboxConfig);
        UniqueFd dirFd = openDir(dir);
        std::atomic<bool> cancel{true};
        auto created = importLxc(m_engine, {.name = "cancelled", .templateName = "lxc-import", .inputFd = dirFd.get()},
                                 Progress([](const ProgressEvent&) {}, &cancel));
        QVERIFY(!created);
        QCOMPARE(created.error().code, ECANCELED);
        QVERIFY(!fsys::exists(m_engine.settings().paths.containerDir("cancelled")));
        fsys::remove_all(dir);
    }

    void notADirectory()
    {
        UniqueFd file(::open("/etc/hostname", O_RDONLY | O_CLOEXEC));
        auto created = importLxc(m_engine, {.name = "nodir", .templateName = "lxc-import", .inputFd = file.get()});
        QVERIFY(!created);
        QCOMPARE(created.error().code, EINVAL);
    }
};

BERTH_INTEGRATION_MAIN(TestLxcImport)
#include "test_lxc_import.moc"
