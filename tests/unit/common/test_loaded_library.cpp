// LoadedLibrary: a missing soname gives an error naming the library, its
// package and what needs it, and stays missing without a second dlopen; a
// present one resolves symbols that work when called; a symbol the library
// lacks is named. And the engine's own two (nftables_library.h,
// systemd_library.h) find every function they forward, on this host where
// both packages are installed: a misspelt or too new name fails here.
#include "cgroup/systemd_library.h"
#include "common/loaded_library.h"
#include "net/nftables_library.h"

#include <QtTest>

#include <cerrno>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

using berth::LoadedLibrary;

class TestLoadedLibrary : public QObject {
    Q_OBJECT

private slots:
    void missingLibrary();
    void missingLibraryTwice();
    void presentLibrary();
    void missingSymbol();
    void concurrentFirstUse();
    void engineLibraries();
};

namespace {

constexpr const char* kMissing = "libberth-no-such-library.so.7";

bool contains(const std::string& text, const char* part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

void TestLoadedLibrary::missingLibrary()
{
    LoadedLibrary library(kMissing, "berth-nothing1", "port forwards");
    const berth::Status loaded = library.load();
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, ELIBACC);
    const std::string& message = loaded.error().message;
    QVERIFY2(message.starts_with("port forwards need libberth-no-such-library.so.7 (package berth-nothing1)"),
             message.c_str());
    QVERIFY2(contains(message, "cannot open shared object file"), message.c_str()); // dlerror's reason kept
    // A symbol of a missing library is the same error, not a crash.
    const berth::Result<void*> symbol = library.symbol("anything");
    QVERIFY(!symbol);
    QCOMPARE(symbol.error().message, message);
}

void TestLoadedLibrary::missingLibraryTwice()
{
    LoadedLibrary library(kMissing, "berth-nothing1", "NAT");
    const berth::Status first = library.load();
    const berth::Status second = library.load();
    QVERIFY(!first && !second);
    QCOMPARE(second.error().message, first.error().message);
}

void TestLoadedLibrary::presentLibrary()
{
    // libc is in every process; its getpid through the handle is the real one.
    LoadedLibrary library("libc.so.6", "libc6", "tests");
    QVERIFY(library.load());
    pid_t (*getpidFromHandle)() = nullptr;
    const berth::Status resolved = library.resolve(getpidFromHandle, "getpid");
    QVERIFY2(resolved, resolved ? "" : resolved.error().message.c_str());
    QVERIFY(getpidFromHandle != nullptr);
    QCOMPARE(getpidFromHandle(), ::getpid());
    size_t (*strlenFromHandle)(const char*) = nullptr;
    QVERIFY(library.resolve(strlenFromHandle, "strlen"));
    QCOMPARE(strlenFromHandle("berth"), std::size_t{5});
}

void TestLoadedLibrary::missingSymbol()
{
    LoadedLibrary library("libc.so.6", "libc6", "tests");
    const berth::Result<void*> symbol = library.symbol("berth_no_such_function");
    QVERIFY(!symbol);
    QCOMPARE(symbol.error().code, ELIBACC);
    const std::string& message = symbol.error().message;
    QVERIFY2(contains(message, "berth_no_such_function") && contains(message, "libc.so.6") &&
                 contains(message, "libc6"),
             message.c_str());
    // The library itself stays usable.
    QVERIFY(library.symbol("getpid"));
}

void TestLoadedLibrary::concurrentFirstUse()
{
    LoadedLibrary present("libc.so.6", "libc6", "tests");
    LoadedLibrary missing(kMissing, "berth-nothing1", "tests");
    std::vector<void*> addresses(8, nullptr);
    std::vector<std::string> errors(8);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < addresses.size(); ++i)
        threads.emplace_back([&, i] {
            if (auto address = present.symbol("getpid"))
                addresses[i] = *address;
            if (auto failed = missing.load(); !failed)
                errors[i] = failed.error().message;
        });
    for (std::thread& thread : threads)
        thread.join();
    for (std::size_t i = 0; i < addresses.size(); ++i) {
        QVERIFY(addresses[i] != nullptr);
        QCOMPARE(addresses[i], addresses[0]);
        QVERIFY(!errors[i].empty());
        QCOMPARE(errors[i], errors[0]);
    }
}

void TestLoadedLibrary::engineLibraries()
{
    const berth::Status nftables = berth::net::requireNftables();
    QVERIFY2(nftables, nftables ? "" : nftables.error().message.c_str());
    const berth::Status systemd = berth::cgroup::requireSystemd();
    QVERIFY2(systemd, systemd ? "" : systemd.error().message.c_str());
}

QTEST_GUILESS_MAIN(TestLoadedLibrary)
#include "test_loaded_library.moc"
