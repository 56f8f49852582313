// Runs the built berthctl (BERTHCTL_BINARY) for the system and security
// tests, as root or as a user, and keeps what it said; EXPECT_CODE checks
// its exit code and shows its output when the code is not the one expected.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QProcess;

namespace berth::test {

struct Outcome {
    int code = -1; // -1: it did not start, did not end in 5 minutes, or crashed
    QByteArray out;
    QByteArray err;
    [[nodiscard]] QString outText() const { return QString::fromUtf8(out); }
    [[nodiscard]] QString errText() const { return QString::fromUtf8(err); }
};

// stdin is closed, so berthctl sees no terminal (exec then uses these fds).
// BERTH_TEST_VERBOSE=1 prints what it said, for people reading its output.
Outcome berthctl(const QStringList& args); // cleanup calls may ignore the outcome

// `command` as `user` (setpriv --init-groups) on the bus at `busAddress`,
// with LC_ALL=C, its stdin opened from `stdinPath` by the user's own shell,
// with the user's rights, as a terminal user's shell would. Unlike runAs
// (system_bus.h) it keeps stdout and stderr apart.
Outcome runAsUser(const QString& user, const QStringList& command, const QString& busAddress,
                  const QString& stdinPath = QStringLiteral("/dev/null"));

// Waits up to `timeoutMs` for a started process and keeps what it said;
// BERTH_TEST_VERBOSE=1 prints it after `what`. One place for all runners,
// so they agree on what a crash or a timeout is (code -1).
Outcome finish(QProcess& process, int timeoutMs, const QString& what);
// A user's numeric ID (`flag` "-u") or primary group ID ("-g"), as `id` prints it.
QString idOf(const QString& flag, const QString& user);

[[nodiscard]] QString describe(const Outcome& outcome);
// Stdout and stderr together, for messages and loose checks of the wording.
[[nodiscard]] QString both(const Outcome& outcome);

} // namespace berth::test

// Runs the call once (QVERIFY2 evaluates its message even on success).
#define EXPECT_CODE(call, expected)                                                                                    \
    do {                                                                                                               \
        const berth::test::Outcome outcome_ = (call);                                                                  \
        QVERIFY2(outcome_.code == (expected), qPrintable(berth::test::describe(outcome_)));                            \
    } while (false)
