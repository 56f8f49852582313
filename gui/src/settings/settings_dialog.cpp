#include "settings_dialog.h"

#include "settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

#include <algorithm>

namespace berth::gui {

SettingsDialog::SettingsDialog(Settings& settings, QWidget* parent) : QDialog(parent), m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    auto* form = new QFormLayout(this);
    m_sampling = new QSpinBox(this);
    m_sampling->setRange(Settings::kMinSamplingSeconds, Settings::kMaxSamplingSeconds);
    m_sampling->setSuffix(tr(" s"));
    form->addRow(tr("Sampling interval:"), m_sampling);
    m_chart = new QComboBox(this);
    for (const int minutes : Settings::chartWindowChoices())
        m_chart->addItem(tr("%n minute(s)", nullptr, minutes), minutes);
    form->addRow(tr("Chart window:"), m_chart);
    m_bridge = new QLineEdit(this);
    m_bridge->setPlaceholderText(Settings::defaultBridgeName());
    form->addRow(tr("Default bridge:"), m_bridge);
    m_terminal = new QLineEdit(this);
    m_terminal->setPlaceholderText(tr("Automatic"));
    m_terminal->setToolTip(tr("The terminal emulator to run consoles in, for example \"konsole -e\". "
                              "Leave it empty to use the desktop's terminal."));
    form->addRow(tr("Terminal command:"), m_terminal);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(this, &QDialog::accepted, this, &SettingsDialog::apply);
    load();
}

void SettingsDialog::load()
{
    m_sampling->setValue(m_settings.samplingSeconds());
    m_chart->setCurrentIndex(std::max(0, m_chart->findData(m_settings.chartMinutes())));
    m_bridge->setText(m_settings.defaultBridge());
    m_terminal->setText(m_settings.terminalCommand());
}

void SettingsDialog::apply()
{
    m_settings.setSamplingSeconds(m_sampling->value());
    m_settings.setChartMinutes(m_chart->currentData().toInt());
    m_settings.setDefaultBridge(m_bridge->text());
    m_settings.setTerminalCommand(m_terminal->text());
}

} // namespace berth::gui
