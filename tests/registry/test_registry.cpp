#include "test_registry.h"

#include "htpasswd.h"

#include <chrono>
#include <cstdlib>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace berth::test {

namespace fs = std::filesystem;

namespace {

bool fail(std::string* why, const std::string& message)
{
    if (why)
        *why = "test registry: " + message;
    return false;
}

// A connected TCP socket to address:port, or -1.
int connectTo(const std::string& address, int port)
{
    const bool v6 = address.find(':') != std::string::npos;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_storage storage{};
    socklen_t length;
    if (v6) {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(static_cast<uint16_t>(port));
        ::inet_pton(AF_INET6, address.c_str(), &in6->sin6_addr);
        length = sizeof *in6;
    } else {
        auto* in4 = reinterpret_cast<sockaddr_in*>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(static_cast<uint16_t>(port));
        ::inet_pton(AF_INET, address.c_str(), &in4->sin_addr);
        length = sizeof *in4;
    }
    if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&storage), length) == 0)
        return fd;
    if (fd >= 0)
        ::close(fd);
    return -1;
}

// `"GET /v2/x HTTP/1.1" 200` out of a combined-format access log line.
bool parseAccessLine(const std::string& line, RegistryRequest* request)
{
    const std::size_t open = line.find('"');
    const std::size_t close = line.find('"', open + 1);
    if (open == std::string::npos || close == std::string::npos)
        return false;
    const std::string quoted = line.substr(open + 1, close - open - 1);
    const std::size_t space1 = quoted.find(' ');
    const std::size_t space2 = quoted.rfind(' ');
    if (space1 == std::string::npos || space2 <= space1)
        return false;
    request->method = quoted.substr(0, space1);
    request->path = quoted.substr(space1 + 1, space2 - space1 - 1);
    request->status = std::atoi(line.c_str() + close + 1);
    return true;
}

} // namespace

int freeTcpPort(const std::string& address)
{
    HttpServer probe;
    if (!probe.start(
            address, [](const HttpRequest&) { return HttpResponse(); }, nullptr))
        return 0;
    const int port = probe.port();
    probe.stop();
    return port;
}

bool TestRegistry::start(const RegistryOptions& options, std::string* why)
{
    stop();
    m_options = options;
    char dirTemplate[] = "/tmp/berth-registry-XXXXXX";
    if (!::mkdtemp(dirTemplate))
        return fail(why, "cannot make a temporary directory");
    m_dir = dirTemplate;
    fs::create_directories(m_dir / "storage");
    m_port = freeTcpPort(options.address);
    const bool v6 = options.address.find(':') != std::string::npos;
    m_hostPort = (v6 ? "[" + options.address + "]" : options.address) + ":" + std::to_string(m_port);
    if (m_port == 0)
        return fail(why, "no free port on " + options.address);
    if (options.tls && (!m_ca.create(m_dir / "ca", why) || !m_ca.addToCertsDir(certsDir(), m_hostPort, why)))
        return false;
    if (!writeConfig(why))
        return false;
    if (!m_process.start({"docker-registry", "serve", (m_dir / "config.yml").string()}, m_dir / "access.log",
                         m_dir / "registry.log", why))
        return false;
    return waitReady(why);
}

bool TestRegistry::writeConfig(std::string* why)
{
    std::string config = "version: 0.1\nlog:\n  level: info\n  formatter: text\n  accesslog:\n    disabled: false\n"
                         "storage:\n  filesystem:\n    rootdirectory: " +
                         storageDir().string() +
                         "\n  delete:\n    enabled: true\n"
                         "  maintenance:\n    uploadpurging:\n      enabled: false\n"
                         "http:\n  addr: " +
                         m_hostPort + "\n  secret: berth-test-registry-secret\n";
    if (m_options.tls)
        config +=
            "  tls:\n    certificate: " + m_ca.serverCert().string() + "\n    key: " + m_ca.serverKey().string() + "\n";
    if (m_options.tokenAuth) {
        m_token = std::make_unique<TokenService>();
        TokenServiceOptions tokenOptions{.user = m_options.user,
                                         .password = m_options.password,
                                         .tls = m_options.tls ? &m_ca : nullptr,
                                         .address = m_options.address};
        if (!m_token->start(m_dir / "token", tokenOptions, why))
            return false;
        config += "auth:\n  token:\n    realm: " + m_token->realm() + "\n    service: " + tokenOptions.service +
                  "\n    issuer: " + tokenOptions.issuer + "\n    rootcertbundle: " + m_token->certificate().string() +
                  "\n";
    } else if (!m_options.user.empty()) {
        const std::string line = htpasswdLine(m_options.user, m_options.password);
        if (line.empty() || !writeWholeFile(m_dir / "htpasswd", line + "\n"))
            return fail(why, "cannot write htpasswd (crypt(3) without bcrypt?)");
        config +=
            "auth:\n  htpasswd:\n    realm: berth-test-registry\n    path: " + (m_dir / "htpasswd").string() + "\n";
    }
    if (!writeWholeFile(m_dir / "config.yml", config))
        return fail(why, "cannot write " + (m_dir / "config.yml").string());
    return true;
}

bool TestRegistry::waitReady(std::string* why)
{
    for (int i = 0; i < 200; ++i) {
        if (!m_process.running())
            return fail(why, "docker-registry exited: " + log());
        const int fd = connectTo(m_options.address, m_port);
        if (fd >= 0) {
            ::close(fd);
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return fail(why, "docker-registry did not listen on " + m_hostPort + " within 10 s: " + log());
}

void TestRegistry::stop()
{
    m_process.stop();
    if (m_token)
        m_token->stop();
    m_token.reset();
    if (!m_dir.empty()) {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    m_dir.clear();
}

std::string TestRegistry::log() const
{
    std::string text = readWholeFile(m_dir / "registry.log");
    return text.size() > 4000 ? text.substr(text.size() - 4000) : text;
}

std::string TestRegistry::reference(const std::string& repo, const std::string& tagOrDigest) const
{
    const bool digest = tagOrDigest.find(':') != std::string::npos;
    return m_hostPort + "/" + repo + (digest ? "@" : ":") + tagOrDigest;
}

std::vector<std::string> TestRegistry::skopeoFlags(const std::string& side) const
{
    std::vector<std::string> flags;
    if (m_options.tls)
        flags.push_back("--" + side + "-cert-dir=" + m_ca.skopeoCertDir().string());
    else
        flags.push_back("--" + side + "-tls-verify=false");
    if (!m_options.user.empty())
        flags.push_back("--" + side + "-creds=" + m_options.user + ":" + m_options.password);
    return flags;
}

bool TestRegistry::pushLayout(const fs::path& layout, const std::string& layoutTag, const std::string& repo,
                              const std::string& tag, std::string* why)
{
    std::vector<std::string> argv = {"skopeo", "--insecure-policy", "copy", "--quiet", "--all", "--preserve-digests"};
    for (const std::string& flag : skopeoFlags("dest"))
        argv.push_back(flag);
    argv.push_back("oci:" + layout.string() + ":" + layoutTag);
    argv.push_back("docker://" + reference(repo, tag));
    const CommandResult result = runCommand(argv);
    if (result.exitCode != 0)
        return fail(why, "skopeo copy to " + reference(repo, tag) + ": " + result.output);
    return true;
}

bool TestRegistry::push(const BuiltImage& image, const std::string& repo, const std::string& tag, std::string* why)
{
    if (image.manifestMediaType == media::kDockerManifest)
        return pushDirect(image.blobs, {image.manifestDigest}, repo, tag, why);
    const fs::path layout = m_dir / "layouts" / (repo + "-" + tag);
    fs::remove_all(layout);
    return writeOciLayout(layout, image, tag, why) && pushLayout(layout, tag, repo, tag, why);
}

bool TestRegistry::push(const BuiltIndex& index, const std::string& repo, const std::string& tag, std::string* why)
{
    if (index.mediaType == media::kDockerList) {
        std::vector<std::string> manifests;
        for (const BuiltImage& image : index.images)
            manifests.push_back(image.manifestDigest);
        manifests.push_back(index.digest);
        return pushDirect(index.blobs, manifests, repo, tag, why);
    }
    const fs::path layout = m_dir / "layouts" / (repo + "-" + tag);
    fs::remove_all(layout);
    return writeOciLayout(layout, index, tag, why) && pushLayout(layout, tag, repo, tag, why);
}

std::string TestRegistry::inspect(const std::string& reference, bool config, std::string* why) const
{
    std::vector<std::string> argv = {"skopeo", "--insecure-policy", "inspect", config ? "--config" : "--raw"};
    for (const std::string& flag : skopeoFlags("src"))
        argv.push_back(flag.substr(0, 2) + flag.substr(6)); // inspect's flags have no "src-"
    argv.push_back("docker://" + reference);
    const CommandResult result = runCommand(argv);
    if (result.exitCode != 0) {
        fail(why, "skopeo inspect " + reference + ": " + result.output);
        return {};
    }
    return result.output;
}

std::vector<RegistryRequest> TestRegistry::requests() const
{
    std::vector<RegistryRequest> out;
    const std::string text = readWholeFile(m_dir / "access.log");
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos)
            end = text.size();
        RegistryRequest request;
        if (parseAccessLine(text.substr(at, end - at), &request))
            out.push_back(request);
        at = end + 1;
    }
    return out;
}

int TestRegistry::blobDownloads(const std::string& digest) const
{
    int count = 0;
    for (const RegistryRequest& request : requests()) {
        if (request.method == "GET" && request.path.find("/blobs/" + digest) != std::string::npos &&
            (request.status == 200 || request.status == 206))
            ++count;
    }
    return count;
}

int TestRegistry::requestCount(const std::string& method, const std::string& part) const
{
    int count = 0;
    for (const RegistryRequest& request : requests())
        count += request.method == method && request.path.find(part) != std::string::npos;
    return count;
}

} // namespace berth::test
