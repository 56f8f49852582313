// Runs the built berthctl (BERTHCTL_BINARY) for the system tests and keeps
// what it said; EXPECT_CODE checks its exit code and shows its output when
// the code is not the one expected.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace berth::test {

struct Outcome {
    int code = -1;   // -1: it did not start, did not end in 5 minutes, or crashed
    QByteArray out;
    QByteArray err;
    [[nodiscard]] QString outText() const { return QString::fromUtf8(out); }
    [[nodiscard]] QString errText() const { return QString::fromUtf8(err); }
};

// stdin is closed, so berthctl sees no terminal (exec then uses these fds).
// BERTH_TEST_VERBOSE=1 prints what it said, for people reading its output.
Outcome berthctl(const QStringList& args);   // cleanup calls may ignore the outcome

[[nodiscard]] QString describe(const Outcome& outcome);

} // namespace berth::test

// Runs the call once (QVERIFY2 evaluates its message even on success).
#define EXPECT_CODE(call, expected)                                                       \
    do {                                                                                  \
        const berth::test::Outcome outcome_ = (call);                                     \
        QVERIFY2(outcome_.code == (expected), qPrintable(berth::test::describe(outcome_))); \
    } while (false)
