#include "image_store/image_lookup.h"

#include "berth/model/image_reference.h"

#include <algorithm>
#include <cerrno>
#include <optional>

namespace berth::image_store {

namespace {

bool isHex(std::string_view s)
{
    return std::ranges::all_of(s, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string quoted(std::string_view s)
{
    return "'" + std::string(s.substr(0, 300)) + "'";
}

// "name@sha256:..." matches a record of that repository with that manifest
// digest, whatever tag it was pulled by.
bool digestMatches(const ImageRecord& record, const model::ImageReference& ref)
{
    if (ref.digest.empty() || record.manifestDigest != ref.digest)
        return false;
    const std::string repo = ref.name();
    return std::ranges::any_of(record.names, [&](const std::string& name) {
        return name.starts_with(repo) && name.size() > repo.size() &&
               (name[repo.size()] == ':' || name[repo.size()] == '@');
    });
}

std::optional<Found> byName(const std::vector<ImageRecord>& records, const std::vector<std::string>& searchRegistries,
                            const model::ImageReference& ref)
{
    for (const model::ImageReference& candidate : model::qualifiedCandidates(ref, searchRegistries)) {
        const std::string text = candidate.text();
        for (std::size_t i = 0; i < records.size(); ++i)
            if (std::ranges::find(records[i].names, text) != records[i].names.end() ||
                digestMatches(records[i], candidate))
                return Found{i, text};
    }
    return std::nullopt;
}

Result<std::optional<Found>> byId(const std::vector<ImageRecord>& records, std::string_view reference)
{
    std::string_view hex = reference;
    if (hex.starts_with("sha256:"))
        hex.remove_prefix(7);
    if (hex.size() < 12 || hex.size() > 64 || !isHex(hex))
        return std::optional<Found>();
    std::optional<Found> found;
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (!std::string_view(records[i].id).substr(7).starts_with(hex))
            continue;
        if (found)
            return failWith(EINVAL, "image id prefix " + quoted(reference) + " names more than one image",
                            std::string(reference));
        found = Found{i, ""};
    }
    return found;
}

} // namespace

Result<Found> findRecord(const std::vector<ImageRecord>& records, const std::vector<std::string>& searchRegistries,
                         std::string_view reference)
{
    auto parsed = model::parseImageReference(reference);
    if (parsed)
        if (auto found = byName(records, searchRegistries, *parsed))
            return *found;
    auto found = byId(records, reference);
    if (!found)
        return fail(found.error());
    if (*found)
        return **found;
    const bool idShaped = reference.starts_with("sha256:") || (!reference.empty() && isHex(reference));
    if (!parsed && !idShaped)
        return failWith(EINVAL, "image reference " + quoted(reference) + " is neither a name nor an id",
                        std::string(reference));
    return failWith(ENOENT, "no image " + quoted(reference) + " in the store", std::string(reference));
}

} // namespace berth::image_store
