#include "scenario_member.h"

#include "helper_calls.h"
#include "integration_bus.h"
#include "integration_env.h"
#include "test_users.h"

#include <QDir>
#include <QFile>

#include <filesystem>
#include <system_error>

#include <sys/stat.h>

namespace berth::test {
namespace {

namespace fsys = std::filesystem;

// The cache integration_debian_boot --warm-template-cache fills.
fsys::path sharedTemplateCache()
{
    const QByteArray configured = qgetenv("BERTH_TEST_TEMPLATE_CACHE");
    return configured.isEmpty() ? fsys::path("/var/cache/berth-test/templates") : fsys::path(configured.toStdString());
}

// The helper keeps its cache at <root>/var/cache/berth/templates: a link
// there to the shared cache spares each test a debootstrap.
bool linkTemplateCache(QString* why)
{
    const fsys::path link = IntegrationEnvironment::instance().stateRoot() / "var/cache/berth/templates";
    std::error_code ec;
    fsys::create_directories(link.parent_path(), ec);
    if (!ec)
        fsys::create_directory_symlink(sharedTemplateCache(), link, ec);
    if (ec) {
        *why = QStringLiteral("cannot link the template cache: %1").arg(QString::fromStdString(ec.message()));
        return false;
    }
    return true;
}

ino_t netnsOf(const char* path)
{
    struct stat st {};
    return ::stat(path, &st) == 0 ? st.st_ino : 0;
}

} // namespace

bool startMemberSession(SystemBus& bus, bool withTemplateCache, QString* why)
{
    // Never the host's network: the environment gave this process a netns of its own.
    if (netnsOf("/proc/self/ns/net") == 0 || netnsOf("/proc/self/ns/net") == netnsOf("/proc/1/ns/net")) {
        *why = QStringLiteral("the test is not in a network namespace of its own");
        return false;
    }
    if (!ensureNonMember(kTestUser, why) || !addToGroup(kTestUser, kBerthGroup, why))
        return false;
    if (withTemplateCache && !linkTemplateCache(why))
        return false;
    if (!startTestBus(bus, why))
        return false;
    // The helper (started by the first call) works in this namespace too.
    if (member({QStringLiteral("list")}).code != 0) {
        *why = QStringLiteral("berthctl list failed as the member");
        return false;
    }
    const uint helper = bus.ownerPid(QStringLiteral("org.berth.Berth1"));
    const QByteArray helperNetns = QByteArray("/proc/") + QByteArray::number(helper) + "/ns/net";
    if (helper == 0 || netnsOf(helperNetns.constData()) != netnsOf("/proc/self/ns/net")) {
        *why = QStringLiteral("the helper does not run in the test's network namespace");
        return false;
    }
    return true;
}

void endMemberSession(SystemBus& bus)
{
    destroyAllContainers(bus);
    bus.stop();
    removeFromGroup(kTestUser, kBerthGroup);
}

Outcome member(const QStringList& args)
{
    return runAsUser(kTestUser, QStringList{QStringLiteral(BERTHCTL_BINARY)} + args,
                     qEnvironmentVariable("BERTH_BUS_ADDRESS"));
}

Outcome inside(const QString& name, const QString& script)
{
    return member(
        {QStringLiteral("exec"), name, QStringLiteral("--"), QStringLiteral("/bin/sh"), QStringLiteral("-c"), script});
}

QString memberReadableFile(const QString& fileName, const QByteArray& content)
{
    const QString dir =
        QString::fromStdString((IntegrationEnvironment::instance().stateRoot() / "member-files").string());
    QDir().mkpath(dir);
    ::chmod(dir.toLocal8Bit().constData(), 0755);
    const QString path = dir + QLatin1Char('/') + fileName;
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(content);
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                        QFileDevice::ReadOther);
    return path;
}

QString memberDirectory()
{
    const QString dir =
        QString::fromStdString((IntegrationEnvironment::instance().stateRoot() / "member-home").string());
    QDir().mkpath(dir);
    run(QStringLiteral("chown"), {kTestUser, dir});
    return dir;
}

} // namespace berth::test
