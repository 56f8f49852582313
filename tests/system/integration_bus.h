// The private bus of a test run under the integration environment
// (tests/common): the helper keeps its state in the environment's state
// root and its cgroups under the environment's parent, so what a test
// leaves is found and removed with the environment.
#pragma once

#include "integration_env.h"
#include "system_bus.h"

#include <QCoreApplication>
#include <QtTest>

namespace berth::test {

// Starts `bus` for the environment and points berthctl at it
// (BERTH_BUS_ADDRESS, inherited by what this process runs). False with a reason.
bool startTestBus(SystemBus& bus, QString* why, int helperIdleSeconds = SystemBusSettings{}.helperIdleSeconds);

} // namespace berth::test

// main() of a test on the private bus: the integration environment around
// it (refusing to run without root) and a QCoreApplication, which QtDBus
// needs for its connections and the tests for the signals they wait for.
#define BERTH_SYSTEM_TEST_MAIN(TestClass)                                                                              \
    int main(int argc, char** argv)                                                                                    \
    {                                                                                                                  \
        return berth::test::runIntegrationTest(#TestClass, [&] {                                                       \
            QCoreApplication app(argc, argv);                                                                          \
            TestClass test;                                                                                            \
            return QTest::qExec(&test, argc, argv);                                                                    \
        });                                                                                                            \
    }
