#include "network_view.h"

#include "berth/model/forward.h"

#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPen>

namespace berth::gui {
namespace {

constexpr qreal kBoxWidth = 220;
constexpr qreal kLineHeight = 18;
constexpr qreal kPadding = 8;
constexpr qreal kGap = 16;
constexpr qreal kIndent = 28; // containers sit right of their bridge's trunk line
constexpr int kKindKey = 0;
constexpr int kNameKey = 1;

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
    auto* box = addBox(QRectF(x, 0, kBoxWidth, kBridgeHeight), {bridge.name, bridgeSubtitle(bridge)}, true);
    box->setData(kKindKey, QStringLiteral("bridge"));
    box->setData(kNameKey, bridge.name);
    box->setToolTip(tr("Bridge '%1', address %2").arg(bridge.name, bridge.address));
    m_bridges.insert(bridge.name, box);
}

qreal NetworkView::addContainer(const QString& name, const client::ContainerInfo* info, const QStringList& forwards,
                                QPointF topLeft, qreal trunkX)
{
    QStringList lines{name};
    const QStringList addresses = info ? info->addresses : QStringList();
    lines << (addresses.isEmpty() ? tr("no address") : addresses.join(QStringLiteral(", ")));
    for (const QString& forward : forwards)
        lines << forwardLine(forward);
    const qreal height = lines.size() * kLineHeight + kPadding;
    const QRectF rect(topLeft, QSizeF(kBoxWidth - kIndent, height));
    // The line from the bridge down its trunk and across to the container.
    QPainterPath path(QPointF(trunkX, kBridgeHeight));
    path.lineTo(trunkX, rect.center().y());
    path.lineTo(rect.left(), rect.center().y());
    m_scene->addPath(path, QPen(palette().color(QPalette::Text)));
    auto* box = addBox(rect, lines, false);
    box->setData(kKindKey, QStringLiteral("container"));
    box->setData(kNameKey, name);
    box->setCursor(Qt::PointingHandCursor);
    box->setToolTip(lines.join(QLatin1Char('\n')));
    m_containers.insert(name, box);
    return height;
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
