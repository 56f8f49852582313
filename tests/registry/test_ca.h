// A certificate authority of the test's own (openssl CLI, EC P-256 keys):
// the CA, a server certificate for 127.0.0.1, ::1, localhost and a test host
// name, and a certs.d-style directory (`<dir>/<host:port>/ca.crt`, as
// /etc/containers/certs.d is laid out) that EngineSettings::registryCertsDir
// and skopeo's --dest-cert-dir / --src-cert-dir can point at.
#pragma once

#include <filesystem>
#include <string>

namespace berth::test {

// The extra DNS name the server certificate carries.
inline constexpr const char* kTestRegistryHostName = "registry.berth.test";

class TestCa {
public:
    // Creates the CA and one server certificate under `dir` (made if missing).
    bool create(const std::filesystem::path& dir, std::string* why);

    [[nodiscard]] std::filesystem::path caCert() const { return m_dir / "ca.crt"; }
    [[nodiscard]] std::filesystem::path serverCert() const { return m_dir / "server.crt"; }
    [[nodiscard]] std::filesystem::path serverKey() const { return m_dir / "server.key"; }
    // `<certsDir>/<hostPort>/ca.crt`, a copy of the CA. Returns certsDir.
    bool addToCertsDir(const std::filesystem::path& certsDir, const std::string& hostPort, std::string* why) const;
    // A directory skopeo's --*-cert-dir reads (ca.crt only, no client keys).
    [[nodiscard]] std::filesystem::path skopeoCertDir() const { return m_dir / "skopeo"; }

private:
    bool makeCa(std::string* why);
    bool makeServerCert(std::string* why);

    std::filesystem::path m_dir;
};

} // namespace berth::test
