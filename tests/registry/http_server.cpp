#include "http_server.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstring>

#include <fcntl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace berth::test {

namespace {

// Requests larger than this are refused: the harness's clients send small ones.
constexpr std::size_t kMaxRequest = 1 << 20;

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

std::string percentDecode(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += text[i] == '+' ? ' ' : text[i];
        }
    }
    return out;
}

const char* reasonOf(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 416:
        return "Range Not Satisfiable";
    default:
        return "Status";
    }
}

// Fills `request` from the head (request line and headers) of a message.
bool parseHead(const std::string& head, HttpRequest* request)
{
    const std::size_t lineEnd = head.find("\r\n");
    const std::string line = head.substr(0, lineEnd);
    const std::size_t space1 = line.find(' ');
    const std::size_t space2 = line.find(' ', space1 + 1);
    if (space1 == std::string::npos || space2 == std::string::npos)
        return false;
    request->method = line.substr(0, space1);
    request->target = line.substr(space1 + 1, space2 - space1 - 1);
    const std::size_t question = request->target.find('?');
    request->path = request->target.substr(0, question);
    request->query = question == std::string::npos ? "" : request->target.substr(question + 1);
    for (std::size_t at = lineEnd + 2; at < head.size();) {
        std::size_t end = head.find("\r\n", at);
        if (end == std::string::npos)
            end = head.size();
        const std::string field = head.substr(at, end - at);
        const std::size_t colon = field.find(':');
        if (colon != std::string::npos)
            request->headers[lower(field.substr(0, colon))] = field.substr(field.find_first_not_of(' ', colon + 1));
        at = end + 2;
    }
    return true;
}

} // namespace

std::string HttpRequest::header(const std::string& lowerName) const
{
    const auto it = headers.find(lowerName);
    return it == headers.end() ? std::string() : it->second;
}

std::string HttpRequest::queryValue(const std::string& key) const
{
    std::string value;
    for (std::size_t at = 0; at <= query.size();) {
        std::size_t end = query.find('&', at);
        if (end == std::string::npos)
            end = query.size();
        const std::string pair = query.substr(at, end - at);
        const std::size_t equals = pair.find('=');
        if (pair.substr(0, equals) == key && equals != std::string::npos)
            value += (value.empty() ? "" : " ") + percentDecode(pair.substr(equals + 1));
        at = end + 1;
    }
    return value;
}

HttpResponse HttpResponse::text(int status, std::string body, const std::string& contentType)
{
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    response.headers.emplace_back("Content-Type", contentType);
    return response;
}

// One accepted connection: its socket, its TLS state, what was read ahead.
struct HttpServer::Connection {
    int fd = -1;
    SSL* ssl = nullptr;
    std::string buffer;

    ~Connection()
    {
        if (ssl)
            SSL_free(ssl);
    }

    long readSome(char* data, std::size_t size)
    {
        if (ssl)
            return SSL_read(ssl, data, static_cast<int>(size));
        return ::recv(fd, data, size, 0);
    }

    bool writeAll(const char* data, std::size_t size)
    {
        while (size > 0) {
            const long n = ssl ? SSL_write(ssl, data, static_cast<int>(std::min<std::size_t>(size, 1 << 20)))
                               : ::send(fd, data, size, MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            data += n;
            size -= static_cast<std::size_t>(n);
        }
        return true;
    }

    // Reads up to the end of the next request's head; false at EOF or error.
    bool readRequest(HttpRequest* request)
    {
        std::size_t headEnd;
        char chunk[16384];
        while ((headEnd = buffer.find("\r\n\r\n")) == std::string::npos) {
            const long n = readSome(chunk, sizeof chunk);
            if (n <= 0 || buffer.size() > kMaxRequest)
                return false;
            buffer.append(chunk, static_cast<std::size_t>(n));
        }
        *request = HttpRequest();
        if (!parseHead(buffer.substr(0, headEnd), request))
            return false;
        buffer.erase(0, headEnd + 4);
        const std::string length = request->header("content-length");
        const std::size_t bodySize = length.empty() ? 0 : std::stoul(length);
        if (bodySize > kMaxRequest)
            return false;
        while (buffer.size() < bodySize) {
            const long n = readSome(chunk, sizeof chunk);
            if (n <= 0)
                return false;
            buffer.append(chunk, static_cast<std::size_t>(n));
        }
        request->body = buffer.substr(0, bodySize);
        buffer.erase(0, bodySize);
        return true;
    }
};

bool HttpServer::start(const std::string& address, HttpHandler handler, std::string* why,
                       const std::filesystem::path& certificate, const std::filesystem::path& key)
{
    // A client that hangs up mid-answer must not end the test process.
    std::signal(SIGPIPE, SIG_IGN);
    m_handler = std::move(handler);
    m_address = address;
    if (!certificate.empty()) {
        m_ctx = SSL_CTX_new(TLS_server_method());
        if (!m_ctx || SSL_CTX_use_certificate_chain_file(m_ctx, certificate.c_str()) != 1 ||
            SSL_CTX_use_PrivateKey_file(m_ctx, key.c_str(), SSL_FILETYPE_PEM) != 1) {
            if (why)
                *why = "test HTTP server: cannot load " + certificate.string();
            return false;
        }
    }
    const bool v6 = address.find(':') != std::string::npos;
    m_listenFd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_storage storage{};
    socklen_t length;
    if (v6) {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&storage);
        in6->sin6_family = AF_INET6;
        ::inet_pton(AF_INET6, address.c_str(), &in6->sin6_addr);
        length = sizeof *in6;
    } else {
        auto* in4 = reinterpret_cast<sockaddr_in*>(&storage);
        in4->sin_family = AF_INET;
        ::inet_pton(AF_INET, address.c_str(), &in4->sin_addr);
        length = sizeof *in4;
    }
    if (m_listenFd < 0 || ::bind(m_listenFd, reinterpret_cast<sockaddr*>(&storage), length) != 0 ||
        ::listen(m_listenFd, 64) != 0 || ::pipe2(m_wakeFds, O_CLOEXEC) != 0) {
        if (why)
            *why = "test HTTP server: cannot listen on " + address + ": " + std::strerror(errno);
        stop();
        return false;
    }
    ::getsockname(m_listenFd, reinterpret_cast<sockaddr*>(&storage), &length);
    m_port = ntohs(v6 ? reinterpret_cast<sockaddr_in6*>(&storage)->sin6_port
                      : reinterpret_cast<sockaddr_in*>(&storage)->sin_port);
    m_stopping = false;
    m_acceptThread = std::thread([this] { acceptLoop(); });
    return true;
}

void HttpServer::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        for (int fd : m_openFds)
            ::shutdown(fd, SHUT_RDWR);
    }
    m_changed.notify_all();
    if (m_wakeFds[1] >= 0)
        (void)!::write(m_wakeFds[1], "x", 1);
    if (m_acceptThread.joinable())
        m_acceptThread.join();
    for (std::thread& thread : m_connectionThreads)
        thread.join();
    m_connectionThreads.clear();
    for (int* fd : {&m_listenFd, &m_wakeFds[0], &m_wakeFds[1]}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
    if (m_ctx)
        SSL_CTX_free(m_ctx);
    m_ctx = nullptr;
}

std::string HttpServer::hostPort() const
{
    if (m_address.find(':') != std::string::npos)
        return "[" + m_address + "]:" + std::to_string(m_port);
    return m_address + ":" + std::to_string(m_port);
}

void HttpServer::acceptLoop()
{
    for (;;) {
        pollfd fds[2] = {{m_listenFd, POLLIN, 0}, {m_wakeFds[0], POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0 && errno != EINTR)
            return;
        if (fds[1].revents)
            return;
        if (!(fds[0].revents & POLLIN))
            continue;
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            ::close(fd);
            return;
        }
        m_openFds.insert(fd);
        m_connectionThreads.emplace_back([this, fd] { serve(fd); });
    }
}

void HttpServer::serve(int fd)
{
    Connection connection;
    connection.fd = fd;
    bool ok = true;
    if (m_ctx) {
        connection.ssl = SSL_new(m_ctx);
        SSL_set_fd(connection.ssl, fd);
        ok = SSL_accept(connection.ssl) == 1;
    }
    HttpRequest request;
    while (ok && connection.readRequest(&request)) {
        {
            std::lock_guard lock(m_mutex);
            m_requests.push_back(request.method + " " + request.target);
        }
        const HttpResponse response = m_handler(request);
        ok = sendResponse(connection, response, request.method == "HEAD") && !response.closeAfter &&
             !response.declaredLength && lower(request.header("connection")) != "close";
    }
    if (connection.ssl)
        SSL_shutdown(connection.ssl);
    std::lock_guard lock(m_mutex);
    m_openFds.erase(fd);
    ::close(fd);
}

bool HttpServer::sendResponse(Connection& connection, const HttpResponse& response, bool head)
{
    const std::uint64_t size = response.generatedSize ? *response.generatedSize : response.body.size();
    std::string text = "HTTP/1.1 " + std::to_string(response.status) + " " + reasonOf(response.status) + "\r\n";
    for (const auto& [name, value] : response.headers)
        text += name + ": " + value + "\r\n";
    text += "Content-Length: " + std::to_string(response.declaredLength.value_or(size)) + "\r\n";
    if (response.closeAfter)
        text += "Connection: close\r\n";
    text += "\r\n";
    if (!connection.writeAll(text.data(), text.size()))
        return false;
    if (head)
        return true;
    const std::string block = response.generatedSize ? std::string(65536, response.fill) : std::string();
    for (std::uint64_t sent = 0; sent < size;) {
        std::uint64_t end = size;
        if (response.stallAfter && sent < *response.stallAfter)
            end = std::min(end, *response.stallAfter);
        else if (response.stallAfter && sent == *response.stallAfter && !waitWhileStalled())
            return false;
        const std::uint64_t n = std::min<std::uint64_t>(end - sent, 65536);
        const char* data = response.generatedSize ? block.data() : response.body.data() + sent;
        if (!connection.writeAll(data, n))
            return false;
        sent += n;
    }
    return true;
}

bool HttpServer::waitWhileStalled()
{
    std::unique_lock lock(m_mutex);
    ++m_stalled;
    m_changed.notify_all();
    m_changed.wait(lock, [this] { return m_released || m_stopping; });
    --m_stalled;
    return !m_stopping;
}

std::vector<std::string> HttpServer::requests() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

int HttpServer::requestCount(const std::string& method, const std::string& targetPrefix) const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(std::count_if(m_requests.begin(), m_requests.end(), [&](const std::string& r) {
        return r.starts_with(method + " " + targetPrefix);
    }));
}

int HttpServer::stalledConnections() const
{
    std::lock_guard lock(m_mutex);
    return m_stalled;
}

bool HttpServer::waitForStalled(int n, int timeoutMs) const
{
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] { return m_stalled >= n; });
}

void HttpServer::release()
{
    {
        std::lock_guard lock(m_mutex);
        m_released = true;
    }
    m_changed.notify_all();
}

} // namespace berth::test
