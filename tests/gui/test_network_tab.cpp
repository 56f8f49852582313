// The Network tab against a fake source: interfaces from GetContainer, the
// live addresses, the forwards table; Add and Remove call the source, a
// refusal is shown and leaves the table as it was. And the forward dialog.
#include "fake_container_source.h"
#include "forward_dialog.h"
#include "network_tab.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

using berth::gui::ForwardDialog;
using berth::gui::NetworkTab;
using berth::model::ForwardSpec;
using berth::test::FakeContainerSource;

namespace {

const QString kWebConfig = QStringLiteral("lxc.uts.name = web\n"
                                          "lxc.net.0.type = veth\n"
                                          "lxc.net.0.link = lxcbr0\n"
                                          "lxc.net.0.hwaddr = 00:16:3e:12:34:56\n"
                                          "lxc.net.0.ipv4.address = 10.0.3.12/24\n"
                                          "berth.net.forward = tcp:8080:80\n");

QStringList rowTexts(const QTableWidget* table)
{
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < table->columnCount(); ++column)
            cells << (table->item(row, column) ? table->item(row, column)->text() : QString());
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

} // namespace

class TestNetworkTab : public QObject {
    Q_OBJECT
private:
    FakeContainerSource m_source;

    void showWeb(NetworkTab& tab)
    {
        tab.setContainer(m_source.containers.value(QStringLiteral("web")));
        QTRY_COMPARE(tab.forwardTable()->rowCount(), 2);
        QTRY_COMPARE(tab.interfaceTable()->rowCount(), 1);
    }

private Q_SLOTS:
    void init()
    {
        m_source.containers.clear();
        m_source.bridgeList.clear();
        m_source.actions.clear();
        m_source.actionError.reset();
        QVERIFY(m_source.load(QStringLiteral(BERTH_GUI_FIXTURES "/network.json")));
        m_source.configs = {{QStringLiteral("web"), kWebConfig}};
        m_source.forwardLists = {{QStringLiteral("web"), {"tcp:8080:80", "udp:127.0.0.1:5353:53"}}};
    }

    void showsInterfacesAddressesAndForwards()
    {
        NetworkTab tab(m_source);
        showWeb(tab);
        QCOMPARE(rowTexts(tab.interfaceTable()), QStringList{"interface 0|veth|lxcbr0|00:16:3e:12:34:56|10.0.3.12/24"});
        QCOMPARE(rowTexts(tab.forwardTable()), (QStringList{"TCP|all|8080|80", "UDP|127.0.0.1|5353|53"}));
        QCOMPARE(tab.findChild<QLabel*>(QStringLiteral("liveAddresses"))->text(), QStringLiteral("10.0.3.12/24"));
        QVERIFY(tab.addButton()->isEnabled());
        QVERIFY(!tab.removeButton()->isEnabled()); // nothing selected yet
    }

    // Issue #18: the interfaces are GetContainer's; no config text is read.
    void interfacesWithoutConfigText()
    {
        m_source.configs.clear();
        NetworkTab tab(m_source);
        showWeb(tab);
        QCOMPARE(rowTexts(tab.interfaceTable()), QStringList{"interface 0|veth|lxcbr0|00:16:3e:12:34:56|10.0.3.12/24"});
    }

    void otherContainerClearsTables()
    {
        NetworkTab tab(m_source);
        showWeb(tab);
        tab.setContainer(m_source.containers.value(QStringLiteral("db")));
        QCOMPARE(tab.forwardTable()->rowCount(), 0);
        QCOMPARE(tab.interfaceTable()->rowCount(), 0);
        // The late answers for db (no config, no forwards) leave them empty.
        QTest::qWait(0);
        QTRY_COMPARE(tab.forwardTable()->rowCount(), 0);
        tab.setContainer({});
        QVERIFY(!tab.addButton()->isEnabled());
    }

    void addCallsSource_data()
    {
        QTest::addColumn<bool>("refused");
        QTest::newRow("taken") << false;
        QTest::newRow("refused") << true;
    }
    void addCallsSource()
    {
        QFETCH(bool, refused);
        NetworkTab tab(m_source);
        QSignalSpy changed(&tab, &NetworkTab::forwardsChanged);
        showWeb(tab);
        const QStringList before = rowTexts(tab.forwardTable());
        tab.setForwardAsker([](const QString& container) -> std::optional<ForwardSpec> {
            return container == QLatin1String("web")
                       ? std::optional(ForwardSpec{ForwardSpec::Protocol::Udp, std::nullopt, 6000, 60})
                       : std::nullopt;
        });
        if (refused)
            m_source.actionError = berth::client::clientError(QStringLiteral("org.berth.Error.NotAuthorized"), "no");
        QTest::mouseClick(tab.addButton(), Qt::LeftButton);
        QTRY_COMPARE(m_source.actions, QStringList{"forward-add web udp:6000:60"});
        if (refused) {
            QTRY_VERIFY(!tab.message()->text().isEmpty());
            QVERIFY(tab.message()->text().contains(QLatin1String("udp:6000:60")));
            QCOMPARE(rowTexts(tab.forwardTable()), before);
            QCOMPARE(changed.size(), 0);
        } else {
            QTRY_COMPARE(tab.forwardTable()->rowCount(), 3);
            QCOMPARE(rowTexts(tab.forwardTable()).last(), QStringLiteral("UDP|all|6000|60"));
            QCOMPARE(changed.size(), 1);
            QVERIFY(tab.message()->text().isEmpty());
        }
    }

    void cancelledDialogSendsNothing()
    {
        NetworkTab tab(m_source);
        showWeb(tab);
        tab.setForwardAsker([](const QString&) { return std::nullopt; });
        QTest::mouseClick(tab.addButton(), Qt::LeftButton);
        QTest::qWait(0);
        QVERIFY(m_source.actions.isEmpty());
    }

    void removeCallsSource_data()
    {
        QTest::addColumn<bool>("refused");
        QTest::newRow("taken") << false;
        QTest::newRow("refused") << true;
    }
    void removeCallsSource()
    {
        QFETCH(bool, refused);
        NetworkTab tab(m_source);
        showWeb(tab);
        const QStringList before = rowTexts(tab.forwardTable());
        tab.forwardTable()->selectRow(1);
        QVERIFY(tab.removeButton()->isEnabled());
        if (refused)
            m_source.actionError = berth::client::clientError(QStringLiteral("org.berth.Error.Busy"), "busy");
        QTest::mouseClick(tab.removeButton(), Qt::LeftButton);
        QTRY_COMPARE(m_source.actions, QStringList{"forward-remove web udp:127.0.0.1:5353:53"});
        if (refused) {
            QTRY_VERIFY(!tab.message()->text().isEmpty());
            QCOMPARE(rowTexts(tab.forwardTable()), before);
        } else {
            QTRY_COMPARE(rowTexts(tab.forwardTable()), QStringList{"TCP|all|8080|80"});
        }
    }

    void dialog_data()
    {
        QTest::addColumn<int>("protocol");
        QTest::addColumn<QString>("hostAddress");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("forward");
        QTest::newRow("tcp, every address") << 0 << "" << true << "tcp:8080:80";
        QTest::newRow("udp on loopback") << 1 << "127.0.0.1" << true << "udp:127.0.0.1:8080:80";
        QTest::newRow("bad address") << 0 << "127.0.0" << false << "";
        QTest::newRow("name, not address") << 0 << "localhost" << false << "";
    }
    void dialog()
    {
        QFETCH(int, protocol);
        QFETCH(QString, hostAddress);
        QFETCH(bool, valid);
        ForwardDialog dialog(QStringLiteral("web"));
        dialog.findChild<QComboBox*>(QStringLiteral("protocol"))->setCurrentIndex(protocol);
        dialog.findChild<QLineEdit*>(QStringLiteral("hostAddress"))->setText(hostAddress);
        const auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QCOMPARE(ok->isEnabled(), valid);
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("forwardProblem"))->text().isEmpty(), valid);
        if (valid)
            QTEST(QString::fromStdString(dialog.spec().toString()), "forward");
    }
};

QTEST_MAIN(TestNetworkTab)
#include "test_network_tab.moc"
