// Settings over an ini file: defaults, round trip, bounds, changed(); the
// dialog shows the stored values and writes what was edited.
#include "settings.h"
#include "settings_dialog.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using berth::gui::Settings;

class TestSettings : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_file = 0;
    QString m_path;

    // A fresh ini file for each test, or the one the last test used.
    std::unique_ptr<QSettings> store(bool fresh = true)
    {
        if (fresh)
            m_path = m_dir.filePath(QStringLiteral("berth%1.ini").arg(++m_file));
        return std::make_unique<QSettings>(m_path, QSettings::IniFormat);
    }

private Q_SLOTS:
    void defaults()
    {
        Settings settings(store());
        QCOMPARE(settings.samplingSeconds(), 2);
        QCOMPARE(settings.chartMinutes(), 5);
        QCOMPARE(settings.defaultBridge(), QStringLiteral("berthbr0"));
        QCOMPARE(settings.terminalCommand(), QString());
    }

    void roundTrip()
    {
        {
            Settings settings(store());
            settings.setSamplingSeconds(10);
            settings.setChartMinutes(15);
            settings.setDefaultBridge(QStringLiteral("lab0"));
            settings.setTerminalCommand(QStringLiteral("xterm -e"));
        }
        Settings again(store(false));
        QCOMPARE(again.samplingSeconds(), 10);
        QCOMPARE(again.chartMinutes(), 15);
        QCOMPARE(again.defaultBridge(), QStringLiteral("lab0"));
        QCOMPARE(again.terminalCommand(), QStringLiteral("xterm -e"));
    }

    void samplingBounds_data()
    {
        QTest::addColumn<int>("set");
        QTest::addColumn<int>("read");
        QTest::newRow("lowest") << 1 << 1;
        QTest::newRow("highest") << 60 << 60;
        QTest::newRow("zero") << 0 << 1;
        QTest::newRow("negative") << -5 << 1;
        QTest::newRow("too long") << 3600 << 60;
    }
    void samplingBounds()
    {
        QFETCH(int, set);
        QFETCH(int, read);
        Settings settings(store());
        settings.setSamplingSeconds(set);
        QCOMPARE(settings.samplingSeconds(), read);
    }

    void chartWindowBounds_data()
    {
        QTest::addColumn<int>("set");
        QTest::addColumn<int>("read");
        QTest::newRow("1") << 1 << 1;
        QTest::newRow("5") << 5 << 5;
        QTest::newRow("15") << 15 << 15;
        QTest::newRow("not offered") << 7 << 5;
    }
    void chartWindowBounds()
    {
        QFETCH(int, set);
        QFETCH(int, read);
        Settings settings(store());
        settings.setChartMinutes(set);
        QCOMPARE(settings.chartMinutes(), read);
    }

    void handEditedFileIsClamped()
    {
        {
            auto raw = store();
            raw->setValue(QStringLiteral("statistics/samplingSeconds"), QStringLiteral("999"));
            raw->setValue(QStringLiteral("statistics/chartMinutes"), QStringLiteral("soon"));
            raw->setValue(QStringLiteral("network/defaultBridge"), QStringLiteral("  "));
        }
        Settings settings(store(false));
        QCOMPARE(settings.samplingSeconds(), 60);
        QCOMPARE(settings.chartMinutes(), 5);
        QCOMPARE(settings.defaultBridge(), QStringLiteral("berthbr0"));
    }

    void changedOnlyOnChange()
    {
        Settings settings(store());
        QSignalSpy changed(&settings, &Settings::changed);
        settings.setSamplingSeconds(2); // the default: nothing changes
        QCOMPARE(changed.count(), 0);
        settings.setSamplingSeconds(3);
        QCOMPARE(changed.count(), 1);
        settings.setTerminalCommand(QStringLiteral("konsole -e"));
        QCOMPARE(changed.count(), 2);
    }

    void dialogShowsAndWrites()
    {
        Settings settings(store());
        settings.setChartMinutes(15);
        berth::gui::SettingsDialog dialog(settings);
        QCOMPARE(dialog.samplingBox()->value(), 2);
        QCOMPARE(dialog.chartBox()->currentData().toInt(), 15);
        QCOMPARE(dialog.bridgeEdit()->text(), QStringLiteral("berthbr0"));
        QCOMPARE(dialog.samplingBox()->maximum(), 60);
        QCOMPARE(dialog.samplingBox()->minimum(), 1);
        dialog.samplingBox()->setValue(30);
        dialog.chartBox()->setCurrentIndex(dialog.chartBox()->findData(1));
        dialog.terminalEdit()->setText(QStringLiteral("xterm -e"));
        QSignalSpy changed(&settings, &Settings::changed);
        dialog.accept();
        QVERIFY(changed.count() > 0);
        QCOMPARE(settings.samplingSeconds(), 30);
        QCOMPARE(settings.chartMinutes(), 1);
        QCOMPARE(settings.terminalCommand(), QStringLiteral("xterm -e"));
    }

    void dialogCancelWritesNothing()
    {
        Settings settings(store());
        berth::gui::SettingsDialog dialog(settings);
        dialog.samplingBox()->setValue(30);
        dialog.reject();
        QCOMPARE(settings.samplingSeconds(), 2);
    }
};

QTEST_MAIN(TestSettings)
#include "test_settings.moc"
