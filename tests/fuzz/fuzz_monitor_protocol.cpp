// The monitor protocol (runtime/monitor_protocol.h) on any bytes: no
// decoder throws (an exception aborts the fuzzer), and whatever one
// accepts encodes to text that decodes to the same message.
#include "fuzz_invariant.h"
#include "runtime/monitor_protocol.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using berth::fuzz::require;
using namespace berth::runtime;

void checkRequest(std::string_view text)
{
    auto request = decodeRequest(text);
    if (!request)
        return;
    const std::string encoded = encodeMessage(*request);
    auto again = decodeRequest(encoded);
    require(again && encodeMessage(*again) == encoded, "an accepted request round-trips", encoded);
}

void checkAnswer(std::string_view text)
{
    auto answer = decodeAnswer(text);
    if (!answer)
        return;
    const std::string encoded = encodeMessage(*answer);
    auto again = decodeAnswer(encoded);
    require(again && encodeMessage(*again) == encoded, "an accepted answer round-trips", encoded);
}

void checkStartReport(std::string_view text)
{
    auto report = decodeStartReport(text);
    if (!report)
        return;
    require(report->error || report->initPid >= 0, "a started monitor's pid is not negative");
    const std::string encoded = encodeMessage(*report);
    auto again = decodeStartReport(encoded);
    require(again && encodeMessage(*again) == encoded, "an accepted start report round-trips", encoded);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = berth::fuzz::asText(data, size);
    checkRequest(text);
    checkAnswer(text);
    checkStartReport(text);
    (void)decodeSetupFailure(text);
    return 0;
}
