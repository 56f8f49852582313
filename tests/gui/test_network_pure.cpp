// The Network area's pure part left in the GUI: every bridge problem has a
// sentence. The rules themselves (IPv4, subnets, ranges, names, domains,
// forwards) are model's, table-tested in tests/unit/model with the rows that
// stood here; the lxc.net.N reader is the engine's (unit_net_net_spec).
#include "bridge_problem_text.h"

#include <QtTest>

using namespace berth::gui;
using berth::model::BridgeProblem;

class TestNetworkPure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void problemTexts()
    {
        for (int i = int(BridgeProblem::None); i <= int(BridgeProblem::Mtu); ++i) {
            const auto problem = BridgeProblem(i);
            QCOMPARE(bridgeProblemText(problem).isEmpty(), problem == BridgeProblem::None);
        }
    }
};

QTEST_GUILESS_MAIN(TestNetworkPure)
#include "test_network_pure.moc"
