// One limit as a slider and a spin box that move together. The slider's
// last position and the spin box's lowest value (0) mean "unlimited"
// (unless the scale has no such thing, as weights). The
// value travels as SetLimits' text: a number in the helper's unit (bytes,
// cores, a count) or "max".
#pragma once

#include <QWidget>

class QDoubleSpinBox;
class QSlider;

namespace berth::gui {

class LimitSlider : public QWidget {
    Q_OBJECT
public:
    struct Scale {
        QString suffix;           // shown in the spin box, e.g. " MiB"
        double unit = 1;          // helper units per shown unit (bytes per MiB)
        double sliderStep = 1;    // in shown units, per slider position
        int sliderSteps = 100;    // positions before "unlimited"
        double spinMaximum = 1e6; // in shown units
        int decimals = 0;
        // Weights have no "unlimited": then the spin box starts at
        // `minimum` and an unset value shows `unsetShown` (the kernel's default).
        bool canBeUnlimited = true;
        double minimum = 0; // in shown units
        double unsetShown = 0;
    };

    explicit LimitSlider(const Scale& scale, QWidget* parent = nullptr);

    // "max", empty or unreadable: unlimited (or the unset value). Emits nothing.
    void setText(const QString& text);
    [[nodiscard]] QString text() const;
    [[nodiscard]] bool isUnlimited() const;
    // In the helper's unit; only meaningful when limited.
    [[nodiscard]] double value() const;

    [[nodiscard]] QSlider* slider() const { return m_slider; }
    [[nodiscard]] QDoubleSpinBox* spinBox() const { return m_spin; }

Q_SIGNALS:
    // Only when a person moved it, never from setText().
    void edited(const QString& text);
    // A person let go of the slider: where it rests is meant now.
    void released();

private:
    void sliderMoved(int position);
    void spinChanged(double shown);
    void showShown(double shown);

    Scale m_scale;
    QSlider* m_slider = nullptr;
    QDoubleSpinBox* m_spin = nullptr;
    bool m_updating = false;
};

} // namespace berth::gui
