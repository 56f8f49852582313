// normalizeEntryPath guards extraction: whatever name an archive holds,
// an accepted result is relative, has no "..", "." or empty component, and
// normalizing it again changes nothing.
#include "fuzz_invariant.h"
#include "image/archive_path.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using berth::fuzz::require;

void checkComponents(const std::string& path)
{
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        const std::string_view part = std::string_view(path).substr(start, end - start);
        require(part != "..", "no '..' component", path);
        require(part != ".", "no '.' component", path);
        require(!part.empty() || path.empty(), "no empty component", path);
        start = end + 1;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view name = berth::fuzz::asText(data, size);
    auto normalized = berth::image::normalizeEntryPath(name);
    if (!normalized)
        return 0;
    require(!normalized->starts_with('/'), "result is not absolute", *normalized);
    require(normalized->find('\0') == std::string::npos, "result has no NUL", *normalized);
    checkComponents(*normalized);
    if (!normalized->empty()) {
        auto again = berth::image::normalizeEntryPath(*normalized);
        require(again && *again == *normalized, "normalizing is idempotent", *normalized);
    }
    return 0;
}
