#include "registry/http_client.h"

#include "berth/templates.h"
#include "fs/file_io.h"
#include "image/oci_json.h"
#include "registry/registry_policy.h"

#include <curl/curl.h>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <mutex>

#include "berth/unique_fd.h"

namespace berth::registry {

namespace {

constexpr long kConnectTimeoutSeconds = 15;
// A transfer that moves less than a byte a second for this long is given up.
constexpr long kLowSpeedSeconds = 60;
// What an error answer's body may hold before it is cut (only its text is used).
constexpr std::uint64_t kMaxErrorBody = 64 * 1024;
// The system's CA bundle plus a host's certs.d files: both together.
constexpr std::size_t kMaxCaBytes = std::size_t{16} << 20;

struct CurlDeleter {
    void operator()(CURL* h) const { curl_easy_cleanup(h); }
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;
using CurlList = std::unique_ptr<curl_slist, CurlDeleter>;
using CurlUrl = std::unique_ptr<CURLU, CurlDeleter>;

// curl_global_init is not thread safe: once, before the first handle.
void initCurl()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return out;
}

std::string urlPart(CURLU* url, CURLUPart part)
{
    char* value = nullptr;
    if (curl_url_get(url, part, &value, 0) != CURLUE_OK || !value)
        return {};
    std::string out(value);
    curl_free(value);
    return out;
}

// What one transfer collects; the callbacks' user data.
struct Transfer {
    CURL* handle = nullptr;
    const HttpRequest* request = nullptr;
    const BodySink* sink = nullptr;
    const Progress* progress = nullptr;
    HttpResponse response;
    std::uint64_t received = 0;
    std::optional<Error> error; // why a callback stopped the transfer
};

size_t onHeader(char* data, size_t size, size_t count, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) { // a new answer (after 100 Continue): start over
        t->response.headers.clear();
        return size * count;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos)
        return size * count;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
        value.remove_suffix(1);
    t->response.headers[lower(line.substr(0, colon))] = std::string(value);
    return size * count;
}

// A body larger than allowed is refused on its first bytes when it says
// its length, else as soon as it grows past the cap.
Status checkBodySize(Transfer& t, std::uint64_t cap, std::size_t more)
{
    curl_off_t length = -1;
    curl_easy_getinfo(t.handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
    if ((length > 0 && static_cast<std::uint64_t>(length) > cap) || t.received + more > cap)
        return failWith(EFBIG, "the answer is larger than " + std::to_string(cap) + " bytes");
    return {};
}

size_t onBody(char* data, size_t size, size_t count, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    long status = 0;
    curl_easy_getinfo(t->handle, CURLINFO_RESPONSE_CODE, &status);
    t->response.status = status;
    if (status >= 300 && status < 400)
        return n; // a redirect's body says nothing we use
    const bool streamed = status >= 200 && status < 300 && *t->sink;
    const std::uint64_t cap = status >= 200 && status < 300 ? t->request->maxBodyBytes : kMaxErrorBody;
    Status ok = checkBodySize(*t, cap, n);
    if (ok && streamed)
        ok = (*t->sink)(t->response, std::string_view(data, n));
    else if (ok)
        t->response.body.append(data, n);
    if (!ok) {
        t->error = ok.error();
        return 0; // CURLE_WRITE_ERROR: libcurl stops
    }
    t->received += n;
    return n;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto* t = static_cast<Transfer*>(user);
    return t->progress->cancelled() ? 1 : 0;
}

// The system store and the host's certs.d CA files in one PEM blob: libcurl
// takes one CA source of each kind, and both must be trusted.
Result<std::string> caBundle(CURL* handle, const std::vector<std::filesystem::path>& extra)
{
    std::string pem;
    char* systemFile = nullptr;
    curl_easy_getinfo(handle, CURLINFO_CAINFO, &systemFile);
    std::vector<std::filesystem::path> files;
    if (systemFile)
        files.emplace_back(systemFile);
    files.insert(files.end(), extra.begin(), extra.end());
    for (const std::filesystem::path& file : files) {
        UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd)
            return failErrno(errno, "open CA file '" + file.string() + "'");
        auto text = fs::readAll(fd.get(), kMaxCaBytes);
        if (!text)
            return fail(text.error().wrap("CA file '" + file.string() + "'"));
        pem += *text;
        pem += '\n';
    }
    return pem;
}

Error curlError(CURLcode code, const char* detail, std::string_view host)
{
    const std::string text = "registry '" + std::string(host) + "': " + (*detail ? detail : curl_easy_strerror(code));
    switch (code) {
    case CURLE_ABORTED_BY_CALLBACK:
        return Error::make(ECANCELED, "cancelled");
    case CURLE_OPERATION_TIMEDOUT:
        return Error::make(ETIMEDOUT, text, std::string(host));
    case CURLE_COULDNT_CONNECT:
        return Error::make(ECONNREFUSED, text, std::string(host));
    case CURLE_COULDNT_RESOLVE_HOST:
        return Error::make(EHOSTUNREACH, text, std::string(host));
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CONNECT_ERROR:
        return Error::make(EPROTO, text, std::string(host));
    default:
        return Error::make(EIO, text, std::string(host));
    }
}

struct Target {
    std::string scheme, hostPort;
};

Result<Target> parseTarget(std::string_view url)
{
    CurlUrl parsed(curl_url());
    if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, std::string(url).c_str(), 0) != CURLUE_OK)
        return failWith(EINVAL, "'" + std::string(url) + "' is not a URL");
    Target t{lower(urlPart(parsed.get(), CURLUPART_SCHEME)), lower(urlPart(parsed.get(), CURLUPART_HOST))};
    if (const std::string port = urlPart(parsed.get(), CURLUPART_PORT); !port.empty())
        t.hostPort += ":" + port;
    return t;
}

// https always; http only to a host the administrator lists as insecure.
Status checkScheme(const RegistryPolicy& policy, const Target& target)
{
    if (target.scheme == "https")
        return {};
    if (target.scheme == "http" && policy.isInsecureHost(target.hostPort))
        return {};
    return failWith(EACCES,
                    "registry '" + target.hostPort + "': plain " + target.scheme +
                        " is refused (only registries listed as insecure in registries.conf, and localhost, "
                        "are reached without TLS)",
                    target.hostPort);
}

Status configure(CURL* h, const RegistryPolicy& policy, const Target& target, const HttpRequest& request)
{
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, target.scheme == "http" ? "http" : "https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, kLowSpeedSeconds);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, request.timeoutSeconds);
    curl_easy_setopt(h, CURLOPT_HTTP_CONTENT_DECODING, 0L); // blobs are hashed as sent
    curl_easy_setopt(h, CURLOPT_USERAGENT, "berth");
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!request.postForm.empty())
        curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, request.postForm.c_str());
    if (const auto extra = policy.caFiles(target.hostPort); !extra.empty() && target.scheme == "https") {
        auto pem = caBundle(h, extra);
        if (!pem)
            return fail(pem.error());
        curl_blob blob{pem->data(), pem->size(), CURL_BLOB_COPY};
        curl_easy_setopt(h, CURLOPT_CAINFO_BLOB, &blob);
    }
    return {};
}

Result<CurlList> headerList(const HttpRequest& request, bool withAuthorization)
{
    std::vector<std::string> lines = request.headers;
    if (withAuthorization && !request.authorization.empty())
        lines.push_back("Authorization: " + request.authorization);
    if (request.rangeFrom)
        lines.push_back("Range: bytes=" + std::to_string(*request.rangeFrom) + "-");
    if (!request.postForm.empty())
        lines.emplace_back("Content-Type: application/x-www-form-urlencoded");
    CurlList list;
    for (const std::string& line : lines) {
        curl_slist* grown = curl_slist_append(list.get(), line.c_str());
        if (!grown)
            return failWith(ENOMEM, "HTTP headers");
        (void)list.release();
        list.reset(grown);
    }
    return list;
}

// One request, no redirects followed: the answer as it came.
Result<HttpResponse> exchange(const RegistryPolicy& policy, const Target& target, const HttpRequest& request,
                              bool withAuthorization, const BodySink& sink, const Progress& progress)
{
    initCurl();
    CurlHandle handle(curl_easy_init());
    if (!handle)
        return failWith(ENOMEM, "libcurl handle");
    if (auto ok = configure(handle.get(), policy, target, request); !ok)
        return fail(ok.error());
    auto headers = headerList(request, withAuthorization);
    if (!headers)
        return fail(headers.error());
    Transfer t{handle.get(), &request, &sink, &progress, {}, 0, {}};
    char detail[CURL_ERROR_SIZE] = {};
    CURL* h = handle.get();
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers->get());
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, detail);
    const CURLcode code = curl_easy_perform(h);
    if (t.error)
        return fail(t.error->wrap("registry '" + target.hostPort + "'"));
    if (code != CURLE_OK)
        return fail(curlError(code, detail, target.hostPort));
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &t.response.status);
    char* location = nullptr;
    curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &location);
    if (location)
        t.response.headers["location"] = location; // made absolute by libcurl
    t.response.url = request.url;
    return std::move(t.response);
}

// The registry's own words, the first of its JSON "errors" (the
// distribution spec's error body), cut short and kept printable: they are
// the registry's, untrusted.
std::string registryMessage(std::string_view body)
{
    const auto json = image::Json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return {};
    const auto errors = json.find("errors");
    if (errors == json.end() || !errors->is_array() || errors->empty() || !(*errors)[0].is_object())
        return {};
    const auto message = (*errors)[0].find("message");
    if (message == (*errors)[0].end() || !message->is_string())
        return {};
    std::string text = message->get<std::string>().substr(0, 200);
    std::replace_if(
        text.begin(), text.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }, ' ');
    return text;
}

bool isRedirect(long status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// A redirect goes to https, or to http on the very host it came from when
// that host is insecure.
Status checkRedirect(const RegistryPolicy& policy, const Target& from, const Target& to, std::string_view url)
{
    if (to.scheme == "https" || (to.scheme == "http" && to.hostPort == from.hostPort && checkScheme(policy, to)))
        return {};
    return failWith(EACCES,
                    "registry '" + from.hostPort + "' redirected to '" + std::string(url) +
                        "': only redirects to https (or to plain http on the same insecure registry) are followed",
                    from.hostPort);
}

} // namespace

std::string HttpResponse::header(std::string_view name) const
{
    const auto it = headers.find(lower(name));
    return it == headers.end() ? std::string() : it->second;
}

std::string urlHostPort(std::string_view url)
{
    auto target = parseTarget(url);
    return target ? target->hostPort : std::string();
}

Result<HttpResponse> fetch(const RegistryPolicy& policy, const HttpRequest& request, const BodySink& sink,
                           const Progress& progress)
{
    auto origin = parseTarget(request.url);
    if (!origin)
        return fail(origin.error());
    if (auto ok = checkScheme(policy, *origin); !ok)
        return fail(ok.error());
    HttpRequest current = request;
    Target target = *origin;
    for (int hop = 0;; ++hop) {
        auto response = exchange(policy, target, current, target.hostPort == origin->hostPort, sink, progress);
        if (!response || !isRedirect(response->status))
            return response;
        const std::string location = response->header("location");
        if (location.empty())
            return fail(statusError(*response, "a redirect without a Location"));
        if (hop + 1 >= kMaxRedirects)
            return failWith(ELOOP, "registry '" + origin->hostPort + "': more than " + std::to_string(kMaxRedirects) +
                                       " redirects for '" + request.url + "'");
        auto next = parseTarget(location);
        if (!next)
            return fail(next.error());
        if (auto ok = checkRedirect(policy, target, *next, location); !ok)
            return fail(ok.error());
        target = *next;
        current.url = location;
        current.postForm.clear(); // a redirected POST becomes a GET, as browsers do
    }
}

Error statusError(const HttpResponse& response, std::string_view what)
{
    const long status = response.status;
    const int code = status == 404                                      ? ENOENT
                     : status == 401 || status == 403                   ? EACCES
                     : status == 429 || (status >= 500 && status < 600) ? EAGAIN
                                                                        : EIO;
    std::string text =
        "registry '" + urlHostPort(response.url) + "' answered " + std::to_string(status) + " for " + std::string(what);
    if (const std::string said = registryMessage(response.body); !said.empty())
        text += " (" + said + ")";
    return Error::make(code, text, urlHostPort(response.url));
}

} // namespace berth::registry
