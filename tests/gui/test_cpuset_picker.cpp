// CPU lists: the text form both ways (table), the host's CPUs from the
// kernel's file, and the picker keeping its check boxes and its text in
// step, emitting only for a person's change.
#include "cpu_list.h"
#include "cpuset_picker.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QtTest>

using berth::gui::CpusetPicker;
using berth::gui::formatCpuList;
using berth::gui::parseCpuList;

class TestCpusetPicker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseAndFormat_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("cpus");
        QTest::addColumn<QString>("formatted");
        QTest::newRow("empty") << "" << QList<int>{} << "";
        QTest::newRow("one") << "3" << QList<int>{3} << "3";
        QTest::newRow("pair is a range") << "0,1" << QList<int>{0, 1} << "0-1";
        QTest::newRow("range and one") << "0-1,3" << QList<int>{0, 1, 3} << "0-1,3";
        QTest::newRow("unsorted, repeated") << "5,0-2,1" << QList<int>{0, 1, 2, 5} << "0-2,5";
        QTest::newRow("two ranges") << "0-3,8-11" << QList<int>{0, 1, 2, 3, 8, 9, 10, 11} << "0-3,8-11";
        QTest::newRow("range of one") << "4-4" << QList<int>{4} << "4";
        QTest::newRow("kernel's newline") << "0-1\n" << QList<int>{0, 1} << "0-1";
    }
    void parseAndFormat()
    {
        QFETCH(QString, text);
        QFETCH(QList<int>, cpus);
        QFETCH(QString, formatted);
        const auto parsed = parseCpuList(text);
        QVERIFY(parsed);
        QCOMPARE(*parsed, cpus);
        QCOMPARE(formatCpuList(cpus), formatted);
        QCOMPARE(parseCpuList(formatted), std::optional(cpus)); // and back
    }

    void refusesWhatIsNoList_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("letters") << "a";
        QTest::newRow("backwards range") << "3-1";
        QTest::newRow("open range") << "1-";
        QTest::newRow("empty item") << "0,,1";
        QTest::newRow("trailing comma") << "0,";
        QTest::newRow("sign") << "-1";
        QTest::newRow("space inside") << "0, 1";
        QTest::newRow("too high") << "4096";
        QTest::newRow("huge range") << "0-99999";
    }
    void refusesWhatIsNoList()
    {
        QFETCH(QString, text);
        QVERIFY(!parseCpuList(text));
    }

    void hostCpusFromTheKernelsFile()
    {
        QTemporaryFile online;
        QVERIFY(online.open());
        online.write("0-2,5\n");
        online.close();
        QCOMPARE(berth::gui::hostCpus(online.fileName()), (QList<int>{0, 1, 2, 5}));
        // Unreadable: as many as Qt sees, from 0.
        const QList<int> fallback = berth::gui::hostCpus(QStringLiteral("/nonexistent/online"));
        QVERIFY(!fallback.isEmpty());
        QCOMPARE(fallback.first(), 0);
    }

    void textChecksTheBoxes()
    {
        CpusetPicker picker({0, 1, 2, 3});
        QSignalSpy edited(&picker, &CpusetPicker::edited);
        picker.setText(QStringLiteral("1,3"));
        QCOMPARE(picker.text(), QStringLiteral("1,3"));
        QCOMPARE(picker.lineEdit()->text(), QStringLiteral("1,3"));
        for (int cpu = 0; cpu < 4; ++cpu)
            QCOMPARE(picker.checkBox(cpu)->isChecked(), cpu == 1 || cpu == 3);
        picker.setText(QString()); // no restriction: every CPU
        for (int cpu = 0; cpu < 4; ++cpu)
            QVERIFY(picker.checkBox(cpu)->isChecked());
        QCOMPARE(edited.size(), 0); // setText is not an edit
    }

    void boxesWriteTheText()
    {
        CpusetPicker picker({0, 1, 2, 3});
        picker.setText(QStringLiteral("0"));
        QSignalSpy edited(&picker, &CpusetPicker::edited);
        picker.checkBox(1)->setChecked(true);
        picker.checkBox(3)->setChecked(true);
        QCOMPARE(edited.size(), 2);
        QCOMPARE(edited.last().first().toString(), QStringLiteral("0-1,3"));
        QCOMPARE(picker.lineEdit()->text(), QStringLiteral("0-1,3"));
        QCOMPARE(picker.text(), QStringLiteral("0-1,3"));
    }

    void lastBoxStaysChecked()
    {
        CpusetPicker picker({0, 1});
        picker.setText(QStringLiteral("1"));
        QSignalSpy edited(&picker, &CpusetPicker::edited);
        picker.checkBox(1)->setChecked(false);
        QVERIFY(picker.checkBox(1)->isChecked());
        QCOMPARE(picker.text(), QStringLiteral("1"));
        QCOMPARE(edited.size(), 0);
    }

    void typedText_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("shown"); // after the entry
        QTest::addColumn<QString>("sent");  // empty: nothing emitted
        QTest::newRow("list") << "3,2,0"
                              << "0,2-3"
                              << "0,2-3";
        QTest::newRow("same as before") << "1"
                                        << "1"
                                        << "";
        QTest::newRow("not a list: the old one back") << "x"
                                                      << "1"
                                                      << "";
        QTest::newRow("cleared: every CPU") << ""
                                            << "0-3"
                                            << "0-3";
    }
    void typedText()
    {
        QFETCH(QString, typed);
        QFETCH(QString, shown);
        QFETCH(QString, sent);
        CpusetPicker picker({0, 1, 2, 3});
        picker.setText(QStringLiteral("1"));
        QSignalSpy edited(&picker, &CpusetPicker::edited);
        picker.lineEdit()->setText(typed);
        Q_EMIT picker.lineEdit()->editingFinished();
        QCOMPARE(picker.lineEdit()->text(), shown);
        QCOMPARE(picker.text(), shown);
        QCOMPARE(edited.size(), sent.isEmpty() ? 0 : 1);
        if (!sent.isEmpty())
            QCOMPARE(edited.first().first().toString(), sent);
        const auto cpus = parseCpuList(shown).value();
        for (int cpu = 0; cpu < 4; ++cpu)
            QCOMPARE(picker.checkBox(cpu)->isChecked(), cpus.contains(cpu));
    }
};

QTEST_MAIN(TestCpusetPicker)
#include "test_cpuset_picker.moc"
