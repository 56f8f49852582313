#include "subnet_range_bar.h"

#include <QPainter>

namespace berth::gui {
namespace {

constexpr int kBarHeight = 18;
constexpr int kMargin = 4; // room for the gateway mark above and below

} // namespace

SubnetRangeBar::SubnetRangeBar(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void SubnetRangeBar::setSubnet(std::optional<model::Ipv4Cidr> subnet)
{
    m_subnet = subnet ? std::optional(subnet->subnet()) : std::nullopt;
    update();
}

void SubnetRangeBar::setRange(std::optional<model::Ipv4Range> range)
{
    m_range = range;
    update();
}

void SubnetRangeBar::setGateway(std::optional<model::Ipv4Address> gateway)
{
    m_gateway = gateway;
    update();
}

std::optional<double> SubnetRangeBar::position(model::Ipv4Address address) const
{
    if (!m_subnet || !m_subnet->contains(address))
        return std::nullopt;
    const std::uint32_t network = m_subnet->network().value;
    const double span = double(m_subnet->broadcast().value - network);
    return span > 0 ? double(address.value - network) / span : 0.0;
}

QSize SubnetRangeBar::sizeHint() const
{
    return {320, kBarHeight + 2 * kMargin};
}

QSize SubnetRangeBar::minimumSizeHint() const
{
    return {80, kBarHeight + 2 * kMargin};
}

QRectF SubnetRangeBar::barRect() const
{
    return QRectF(rect()).adjusted(1, kMargin, -1, -kMargin);
}

void SubnetRangeBar::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF bar = barRect();
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRect(bar);
    paintRange(painter, bar);
    paintGateway(painter, bar);
}

void SubnetRangeBar::paintRange(QPainter& painter, const QRectF& bar) const
{
    if (!m_range)
        return;
    const auto from = position(m_range->first);
    const auto to = position(m_range->last);
    if (!from || !to || *to < *from)
        return;
    // At least a pixel wide, so a one-address range still shows.
    const double width = std::max(1.0, (*to - *from) * bar.width());
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::Highlight));
    painter.drawRect(QRectF(bar.left() + *from * bar.width(), bar.top() + 1, width, bar.height() - 2));
}

void SubnetRangeBar::paintGateway(QPainter& painter, const QRectF& bar) const
{
    const auto at = m_gateway ? position(*m_gateway) : std::nullopt;
    if (!at)
        return;
    const double x = bar.left() + *at * bar.width();
    painter.setPen(QPen(palette().color(QPalette::Text), 2));
    painter.drawLine(QPointF(x, 0), QPointF(x, height()));
}

} // namespace berth::gui
