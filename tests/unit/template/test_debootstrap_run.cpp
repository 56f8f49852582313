// Running debootstrap: its output line by line, a clean environment, and
// a cancel that kills everything it started.
#include "template/debootstrap_run.h"

#include <QtTest/QtTest>

#include <atomic>
#include <charconv>
#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace berth;
using namespace berth::templates;

namespace {

// A process that is gone or only a zombie waiting for its new parent.
bool deadOrZombie(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    if (!stat)
        return true;
    std::string text((std::istreambuf_iterator<char>(stat)), {});
    const auto close = text.rfind(')');
    return close != std::string::npos && close + 2 < text.size() && text[close + 2] == 'Z';
}

} // namespace

class TestDebootstrapRun : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string script(const char* name, const std::string& body)
    {
        const std::string path = m_dir.path().toStdString() + "/" + name;
        std::ofstream(path) << "#!/bin/sh\n" << body;
        ::chmod(path.c_str(), 0755);
        return path;
    }

    static LoggedRunOptions unprivileged() { return {.privateMounts = false}; }

private slots:
    void linesInOrder()
    {
        const std::string program =
            script("lines", "echo 'I: one'\nprintf 'two\\r\\n' >&2\necho\nprintf three\nexit 3\n");
        std::vector<std::string> lines;
        auto status = runLogged(
            {program}, {}, [&](std::string_view line) { lines.emplace_back(line); }, unprivileged());
        QVERIFY2(status, status ? "" : status.error().message.c_str());
        QVERIFY(WIFEXITED(*status));
        QCOMPARE(WEXITSTATUS(*status), 3);
        QCOMPARE(lines, (std::vector<std::string>{"I: one", "two", "three"}));
    }

    void argumentsPassedAsIs()
    {
        const std::string program = script("args", "for a in \"$@\"; do echo \"[$a]\"; done\n");
        std::vector<std::string> lines;
        auto status = runLogged(
            {program, "a b", "$HOME", "'q'"}, {}, [&](std::string_view line) { lines.emplace_back(line); },
            unprivileged());
        QVERIFY(status);
        QCOMPARE(lines, (std::vector<std::string>{"[a b]", "[$HOME]", "['q']"}));
    }

    void cleanEnvironmentAndNoInput()
    {
        qputenv("BERTH_TEST_CANARY", "leaked");
        const std::string program = script("env", "read x; echo \"input[$x]\"\n/usr/bin/env\n");
        std::vector<std::string> lines;
        auto status = runLogged(
            {program}, {}, [&](std::string_view line) { lines.emplace_back(line); }, unprivileged());
        QVERIFY(status);
        QCOMPARE(lines.front(), std::string("input[]"));
        auto has = [&](const std::string& line) { return std::find(lines.begin(), lines.end(), line) != lines.end(); };
        QVERIFY(has("PATH=/usr/sbin:/usr/bin:/sbin:/bin"));
        QVERIFY(has("LANG=C"));
        for (const std::string& line : lines)
            QVERIFY2(!line.starts_with("BERTH_TEST_CANARY") && !line.starts_with("HOME="), line.c_str());
    }

    // The cancel comes while debootstrap and a child of its own run: both die.
    void cancelKillsTheGroup()
    {
        const std::string program = script("hang", "sleep 1000 &\necho \"child $!\"\necho 'I: Retrieving x'\nwait\n");
        std::atomic<bool> cancel{false};
        pid_t child = 0;
        const Progress progress([](const ProgressEvent&) {}, &cancel);
        auto status = runLogged(
            {program}, progress,
            [&](std::string_view line) {
                if (line.starts_with("child "))
                    std::from_chars(line.data() + 6, line.data() + line.size(), child);
                if (line.starts_with("I: "))
                    cancel = true;
            },
            unprivileged());
        QVERIFY(!status);
        QCOMPARE(status.error().code, ECANCELED);
        QVERIFY(child > 0);
        QTRY_VERIFY(deadOrZombie(child));
    }

    void silenceIsBounded()
    {
        const std::string program = script("silent", "echo started\nexec sleep 1000\n");
        auto status = runLogged({program}, {}, [](std::string_view) {},
                                {.silenceLimit = std::chrono::milliseconds(300), .privateMounts = false});
        QVERIFY(!status);
        QCOMPARE(status.error().code, ETIMEDOUT);
    }

    void missingProgram()
    {
        auto status = runLogged(
            {m_dir.path().toStdString() + "/nothing-here"}, {}, [](std::string_view) {}, unprivileged());
        QVERIFY(status);
        QVERIFY(WIFEXITED(*status));
        QCOMPARE(WEXITSTATUS(*status), 127);
        auto relative = runLogged(
            {"debootstrap"}, {}, [](std::string_view) {}, unprivileged());
        QVERIFY(!relative);
        QCOMPARE(relative.error().code, EINVAL);
    }
};

QTEST_GUILESS_MAIN(TestDebootstrapRun)
#include "test_debootstrap_run.moc"
