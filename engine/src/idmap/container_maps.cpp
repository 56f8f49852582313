#include "idmap/container_maps.h"

#include "config/config_syntax.h"
#include "store/container_store.h"

#include <algorithm>

namespace berth::idmap {

model::IdMap idMapLines(std::string_view text)
{
    model::IdMap map;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        auto line = parseConfigLine(text.substr(0, end));
        text.remove_prefix(std::min(end + 1, text.size()));
        if (!line || line->kind != ConfigLineSyntax::Kind::Entry || line->key != "lxc.idmap")
            continue;
        if (auto entry = model::parseIdMapEntry(line->value))
            map.entries.push_back(*entry);
    }
    return map;
}

Result<std::vector<UsedMap>> containerMaps(const Paths& paths, std::string_view except)
{
    const ContainerStore store(paths);
    auto names = store.list();
    if (!names)
        return fail(names.error());
    std::vector<UsedMap> used;
    for (const std::string& name : *names) {
        if (name == except)
            continue;
        auto text = store.readConfig(name);
        if (!text && text.error().code == ENOENT)
            continue; // destroyed meanwhile
        if (!text)
            return fail(text.error());
        model::IdMap map = idMapLines(*text);
        if (!map.empty())
            used.push_back({name, std::move(map)});
    }
    return used;
}

} // namespace berth::idmap
