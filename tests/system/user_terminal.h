// A terminal the test owns, with a command running in it as a user: the
// test is the person typing. The command gets a new pty as its controlling
// terminal (forkpty), runs as the user (setpriv --init-groups) on the
// test's bus, and the test writes keys and reads what the screen shows.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace berth::test {

class UserTerminal {
public:
    UserTerminal() = default;
    UserTerminal(const UserTerminal&) = delete;
    UserTerminal& operator=(const UserTerminal&) = delete;
    // A command still running is killed (it is this test's child).
    ~UserTerminal();

    // Starts `command` as `user` with BERTH_BUS_ADDRESS = `busAddress`,
    // LC_ALL=C, TERM=xterm, an 80x24 window. False with a reason.
    bool start(const QString& user, const QStringList& command, const QString& busAddress, QString* why);

    // What the user types (keys as bytes: "\x03" is Ctrl-C, "\x01q" Ctrl-a q).
    void type(const QByteArray& keys);
    // Reads until `text` appears in what was shown since the last call that
    // found its text (or since start), or `timeoutMs` passed or the command
    // ended and the pty ran dry. Whether it appeared.
    bool waitFor(const QByteArray& text, int timeoutMs);
    // Everything the terminal showed so far, for messages.
    [[nodiscard]] QByteArray screen() const { return m_screen; }

    // Waits up to `timeoutMs` for the command to end: its exit code, 128 +
    // signal when killed, -1 while it still runs.
    int waitForExit(int timeoutMs);
    [[nodiscard]] bool running() const { return m_pid > 0 && m_status < 0; }
    // The terminal window closed under the command: SIGKILL, reaped.
    void kill();

private:
    // Reads what is there within `timeoutMs`; false when the pty is closed.
    bool readSome(int timeoutMs);
    void reap(bool block);

    pid_t m_pid = -1;
    int m_master = -1;
    int m_status = -1;
    QByteArray m_screen;
    qsizetype m_seen = 0; // where the next waitFor looks from
};

} // namespace berth::test
