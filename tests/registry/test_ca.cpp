#include "test_ca.h"

#include "child_process.h"

namespace berth::test {

namespace fs = std::filesystem;

namespace {

bool openssl(const std::vector<std::string>& arguments, std::string* why)
{
    std::vector<std::string> argv = {"openssl"};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    const CommandResult result = runCommand(argv);
    if (result.exitCode != 0 && why)
        *why = "openssl " + arguments.front() + ": " + result.output;
    return result.exitCode == 0;
}

} // namespace

bool TestCa::create(const fs::path& dir, std::string* why)
{
    m_dir = dir;
    std::error_code ec;
    fs::create_directories(dir / "skopeo", ec);
    if (ec) {
        if (why)
            *why = "test CA: " + ec.message();
        return false;
    }
    if (!makeCa(why) || !makeServerCert(why))
        return false;
    fs::copy_file(caCert(), dir / "skopeo/ca.crt", fs::copy_options::overwrite_existing, ec);
    return !ec;
}

bool TestCa::makeCa(std::string* why)
{
    return openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                    (m_dir / "ca.key").string(), "-out", caCert().string(), "-days", "2", "-subj",
                    "/CN=Berth test registry CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
                    "keyUsage=critical,keyCertSign,cRLSign"},
                   why);
}

bool TestCa::makeServerCert(std::string* why)
{
    const fs::path request = m_dir / "server.csr";
    const fs::path extensions = m_dir / "server.ext";
    writeWholeFile(extensions, std::string("subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost,DNS:") +
                                   kTestRegistryHostName +
                                   "\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n");
    if (!openssl({"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                  serverKey().string(), "-out", request.string(), "-subj", "/CN=127.0.0.1"},
                 why))
        return false;
    return openssl({"x509", "-req", "-in", request.string(), "-CA", caCert().string(), "-CAkey",
                    (m_dir / "ca.key").string(), "-CAcreateserial", "-out", serverCert().string(), "-days", "2",
                    "-extfile", extensions.string()},
                   why);
}

bool TestCa::addToCertsDir(const fs::path& certsDir, const std::string& hostPort, std::string* why) const
{
    std::error_code ec;
    fs::create_directories(certsDir / hostPort, ec);
    if (!ec)
        fs::copy_file(caCert(), certsDir / hostPort / "ca.crt", fs::copy_options::overwrite_existing, ec);
    if (ec && why)
        *why = "certs.d for " + hostPort + ": " + ec.message();
    return !ec;
}

} // namespace berth::test
