#include "image_store/tree_usage.h"

#include "fs/tree_walk.h"

#include <set>
#include <tuple>

namespace berth::image_store {

namespace {

class UsageVisitor : public fs::TreeVisitor {
public:
    Status enter(const fs::WalkDir& dir) override
    {
        if (dir.path.empty())
            count(dir.st);
        return {};
    }
    Result<fs::Descend> entry(const fs::WalkEntry& e) override
    {
        count(e.st);
        return (e.st.stx_mode & S_IFMT) == S_IFDIR ? fs::Descend::Yes : fs::Descend::No;
    }
    [[nodiscard]] std::uint64_t bytes() const { return m_bytes; }

private:
    void count(const struct statx& st)
    {
        if (st.stx_nlink > 1 && (st.stx_mode & S_IFMT) != S_IFDIR &&
            !m_linked.emplace(st.stx_dev_major, st.stx_dev_minor, st.stx_ino).second)
            return;
        m_bytes += st.stx_blocks * 512;
    }

    std::uint64_t m_bytes = 0;
    std::set<std::tuple<std::uint32_t, std::uint32_t, std::uint64_t>> m_linked;
};

} // namespace

Result<std::uint64_t> treeDiskUsage(int dirFd)
{
    UsageVisitor visitor;
    if (auto ok = fs::walkTree(dirFd, visitor); !ok)
        return fail(ok.error());
    return visitor.bytes();
}

} // namespace berth::image_store
