#include "icon_engine.h"

#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace berth::gui {
namespace {

constexpr qreal kDisabledOpacity = 0.4;

QColor textColour(QIcon::Mode mode)
{
    const QPalette palette = QGuiApplication::palette();
    switch (mode) {
    case QIcon::Disabled:
        return palette.color(QPalette::Disabled, QPalette::WindowText);
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    return palette.color(QPalette::Active, QPalette::WindowText);
}

} // namespace

IconEngine::IconEngine(const QString& path, bool symbolic) : m_path(path), m_symbolic(symbolic)
{
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        m_svg = file.readAll();
}

void IconEngine::paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state)
{
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    QPixmap picture = pixmap(rect.size() * ratio, mode, state);
    picture.setDevicePixelRatio(ratio);
    painter->drawPixmap(rect, picture);
}

QPixmap IconEngine::pixmap(const QSize& size, QIcon::Mode mode, QIcon::State /*state*/)
{
    if (m_svg.isEmpty() || size.isEmpty())
        return {};
    // The colour is part of the key: a palette change draws anew.
    const QColor colour = m_symbolic ? textColour(mode) : QColor();
    const bool faded = !m_symbolic && mode == QIcon::Disabled;
    const QString key = QStringLiteral("berth-icon:%1:%2x%3:%4:%5")
                            .arg(m_path)
                            .arg(size.width())
                            .arg(size.height())
                            .arg(colour.name(QColor::HexArgb))
                            .arg(faded ? 1 : 0);
    QPixmap cached;
    if (QPixmapCache::find(key, &cached))
        return cached;

    QByteArray svg = m_svg;
    if (m_symbolic)
        svg.replace("currentColor", colour.name(QColor::HexRgb).toLatin1());
    QSvgRenderer renderer(svg);
    QPixmap picture(size);
    picture.fill(Qt::transparent);
    QPainter painter(&picture);
    painter.setRenderHint(QPainter::Antialiasing);
    if (faded)
        painter.setOpacity(kDisabledOpacity);
    else if (m_symbolic)
        painter.setOpacity(colour.alphaF());
    renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
    painter.end();
    QPixmapCache::insert(key, picture);
    return picture;
}

QSize IconEngine::actualSize(const QSize& size, QIcon::Mode /*mode*/, QIcon::State /*state*/)
{
    return size;
}

QIconEngine* IconEngine::clone() const
{
    return new IconEngine(*this);
}

QString IconEngine::key() const
{
    return QStringLiteral("berth-icon");
}

bool IconEngine::isNull()
{
    return m_svg.isEmpty();
}

} // namespace berth::gui
