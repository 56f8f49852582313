#include "lifecycle_fixture.h"

#include "integration_env.h"

#include <QtTest/QtTest>

#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace berth::test {

namespace {

std::string foldCrLf(std::string text)
{
    std::string out;
    for (size_t i = 0; i < text.size(); ++i)
        if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n'))
            out += text[i];
    return out;
}

} // namespace

Engine makeEngine()
{
    return Engine(IntegrationEnvironment::instance().engineSettings());
}

std::string readConsoleLog(const Engine& engine, const std::string& name)
{
    std::ifstream in(engine.settings().paths.logFile(name));
    std::stringstream text;
    text << in.rdbuf();
    return foldCrLf(text.str());
}

RunResult runApplication(Engine& engine, const std::string& name, const std::vector<std::string>& command,
                         bool privileged)
{
    RunResult result;
    CreateRequest request{
        .name = name, .kind = ContainerKind::Application, .privileged = privileged, .command = command};
    auto created = engine.create(request);
    if (!created) {
        QTest::qFail(("create: " + created.error().describe()).c_str(), __FILE__, __LINE__);
        return result;
    }
    auto started = engine.start(name);
    if (!started) {
        QTest::qFail(("start: " + started.error().describe()).c_str(), __FILE__, __LINE__);
        (void)engine.destroy(name, true);
        return result;
    }
    auto stopped = engine.waitStopped(name, std::chrono::seconds(30));
    if (!stopped || !stopped->lastExit) {
        QTest::qFail("the container did not report an exit status", __FILE__, __LINE__);
        (void)engine.destroy(name, true);
        return result;
    }
    result.exit = *stopped->lastExit;
    result.output = readConsoleLog(engine, name);
    if (auto destroyed = engine.destroy(name); !destroyed)
        QTest::qFail(("destroy: " + destroyed.error().describe()).c_str(), __FILE__, __LINE__);
    return result;
}

RunResult execCaptured(Engine& engine, const std::string& name, const std::vector<std::string>& argv)
{
    RunResult result;
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0)
        return result;
    ExecRequest request{.argv = argv};
    request.stdoutFd = pipeFds[1];
    request.stderrFd = pipeFds[1];
    auto process = engine.exec(name, request);
    ::close(pipeFds[1]);
    if (!process) {
        ::close(pipeFds[0]);
        QTest::qFail(("exec: " + process.error().describe()).c_str(), __FILE__, __LINE__);
        return result;
    }
    char buffer[4096];
    ssize_t got;
    while ((got = ::read(pipeFds[0], buffer, sizeof(buffer))) > 0)
        result.output.append(buffer, static_cast<size_t>(got));
    ::close(pipeFds[0]);
    auto status = process->wait();
    if (status)
        result.exit = *status;
    else
        QTest::qFail(("exec wait: " + status.error().describe()).c_str(), __FILE__, __LINE__);
    return result;
}

std::string readUntil(int fd, const std::string& needle, int timeoutMs)
{
    std::string text;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (text.find(needle) == std::string::npos) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            break;
        pollfd pfd{fd, POLLIN, 0};
        if (::poll(&pfd, 1, static_cast<int>(left.count())) <= 0)
            break;
        char buffer[4096];
        const ssize_t got = ::read(fd, buffer, sizeof(buffer));
        if (got <= 0)
            break;
        text.append(buffer, static_cast<size_t>(got));
    }
    return foldCrLf(text);
}

} // namespace berth::test
