#include "template/debootstrap_cache.h"

#include "berth/unique_fd.h"
#include "fs/atomic_file.h"
#include "fs/dir_list.h"
#include "fs/file_io.h"
#include "fs/lock_file.h"
#include "fs/remove_tree.h"
#include "template/contained_stage.h"
#include "template/debootstrap_progress.h"
#include "template/debootstrap_run.h"
#include "template/file_caps.h"

#include <nlohmann/json.hpp>

#include <ctime>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::templates {

namespace fsys = std::filesystem;

namespace {

// Removes a staging directory on every way out but success.
class StagingGuard {
public:
    explicit StagingGuard(fsys::path dir) : m_dir(std::move(dir)) {}
    StagingGuard(const StagingGuard&) = delete;
    StagingGuard& operator=(const StagingGuard&) = delete;
    ~StagingGuard()
    {
        if (!m_dir.empty())
            (void)fs::removeTree(m_dir);
    }
    void release() { m_dir.clear(); }

private:
    fsys::path m_dir;
};

Result<UniqueFd> openCacheDir(const fsys::path& cacheDir)
{
    std::error_code ec;
    fsys::create_directories(cacheDir, ec);
    if (ec)
        return failWith(ec.value(), "create the template cache " + cacheDir.string() + ": " + ec.message());
    UniqueFd fd(::open(cacheDir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open the template cache " + cacheDir.string());
    return fd;
}

bool entryComplete(int cacheFd, const std::string& key)
{
    struct stat st {};
    return ::fstatat(cacheFd, (key + "/metadata.json").c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
           ::fstatat(cacheFd, (key + "/rootfs").c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
}

// Staging directories of this key are left over from a build that died:
// whoever builds holds the key's lock, and we hold it now.
void removeStaleStaging(int cacheFd, const fsys::path& cacheDir, const std::string& key)
{
    auto names = fs::listDirectory(cacheFd);
    if (!names)
        return;
    for (const std::string& name : *names)
        if (name.starts_with(".staging-" + key + "-"))
            (void)fs::removeTree(cacheDir / name);
}

std::string joinedArguments(const std::vector<std::string>& argv)
{
    std::string text;
    for (const std::string& arg : argv)
        text += (text.empty() ? "" : " ") + arg;
    return text;
}

// What went wrong, in debootstrap's own words when it said any.
Error debootstrapFailure(const DebootstrapRequest& request, int status, const DebootstrapProgressParser& parser,
                         const std::string& lastLine)
{
    std::string said = !parser.lastError().empty() ? parser.lastError() : lastLine;
    std::string how = WIFEXITED(status) ? "exited with status " + std::to_string(WEXITSTATUS(status))
                                        : "was killed by signal " + std::to_string(WTERMSIG(status));
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        how = "could not be run (is debootstrap installed?)";
    return Error::make(EIO, "debootstrap of " + request.distro + " " + request.release + " from " + request.mirror +
                                " " + how + (said.empty() ? "" : ": " + said));
}

// One stage's outcome: debootstrap's own words when it failed.
Status checkedStage(const DebootstrapRequest& request, const Result<int>& status,
                    const DebootstrapProgressParser& parser, const std::string& lastLine)
{
    if (!status)
        return fail(status.error().wrap("debootstrap of " + request.distro + " " + request.release));
    if (!WIFEXITED(*status) || WEXITSTATUS(*status) != 0)
        return fail(debootstrapFailure(request, *status, parser, lastLine));
    return {};
}

Status runDebootstrap(const DebootstrapRequest& request, std::vector<std::string> argv, const fsys::path& target,
                      const Progress& progress, const CacheBuildOptions& options)
{
    argv.front() = options.program;
    DebootstrapProgressParser parser;
    std::string lastLine;
    const auto onLine = [&](std::string_view line) {
        progress.log(line);
        lastLine = line;
        if (auto stage = parser.feed(line))
            progress.step(stage->step, stage->fraction * options.progressShare);
    };
    progress.step("Running debootstrap", 0);
    progress.log(joinedArguments(argv));
    auto first = runLogged(argv, progress, onLine, {.privateMounts = options.privateMounts});
    if (auto checked = checkedStage(request, first, parser, lastLine); !checked || !options.secondStage)
        return checked;
    const std::vector<std::string> second = secondStageArguments();
    progress.log(joinedArguments(second) + " (contained: user namespace at host ID " + std::to_string(kStageIdBase) +
                 ", no network)");
    auto stage = runContained(target, second, progress, onLine);
    if (auto checked = checkedStage(request, stage, parser, lastLine); !checked)
        return checked;
    auto caps = normalizeFileCapabilities(target);
    return caps ? Status{} : fail(caps.error());
}

Status buildEntry(int cacheFd, const fsys::path& cacheDir, const DebootstrapRequest& request, const Progress& progress,
                  const CacheBuildOptions& options)
{
    if (auto tools = checkSignatureTools(request); !tools)
        return tools;
    const std::string key = cacheKey(request);
    const std::string stagingName = ".staging-" + key + "-" + fs::randomSuffix();
    const fsys::path staging = cacheDir / stagingName;
    if (::mkdirat(cacheFd, stagingName.c_str(), 0755) != 0)
        return failErrno(errno, "create " + staging.string());
    StagingGuard guard(staging);
    auto argv = debootstrapArguments(request, staging / "rootfs");
    if (!argv)
        return fail(argv.error());
    if (auto ran = runDebootstrap(request, *argv, staging / "rootfs", progress, options); !ran)
        return ran;
    if (auto checked = progress.check(); !checked)
        return checked;
    const std::string metadata =
        cacheMetadata(request, *argv, static_cast<long long>(std::time(nullptr)), fs::randomSuffix());
    if (auto written = fs::writeFileAtomic(staging / "metadata.json", metadata, 0644); !written)
        return written;
    if (::renameat(cacheFd, stagingName.c_str(), cacheFd, key.c_str()) != 0)
        return failErrno(errno, "move the new cache entry to " + (cacheDir / key).string());
    guard.release();
    ::fsync(cacheFd);
    return {};
}

// Waits while another creation builds the same entry (then it is reused),
// and stops waiting when the caller cancels.
Result<UniqueFd> lockEntry(int cacheFd, const std::string& key, const Progress& progress)
{
    for (bool told = false;; told = true) {
        auto lock = fs::lockFileAt(cacheFd, ".lock-" + key, false);
        if (lock || lock.error().code != EWOULDBLOCK)
            return lock ? std::move(lock) : fail(lock.error().wrap("lock the template cache entry " + key));
        if (!told)
            progress.step("Waiting for another creation to build " + key, 0);
        if (auto checked = progress.check(); !checked)
            return fail(checked.error());
        ::usleep(200 * 1000);
    }
}

} // namespace

std::string cacheMetadata(const DebootstrapRequest& request, const std::vector<std::string>& arguments,
                          long long builtAt, const std::string& buildId)
{
    const nlohmann::json metadata = {
        {"key", cacheKey(request)},
        {"distro", request.distro},
        {"release", request.release},
        {"variant", request.variant},
        {"architecture", request.architecture},
        {"mirror", request.mirror},
        {"components", request.components},
        {"keyring", request.keyring},
        {"packages", request.packages},
        {"debootstrap", arguments},
        {"builtAt", builtAt},
        {"buildId", buildId},
    };
    return metadata.dump(2) + "\n";
}

Status checkSignatureTools(const DebootstrapRequest& request)
{
    const char* package = request.distro == "ubuntu" ? "ubuntu-keyring" : "debian-archive-keyring";
    struct stat st {};
    if (::stat(request.keyring.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return failWith(ENOENT, "the keyring " + request.keyring + " of " + request.distro +
                                    "'s archive is missing (install the package " + package +
                                    "): Berth installs only what it can verify");
    if (::access("/usr/bin/gpgv", X_OK) != 0)
        return failWith(ENOENT, "gpgv is missing (install the package gpgv): debootstrap needs it to verify "
                                "the archive's signature");
    return {};
}

Result<CachedRootfs> ensureCachedRootfs(const fsys::path& cacheDir, const DebootstrapRequest& request,
                                        const Progress& progress, const CacheBuildOptions& options)
{
    auto normalized = normalizedRequest(request);
    if (!normalized)
        return fail(normalized.error());
    auto cacheFd = openCacheDir(cacheDir);
    if (!cacheFd)
        return fail(cacheFd.error());
    const std::string key = cacheKey(*normalized);
    auto lock = lockEntry(cacheFd->get(), key, progress);
    if (!lock)
        return fail(lock.error());
    CachedRootfs result{cacheDir / key / "rootfs", false};
    if (entryComplete(cacheFd->get(), key)) {
        progress.step("Using the cached " + key, options.progressShare);
        return result;
    }
    removeStaleStaging(cacheFd->get(), cacheDir, key);
    if (auto built = buildEntry(cacheFd->get(), cacheDir, *normalized, progress, options); !built)
        return fail(built.error());
    result.built = true;
    return result;
}

} // namespace berth::templates
