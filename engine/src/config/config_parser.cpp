// Reads config text into lines and follows lxc.include, which may only
// read inside the allowed directories and never in a cycle.
#include "berth/config.h"

#include "berth/unique_fd.h"
#include "config/config_syntax.h"
#include "config/values.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace berth {

namespace fs = std::filesystem;

namespace {

// Configs are small; the cap keeps a root service from reading a huge file.
constexpr std::size_t kMaxConfigSize = 4 * 1024 * 1024;

Result<std::string> readConfigFile(const fs::path& file)
{
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (!fd)
        return failErrno(errno, "open " + quoteForMessage(file.native()));
    std::string text;
    char buffer[8192];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failErrno(errno, "read " + quoteForMessage(file.native()));
        if (n == 0)
            return text;
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > kMaxConfigSize)
            return failWith(EFBIG, quoteForMessage(file.native()) + " is larger than 4 MiB");
    }
}

bool isInside(const fs::path& path, const fs::path& root)
{
    auto [rootEnd, pathEnd] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    // A trailing separator leaves an empty last element in `root`.
    return rootEnd == root.end() || (rootEnd->empty() && std::next(rootEnd) == root.end());
}

std::string describeInclude(const ConfigEntry& directive)
{
    return "lxc.include " + quoteForMessage(directive.value) + " at " + directive.where();
}

} // namespace

class ConfigParser {
public:
    explicit ConfigParser(const ConfigParseOptions& options) : m_options(options)
    {
        if (!options.followIncludes)
            return;
        addRoot(options.baseDir);
        for (const fs::path& root : options.includeRoots)
            addRoot(root);
    }

    Result<Config> parseTop(std::string_view text, const fs::path& self)
    {
        if (!self.empty())
            m_stack.push_back(self);
        Config config;
        config.m_sourceName = m_options.sourceName;
        config.m_finalNewline = text.ends_with('\n');
        auto lines = parseLines(text, m_options.sourceName, m_options.baseDir, 0);
        if (!lines)
            return fail(lines.error());
        config.m_lines = std::move(*lines);
        return config;
    }

private:
    void addRoot(const fs::path& root)
    {
        std::error_code ec;
        if (root.empty())
            return;
        // A root that does not exist cannot hold anything to include.
        fs::path canonical = fs::canonical(root, ec);
        if (!ec)
            m_roots.push_back(std::move(canonical));
    }

    Result<std::vector<Config::Line>> parseLines(std::string_view text, const std::string& source, const fs::path& dir,
                                                 int depth)
    {
        std::vector<Config::Line> lines;
        if (text.empty())
            return lines;
        // The final newline ends the last line rather than starting another.
        if (text.ends_with('\n'))
            text.remove_suffix(1);
        std::size_t start = 0;
        for (int number = 1;; ++number) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            auto line = parseLine(text.substr(start, end - start), ConfigEntry{{}, {}, source, number}, dir, depth);
            if (!line)
                return fail(line.error());
            lines.push_back(std::move(*line));
            if (end == text.size())
                return lines;
            start = end + 1;
        }
    }

    Result<Config::Line> parseLine(std::string_view text, ConfigEntry where, const fs::path& dir, int depth)
    {
        auto syntax = parseConfigLine(text);
        if (!syntax)
            return failWith(EINVAL, where.where() + ": " + syntax.error().message + ": " + quoteForMessage(text),
                            where.where());
        Config::Line line{std::string(text), Config::LineKind::Blank, {}, {}, 0, {}};
        if (syntax->kind == ConfigLineSyntax::Kind::Comment)
            line.kind = Config::LineKind::Comment;
        if (syntax->kind != ConfigLineSyntax::Kind::Entry)
            return line;
        line.kind = Config::LineKind::Entry;
        line.key = std::move(syntax->key);
        line.value = std::move(syntax->value);
        line.valueStart = syntax->valueStart;
        if (line.key == "lxc.include") {
            if (!m_options.followIncludes)
                return failWith(EINVAL,
                                where.where() + ": lxc.include: not accepted here; nothing is read on the"
                                                " caller's behalf, so copy the included keys into the config",
                                where.where());
            where.key = line.key;
            where.value = line.value;
            auto included = include(where, dir, depth);
            if (!included)
                return fail(included.error());
            line.included = std::move(*included);
        }
        return line;
    }

    Result<std::vector<ConfigEntry>> include(const ConfigEntry& directive, const fs::path& dir, int depth)
    {
        if (depth + 1 > m_options.maxIncludeDepth)
            return failWith(ELOOP,
                            describeInclude(directive) + " nests includes deeper than " +
                                std::to_string(m_options.maxIncludeDepth) + " levels",
                            directive.where());
        fs::path target = directive.value;
        if (target.is_relative() && !dir.empty())
            target = dir / target;
        std::error_code ec;
        const fs::path canonical = fs::canonical(target, ec);
        if (ec)
            return failWith(ec.value(), describeInclude(directive) + ": " + ec.message(), directive.where());
        if (!fs::is_directory(canonical, ec))
            return includeFile(canonical, directive, depth);
        auto files = listConfFiles(canonical, directive);
        if (!files)
            return fail(files.error());
        std::vector<ConfigEntry> entries;
        for (const fs::path& file : *files) {
            auto more = includeFile(file, directive, depth);
            if (!more)
                return fail(more.error());
            entries.insert(entries.end(), more->begin(), more->end());
        }
        return entries;
    }

    // The *.conf files of an included directory, by name, as LXC reads them.
    Result<std::vector<fs::path>> listConfFiles(const fs::path& dir, const ConfigEntry& directive)
    {
        std::error_code ec;
        std::vector<fs::path> files;
        fs::directory_iterator it(dir, ec);
        for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
            if (it->path().extension() == ".conf" && it->is_regular_file(ec))
                files.push_back(it->path());
        }
        if (ec)
            return failWith(ec.value(), describeInclude(directive) + ": " + ec.message(), directive.where());
        std::sort(files.begin(), files.end());
        return files;
    }

    Result<std::vector<ConfigEntry>> includeFile(const fs::path& file, const ConfigEntry& directive, int depth)
    {
        std::error_code ec;
        const fs::path canonical = fs::canonical(file, ec);
        if (ec)
            return failWith(ec.value(), describeInclude(directive) + ": " + ec.message(), directive.where());
        const bool allowed = std::any_of(m_roots.begin(), m_roots.end(),
                                         [&](const fs::path& root) { return isInside(canonical, root); });
        if (!allowed)
            return failWith(EACCES, describeInclude(directive) + " is outside the allowed directories",
                            directive.where());
        if (std::find(m_stack.begin(), m_stack.end(), canonical) != m_stack.end())
            return failWith(ELOOP,
                            describeInclude(directive) + " includes " + quoteForMessage(canonical.native()) +
                                " again (a cycle)",
                            directive.where());
        auto text = readConfigFile(canonical);
        if (!text)
            return fail(text.error().wrap(describeInclude(directive)));
        m_stack.push_back(canonical);
        auto lines = parseLines(*text, canonical.native(), canonical.parent_path(), depth + 1);
        m_stack.pop_back();
        // The chain of includes leads the reader from the top-level config.
        if (!lines)
            return fail(lines.error().wrap(describeInclude(directive)));
        return flatten(*lines, canonical.native());
    }

    static std::vector<ConfigEntry> flatten(const std::vector<Config::Line>& lines, const std::string& source)
    {
        std::vector<ConfigEntry> entries;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (lines[i].kind != Config::LineKind::Entry)
                continue;
            entries.push_back({lines[i].key, lines[i].value, source, static_cast<int>(i + 1)});
            entries.insert(entries.end(), lines[i].included.begin(), lines[i].included.end());
        }
        return entries;
    }

    const ConfigParseOptions& m_options;
    std::vector<fs::path> m_roots;
    std::vector<fs::path> m_stack; // canonical files being read, for cycles
};

Result<Config> Config::parse(std::string_view text, const ConfigParseOptions& options)
{
    return ConfigParser(options).parseTop(text, {});
}

Result<Config> Config::load(const fs::path& file, const ConfigParseOptions& options)
{
    ConfigParseOptions effective = options;
    if (effective.baseDir.empty())
        effective.baseDir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    auto text = readConfigFile(file);
    if (!text)
        return fail(text.error());
    std::error_code ec;
    const fs::path self = fs::canonical(file, ec);
    return ConfigParser(effective).parseTop(*text, ec ? fs::path() : self);
}

} // namespace berth
