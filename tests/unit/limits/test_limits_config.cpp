// lxc.cgroup2.* / lxc.cgroup.* keys -> Limits, and Limits written back
// into a config (byte-exact expected text).
#include "cgroup/limits_config.h"
#include "limits_text.h"

#include <QtTest/QtTest>

using namespace berth;
using namespace berth::cgroup;
using limits_text::describe;

Q_DECLARE_METATYPE(berth::Limits)

namespace {

template <class F> Limits make(F&& fill)
{
    Limits l;
    fill(l);
    return l;
}

Config parse(const QString& text)
{
    auto config = Config::parse(text.toStdString());
    if (!config)
        qFatal("fixture config does not parse: %s", config.error().message.c_str());
    return *config;
}

} // namespace

class TestLimitsConfig : public QObject {
    Q_OBJECT
private slots:
    void keys_data();
    void keys();
    void errors_data();
    void errors();
    void store_data();
    void store();
    void storeRefusesWithoutChange();
    void storeThenReadBack();
};

void TestLimitsConfig::keys_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("limits");

    QTest::newRow("no cgroup keys") << "lxc.uts.name = a\n"
                                    << "";
    QTest::newRow("v2 memory") << "lxc.cgroup2.memory.max = 256M\nlxc.cgroup2.memory.high = 128M\n"
                                  "lxc.cgroup2.memory.swap.max = 1G\n"
                               << "mem=268435456 soft=134217728 swap=1073741824";
    QTest::newRow("v1 memory, memsw is memory + swap")
        << "lxc.cgroup.memory.limit_in_bytes = 256M\nlxc.cgroup.memory.soft_limit_in_bytes = 64K\n"
           "lxc.cgroup.memory.memsw.limit_in_bytes = 384M\n"
        << "mem=268435456 soft=65536 swap=134217728";
    QTest::newRow("memsw before memory") << "lxc.cgroup.memory.memsw.limit_in_bytes = 2G\n"
                                            "lxc.cgroup.memory.limit_in_bytes = 1G\n"
                                         << "mem=1073741824 swap=1073741824";
    QTest::newRow("unlimited spellings") << "lxc.cgroup2.memory.max = max\nlxc.cgroup.memory.soft_limit_in_bytes = -1\n"
                                            "lxc.cgroup.memory.memsw.limit_in_bytes = -1\nlxc.cgroup2.pids.max = max\n"
                                         << "mem=max soft=max swap=max pids=max";
    QTest::newRow("plain bytes and units") << "lxc.cgroup2.memory.max = 4194304\nlxc.cgroup2.memory.high = 2KiB\n"
                                           << "mem=4194304 soft=2048";
    QTest::newRow("cpu weight") << "lxc.cgroup2.cpu.weight = 250\n"
                                << "weight=250";
    QTest::newRow("cpu shares as given") << "lxc.cgroup.cpu.shares = 512\n"
                                         << "shares=512";
    QTest::newRow("later weight family wins") << "lxc.cgroup.cpu.shares = 512\nlxc.cgroup2.cpu.weight = 20\n"
                                              << "weight=20";
    QTest::newRow("later shares win") << "lxc.cgroup2.cpu.weight = 20\nlxc.cgroup.cpu.shares = 512\n"
                                      << "shares=512";
    QTest::newRow("cpu.max") << "lxc.cgroup2.cpu.max = 150000 100000\n"
                             << "quota=1.5/100000";
    QTest::newRow("cpu.max default period") << "lxc.cgroup2.cpu.max = 50000\n"
                                            << "quota=0.5/100000";
    QTest::newRow("cpu.max max") << "lxc.cgroup2.cpu.max = max 20000\n"
                                 << "quota=0/20000";
    QTest::newRow("cfs quota and period") << "lxc.cgroup.cpu.cfs_quota_us = 20000\n"
                                             "lxc.cgroup.cpu.cfs_period_us = 50000\n"
                                          << "quota=0.4/50000";
    QTest::newRow("cfs quota -1") << "lxc.cgroup.cpu.cfs_quota_us = -1\n"
                                  << "quota=0/100000";
    QTest::newRow("cpuset both families") << "lxc.cgroup.cpuset.cpus = 1,2\nlxc.cgroup2.cpuset.mems = 0\n"
                                          << "cpus=1,2 mems=0";
    QTest::newRow("later line wins") << "lxc.cgroup2.cpuset.cpus = 0\nlxc.cgroup.cpuset.cpus = 0-1\n"
                                     << "cpus=0-1";
    QTest::newRow("pids v1") << "lxc.cgroup.pids.max = 100\n"
                             << "pids=100";
    QTest::newRow("io weight") << "lxc.cgroup2.io.weight = default 300\n"
                               << "ioweight=300";
    QTest::newRow("io weight bare") << "lxc.cgroup2.io.weight = 300\n"
                                    << "ioweight=300";
    QTest::newRow("blkio weight as given") << "lxc.cgroup.blkio.weight = 500\n"
                                           << "blkioweight=500";
    QTest::newRow("io.max lines merge per device")
        << "lxc.cgroup2.io.max = 8:16 riops=100\nlxc.cgroup2.io.max = 8:0 rbps=1048576 wbps=max\n"
           "lxc.cgroup2.io.max = 8:16 wiops=5 wbps=2M\n"
        << "io=8:0,1048576,max,max,max io=8:16,max,2097152,100,5";
    QTest::newRow("blkio throttle, 0 is none") << "lxc.cgroup.blkio.throttle.read_bps_device = 8:0 1048576\n"
                                                  "lxc.cgroup.blkio.throttle.write_bps_device = 8:0 0\n"
                                                  "lxc.cgroup.blkio.throttle.read_iops_device = 8:0 10\n"
                                                  "lxc.cgroup.blkio.throttle.write_iops_device = 8:0 20\n"
                                               << "io=8:0,1048576,max,10,20";
    QTest::newRow("non-limit cgroup keys pass")
        << "lxc.cgroup.dir = berth/x\nlxc.cgroup.relative = 1\nlxc.cgroup.devices.allow = c 1:3 rwm\n"
           "lxc.cgroup2.devices.deny = a\n"
        << "";
    QTest::newRow("spaces around value") << "lxc.cgroup2.pids.max =   42  \n"
                                         << "pids=42";
}

void TestLimitsConfig::keys()
{
    QFETCH(QString, config);
    QFETCH(QString, limits);
    auto parsed = limitsFromConfig(parse(config));
    QVERIFY2(parsed, parsed ? "" : parsed.error().message.c_str());
    QCOMPARE(describe(*parsed), limits);
}

void TestLimitsConfig::errors_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("message");

    QTest::newRow("not a size") << "lxc.uts.name = a\nlxc.cgroup.memory.limit_in_bytes = lots\n"
                                << "config:2: lxc.cgroup.memory.limit_in_bytes: 'lots' is not a size";
    QTest::newRow("negative size") << "lxc.cgroup2.memory.max = -5M\n"
                                   << "config:1: lxc.cgroup2.memory.max: '-5M' is not a size";
    QTest::newRow("unknown v2 key") << "\nlxc.cgroup2.memory.maximum = 1G\n"
                                    << "config:2: lxc.cgroup2.memory.maximum: unknown cgroup key";
    QTest::newRow("v1 file in v2 family") << "lxc.cgroup2.cpu.shares = 512\n"
                                          << "config:1: lxc.cgroup2.cpu.shares: unknown cgroup key";
    QTest::newRow("v2 file in v1 family") << "lxc.cgroup.memory.max = 1G\n"
                                          << "config:1: lxc.cgroup.memory.max: unknown cgroup key";
    QTest::newRow("weight range") << "lxc.cgroup2.cpu.weight = 0\n"
                                  << "config:1: lxc.cgroup2.cpu.weight: '0' is out of range 1..10000";
    QTest::newRow("shares range") << "lxc.cgroup.cpu.shares = 1\n"
                                  << "config:1: lxc.cgroup.cpu.shares: '1' is out of range 2..262144";
    QTest::newRow("negative shares") << "lxc.cgroup.cpu.shares = -512\n"
                                     << "config:1: lxc.cgroup.cpu.shares: '-512' is not a number";
    QTest::newRow("blkio weight range") << "lxc.cgroup.blkio.weight = 5\n"
                                        << "config:1: lxc.cgroup.blkio.weight: '5' is out of range 10..1000";
    QTest::newRow("cpu.max three words") << "lxc.cgroup2.cpu.max = 1 2 3\n"
                                         << "config:1: lxc.cgroup2.cpu.max: '1 2 3' is not a quota "
                                            "('QUOTA PERIOD' or 'max PERIOD')";
    QTest::newRow("cfs quota negative") << "lxc.cgroup.cpu.cfs_quota_us = -2\n"
                                        << "config:1: lxc.cgroup.cpu.cfs_quota_us: '-2' is not a number";
    QTest::newRow("cpuset syntax") << "lxc.cgroup.cpuset.cpus = 0,,1\n"
                                   << "config:1: lxc.cgroup.cpuset.cpus: '0,,1' is not a CPU list "
                                      "('' is not a number)";
    QTest::newRow("pids word") << "lxc.cgroup.pids.max = many\n"
                               << "config:1: lxc.cgroup.pids.max: 'many' is not a number";
    QTest::newRow("io.max field") << "lxc.cgroup2.io.max = 8:0 rbps=1 foo=2\n"
                                  << "config:1: lxc.cgroup2.io.max: 'foo=2' is not rbps=, wbps=, riops= or wiops=";
    QTest::newRow("io.max device") << "lxc.cgroup2.io.max = sda rbps=1\n"
                                   << "config:1: lxc.cgroup2.io.max: 'sda' is not a device number (major:minor)";
    QTest::newRow("io.weight per device") << "lxc.cgroup2.io.weight = 8:0 100\n"
                                          << "config:1: lxc.cgroup2.io.weight: '8:0 100' is not an IO weight "
                                             "('N' or 'default N')";
    QTest::newRow("throttle value") << "lxc.cgroup.blkio.throttle.read_iops_device = 8:0\n"
                                    << "config:1: lxc.cgroup.blkio.throttle.read_iops_device: '8:0' is not "
                                       "'MAJ:MIN VALUE'";
    QTest::newRow("memsw without memory") << "lxc.cgroup.memory.memsw.limit_in_bytes = 1G\n"
                                          << "config:1: lxc.cgroup.memory.memsw.limit_in_bytes: needs "
                                             "memory.limit_in_bytes set and no larger than it";
    QTest::newRow("memsw below memory") << "lxc.cgroup.memory.memsw.limit_in_bytes = 1G\n"
                                           "lxc.cgroup.memory.limit_in_bytes = 2G\n"
                                        << "config:1: lxc.cgroup.memory.memsw.limit_in_bytes: needs "
                                           "memory.limit_in_bytes set and no larger than it";
}

void TestLimitsConfig::errors()
{
    QFETCH(QString, config);
    QFETCH(QString, message);
    auto parsed = limitsFromConfig(parse(config));
    QVERIFY(!parsed);
    QCOMPARE(QString::fromStdString(parsed.error().message), message);
    QCOMPARE(parsed.error().code == EINVAL || parsed.error().code == ERANGE, true);
}

void TestLimitsConfig::store_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<Limits>("limits");
    QTest::addColumn<QString>("expected");

    const QString head = "# my container\nlxc.uts.name = web\n";
    QTest::newRow("nothing set changes nothing") << head + "lxc.cgroup.cpu.shares=512\n"
                                                 << Limits{} << head + "lxc.cgroup.cpu.shares=512\n";
    QTest::newRow("v1 keys updated in place, own syntax")
        << head + "lxc.cgroup.memory.limit_in_bytes = 256M\nlxc.cgroup.cpu.shares=512\nlxc.net.0.type = empty\n"
                  "lxc.cgroup.pids.max = 10\n"
        << make([](Limits& l) {
               l.memoryMax = kUnlimited;
               l.cpuShares = 512;
               l.pidsMax = kUnlimited;
           })
        << head + "lxc.cgroup.memory.limit_in_bytes = -1\nlxc.cgroup.cpu.shares=512\nlxc.net.0.type = empty\n"
                  "lxc.cgroup.pids.max = max\n";
    QTest::newRow("a weight replaces the other family's key")
        << head + "lxc.cgroup.cpu.shares = 512\nlxc.cgroup2.io.weight = 10\n"
        << make([](Limits& l) {
               l.cpuWeight = 20;
               l.blkioWeight = 500;
           })
        << head + "lxc.cgroup2.cpu.weight = 20\nlxc.cgroup.blkio.weight = 500\n";
    QTest::newRow("v2 keys updated in place")
        << head + "lxc.cgroup2.memory.max = 1G\nlxc.cgroup2.cpu.weight = 50\nlxc.cgroup2.io.weight = default 10\n"
        << make([](Limits& l) {
               l.memoryMax = 512ULL << 20;
               l.cpuWeight = 100;
               l.ioWeight = 200;
           })
        << head + "lxc.cgroup2.memory.max = 512M\nlxc.cgroup2.cpu.weight = 100\nlxc.cgroup2.io.weight = default 200\n";
    QTest::newRow("absent keys appended as cgroup2")
        << head << make([](Limits& l) {
               l.memoryMax = 256ULL << 20;
               l.memorySoft = 5000;
               l.swapMax = 0;
               l.cpuWeight = 100;
               l.cpuQuota = CpuQuota{0.5, 100000};
               l.cpus = "0-1";
               l.mems = "0";
               l.pidsMax = 64;
               l.ioWeight = 100;
               l.ioDevices = {IoDeviceLimit{8, 0, 1048576}};
           })
        << head + "lxc.cgroup2.memory.max = 256M\nlxc.cgroup2.memory.high = 5000\nlxc.cgroup2.memory.swap.max = 0\n"
                  "lxc.cgroup2.cpu.weight = 100\nlxc.cgroup2.cpu.max = 50000 100000\n"
                  "lxc.cgroup2.cpuset.cpus = 0-1\nlxc.cgroup2.cpuset.mems = 0\nlxc.cgroup2.pids.max = 64\n"
                  "lxc.cgroup2.io.weight = 100\nlxc.cgroup2.io.max = 8:0 rbps=1048576 wbps=max riops=max wiops=max\n";
    QTest::newRow("v1 quota keeps both v1 keys")
        << head + "lxc.cgroup.cpu.cfs_quota_us = 20000\n# end\n"
        << make([](Limits& l) {
               l.cpuQuota = CpuQuota{1.5, 50000};
           })
        << head + "lxc.cgroup.cpu.cfs_quota_us = 75000\n# end\nlxc.cgroup.cpu.cfs_period_us = 50000\n";
    QTest::newRow("v1 quota removed")
        << head + "lxc.cgroup.cpu.cfs_period_us = 100000\nlxc.cgroup.cpu.cfs_quota_us = 20000\n"
        << make([](Limits& l) {
               l.cpuQuota = CpuQuota{0, 100000};
           })
        << head + "lxc.cgroup.cpu.cfs_period_us = 100000\nlxc.cgroup.cpu.cfs_quota_us = -1\n";
    QTest::newRow("v2 cpu.max") << head + "lxc.cgroup2.cpu.max = max\n"
                                << make([](Limits& l) {
                                       l.cpuQuota = CpuQuota{0.2, 100000};
                                   })
                                << head + "lxc.cgroup2.cpu.max = 20000 100000\n";
    QTest::newRow("cpuset in its family") << head + "lxc.cgroup.cpuset.cpus = 1,2\n"
                                          << make([](Limits& l) {
                                                 l.cpus = "0";
                                                 l.mems = "0";
                                             })
                                          << head + "lxc.cgroup.cpuset.cpus = 0\nlxc.cgroup2.cpuset.mems = 0\n";
    QTest::newRow("memsw follows a new memory limit")
        << head + "lxc.cgroup.memory.limit_in_bytes = 256M\nlxc.cgroup.memory.memsw.limit_in_bytes = 384M\n"
        << make([](Limits& l) { l.memoryMax = 1ULL << 30; })
        << head + "lxc.cgroup.memory.limit_in_bytes = 1G\nlxc.cgroup.memory.memsw.limit_in_bytes = 1152M\n";
    QTest::newRow("memsw from a new swap limit")
        << head + "lxc.cgroup.memory.limit_in_bytes = 256M\nlxc.cgroup.memory.memsw.limit_in_bytes = 384M\n"
        << make([](Limits& l) { l.swapMax = kUnlimited; })
        << head + "lxc.cgroup.memory.limit_in_bytes = 256M\nlxc.cgroup.memory.memsw.limit_in_bytes = -1\n";
    QTest::newRow("blkio weight and throttle lists replaced in place")
        << head + "lxc.cgroup.blkio.weight = 500\nlxc.cgroup.blkio.throttle.read_bps_device = 8:0 100\n"
                  "lxc.cgroup.blkio.throttle.read_bps_device = 8:16 200\n# tail\n"
        << make([](Limits& l) {
               l.blkioWeight = 20;
               l.ioDevices = {IoDeviceLimit{8, 0, 4096, kUnlimited, 7}, IoDeviceLimit{253, 0, 8192}};
           })
        << head + "lxc.cgroup.blkio.weight = 20\nlxc.cgroup.blkio.throttle.read_bps_device = 8:0 4096\n"
                  "lxc.cgroup.blkio.throttle.read_bps_device = 253:0 8192\n# tail\n"
                  "lxc.cgroup.blkio.throttle.read_iops_device = 8:0 7\n";
    QTest::newRow("io.max list replaced in place")
        << head + "lxc.cgroup2.io.max = 8:0 rbps=1\nlxc.cgroup2.pids.max = 5\n"
        << make([](Limits& l) {
               l.ioDevices = {IoDeviceLimit{8, 16}, IoDeviceLimit{8, 0, kUnlimited, 9}};
           })
        << head + "lxc.cgroup2.io.max = 8:16 rbps=max wbps=max riops=max wiops=max\n"
                  "lxc.cgroup2.io.max = 8:0 rbps=max wbps=9 riops=max wiops=max\nlxc.cgroup2.pids.max = 5\n";
    QTest::newRow("both families of one limit both updated")
        << head + "lxc.cgroup.pids.max = 1\nlxc.cgroup2.pids.max = 2\n"
        << make([](Limits& l) { l.pidsMax = 3; }) << head + "lxc.cgroup.pids.max = 3\nlxc.cgroup2.pids.max = 3\n";
}

void TestLimitsConfig::store()
{
    QFETCH(QString, config);
    QFETCH(Limits, limits);
    QFETCH(QString, expected);
    Config c = parse(config);
    const Status ok = storeLimitsInConfig(c, limits);
    QVERIFY2(ok, ok ? "" : ok.error().message.c_str());
    QCOMPARE(QString::fromStdString(c.serialize()), expected);
}

void TestLimitsConfig::storeRefusesWithoutChange()
{
    const QString text = "lxc.cgroup.memory.limit_in_bytes = -1\nlxc.cgroup.memory.memsw.limit_in_bytes = -1\n"
                         "lxc.cgroup.pids.max = 5\n";
    Config c = parse(text);
    const Status ok = storeLimitsInConfig(c, make([](Limits& l) {
                                              l.pidsMax = 6;
                                              l.swapMax = 1ULL << 20;
                                          }));
    QVERIFY(!ok);
    QCOMPARE(QString::fromStdString(ok.error().message),
             "lxc.cgroup.memory.memsw.limit_in_bytes cannot hold a swap limit without a memory limit");
    QCOMPARE(QString::fromStdString(c.serialize()), text);

    Config broken = parse("lxc.cgroup.memory.limit_in_bytes = lots\n");
    QVERIFY(!storeLimitsInConfig(broken, make([](Limits& l) { l.pidsMax = 6; })));
}

// What is stored reads back as the same limits, in either family.
void TestLimitsConfig::storeThenReadBack()
{
    const Limits v1Weights = make([](Limits& l) {
        l.cpuShares = 512;
        l.blkioWeight = 500;
    });
    const Limits limits = make([](Limits& l) {
        l.memoryMax = 256ULL << 20;
        l.swapMax = 64ULL << 20;
        l.cpuWeight = 100;
        l.cpuQuota = CpuQuota{1.5, 100000};
        l.pidsMax = kUnlimited;
        l.ioWeight = 910;
        l.ioDevices = {IoDeviceLimit{8, 0, 4096, kUnlimited, 7, kUnlimited}};
    });
    const char* configs[] = {
        "",
        "lxc.cgroup.memory.limit_in_bytes = 1G\nlxc.cgroup.memory.memsw.limit_in_bytes = 2G\n"
        "lxc.cgroup.cpu.shares = 2\nlxc.cgroup.cpu.cfs_quota_us = 1000\nlxc.cgroup.pids.max = 1\n"
        "lxc.cgroup.blkio.weight = 10\nlxc.cgroup.blkio.throttle.write_bps_device = 8:0 1\n",
    };
    for (const char* text : configs) {
        for (const Limits* each : {&limits, &v1Weights}) {
            const Limits& given = *each;
            Config c = parse(text);
            QVERIFY(storeLimitsInConfig(c, given));
            auto back = limitsFromConfig(c);
            QVERIFY2(back, back ? "" : back.error().message.c_str());
            if (&given == &v1Weights) { // the config's other limits stay
                back->memoryMax = back->swapMax = back->pidsMax = std::nullopt;
                back->cpuQuota.reset();
                back->ioDevices.clear();
            }
            QCOMPARE(describe(*back), describe(given));
        }
    }
}

QTEST_GUILESS_MAIN(TestLimitsConfig)
#include "test_limits_config.moc"
