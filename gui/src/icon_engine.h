// Draws one of Berth's SVG icons (icons.h). A symbolic one has its
// `currentColor` replaced, at each paint, by the application palette's text
// colour for the icon's mode, so it follows a light or dark palette and a
// selected row; a coloured one is drawn as it is (faded when disabled).
#pragma once

#include <QByteArray>
#include <QIconEngine>

namespace berth::gui {

class IconEngine : public QIconEngine {
public:
    IconEngine(const QString& path, bool symbolic);

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override;
    QSize actualSize(const QSize& size, QIcon::Mode mode, QIcon::State state) override;
    [[nodiscard]] QIconEngine* clone() const override;
    [[nodiscard]] QString key() const override;
    [[nodiscard]] bool isNull() override;

private:
    QString m_path;
    bool m_symbolic;
    QByteArray m_svg;
};

} // namespace berth::gui
