#include "image_store/image_record.h"

#include "fs/atomic_file.h"
#include "fs/dir_list.h"
#include "fs/file_io.h"
#include "image/oci_json.h"
#include "image_store/store_dirs.h"

#include <algorithm>
#include <cerrno>

#include <fcntl.h>
#include <unistd.h>

namespace berth::image_store {

namespace {

using image::Json;

constexpr std::string_view kSuffix = ".json";

Status readStrings(const Json& doc, std::string_view what,
                   std::initializer_list<std::pair<const char*, std::string*>> out)
{
    for (const auto& [key, field] : out) {
        auto value = image::optionalString(doc, key, what);
        if (!value)
            return fail(value.error());
        *field = value->value_or("");
    }
    return {};
}

Status readArrays(const Json& doc, std::string_view what,
                  std::initializer_list<std::pair<const char*, std::vector<std::string>*>> out)
{
    for (const auto& [key, field] : out) {
        auto value = image::stringArray(doc, key, what);
        if (!value)
            return fail(value.error());
        *field = std::move(*value);
    }
    return {};
}

Status readRest(const Json& doc, ImageRecord& r, std::string_view what)
{
    auto labels = image::stringMap(doc, "labels", what);
    if (!labels)
        return fail(labels.error());
    r.labels.insert(labels->begin(), labels->end());
    if (auto it = doc.find("created"); it != doc.end() && it->is_number_integer())
        r.created = it->get<std::int64_t>();
    if (!digestHex(r.id))
        return image::jsonError(what, "id", "is not a sha256 digest");
    if (r.diffIds.size() != r.layerDigests.size())
        return image::jsonError(what, "layerDigests", "does not match diffIds");
    return {};
}

} // namespace

std::string recordText(const ImageRecord& r)
{
    Json doc = {{"id", r.id},
                {"names", r.names},
                {"manifestDigest", r.manifestDigest},
                {"os", r.os},
                {"architecture", r.architecture},
                {"variant", r.variant},
                {"created", r.created},
                {"diffIds", r.diffIds},
                {"layerDigests", r.layerDigests},
                {"entrypoint", r.entrypoint},
                {"cmd", r.cmd},
                {"env", r.env},
                {"workingDir", r.workingDir},
                {"user", r.user},
                {"stopSignal", r.stopSignal},
                {"exposedPorts", r.exposedPorts},
                {"labels", r.labels}};
    // A registry's strings need not be UTF-8; dump() would throw on them.
    return doc.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<ImageRecord> parseRecord(std::string_view text, std::string_view what)
{
    auto doc = image::parseJsonObject(text, what);
    if (!doc)
        return fail(doc.error());
    ImageRecord r;
    if (auto ok = readStrings(*doc, what,
                              {{"id", &r.id},
                               {"manifestDigest", &r.manifestDigest},
                               {"os", &r.os},
                               {"architecture", &r.architecture},
                               {"variant", &r.variant},
                               {"workingDir", &r.workingDir},
                               {"user", &r.user},
                               {"stopSignal", &r.stopSignal}});
        !ok)
        return fail(ok.error());
    if (auto ok = readArrays(*doc, what,
                             {{"names", &r.names},
                              {"diffIds", &r.diffIds},
                              {"layerDigests", &r.layerDigests},
                              {"entrypoint", &r.entrypoint},
                              {"cmd", &r.cmd},
                              {"env", &r.env},
                              {"exposedPorts", &r.exposedPorts}});
        !ok)
        return fail(ok.error());
    if (auto ok = readRest(*doc, r, what); !ok)
        return fail(ok.error());
    return r;
}

Result<std::vector<ImageRecord>> readRecords(int imagesFd)
{
    auto names = fs::listDirectory(imagesFd);
    if (!names)
        return fail(names.error().wrap("list the image store's records"));
    std::vector<ImageRecord> records;
    for (const std::string& name : *names) {
        if (name.starts_with('.') || !name.ends_with(kSuffix))
            continue;
        UniqueFd fd(::openat(imagesFd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
        if (!fd)
            continue; // removed meanwhile
        auto text = fs::readAll(fd.get(), image::kMaxJsonBytes);
        auto record = text ? parseRecord(*text, "image record " + name) : fail(text.error());
        if (record && record->id == "sha256:" + name.substr(0, name.size() - kSuffix.size()))
            records.push_back(std::move(*record));
    }
    std::ranges::sort(records, {}, &ImageRecord::id);
    return records;
}

Status writeRecord(int imagesFd, const ImageRecord& record)
{
    auto hex = digestHex(record.id);
    if (!hex)
        return fail(hex.error());
    return fs::writeFileAtomicAt(imagesFd, *hex + std::string(kSuffix), recordText(record), 0600);
}

Status removeRecord(int imagesFd, std::string_view id)
{
    auto hex = digestHex(id);
    if (!hex)
        return fail(hex.error());
    const std::string name = *hex + std::string(kSuffix);
    if (::unlinkat(imagesFd, name.c_str(), 0) != 0 && errno != ENOENT)
        return failErrno(errno, "remove the record of image '" + std::string(id) + "'");
    if (::fsync(imagesFd) != 0)
        return failErrno(errno, "sync the image store's records");
    return {};
}

} // namespace berth::image_store
