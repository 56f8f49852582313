#include "net/nft_apply.h"

#include "net/nftables_library.h"

#include <nftables/libnftables.h>

#include "berth/unique_fd.h"

#include <cerrno>
#include <memory>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

namespace berth::net {

namespace {

constexpr std::string_view kTable = "table inet berth";

struct NftCtxFree {
    void operator()(nft_ctx* ctx) const { nft_ctx_free(ctx); }
};
using NftContext = std::unique_ptr<nft_ctx, NftCtxFree>;

std::string trimmed(const char* text)
{
    std::string s = text ? text : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

// nftables reports kernel refusals as strerror text only; recover the code
// callers act on.
int codeForNftError(std::string_view text)
{
    if (text.find("Operation not permitted") != std::string_view::npos)
        return EPERM;
    if (text.find("No such file or directory") != std::string_view::npos)
        return ENOENT;
    return EINVAL;
}

Result<NftContext> newContext(std::string_view what)
{
    // libnftables is loaded here, on first use; without it the error says
    // which package is missing.
    if (Status loaded = requireNftables(); !loaded)
        return fail(std::move(loaded.error()).wrap(what));
    NftContext ctx(nft_ctx_new(NFT_CTX_DEFAULT));
    // Buffered so that nothing reaches our stdout/stderr and nft's error
    // text can become the Error message.
    if (ctx && (nft_ctx_buffer_output(ctx.get()) != 0 || nft_ctx_buffer_error(ctx.get()) != 0))
        ctx.reset();
    if (!ctx)
        return failWith(ENOMEM, std::string(what) + ": cannot set up an nftables context", std::string(kTable));
    return ctx;
}

// Output of a successful run, or nft's error text as the Error.
Result<std::string> finish(nft_ctx* ctx, int rc, std::string_view what, std::string_view source = {})
{
    if (rc == 0)
        return trimmed(nft_ctx_get_output_buffer(ctx)) + "\n";
    std::string text = trimmed(nft_ctx_get_error_buffer(ctx));
    if (text.empty())
        text = "nftables refused the commands";
    // nft names the input file in its locations; ours is a memfd.
    for (std::size_t at; !source.empty() && (at = text.find(source)) != std::string::npos;)
        text.replace(at, source.size(), "ruleset");
    return failWith(codeForNftError(text), std::string(what) + ": " + text, std::string(kTable));
}

// Runs `commands` as one nftables transaction; returns what nft printed.
Result<std::string> runNft(std::string_view commands, std::string_view what)
{
    Result<NftContext> ctx = newContext(what);
    if (!ctx)
        return fail(std::move(ctx.error()));
    const std::string buffer(commands); // libnftables wants a NUL-terminated string
    return finish(ctx->get(), nft_run_cmd_from_buffer(ctx->get(), buffer.c_str()), what);
}

// As runNft, but from a file: nftables 1.0 quotes the wrong line of a
// buffer in its syntax errors, and the right one of a file.
Result<std::string> runNftAsFile(std::string_view commands, std::string_view what)
{
    UniqueFd memfd(::memfd_create("berth-nft", MFD_CLOEXEC));
    if (!memfd)
        return failErrno(errno, std::string(what) + ": memfd_create");
    for (std::size_t done = 0; done < commands.size();) {
        const ssize_t n = ::write(memfd.get(), commands.data() + done, commands.size() - done);
        if (n < 0 && errno != EINTR)
            return failErrno(errno, std::string(what) + ": write the ruleset to a memfd");
        done += n > 0 ? static_cast<std::size_t>(n) : 0;
    }
    Result<NftContext> ctx = newContext(what);
    if (!ctx)
        return fail(std::move(ctx.error()));
    const std::string path = "/proc/self/fd/" + std::to_string(memfd.get());
    return finish(ctx->get(), nft_run_cmd_from_filename(ctx->get(), path.c_str()), what, path);
}

// Splits the text into words at brace depth 0 ("{" is a word of its own);
// comments and quoted strings are skipped, blocks are not looked into.
Result<std::vector<std::string>> topLevelWords(std::string_view text)
{
    std::vector<std::string> words;
    std::string word;
    int depth = 0;
    auto flush = [&] {
        if (!word.empty() && depth == 0)
            words.push_back(word);
        word.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '#') {
            flush();
            while (i < text.size() && text[i] != '\n')
                ++i;
        } else if (c == '"') {
            flush();
            const std::size_t end = text.find('"', i + 1);
            if (end == std::string_view::npos)
                return failWith(EINVAL, "nftables ruleset: unterminated string");
            i = end;
        } else if (c == '{' || c == '}') {
            flush();
            if (c == '{' && depth++ == 0)
                words.emplace_back("{");
            if (c == '}' && --depth < 0)
                return failWith(EINVAL, "nftables ruleset: unbalanced '}'");
        } else if (c == ' ' || c == '\t' || c == '\n' || c == ';') {
            flush();
        } else {
            word.push_back(c);
        }
    }
    if (depth != 0)
        return failWith(EINVAL, "nftables ruleset: unbalanced '{'");
    return words;
}

} // namespace

Status checkRulesetScope(std::string_view rulesetText)
{
    auto words = topLevelWords(rulesetText);
    if (!words)
        return std::unexpected(std::move(words.error()));
    static constexpr std::string_view kBlockStart[] = {"table", "inet", "berth", "{"};
    for (std::size_t i = 0; i < words->size(); ++i) {
        if ((*words)[i] != kBlockStart[i % 4])
            return failWith(EINVAL, "nftables ruleset: '" + (*words)[i] +
                                        "' outside table inet berth; only 'table inet berth { ... }' is accepted");
    }
    if (words->size() % 4 != 0)
        return failWith(EINVAL, "nftables ruleset: incomplete 'table inet berth' block");
    return {};
}

Status applyRuleset(std::string_view rulesetText)
{
    if (auto scope = checkRulesetScope(rulesetText); !scope)
        return scope;
    // "add" first so that "delete" cannot fail on a missing table; on the
    // text's first line so that nft's line numbers are the text's own.
    std::string commands = "add table inet berth; delete table inet berth; ";
    commands += rulesetText;
    auto out = runNftAsFile(commands, "apply nftables ruleset");
    if (!out)
        return std::unexpected(std::move(out.error()));
    return {};
}

Status removeRuleset()
{
    auto out = runNft("add table inet berth\ndelete table inet berth\n", "remove nftables table");
    if (!out)
        return std::unexpected(std::move(out.error()));
    return {};
}

Result<std::string> currentRuleset()
{
    // Listing a missing table is an error whose text varies between nft
    // versions; ask for the list of tables first to answer ENOENT reliably.
    auto tables = runNft("list tables inet", "list nftables tables");
    if (!tables)
        return tables;
    if (tables->find(std::string(kTable) + "\n") == std::string::npos)
        return failWith(ENOENT, "no nftables table inet berth", std::string(kTable));
    return runNft("list table inet berth", "list nftables table");
}

} // namespace berth::net
