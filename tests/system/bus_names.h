// The helper's names on the bus as the tests address them: one copy for
// every test on the harness. The tests spell them themselves rather than
// take the helper's constants, so a rename in the helper shows as a
// failing test instead of following silently.
#pragma once

#include <QString>

namespace berth::test {

inline const QString kService = QStringLiteral("org.berth.Berth1");
inline const QString kPath = QStringLiteral("/org/berth/Berth1");
inline const QString kManager = QStringLiteral("org.berth.Manager1");
inline const QString kNetwork = QStringLiteral("org.berth.Network1");
inline const QString kJob = QStringLiteral("org.berth.Job1");

} // namespace berth::test
