#include "slow_input.h"

#include "system_bus.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace berth::test {
namespace {

QByteArray readFile(const QString& path, QString* why)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = file.errorString();
        return {};
    }
    return file.readAll();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// A tree with 8 MiB of random data under `tree`.
bool makeRandomTree(const QString& tree, QString* why)
{
    if (!QDir().mkpath(tree + QStringLiteral("/etc")) || !QDir().mkpath(tree + QStringLiteral("/data"))) {
        *why = QStringLiteral("mkdir failed");
        return false;
    }
    QString out;
    if (run(QStringLiteral("sh"),
            {QStringLiteral("-c"), QStringLiteral("head -c 8M /dev/urandom > '%1/data/blob' && echo box > "
                                                  "'%1/etc/hostname' && echo hello > '%1/hello'")
                                       .arg(tree)},
            &out) != 0) {
        *why = QStringLiteral("writing the tree failed: %1").arg(out);
        return false;
    }
    return true;
}

bool tar(const QStringList& args, QString* why)
{
    QString out;
    if (run(QStringLiteral("tar"), args, &out) == 0)
        return true;
    *why = QStringLiteral("tar failed: %1").arg(out);
    return false;
}

// Writes the blob under blobs/sha256 and returns its descriptor.
QString blob(const QString& layout, const QString& mediaType, const QByteArray& data)
{
    const QString hex = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    writeFile(layout + QStringLiteral("/blobs/sha256/") + hex, data);
    return QStringLiteral(R"({"mediaType":"%1","digest":"sha256:%2","size":%3})").arg(mediaType, hex).arg(data.size());
}

} // namespace

bool writeAll(int fd, QByteArrayView data)
{
    while (!data.isEmpty()) {
        const ssize_t n = ::write(fd, data.data(), size_t(data.size()));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data = data.sliced(n);
    }
    return true;
}

int openFifoWriter(const QString& fifo)
{
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 60000) {
        const int fd = ::open(qPrintable(fifo), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0) {
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
            return fd;
        }
        QTest::qWait(50);
    }
    return -1;
}

QByteArray makeTarball(QString* why)
{
    QTemporaryDir dir;
    const QString tree = dir.path() + QStringLiteral("/tree");
    const QString archive = dir.path() + QStringLiteral("/rootfs.tar.gz");
    if (!makeRandomTree(tree, why) ||
        !tar({QStringLiteral("-czf"), archive, QStringLiteral("-C"), tree, QStringLiteral(".")}, why))
        return {};
    return readFile(archive, why);
}

QByteArray makeOciArchive(QString* why)
{
    QTemporaryDir dir;
    const QString tree = dir.path() + QStringLiteral("/tree");
    const QString layout = dir.path() + QStringLiteral("/layout");
    const QString layerFile = dir.path() + QStringLiteral("/layer.tar");
    const QString archive = dir.path() + QStringLiteral("/image.tar");
    if (!makeRandomTree(tree, why) || !QDir().mkpath(layout + QStringLiteral("/blobs/sha256")) ||
        !tar({QStringLiteral("-cf"), layerFile, QStringLiteral("-C"), tree, QStringLiteral(".")}, why))
        return {};
    const QByteArray layer = readFile(layerFile, why);
    const QString diffId = QString::fromLatin1(QCryptographicHash::hash(layer, QCryptographicHash::Sha256).toHex());
    const QByteArray config = QStringLiteral(R"({"architecture":"amd64","os":"linux","config":{"Cmd":["/hello"]},)"
                                             R"("rootfs":{"type":"layers","diff_ids":["sha256:%1"]}})")
                                  .arg(diffId)
                                  .toUtf8();
    const QByteArray manifest =
        QStringLiteral(R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",)"
                       R"("config":%1,"layers":[%2]})")
            .arg(blob(layout, QStringLiteral("application/vnd.oci.image.config.v1+json"), config),
                 blob(layout, QStringLiteral("application/vnd.oci.image.layer.v1.tar"), layer))
            .toUtf8();
    const QString index =
        QStringLiteral(R"({"schemaVersion":2,"manifests":[%1]})")
            .arg(blob(layout, QStringLiteral("application/vnd.oci.image.manifest.v1+json"), manifest));
    if (!writeFile(layout + QStringLiteral("/index.json"), index.toUtf8()) ||
        !writeFile(layout + QStringLiteral("/oci-layout"), R"({"imageLayoutVersion":"1.0.0"})") ||
        !tar({QStringLiteral("-cf"), archive, QStringLiteral("-C"), layout, QStringLiteral(".")}, why))
        return {};
    return readFile(archive, why);
}

} // namespace berth::test
