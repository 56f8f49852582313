#include "berth/names.h"
#include "berth/model/container_name.h"
#include "spec/container_spec.h"

#include <QtTest>

#include <string>

class TestNames : public QObject {
    Q_OBJECT
private slots:
    void rules_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("why"); // part of the error message

        QTest::newRow("plain") << "web" << true << "";
        QTest::newRow("digit first") << "1box" << true << "";
        QTest::newRow("all allowed") << "a-b_c.d9" << true << "";
        QTest::newRow("one char") << "a" << true << "";
        QTest::newRow("63 chars") << QString(63, 'a') << true << "";
        QTest::newRow("dots inside") << "a..b" << true << "";
        QTest::newRow("64 chars") << QString(64, 'a') << false << "longer than 63";
        QTest::newRow("empty") << "" << false << "empty";
        QTest::newRow("dot") << "." << false << "directory name";
        QTest::newRow("dotdot") << ".." << false << "directory name";
        QTest::newRow("hidden") << ".a" << false << "must start";
        QTest::newRow("dash first") << "-a" << false << "must start";
        QTest::newRow("underscore first") << "_a" << false << "must start";
        QTest::newRow("upper") << "Web" << false << "must start";
        QTest::newRow("upper inside") << "wEb" << false << "contains 'E'";
        QTest::newRow("slash") << "a/b" << false << "contains '/'";
        QTest::newRow("space") << "a b" << false << "contains ' '";
        QTest::newRow("newline") << "a\nb" << false << "contains '\\x0a'";
        QTest::newRow("utf8") << QString::fromUtf8("caf\xc3\xa9") << false << "contains";
    }

    void rules()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QFETCH(QString, why);
        const std::string utf8 = name.toStdString();
        QCOMPARE(berth::isValidContainerName(utf8), valid);
        const auto status = berth::validateContainerName(utf8);
        QCOMPARE(status.has_value(), valid);
        if (!valid) {
            const QString message = QString::fromStdString(status.error().message);
            QVERIFY2(message.contains(why), qPrintable(message));
            QCOMPARE(status.error().code, EINVAL);
            if (!utf8.empty())
                QVERIFY2(message.contains(QStringLiteral("'")), qPrintable(message));
        }
    }

    // Issue #16: a name with '_' (LXC allows it) passed validation and then
    // failed the create, as its host name. The default host name of every
    // valid name is a valid host name.
    void defaultHostname_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("hostname");
        QTest::newRow("plain") << "web"
                               << "web";
        QTest::newRow("underscore") << "my_box"
                                    << "my-box";
        QTest::newRow("empty labels") << "a..b."
                                      << "a.b";
        QTest::newRow("dash and dot") << "a-.b_"
                                      << "a-.b-";
    }
    void defaultHostname()
    {
        QFETCH(QString, name);
        QFETCH(QString, hostname);
        QVERIFY(berth::isValidContainerName(name.toStdString()));
        const std::string host = berth::model::defaultHostname(name.toStdString());
        QCOMPARE(QString::fromStdString(host), hostname);
        auto config = berth::Config::parse("lxc.uts.name = " + host + "\nlxc.rootfs.path = dir:/r\n");
        QVERIFY(config);
        auto spec = berth::ContainerSpec::fromConfig(*config);
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        QCOMPARE(berth::model::containerHostname(name.toStdString(), "given"), std::string("given"));
    }
};

QTEST_GUILESS_MAIN(TestNames)
#include "test_names.moc"
