// A small HTTP/1.1 server of the test's own on a thread (plain or TLS with
// the test CA's certificate): the hostile registry and the token service
// answer through it. Keep-alive, one thread per connection, so a stalled
// answer holds only its own connection. Answers can lie on purpose: a body
// shorter than its Content-Length, a body generated on the fly (100 MB
// without holding it), a body that stalls after N bytes until released.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

typedef struct ssl_ctx_st SSL_CTX;

namespace berth::test {

struct HttpRequest {
    std::string method;
    std::string target; // path and query as sent
    std::string path;   // target without the query
    std::string query;
    std::map<std::string, std::string> headers; // names in lower case
    std::string body;

    [[nodiscard]] std::string header(const std::string& lowerName) const;
    // A query parameter, percent-decoded; every value of a repeated key joined by ' '.
    [[nodiscard]] std::string queryValue(const std::string& key) const;
};

struct HttpResponse {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    // Instead of `body`: this many bytes of `fill`, generated while sending.
    std::optional<std::uint64_t> generatedSize;
    char fill = ' ';
    // Content-Length sent instead of the real length (a truncated answer:
    // the connection closes after the real bytes).
    std::optional<std::uint64_t> declaredLength;
    // Sends this many body bytes, then waits until HttpServer::release() (or
    // stop()), then sends the rest.
    std::optional<std::uint64_t> stallAfter;
    bool closeAfter = false;

    static HttpResponse text(int status, std::string body, const std::string& contentType = "text/plain");
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

class HttpServer {
public:
    HttpServer() = default;
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;
    ~HttpServer() { stop(); }

    // Listens on `address` (numeric IPv4 or IPv6), port 0 = a free one. With
    // a certificate and key, speaks TLS only.
    bool start(const std::string& address, HttpHandler handler, std::string* why,
               const std::filesystem::path& certificate = {}, const std::filesystem::path& key = {});
    void stop();

    [[nodiscard]] int port() const { return m_port; }
    // "127.0.0.1:PORT" ("[::1]:PORT" for IPv6).
    [[nodiscard]] std::string hostPort() const;
    [[nodiscard]] bool tls() const { return m_ctx != nullptr; }

    // Every request answered so far, as "METHOD target".
    [[nodiscard]] std::vector<std::string> requests() const;
    // How many requests had this method and a target starting with prefix.
    [[nodiscard]] int requestCount(const std::string& method, const std::string& targetPrefix) const;
    // Answers waiting at their stall point now.
    [[nodiscard]] int stalledConnections() const;
    // Waits up to `timeoutMs` until at least n answers are stalled.
    bool waitForStalled(int n, int timeoutMs) const;
    // Lets stalled answers go on (and every later one not stall).
    void release();

private:
    struct Connection;
    void acceptLoop();
    void serve(int fd);
    bool sendResponse(Connection& connection, const HttpResponse& response, bool head);
    bool waitWhileStalled();

    int m_listenFd = -1;
    int m_wakeFds[2] = {-1, -1};
    int m_port = 0;
    std::string m_address;
    SSL_CTX* m_ctx = nullptr;
    HttpHandler m_handler;
    std::thread m_acceptThread;
    std::vector<std::thread> m_connectionThreads;
    std::set<int> m_openFds;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::vector<std::string> m_requests;
    int m_stalled = 0;
    bool m_released = false;
    bool m_stopping = false;
};

} // namespace berth::test
