// A file descriptor the terminal talks through (a pty master or a
// connected socket): reads without blocking the event loop, queues writes
// the descriptor cannot take yet, and reports the other side going away.
#pragma once

#include "local_fd.h"

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

namespace berth::gui {

class FdChannel : public QObject {
    Q_OBJECT
public:
    // Takes `fd` (closed with the channel).
    explicit FdChannel(int fd, QObject* parent = nullptr);
    ~FdChannel() override;

    void write(const QByteArray& bytes);
    // The window size for a pty master (TIOCSWINSZ, so the program gets
    // SIGWINCH); false for other descriptors, whose size travels elsewhere.
    bool setWindowSize(int rows, int columns);
    [[nodiscard]] bool isTerminal() const;
    [[nodiscard]] int fd() const { return m_fd.get(); }

Q_SIGNALS:
    void received(const QByteArray& bytes);
    // EOF, or EIO once the last process on a pty's other side has gone.
    void closed();

private:
    void readAvailable();
    void flush();
    void close();

    client::LocalFd m_fd;
    QSocketNotifier* m_reader = nullptr;
    QSocketNotifier* m_writer = nullptr;
    QByteArray m_pending;
};

} // namespace berth::gui
