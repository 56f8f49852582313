#include "net/nftables_library.h"

#include "common/loaded_library.h"

#include <nftables/libnftables.h>

namespace berth::net {

namespace {

// Member names are the C names, types the header's.
struct NftablesApi {
    decltype(&::nft_ctx_new) nft_ctx_new = nullptr;
    decltype(&::nft_ctx_free) nft_ctx_free = nullptr;
    decltype(&::nft_ctx_buffer_output) nft_ctx_buffer_output = nullptr;
    decltype(&::nft_ctx_buffer_error) nft_ctx_buffer_error = nullptr;
    decltype(&::nft_ctx_get_output_buffer) nft_ctx_get_output_buffer = nullptr;
    decltype(&::nft_ctx_get_error_buffer) nft_ctx_get_error_buffer = nullptr;
    decltype(&::nft_run_cmd_from_buffer) nft_run_cmd_from_buffer = nullptr;
    decltype(&::nft_run_cmd_from_filename) nft_run_cmd_from_filename = nullptr;
};

Result<NftablesApi> resolveAll()
{
    static LoadedLibrary library("libnftables.so.1", "libnftables1", "NAT and port forwards");
    NftablesApi api;
#define BERTH_RESOLVE(name)                                                                                            \
    if (Status found = library.resolve(api.name, #name); !found)                                                       \
        return fail(std::move(found.error()));
    BERTH_RESOLVE(nft_ctx_new)
    BERTH_RESOLVE(nft_ctx_free)
    BERTH_RESOLVE(nft_ctx_buffer_output)
    BERTH_RESOLVE(nft_ctx_buffer_error)
    BERTH_RESOLVE(nft_ctx_get_output_buffer)
    BERTH_RESOLVE(nft_ctx_get_error_buffer)
    BERTH_RESOLVE(nft_run_cmd_from_buffer)
    BERTH_RESOLVE(nft_run_cmd_from_filename)
#undef BERTH_RESOLVE
    return api;
}

// Resolved on first use, from whichever thread comes first (a function's
// static is initialized once); the outcome stays for the process.
const Result<NftablesApi>& api()
{
    static const Result<NftablesApi> resolved = resolveAll();
    return resolved;
}

// Null while libnftables is missing.
const NftablesApi* loaded()
{
    return api() ? &*api() : nullptr;
}

} // namespace

Status requireNftables()
{
    if (!api())
        return fail(api().error());
    return {};
}

} // namespace berth::net

// The forwarders. Hidden like the rest of the engine, so they never stand
// in for libnftables' own functions in another library of the process.
using berth::net::loaded;

nft_ctx* nft_ctx_new(uint32_t flags)
{
    return loaded() ? loaded()->nft_ctx_new(flags) : nullptr;
}

void nft_ctx_free(nft_ctx* ctx)
{
    if (loaded())
        loaded()->nft_ctx_free(ctx);
}

int nft_ctx_buffer_output(nft_ctx* ctx)
{
    return loaded() ? loaded()->nft_ctx_buffer_output(ctx) : -1;
}

int nft_ctx_buffer_error(nft_ctx* ctx)
{
    return loaded() ? loaded()->nft_ctx_buffer_error(ctx) : -1;
}

const char* nft_ctx_get_output_buffer(nft_ctx* ctx)
{
    return loaded() ? loaded()->nft_ctx_get_output_buffer(ctx) : nullptr;
}

const char* nft_ctx_get_error_buffer(nft_ctx* ctx)
{
    return loaded() ? loaded()->nft_ctx_get_error_buffer(ctx) : nullptr;
}

int nft_run_cmd_from_buffer(nft_ctx* nft, const char* buf)
{
    return loaded() ? loaded()->nft_run_cmd_from_buffer(nft, buf) : -1;
}

int nft_run_cmd_from_filename(nft_ctx* nft, const char* filename)
{
    return loaded() ? loaded()->nft_run_cmd_from_filename(nft, filename) : -1;
}
