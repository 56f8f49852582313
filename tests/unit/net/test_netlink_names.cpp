// The pure parts of the netlink layer: link name rules (the kernel's
// dev_valid_name), libnl error codes turned into errno and messages, and
// MAC address parsing.
#include "net/netlink_error.h"

#include <QtTest/QtTest>

#include <cerrno>

#include <netlink/errno.h>

using namespace berth::net;

class TestNetlinkNames : public QObject {
    Q_OBJECT

private slots:
    void linkName_data();
    void linkName();
    void errnoMapping_data();
    void errnoMapping();
    void errorMessage();
    void mac_data();
    void mac();
};

void TestNetlinkNames::linkName_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("bridge") << QByteArray("berthbr0") << true;
    QTest::newRow("15 bytes") << QByteArray("abcdefghijklmno") << true;
    QTest::newRow("16 bytes") << QByteArray("abcdefghijklmnop") << false;
    QTest::newRow("dash and dot") << QByteArray("vb-web.1") << true;
    QTest::newRow("empty") << QByteArray("") << false;
    QTest::newRow("dot") << QByteArray(".") << false;
    QTest::newRow("dotdot") << QByteArray("..") << false;
    QTest::newRow("three dots") << QByteArray("...") << true;
    QTest::newRow("slash") << QByteArray("a/b") << false;
    QTest::newRow("colon") << QByteArray("eth0:1") << false;
    QTest::newRow("space") << QByteArray("a b") << false;
    QTest::newRow("tab") << QByteArray("a\tb") << false;
    QTest::newRow("nul") << QByteArray("a\0b", 3) << false;
    QTest::newRow("utf-8 within 15 bytes") << QByteArray("br\xc3\xa9") << true;
    QTest::newRow("utf-8 over 15 bytes") << QByteArray(
                                                "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9")
                                         << false;
}

void TestNetlinkNames::linkName()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, valid);
    const berth::Status result = validateLinkName(std::string_view(name.constData(), static_cast<size_t>(name.size())));
    QCOMPARE(result.has_value(), valid);
    if (!valid) {
        QCOMPARE(result.error().code, EINVAL);
        QVERIFY(result.error().message.starts_with("link name"));
    }
}

void TestNetlinkNames::errnoMapping_data()
{
    QTest::addColumn<int>("nlError");
    QTest::addColumn<int>("expected");
    QTest::newRow("exists") << -NLE_EXIST << EEXIST;
    QTest::newRow("exists, positive") << NLE_EXIST << EEXIST;
    QTest::newRow("not found") << -NLE_OBJ_NOTFOUND << ENODEV;
    QTest::newRow("permission") << -NLE_PERM << EPERM;
    QTest::newRow("busy") << -NLE_BUSY << EBUSY;
    QTest::newRow("not supported") << -NLE_OPNOTSUPP << EOPNOTSUPP;
    QTest::newRow("range") << -NLE_RANGE << ERANGE;
    QTest::newRow("no errno twin") << -NLE_SEQ_MISMATCH << EIO;
    QTest::newRow("unknown") << -9999 << EIO;
}

void TestNetlinkNames::errnoMapping()
{
    QFETCH(int, nlError);
    QFETCH(int, expected);
    QCOMPARE(errnoFromNetlink(nlError), expected);
}

void TestNetlinkNames::errorMessage()
{
    const berth::Error exists = netlinkError(-NLE_EXIST, "create veth 'vb-web'");
    QCOMPARE(exists.code, EEXIST);
    QCOMPARE(exists.message, std::string("create veth 'vb-web': File exists"));
    // Without an errno twin, libnl's own words stay.
    const berth::Error other = netlinkError(-NLE_SEQ_MISMATCH, "list routes");
    QCOMPARE(other.code, EIO);
    QCOMPARE(other.message, std::string("list routes: ") + nl_geterror(-NLE_SEQ_MISMATCH));
}

void TestNetlinkNames::mac_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("lxc prefix") << "00:16:3e:12:ab:CD" << true << QByteArray("\x00\x16\x3e\x12\xab\xcd", 6);
    QTest::newRow("all ff") << "ff:ff:ff:ff:ff:ff" << true << QByteArray("\xff\xff\xff\xff\xff\xff", 6);
    QTest::newRow("dashes") << "00-16-3e-12-ab-cd" << false << QByteArray();
    QTest::newRow("short") << "00:16:3e:12:ab" << false << QByteArray();
    QTest::newRow("long") << "00:16:3e:12:ab:cd:ef" << false << QByteArray();
    QTest::newRow("non-hex") << "00:16:3e:zz:ab:cd" << false << QByteArray();
    QTest::newRow("plus sign") << "+0:16:3e:12:ab:cd" << false << QByteArray();
    QTest::newRow("empty") << "" << false << QByteArray();
}

void TestNetlinkNames::mac()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QByteArray, bytes);
    const std::string input = text.toStdString();
    const auto result = parseMacAddress(input);
    QCOMPARE(result.has_value(), valid);
    if (valid)
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(result->data()), 6), bytes);
    else
        QCOMPARE(result.error().code, EINVAL);
}

QTEST_GUILESS_MAIN(TestNetlinkNames)
#include "test_netlink_names.moc"
