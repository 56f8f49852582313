// Edits the application's Settings: sampling interval, chart window,
// default bridge and terminal command. Written when the user accepts.
#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace berth::gui {

class Settings;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(Settings& settings, QWidget* parent = nullptr);

    // Puts the edited values into the settings (what OK does).
    void apply();

    [[nodiscard]] QSpinBox* samplingBox() const { return m_sampling; }
    [[nodiscard]] QComboBox* chartBox() const { return m_chart; }
    [[nodiscard]] QLineEdit* bridgeEdit() const { return m_bridge; }
    [[nodiscard]] QLineEdit* terminalEdit() const { return m_terminal; }

private:
    void load();

    Settings& m_settings;
    QSpinBox* m_sampling = nullptr;
    QComboBox* m_chart = nullptr;
    QLineEdit* m_bridge = nullptr;
    QLineEdit* m_terminal = nullptr;
};

} // namespace berth::gui
