// BERTH_TRACE (issue #22): the lines every process appends, whole and in
// the format trace_report.sh reads, and nothing at all without the variable.
#include "berth/model/trace.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace {

QString g_traceFile;

struct Line {
    long long begin = 0;
    long long end = 0;
    long long pid = 0;
    QString layer;
    QString step;
};

// "<begin ns> <end ns> <pid> <layer> <step with spaces>"
bool parseLine(const QString& text, Line& out)
{
    const QStringList parts = text.split(QLatin1Char(' '));
    if (parts.size() < 5)
        return false;
    bool ok1 = false, ok2 = false, ok3 = false;
    out.begin = parts[0].toLongLong(&ok1);
    out.end = parts[1].toLongLong(&ok2);
    out.pid = parts[2].toLongLong(&ok3);
    out.layer = parts[3];
    out.step = parts.mid(4).join(QLatin1Char(' '));
    return ok1 && ok2 && ok3 && out.begin > 0 && out.end >= out.begin;
}

QList<Line> readLines()
{
    QFile file(g_traceFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Line> lines;
    for (const QByteArray& raw : file.readAll().split('\n')) {
        if (raw.isEmpty())
            continue;
        Line line;
        if (!parseLine(QString::fromUtf8(raw), line))
            return {Line{}}; // a torn or malformed line: no valid begin
        lines << line;
    }
    return lines;
}

} // namespace

class TestTrace : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { QFile::resize(g_traceFile, 0); }

    void pointIsOneMoment()
    {
        QVERIFY(berth::trace::enabled());
        QCOMPARE(QString::fromLocal8Bit(berth::trace::file()), g_traceFile);
        berth::trace::point("engine", "start: checked");
        const auto lines = readLines();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].begin, lines[0].end);
        QCOMPARE(lines[0].pid, qint64(::getpid()));
        QCOMPARE(lines[0].layer, QStringLiteral("engine"));
        QCOMPARE(lines[0].step, QStringLiteral("start: checked"));
    }

    void spanCoversItsScope()
    {
        {
            const berth::trace::Span span("helper", "call Start");
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        const auto lines = readLines();
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines[0].end - lines[0].begin >= 5'000'000);
        QCOMPARE(lines[0].step, QStringLiteral("call Start"));
    }

    // Threads of one process and other processes append to one file: every
    // line stays whole.
    void concurrentWritersKeepLinesWhole()
    {
        constexpr int kEach = 300;
        std::vector<pid_t> children;
        for (int c = 0; c < 2; ++c) {
            const pid_t child = ::fork();
            QVERIFY(child >= 0);
            if (child == 0) {
                for (int i = 0; i < kEach; ++i)
                    berth::trace::point("monitor", "a step of a child process with a longer name");
                ::_exit(0);
            }
            children.push_back(child);
        }
        std::vector<std::thread> threads;
        for (int t = 0; t < 2; ++t)
            threads.emplace_back([] {
                for (int i = 0; i < kEach; ++i)
                    berth::trace::point("helper", "a step of a thread");
            });
        for (auto& thread : threads)
            thread.join();
        for (pid_t child : children) {
            int status = 0;
            QCOMPARE(::waitpid(child, &status, 0), child);
            QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        }
        const auto lines = readLines();
        QCOMPARE(lines.size(), 4 * kEach);
        for (const Line& line : lines)
            QVERIFY(line.begin > 0);
    }

    // Without BERTH_TRACE a step writes nothing anywhere: the same binary,
    // run again with the variable removed, says so by its exit status.
    void offWithoutTheVariable()
    {
        QProcess self;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("BERTH_TRACE"));
        self.setProcessEnvironment(env);
        self.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--untraced")});
        QVERIFY(self.waitForFinished(30000));
        QCOMPARE(self.exitCode(), 0);
        QCOMPARE(QFile(g_traceFile).size(), 0);
    }
};

int main(int argc, char** argv)
{
    if (argc == 2 && std::strcmp(argv[1], "--untraced") == 0) {
        berth::trace::point("engine", "never written");
        {
            const berth::trace::Span span("engine", "never written either");
        }
        return berth::trace::enabled() || berth::trace::file() != nullptr ? 1 : 0;
    }
    QTemporaryDir dir;
    if (!dir.isValid())
        return 2;
    g_traceFile = dir.filePath(QStringLiteral("trace"));
    QFile(g_traceFile).open(QIODevice::WriteOnly);
    ::setenv("BERTH_TRACE", QFile::encodeName(g_traceFile).constData(), 1);
    QCoreApplication app(argc, argv);
    TestTrace test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_model_trace.moc"
