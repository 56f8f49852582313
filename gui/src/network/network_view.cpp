#include "network_view.h"

#include "berth/model/forward.h"
#include "state_presentation.h"

#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPen>
#include <QTimer>

namespace berth::gui {
namespace {

constexpr qreal kBoxWidth = 220;
constexpr qreal kLineHeight = 18;
constexpr qreal kPadding = 8;
constexpr qreal kGap = 16;
constexpr qreal kIndent = 28; // containers sit right of their bridge's trunk line
constexpr int kKindKey = 0;
constexpr int kNameKey = 1;
constexpr int kLinkKey = 2; // bool: its link is up

QString bridgeSubtitle(const client::Bridge& bridge)
{
    const auto address = model::Ipv4Cidr::parse(bridge.address.toStdString());
    const QString subnet = address ? QString::fromStdString(address->subnet().toString()) : bridge.address;
    return bridge.nat ? NetworkView::tr("%1, NAT").arg(subnet) : NetworkView::tr("%1, no NAT").arg(subnet);
}

QString forwardLine(const QString& forward)
{
    const auto spec = model::parseForwardSpec(forward.toStdString());
    if (!spec)
        return forward;
    const QString port = QString::number(spec->hostPort);
    const QString host =
        spec->hostAddress ? QString::fromStdString(spec->hostAddress->toString()) + QLatin1Char(':') + port : port;
    return NetworkView::tr("%1 %2 → %3")
        .arg(QString::fromLatin1(model::protocolName(spec->protocol)).toUpper(), host)
        .arg(spec->containerPort);
}

// What the container has now: its addresses while it runs (each with its
// interface when known), else its state, and what is reserved for it.
QStringList addressLines(const client::ContainerInfo* info)
{
    if (!info)
        return {NetworkView::tr("no address")};
    if (info->state == model::RunState::Stopped) {
        if (info->reservedAddresses.isEmpty())
            return {stateText(info->state)};
        return {stateText(info->state),
                NetworkView::tr("reserved %1").arg(info->reservedAddresses.join(QStringLiteral(", ")))};
    }
    if (info->addresses.isEmpty())
        return {NetworkView::tr("no address yet")};
    QStringList shown;
    for (qsizetype i = 0; i < info->addresses.size(); ++i)
        shown << (i < info->addressInterfaces.size()
                      ? NetworkView::tr("%1 on %2").arg(info->addresses[i], info->addressInterfaces[i])
                      : info->addresses[i]);
    return {shown.join(QStringLiteral(", "))};
}

// Its link is up while it runs (the veth exists only then).
bool linkUp(const client::ContainerInfo* info)
{
    return info && info->state != model::RunState::Stopped;
}

} // namespace

// One refresh() in flight: what has come back so far.
struct NetworkView::Pending {
    int generation = 0;
    int outstanding = 0;
    QList<client::Bridge> bridges;
    QList<client::ContainerInfo> containers;
    QMap<QString, QStringList> forwards;
};

NetworkView::NetworkView(ContainerSource& source, QWidget* parent)
    : QGraphicsView(parent), m_source(source), m_scene(new QGraphicsScene(this))
{
    setScene(m_scene);
    setRenderHint(QPainter::Antialiasing);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setAccessibleName(tr("Network map"));
    setAccessibleDescription(tr("No bridges"));
    // Live while shown: leases, addresses and links change as containers
    // start and stop.
    m_timer = new QTimer(this);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &NetworkView::refresh);
}

void NetworkView::showEvent(QShowEvent* event)
{
    QGraphicsView::showEvent(event);
    m_timer->start();
}

void NetworkView::hideEvent(QHideEvent* event)
{
    m_timer->stop();
    QGraphicsView::hideEvent(event);
}

void NetworkView::setData(const QList<client::Bridge>& bridges, const QList<client::ContainerInfo>& containers,
                          const QMap<QString, QStringList>& forwards)
{
    m_scene->clear();
    m_bridges.clear();
    m_containers.clear();
    QMap<QString, const client::ContainerInfo*> byName;
    for (const client::ContainerInfo& info : containers)
        byName.insert(info.name, &info);
    for (int column = 0; column < bridges.size(); ++column) {
        const client::Bridge& bridge = bridges[column];
        const qreal x = column * kColumnWidth;
        addBridge(bridge, x);
        QPointF next(x + kIndent, kBridgeHeight + kGap);
        for (const QString& name : bridge.containers) {
            if (m_containers.contains(name))
                continue; // drawn under an earlier bridge already
            next.ry() += addContainer(name, byName.value(name), forwards.value(name), next, x + kIndent / 2) + kGap;
        }
    }
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-kGap, -kGap, kGap, kGap));
    setAccessibleDescription(describe(bridges, byName));
}

// What a screen reader says of the map: each bridge, its link, and the
// containers on it with their addresses.
QString NetworkView::describe(const QList<client::Bridge>& bridges,
                              const QMap<QString, const client::ContainerInfo*>& byName) const
{
    if (bridges.isEmpty())
        return tr("No bridges");
    QStringList parts;
    for (const client::Bridge& bridge : bridges) {
        QStringList containers;
        for (const QString& name : bridge.containers)
            containers << tr("%1 (%2)").arg(name, addressLines(byName.value(name)).join(QStringLiteral(", ")));
        const QString link = bridge.up ? tr("up") : tr("down");
        parts << (containers.isEmpty()
                      ? tr("Bridge %1, %2, no containers").arg(bridge.name, link)
                      : tr("Bridge %1, %2: %3").arg(bridge.name, link, containers.join(QStringLiteral("; "))));
    }
    return parts.join(QStringLiteral(". "));
}

QGraphicsRectItem* NetworkView::addBox(const QRectF& rect, const QStringList& lines, bool emphasised)
{
    auto* box = m_scene->addRect(rect, QPen(palette().color(QPalette::Mid)),
                                 palette().color(emphasised ? QPalette::AlternateBase : QPalette::Base));
    for (int i = 0; i < lines.size(); ++i) {
        auto* text = new QGraphicsSimpleTextItem(box);
        QFont font = text->font();
        font.setBold(i == 0);
        text->setFont(font);
        // Long names and forwards are cut to keep the columns apart; the tooltip has them whole.
        text->setText(QFontMetricsF(font).elidedText(lines[i], Qt::ElideRight, rect.width() - 2 * kPadding));
        text->setPos(rect.left() + kPadding, rect.top() + kPadding / 2 + i * kLineHeight);
    }
    return box;
}

void NetworkView::addBridge(const client::Bridge& bridge, qreal x)
{
    const QString link = bridge.up ? tr("link up") : tr("link down");
    auto* box = addBox(QRectF(x, 0, kBoxWidth, kBridgeHeight), {bridge.name, bridgeSubtitle(bridge), link}, true);
    if (!bridge.up)
        box->setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
    box->setData(kKindKey, QStringLiteral("bridge"));
    box->setData(kNameKey, bridge.name);
    box->setData(kLinkKey, bridge.up);
    box->setToolTip(tr("Bridge '%1', address %2, %3").arg(bridge.name, bridge.address, link));
    m_bridges.insert(bridge.name, box);
}

qreal NetworkView::addContainer(const QString& name, const client::ContainerInfo* info, const QStringList& forwards,
                                QPointF topLeft, qreal trunkX)
{
    QStringList lines = QStringList{name} + addressLines(info);
    for (const QString& forward : forwards)
        lines << forwardLine(forward);
    const qreal height = lines.size() * kLineHeight + kPadding;
    const QRectF rect(topLeft, QSizeF(kBoxWidth - kIndent, height));
    // The line from the bridge down its trunk and across to the container.
    QPainterPath path(QPointF(trunkX, kBridgeHeight));
    path.lineTo(trunkX, rect.center().y());
    path.lineTo(rect.left(), rect.center().y());
    // Solid while its link is up, dashed while it is down.
    const bool up = linkUp(info);
    m_scene->addPath(path, up ? QPen(palette().color(QPalette::Text), 1.5)
                              : QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
    auto* box = addBox(rect, lines, false);
    box->setData(kKindKey, QStringLiteral("container"));
    box->setData(kNameKey, name);
    box->setData(kLinkKey, up);
    box->setCursor(Qt::PointingHandCursor);
    box->setToolTip(lines.join(QLatin1Char('\n')) + QLatin1Char('\n') + (up ? tr("link up") : tr("link down")));
    m_containers.insert(name, box);
    return height;
}

bool NetworkView::isLinkUp(const QGraphicsItem* item)
{
    return item && item->data(kLinkKey).toBool();
}

bool NetworkView::isRefreshing() const
{
    return m_timer->isActive();
}

void NetworkView::mousePressEvent(QMouseEvent* event)
{
    for (QGraphicsItem* item = itemAt(event->position().toPoint()); item; item = item->parentItem()) {
        if (item->data(kKindKey).toString() == QLatin1String("container")) {
            Q_EMIT containerActivated(item->data(kNameKey).toString());
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void NetworkView::refresh()
{
    const int generation = ++m_generation;
    m_source.bridges(this, [this, generation](client::Result<QList<client::Bridge>> bridges) {
        // Nothing to draw without bridges; the main window reports an unreachable helper.
        if (generation == m_generation && bridges)
            fetchContainers(*bridges);
    });
}

void NetworkView::fetchContainers(const QList<client::Bridge>& bridges)
{
    auto pending = std::make_shared<Pending>();
    pending->generation = m_generation;
    pending->bridges = bridges;
    QStringList names;
    for (const client::Bridge& bridge : bridges)
        names << bridge.containers;
    names.removeDuplicates();
    pending->outstanding = int(names.size()) * 2;
    const auto answered = [this, pending] {
        if (--pending->outstanding == 0 && pending->generation == m_generation)
            setData(pending->bridges, pending->containers, pending->forwards);
    };
    if (names.isEmpty())
        setData(bridges, {}, {});
    for (const QString& name : std::as_const(names)) {
        m_source.container(name, this, [pending, answered](client::Result<client::ContainerInfo> info) {
            if (info)
                pending->containers << *info;
            answered();
        });
        m_source.forwards(name, this, [pending, answered, name](client::Result<QStringList> forwards) {
            if (forwards)
                pending->forwards.insert(name, *forwards);
            answered();
        });
    }
}

} // namespace berth::gui
