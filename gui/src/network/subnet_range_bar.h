// A bar standing for a subnet from its network to its broadcast address,
// with the DHCP range filled in and the bridge's own address marked, so a
// user sees at once where the range lies and whether it hits the bridge.
#pragma once

#include "berth/model/ipv4.h"

#include <QWidget>

#include <optional>

namespace berth::gui {

class SubnetRangeBar : public QWidget {
    Q_OBJECT
public:
    explicit SubnetRangeBar(QWidget* parent = nullptr);

    // Nothing is drawn but the frame while any part is missing.
    void setSubnet(std::optional<model::Ipv4Cidr> subnet);
    void setRange(std::optional<model::Ipv4Range> range);
    void setGateway(std::optional<model::Ipv4Address> gateway);

    // Where `address` falls across the bar, 0..1 (the network at 0, the
    // broadcast at 1); none without a subnet or outside it.
    [[nodiscard]] std::optional<double> position(model::Ipv4Address address) const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    [[nodiscard]] QRectF barRect() const;
    void paintRange(QPainter& painter, const QRectF& bar) const;
    void paintGateway(QPainter& painter, const QRectF& bar) const;

    std::optional<model::Ipv4Cidr> m_subnet;
    std::optional<model::Ipv4Range> m_range;
    std::optional<model::Ipv4Address> m_gateway;
};

} // namespace berth::gui
