// The console's detach sequence, Ctrl-a q (as lxc-console). Ctrl-a Ctrl-a
// sends one Ctrl-a; Ctrl-a followed by anything else sends both bytes.
#pragma once

#include <QByteArray>

namespace berth::cli {

class EscapeDetector {
public:
    static constexpr char kEscape = 0x01; // Ctrl-a

    // Returns the bytes to pass on; sets *detach when the sequence completes
    // (bytes after it are dropped). A trailing Ctrl-a waits for the next call.
    QByteArray feed(const QByteArray& input, bool* detach);

private:
    bool m_pending = false;
};

} // namespace berth::cli
