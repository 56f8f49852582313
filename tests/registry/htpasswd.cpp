#include "htpasswd.h"

#include <crypt.h>

namespace berth::test {

std::string htpasswdLine(const std::string& user, const std::string& password)
{
    // Cost 5: the registry checks the hash on every request; the test's
    // password protects nothing.
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!::crypt_gensalt_rn("$2b$", 5, nullptr, 0, salt, sizeof salt))
        return {};
    crypt_data data{};
    const char* hash = ::crypt_r(password.c_str(), salt, &data);
    if (!hash || hash[0] != '$')
        return {};
    return user + ":" + hash;
}

} // namespace berth::test
