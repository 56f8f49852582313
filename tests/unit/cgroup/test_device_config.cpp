// The device keys of a config (lxc.cgroup.devices.* and
// lxc.cgroup2.devices.*) -> the allowlist both backends enforce.
#include "cgroup/device_config.h"

#include <QtTest/QtTest>

using namespace berth;
using namespace berth::cgroup;

namespace {

QStringList listText(const std::vector<DeviceRule>& rules)
{
    QStringList lines;
    for (const DeviceRule& rule : rules)
        lines << QString::fromStdString(deviceRuleText(rule));
    return lines;
}

QStringList defaults()
{
    return listText({defaultDeviceAllowlist().begin(), defaultDeviceAllowlist().end()});
}

Result<std::vector<DeviceRule>> fromText(const QString& text)
{
    auto config = Config::parse(text.toStdString());
    if (!config)
        qFatal("fixture config does not parse: %s", config.error().message.c_str());
    return deviceAllowlistFromConfig(*config);
}

} // namespace

class TestDeviceConfig : public QObject {
    Q_OBJECT
private slots:
    void rules_data();
    void rules();
    void errors_data();
    void errors();
};

void TestDeviceConfig::rules_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("no device keys") << "lxc.uts.name = x\n" << defaults();
    QTest::newRow("v1 allow adds") << "lxc.cgroup.devices.allow = c 10:200 rwm\n"
                                   << defaults() + QStringList{"c 10:200 rwm"};
    QTest::newRow("v2 allow adds the same") << "lxc.cgroup2.devices.allow = c 10:200 rwm\n"
                                            << defaults() + QStringList{"c 10:200 rwm"};
    QTest::newRow("access defaults to rwm, wildcards, blanks") << "lxc.cgroup2.devices.allow =   b  8:*  \n"
                                                               << defaults() + QStringList{"b 8:* rwm"};
    QTest::newRow("deny a empties, then allow") << "lxc.cgroup.devices.deny = a\nlxc.cgroup2.devices.allow = c 1:3 rw\n"
                                                << QStringList{"c 1:3 rw"};
    QTest::newRow("deny takes access from the same rule")
        << "lxc.cgroup.devices.deny = c 5:1 w\n"
        << QStringList{"c 1:3 rwm", "c 1:5 rwm", "c 1:7 rwm",   "c 1:8 rwm", "c 1:9 rwm", "c 5:0 rwm",
                       "c 5:1 rm",  "c 5:2 rwm", "c 136:* rwm", "c *:* m",   "b *:* m"};
    QTest::newRow("deny of all access removes the rule")
        << "lxc.cgroup2.devices.deny = b *:* m\n"
        << QStringList{"c 1:3 rwm", "c 1:5 rwm", "c 1:7 rwm", "c 1:8 rwm",   "c 1:9 rwm",
                       "c 5:0 rwm", "c 5:1 rwm", "c 5:2 rwm", "c 136:* rwm", "c *:* m"};
    QTest::newRow("allow a: every device") << "lxc.cgroup.devices.allow = a\n" << defaults() + QStringList{"a rwm"};
}

void TestDeviceConfig::rules()
{
    QFETCH(QString, config);
    QFETCH(QStringList, expected);
    const Result<std::vector<DeviceRule>> rules = fromText(config);
    QVERIFY2(rules, rules ? "" : rules.error().describe().c_str());
    QCOMPARE(listText(*rules), expected);
}

void TestDeviceConfig::errors_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad type") << "lxc.cgroup.devices.allow = x 1:3 rwm\n"
                              << "config:1: lxc.cgroup.devices.allow: 'x 1:3 rwm' is not a device rule: the type is a, "
                                 "b or c, followed by MAJOR:MINOR for b and c";
    QTest::newRow("bad access") << "lxc.cgroup2.devices.allow = c 1:3 rwx\n"
                                << "config:1: lxc.cgroup2.devices.allow: 'c 1:3 rwx' is not a device rule: access is a "
                                   "set of r, w and m";
    QTest::newRow("bad number") << "lxc.cgroup2.devices.allow = c 1x:3\n"
                                << "config:1: lxc.cgroup2.devices.allow: 'c 1x:3' is not a device rule: '1x' is "
                                   "neither a number nor '*'";
    QTest::newRow("no colon")
        << "lxc.cgroup.devices.allow = c 13\n"
        << "config:1: lxc.cgroup.devices.allow: 'c 13' is not a device rule: expected MAJOR:MINOR";
    QTest::newRow("deny carved out of a wider rule")
        << "lxc.cgroup.devices.allow = b 8:* r\nlxc.cgroup.devices.deny = b 8:0 r\n"
        << "config:2: lxc.cgroup.devices.deny: denies 'b 8:0 r', which no earlier rule allows as such";
}

void TestDeviceConfig::errors()
{
    QFETCH(QString, config);
    QFETCH(QString, message);
    const Result<std::vector<DeviceRule>> rules = fromText(config);
    QVERIFY(!rules);
    QCOMPARE(rules.error().code, EINVAL);
    QCOMPARE(QString::fromStdString(rules.error().message), message);
}

QTEST_GUILESS_MAIN(TestDeviceConfig)
#include "test_device_config.moc"
