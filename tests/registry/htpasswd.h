// An htpasswd line for docker-registry's basic auth, hashed with bcrypt
// through crypt(3) (libxcrypt knows `$2b$`), so no apache2-utils is needed.
#pragma once

#include <string>

namespace berth::test {

// "user:$2b$..." or empty when crypt(3) refuses.
std::string htpasswdLine(const std::string& user, const std::string& password);

} // namespace berth::test
