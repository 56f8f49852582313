// flatpak/org.berth.Berth.json checked as far as this machine allows:
// its id matches the desktop file and the AppStream metainfo, it runs a
// program the project installs, it asks for no more than it needs, every
// local source exists and every download is pinned, and the Berth module
// leaves the host parts out. Each check is also run on a broken copy of
// the manifest, so a check that cannot fail is caught here.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <functional>

namespace {

const QString kManifest = QStringLiteral(BERTH_FLATPAK_MANIFEST);
const QString kDesktopFile = QStringLiteral(BERTH_DESKTOP_FILE);
const QString kMetainfo = QStringLiteral(BERTH_METAINFO);
const QString kSourceDir = QStringLiteral(BERTH_SOURCE_DIR);

// Holes in the sandbox that Berth has no use for: it reaches its helper
// over the system bus and gets files through the portal.
const QStringList kTooBroad = {
    QStringLiteral("--filesystem=host"),     QStringLiteral("--filesystem=host-os"),
    QStringLiteral("--filesystem=host-etc"), QStringLiteral("--filesystem=home"),
    QStringLiteral("--filesystem=/"),        QStringLiteral("--device=all"),
    QStringLiteral("--socket=session-bus"),  QStringLiteral("--socket=system-bus"),
    QStringLiteral("--share=network"),       QStringLiteral("--allow=devel"),
};

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString desktopId()
{
    return QFileInfo(kDesktopFile).completeBaseName();
}

// The first word of the desktop entry's Exec= line.
QString desktopExec()
{
    const auto match = QRegularExpression(QStringLiteral("^Exec=(\\S+)"), QRegularExpression::MultilineOption)
                           .match(QString::fromUtf8(readFile(kDesktopFile)));
    return match.captured(1);
}

// <component><id> of the metainfo.
QString metainfoId()
{
    QXmlStreamReader xml(readFile(kMetainfo));
    while (xml.readNextStartElement()) {
        if (xml.name() == u"component")
            continue;
        if (xml.name() == u"id")
            return xml.readElementText();
        xml.skipCurrentElement();
    }
    return {};
}

// Programs the parts built in the Flatpak install into bin/.
QStringList installedPrograms()
{
    QStringList programs;
    const QRegularExpression install(
        QStringLiteral("install\\(TARGETS\\s+(\\S+)\\s+RUNTIME\\s+DESTINATION\\s+\\$\\{CMAKE_INSTALL_BINDIR\\}"));
    for (const QString& folder : {QStringLiteral("cli"), QStringLiteral("gui")}) {
        const QString text =
            QString::fromUtf8(readFile(kSourceDir + u'/' + folder + QStringLiteral("/CMakeLists.txt")));
        for (const auto& match : install.globalMatch(text))
            programs << match.captured(1);
    }
    return programs;
}

// Every module, nested ones too.
void collectModules(const QJsonArray& modules, QList<QJsonObject>& out)
{
    for (const QJsonValue& module : modules) {
        out << module.toObject();
        collectModules(module.toObject().value(QStringLiteral("modules")).toArray(), out);
    }
}

QList<QJsonObject> allModules(const QJsonObject& manifest)
{
    QList<QJsonObject> modules;
    collectModules(manifest.value(QStringLiteral("modules")).toArray(), modules);
    return modules;
}

bool isSha256(const QString& text)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(text).hasMatch();
}

// What is wrong with one module's sources (paths relative to `base`).
QStringList sourceProblems(const QJsonObject& module, const QDir& base)
{
    QStringList problems;
    const QString name = module.value(QStringLiteral("name")).toString();
    for (const QJsonValue& value : module.value(QStringLiteral("sources")).toArray()) {
        if (value.isString()) { // a JSON file of sources
            if (!QFileInfo::exists(base.filePath(value.toString())))
                problems << QStringLiteral("%1: source file %2 missing").arg(name, value.toString());
            continue;
        }
        const QJsonObject source = value.toObject();
        const QString type = source.value(QStringLiteral("type")).toString();
        QStringList paths;
        if (source.contains(QStringLiteral("path")))
            paths << source.value(QStringLiteral("path")).toString();
        for (const QJsonValue& path : source.value(QStringLiteral("paths")).toArray())
            paths << path.toString();
        if (type == u"dir" || type == u"file" || type == u"patch") {
            for (const QString& path : paths) {
                if (path.isEmpty() || !QFileInfo::exists(base.filePath(path)))
                    problems << QStringLiteral("%1: %2 source '%3' does not exist").arg(name, type, path);
            }
        }
        if (source.contains(QStringLiteral("url")) && type != u"git" &&
            !isSha256(source.value(QStringLiteral("sha256")).toString()))
            problems << QStringLiteral("%1: %2 has no sha256 of 64 hex digits")
                            .arg(name, source.value(QStringLiteral("url")).toString());
        if (type == u"git" && source.value(QStringLiteral("commit")).toString().size() != 40)
            problems << QStringLiteral("%1: git source not pinned to a commit").arg(name);
    }
    return problems;
}

// Everything wrong with `manifest` (empty when it is fine). `base`: the
// folder the manifest lives in.
QStringList manifestProblems(const QJsonObject& manifest, const QDir& base)
{
    QStringList problems;
    const QString id =
        manifest.value(QStringLiteral("app-id")).toString(manifest.value(QStringLiteral("id")).toString());
    if (id != desktopId())
        problems << QStringLiteral("app-id '%1' is not the desktop file's name '%2'").arg(id, desktopId());
    if (id != metainfoId())
        problems << QStringLiteral("app-id '%1' is not the metainfo id '%2'").arg(id, metainfoId());

    const QString command = manifest.value(QStringLiteral("command")).toString();
    if (!installedPrograms().contains(command))
        problems << QStringLiteral("command '%1' is not one of the installed programs %2")
                        .arg(command, installedPrograms().join(u' '));
    if (command != desktopExec())
        problems << QStringLiteral("command '%1' is not the desktop file's Exec '%2'").arg(command, desktopExec());

    for (const char* key : {"runtime", "sdk"}) {
        const QString value = manifest.value(QLatin1String(key)).toString();
        if (!value.startsWith(u"org.kde."))
            problems << QStringLiteral("%1 '%2' is not KDE's").arg(QLatin1String(key), value);
    }
    if (!manifest.value(QStringLiteral("runtime-version")).toString().startsWith(u"6."))
        problems << QStringLiteral("runtime-version is not a Qt 6 branch");

    QStringList args;
    for (const QJsonValue& arg : manifest.value(QStringLiteral("finish-args")).toArray())
        args << arg.toString();
    if (!args.contains(u"--system-talk-name=org.berth.Berth1"))
        problems << QStringLiteral("finish-args lack --system-talk-name=org.berth.Berth1");
    for (const QString& arg : args) {
        // "--filesystem=host:ro" is as broad for reading as "host".
        if (kTooBroad.contains(arg.section(u':', 0, 0)))
            problems << QStringLiteral("finish-arg %1 is broader than Berth needs").arg(arg);
    }

    bool berthModule = false;
    for (const QJsonObject& module : allModules(manifest)) {
        problems << sourceProblems(module, base);
        if (module.value(QStringLiteral("name")).toString() != u"berth")
            continue;
        berthModule = true;
        QStringList options;
        for (const QJsonValue& option : module.value(QStringLiteral("config-opts")).toArray())
            options << option.toString();
        if (!options.contains(u"-DBERTH_BUILD_HOST_PARTS=OFF"))
            problems << QStringLiteral("module berth does not pass -DBERTH_BUILD_HOST_PARTS=OFF");
    }
    if (!berthModule)
        problems << QStringLiteral("no module named berth");
    return problems;
}

QJsonObject loadManifest()
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(readFile(kManifest), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("%s: %s at offset %d", qPrintable(kManifest), qPrintable(error.errorString()), error.offset);
    return document.object();
}

// Changes the berth module with `change` and puts it back.
void changeBerthModule(QJsonObject& manifest, const std::function<void(QJsonObject&)>& change)
{
    QJsonArray modules = manifest.value(QStringLiteral("modules")).toArray();
    for (qsizetype i = 0; i < modules.size(); ++i) {
        QJsonObject module = modules[i].toObject();
        if (module.value(QStringLiteral("name")).toString() != u"berth")
            continue;
        change(module);
        modules[i] = module;
    }
    manifest.insert(QStringLiteral("modules"), modules);
}

void appendArg(QJsonObject& manifest, const QString& arg)
{
    QJsonArray args = manifest.value(QStringLiteral("finish-args")).toArray();
    args.append(arg);
    manifest.insert(QStringLiteral("finish-args"), args);
}

void addSource(QJsonObject& manifest, const QJsonObject& source)
{
    changeBerthModule(manifest, [&source](QJsonObject& module) {
        QJsonArray sources = module.value(QStringLiteral("sources")).toArray();
        sources.append(source);
        module.insert(QStringLiteral("sources"), sources);
    });
}

} // namespace

using Mutation = std::function<void(QJsonObject&)>;
Q_DECLARE_METATYPE(Mutation)

class TestFlatpakManifest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parses()
    {
        QJsonParseError error;
        QJsonDocument::fromJson(readFile(kManifest), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(!loadManifest().isEmpty());
    }

    void manifestIsFine()
    {
        const QStringList problems = manifestProblems(loadManifest(), QFileInfo(kManifest).dir());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // The reference values the checks compare with are really read.
    void referencesRead()
    {
        QCOMPARE(desktopId(), QStringLiteral("org.berth.Berth"));
        QCOMPARE(metainfoId(), desktopId());
        QVERIFY2(installedPrograms().contains(u"berth"), qPrintable(installedPrograms().join(u' ')));
        QVERIFY2(installedPrograms().contains(u"berthctl"), qPrintable(installedPrograms().join(u' ')));
    }

    void brokenCopyRejected_data()
    {
        QTest::addColumn<Mutation>("mutation");
        QTest::addColumn<QString>("expected");
        QTest::newRow("app-id") << Mutation([](QJsonObject& m) {
            m.insert(QStringLiteral("app-id"), QStringLiteral("org.berth.Other"));
        }) << "desktop file";
        QTest::newRow("command") << Mutation([](QJsonObject& m) {
            m.insert(QStringLiteral("command"), QStringLiteral("berth-helper"));
        }) << "installed programs";
        QTest::newRow("runtime") << Mutation([](QJsonObject& m) {
            m.insert(QStringLiteral("runtime"), QStringLiteral("org.gnome.Platform"));
        }) << "not KDE's";
        QTest::newRow("no helper access") << Mutation([](QJsonObject& m) {
            QJsonArray args = m.value(QStringLiteral("finish-args")).toArray();
            for (qsizetype i = args.size() - 1; i >= 0; --i) {
                if (args[i].toString().startsWith(u"--system-talk-name"))
                    args.removeAt(i);
            }
            m.insert(QStringLiteral("finish-args"), args);
        }) << "lack --system-talk-name";
        for (const QString& arg : {QStringLiteral("--filesystem=host"), QStringLiteral("--filesystem=host:ro"),
                                   QStringLiteral("--device=all"), QStringLiteral("--filesystem=home")}) {
            QTest::newRow(qPrintable(arg)) << Mutation([arg](QJsonObject& m) { appendArg(m, arg); }) << "broader";
        }
        QTest::newRow("missing dir") << Mutation([](QJsonObject& m) {
            addSource(m, {{QStringLiteral("type"), QStringLiteral("dir")},
                          {QStringLiteral("path"), QStringLiteral("../no-such-dir")}});
        }) << "does not exist";
        QTest::newRow("missing patch") << Mutation([](QJsonObject& m) {
            addSource(m, {{QStringLiteral("type"), QStringLiteral("patch")},
                          {QStringLiteral("path"), QStringLiteral("no-such.patch")}});
        }) << "does not exist";
        QTest::newRow("url without sha256") << Mutation([](QJsonObject& m) {
            addSource(m, {{QStringLiteral("type"), QStringLiteral("archive")},
                          {QStringLiteral("url"), QStringLiteral("https://example.org/x.tar.gz")}});
        }) << "sha256";
        QTest::newRow("short sha256") << Mutation([](QJsonObject& m) {
            addSource(m, {{QStringLiteral("type"), QStringLiteral("file")},
                          {QStringLiteral("url"), QStringLiteral("https://example.org/x")},
                          {QStringLiteral("sha256"), QStringLiteral("09156f43dd2128bd")}});
        }) << "sha256";
        QTest::newRow("host parts built") << Mutation([](QJsonObject& m) {
            changeBerthModule(m, [](QJsonObject& module) { module.remove(QStringLiteral("config-opts")); });
        }) << "BERTH_BUILD_HOST_PARTS";
    }
    void brokenCopyRejected()
    {
        QFETCH(Mutation, mutation);
        QFETCH(QString, expected);
        QJsonObject manifest = loadManifest();
        mutation(manifest);
        const QString problems = manifestProblems(manifest, QFileInfo(kManifest).dir()).join(u'\n');
        QVERIFY2(problems.contains(expected),
                 qPrintable(QStringLiteral("expected '%1' among: %2").arg(expected, problems)));
    }

    // flatpak-builder's own parser: the JSON is a manifest it understands,
    // with no property it does not know (it only warns about those).
    void flatpakBuilderReadsIt()
    {
        const QString builder = QStringLiteral(BERTH_FLATPAK_BUILDER);
        // scripts/install-deps.sh installs it: missing is a failure, never a skip.
        QVERIFY2(!builder.isEmpty(), "flatpak-builder is not installed (scripts/install-deps.sh installs it)");
        // It leaves a .flatpak-builder folder where it runs.
        QTemporaryDir work;
        QVERIFY(work.isValid());
        QProcess process;
        process.setWorkingDirectory(work.path());
        process.start(builder, {QStringLiteral("--show-manifest"), kManifest});
        QVERIFY(process.waitForFinished(60000));
        const QByteArray errors = process.readAllStandardError();
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, errors.constData());
        QVERIFY2(!errors.contains("WARNING"), errors.constData());
        const QJsonObject shown = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QCOMPARE(shown.value(QStringLiteral("id")).toString(), desktopId());
    }
};

QTEST_GUILESS_MAIN(TestFlatpakManifest)
#include "test_flatpak_manifest.moc"
