// Reading debootstrap's output into steps and fractions.
#include "template/debootstrap_progress.h"

#include <QtTest/QtTest>

using namespace berth::templates;

class TestDebootstrapProgress : public QObject {
    Q_OBJECT

private slots:
    void singleLine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("step"); // empty: the line says nothing new
        QTest::newRow("retrieving") << "I: Retrieving adduser 3.134"
                                    << "Downloading packages";
        QTest::newRow("retrieving index") << "I: Retrieving InRelease "
                                          << "Downloading packages";
        QTest::newRow("validating") << "I: Validating apt 2.6.1"
                                    << "Downloading packages";
        QTest::newRow("extracting") << "I: Extracting base-files..."
                                    << "Extracting packages";
        QTest::newRow("unpacking") << "I: Unpacking required packages..."
                                   << "Unpacking packages";
        QTest::newRow("configuring") << "I: Configuring libc-bin..."
                                     << "Configuring packages";
        QTest::newRow("done") << "I: Base system installed successfully."
                              << "Base system installed";
        QTest::newRow("checking") << "I: Checking Release signature"
                                  << "";
        QTest::newRow("valid signature") << "I: Valid Release signature (key id 4D64)"
                                         << "";
        QTest::newRow("verb inside a word") << "I: Retrievingfoo"
                                            << "";
        QTest::newRow("warning") << "W: Cannot check Release signature"
                                 << "";
        QTest::newRow("not a debootstrap line") << "Retrieving adduser"
                                                << "";
        QTest::newRow("empty") << ""
                               << "";
    }

    void singleLine()
    {
        QFETCH(QString, line);
        QFETCH(QString, step);
        DebootstrapProgressParser parser;
        auto stage = parser.feed(line.toStdString());
        if (step.isEmpty()) {
            QVERIFY(!stage);
            return;
        }
        QVERIFY(stage);
        QCOMPARE(QString::fromStdString(stage->step), step);
        QVERIFY(stage->fraction > 0 && stage->fraction <= 1);
    }

    // A run's lines in order: the fraction only grows, each stage stays
    // within its share, the end is 1.
    void wholeRun()
    {
        QStringList lines = {"I: Retrieving InRelease ", "I: Checking Release signature"};
        for (int i = 0; i < 110; ++i)
            lines << QString("I: Retrieving p%1 1.0").arg(i) << QString("I: Validating p%1 1.0").arg(i);
        for (int i = 0; i < 90; ++i)
            lines << QString("I: Extracting p%1...").arg(i);
        lines << "I: Installing core packages..."
              << "I: Unpacking required packages...";
        for (int i = 0; i < 100; ++i)
            lines << QString("I: Unpacking p%1...").arg(i);
        for (int i = 0; i < 100; ++i)
            lines << QString("I: Configuring p%1...").arg(i);
        // debootstrap retrieves again for the base packages: no step back.
        lines << "I: Retrieving late 1.0"
              << "I: Configuring late..."
              << "I: Base system installed successfully.";
        DebootstrapProgressParser parser;
        double last = 0;
        QStringList steps;
        for (const QString& line : lines) {
            auto stage = parser.feed(line.toStdString());
            if (!stage)
                continue;
            QVERIFY2(stage->fraction >= last, qPrintable(line));
            last = stage->fraction;
            const QString step = QString::fromStdString(stage->step);
            if (steps.isEmpty() || steps.last() != step)
                steps << step;
            if (step == "Downloading packages")
                QVERIFY(stage->fraction < 0.5);
            if (step == "Configuring packages")
                QVERIFY(stage->fraction >= 0.75 && stage->fraction < 1);
        }
        QCOMPARE(steps, QStringList({"Downloading packages", "Extracting packages", "Unpacking packages",
                                     "Configuring packages", "Base system installed"}));
        QCOMPARE(last, 1.0);
    }

    void lastErrorKept()
    {
        DebootstrapProgressParser parser;
        QVERIFY(parser.lastError().empty());
        QVERIFY(!parser.feed("E: Failed getting release file http://archive.ubuntu.com/ubuntu/dists/jammy/Release"));
        (void)parser.feed("I: something after");
        QCOMPARE(parser.lastError(), std::string("Failed getting release file "
                                                 "http://archive.ubuntu.com/ubuntu/dists/jammy/Release"));
    }
};

QTEST_GUILESS_MAIN(TestDebootstrapProgress)
#include "test_debootstrap_progress.moc"
