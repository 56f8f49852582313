// The cached Debian 12 template the integration tests share: built once by
// the integration_debian_template_cache fixture (integration_debian_boot
// --warm-template-cache), outside the test's temporary root.
#pragma once

#include "berth/templates.h"

#include <QByteArray>

#include <filesystem>

namespace berth::test {

// BERTH_TEST_TEMPLATE_CACHE, or /var/cache/berth-test/templates.
inline std::filesystem::path templateCache()
{
    const QByteArray configured = qgetenv("BERTH_TEST_TEMPLATE_CACHE");
    return configured.isEmpty() ? std::filesystem::path("/var/cache/berth-test/templates")
                                : std::filesystem::path(configured.toStdString());
}

inline const TemplateOptions kBookworm = {{"release", "bookworm"}, {"variant", "minbase"}};

} // namespace berth::test
