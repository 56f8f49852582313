// Slow input for the cases that must hit a step reliably: archives far
// larger than a pipe buffers, and a FIFO whose writer (the test) feeds part
// of one and then waits, so the helper sits in the step that reads it.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace berth::test {

// Writes all of `data`; false when the reader went away (EPIPE) or failed.
bool writeAll(int fd, QByteArrayView data);

// Opens the FIFO's write end once its reader has opened it; -1 after 60 s.
int openFifoWriter(const QString& fifo);

// A rootfs tarball (tar.gz) with 8 MiB of random data, so that gzip cannot
// shrink it below the size of a pipe's buffer. Empty with *why on failure.
QByteArray makeTarball(QString* why);

// An OCI image layout, tarred (what `-t oci --file` reads from a pipe), of
// one uncompressed layer with 8 MiB of random data and `/hello`.
QByteArray makeOciArchive(QString* why);

} // namespace berth::test
