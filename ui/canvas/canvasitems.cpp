#include "ui/canvas/canvasitems.h"

#include "core/units/units.h"
#include "ui/canvas/canvascolours.h"
#include "ui/format/memoryunit.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace planner {

namespace {

// The translation context of the canvas's labels.
class CanvasItems
{
    Q_DECLARE_TR_FUNCTIONS(CanvasItems)
};

constexpr double kHeaderHeight = 40;
constexpr double kPadding = 8;

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QColor kindColour(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Gpu: return QColor(0x76, 0xb9, 0x00); // green: the accelerators
    case NodeKind::Cpu: return QColor(0x3b, 0x82, 0xc4);
    case NodeKind::Memory: return QColor(0x8e, 0x6c, 0xc9);
    case NodeKind::Storage: return QColor(0xc9, 0x8a, 0x2e);
    case NodeKind::Nic: return QColor(0x2e, 0xa3, 0xa3);
    case NodeKind::Server: break;
    }
    return QColor(0x80, 0x80, 0x80);
}

QColor linkColour(LinkKind kind)
{
    switch (kind) {
    case LinkKind::NvLink:
    case LinkKind::NvSwitch: return QColor(0x5a, 0x9e, 0x00);
    case LinkKind::InfinityFabric: return QColor(0xc0, 0x39, 0x2b);
    case LinkKind::InfiniBand: return QColor(0x1f, 0x6f, 0xb5);
    case LinkKind::Ethernet: return QColor(0x2e, 0x8b, 0x8b);
    case LinkKind::Pcie: break;
    }
    return QColor(0x70, 0x70, 0x70);
}

QString partDetail(const TopologyNode &n, const PartSnapshot &parts)
{
    switch (n.kind) {
    case NodeKind::Gpu:
        if (const GpuSpec *gpu = parts.gpu(n.catalogueId)) {
            const LinkSpec *fabric = parts.link(n.fabricLinkId);
            const QString path = gpu->gpuMemoryShare // a unified-memory chip: its share, not a bus
                                     ? CanvasItems::tr("unified memory, GPU share %1 %")
                                           .arg(QLocale().toString(*gpu->gpuMemoryShare * 100, 'f', 0))
                                     : fabric ? qs(fabric->name).section(QLatin1Char('('), 0, 0).trimmed()
                                              : CanvasItems::tr("over PCIe");
            return CanvasItems::tr("%1 each · %2 GB/s · %3")
                .arg(memoryText(gpu->memory, 0))
                .arg(std::lround(units::inGBPerSecond(gpu->memoryBandwidth)))
                .arg(path);
        }
        break;
    case NodeKind::Cpu:
        if (const CpuSpec *cpu = parts.cpu(n.catalogueId))
            return cpu->pcieLanes > 0 // 0: the catalogue has no lane count
                       ? CanvasItems::tr("%1 cores · %2 PCIe lanes each").arg(cpu->cores).arg(cpu->pcieLanes)
                       : CanvasItems::tr("%1 cores each").arg(cpu->cores);
        break;
    case NodeKind::Memory:
        if (const MemoryModuleSpec *m = parts.memoryModule(n.catalogueId))
            return CanvasItems::tr("%1 GB in all").arg(std::lround(units::inGB(m->capacity) * n.count));
        break;
    case NodeKind::Storage:
        if (const StorageSpec *s = parts.storageDevice(n.catalogueId))
            return CanvasItems::tr("%1 TB in all").arg(units::inGB(s->capacity) * n.count / 1000, 0, 'f', 1);
        break;
    case NodeKind::Nic:
        if (const LinkSpec *l = parts.link(n.catalogueId))
            return CanvasItems::tr("%1 GB/s per direction each").arg(units::inGBPerSecond(l->bandwidthPerDirection));
        break;
    case NodeKind::Server: break;
    }
    return CanvasItems::tr("not in the plan's parts");
}

QPointF edgePoint(const QGraphicsItem *item, const QPointF &towards)
{
    const QRectF r = item->sceneBoundingRect();
    const QPointF c = r.center();
    const QPointF d = towards - c;
    if (d.isNull())
        return c;
    const double sx = d.x() != 0 ? (r.width() / 2) / std::abs(d.x()) : 1e9;
    const double sy = d.y() != 0 ? (r.height() / 2) / std::abs(d.y()) : 1e9;
    return c + d * std::min({sx, sy, 1.0});
}

} // namespace

int canvasId(const QGraphicsItem *item)
{
    for (; item; item = item->parentItem()) {
        switch (item->type()) {
        case ServerItemType: return static_cast<const ServerItem *>(item)->nodeId();
        case PartItemType: return static_cast<const PartItem *>(item)->nodeId();
        case LinkItemType: return static_cast<const LinkItem *>(item)->linkId();
        default: break;
        }
    }
    return 0;
}

BadgeItem::BadgeItem(const QStringList &messages, QGraphicsItem *parent)
    : QGraphicsEllipseItem(0, 0, 18, 18, parent)
{
    setToolTip(messages.join(QLatin1Char('\n')));
    setBrush(QColor(0xd9, 0x30, 0x25));
    setPen(QPen(Qt::white, 1.5));
    auto *mark = new QGraphicsSimpleTextItem(QStringLiteral("!"), this);
    QFont font = mark->font();
    font.setBold(true);
    mark->setFont(font);
    mark->setBrush(Qt::white);
    mark->setPos(9 - mark->boundingRect().width() / 2, 9 - mark->boundingRect().height() / 2);
    setZValue(10);
}

PartItem::PartItem(const TopologyNode &node, const PartSnapshot &parts, double width, QGraphicsItem *parent)
    : QGraphicsRectItem(0, 0, width, kHeight, parent)
    , mNodeId(node.id)
    , mKind(node.kind)
{
    setFlag(ItemIsSelectable);
    showTexts(node, parts);
}

void PartItem::showTexts(const TopologyNode &node, const PartSnapshot &parts)
{
    const QString title =
        QStringLiteral("%1× %2").arg(node.count).arg(qs(node.name.empty() ? node.catalogueId : node.name));
    QString detail = partDetail(node, parts);
    if (node.kind == mKind && title == mTitle && detail == mDetail)
        return;
    mKind = node.kind;
    mTitle = title;
    mDetail = std::move(detail);
    setToolTip(mTitle + QLatin1Char('\n') + mDetail);
    update();
}

void PartItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF r = rect();
    const bool selected = option->state & QStyle::State_Selected;
    const CanvasColours colours = canvasColours(option->palette);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(selected ? colours.selection : colours.partBorder, selected ? 2 : 1));
    painter->setBrush(colours.partFill);
    painter->drawRoundedRect(r, 4, 4);
    painter->fillRect(QRectF(r.left(), r.top(), 5, r.height()), kindColour(mKind));
    QFont font = painter->font();
    font.setPointSizeF(9);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(colours.title);
    const QRectF text = r.adjusted(12, 3, -24, -3);
    painter->drawText(text, Qt::AlignLeft | Qt::AlignTop,
                      painter->fontMetrics().elidedText(mTitle, Qt::ElideRight, static_cast<int>(text.width())));
    font.setBold(false);
    font.setPointSizeF(8);
    painter->setFont(font);
    painter->setPen(colours.detail);
    painter->drawText(text, Qt::AlignLeft | Qt::AlignBottom,
                      painter->fontMetrics().elidedText(mDetail, Qt::ElideRight, static_cast<int>(text.width())));
}

ServerItem::ServerItem(const TopologyNode &server, const std::vector<const TopologyNode *> &contents,
                       const PartSnapshot &parts)
    : mNodeId(server.id)
{
    const double height = kHeaderHeight + static_cast<double>(contents.size()) * (PartItem::kHeight + 4) + kPadding;
    setRect(0, 0, kWidth, std::max(height, kHeaderHeight + 30));
    setPos(server.x, server.y);
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    showHeader(server, parts);
    double y = kHeaderHeight;
    for (const TopologyNode *part : contents) {
        auto *item = new PartItem(*part, parts, kWidth - 2 * kPadding, this);
        item->setPos(kPadding, y);
        y += PartItem::kHeight + 4;
    }
    if (contents.empty()) {
        auto *hint = new QGraphicsSimpleTextItem(QObject::tr("Drop GPUs, CPUs and memory here"), this);
        hint->setBrush(QColor(0x88, 0x88, 0x88));
        hint->setPos(kPadding + 4, kHeaderHeight + 6);
    }
    setZValue(1);
}

void ServerItem::showHeader(const TopologyNode &server, const PartSnapshot &parts)
{
    QString subtitle;
    if (const CloudInstance *instance = parts.instance(server.cloudInstanceId))
        subtitle = CanvasItems::tr("cloud · %1 · %2").arg(qs(instance->provider), qs(instance->region));
    else if (const ServerTemplate *made = parts.server(server.catalogueId))
        subtitle = CanvasItems::tr("on-prem · %1").arg(qs(made->vendor.empty() ? made->id : made->vendor));
    else
        subtitle = CanvasItems::tr("on-prem · custom build");
    const QString title = qs(server.name);
    const bool cloud = !server.cloudInstanceId.empty();
    if (title == mTitle && subtitle == mSubtitle && cloud == mCloud)
        return;
    mTitle = title;
    mSubtitle = std::move(subtitle);
    mCloud = cloud;
    update();
}

bool ServerItem::takeTexts(const TopologyNode &server, const std::vector<const TopologyNode *> &contents,
                           const PartSnapshot &parts)
{
    std::vector<PartItem *> shown;
    for (QGraphicsItem *child : childItems()) {
        if (child->type() == PartItemType)
            shown.push_back(static_cast<PartItem *>(child));
        else if (child->type() != BadgeItemType) // the empty server's hint
            return false;
    }
    if (contents.empty() || shown.size() != contents.size())
        return false;
    for (size_t i = 0; i < shown.size(); ++i)
        if (shown[i]->nodeId() != contents[i]->id)
            return false;
    showHeader(server, parts);
    for (size_t i = 0; i < shown.size(); ++i)
        shown[i]->showTexts(*contents[i], parts);
    setPos(server.x, server.y);
    return true;
}

void ServerItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF r = rect();
    const bool selected = option->state & QStyle::State_Selected;
    const CanvasColours colours = canvasColours(option->palette);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(selected ? colours.selection : colours.serverBorder, selected ? 2.5 : 1.2,
                         mCloud ? Qt::DashLine : Qt::SolidLine));
    painter->setBrush(mCloud ? colours.cloudFill : colours.serverFill);
    painter->drawRoundedRect(r, 8, 8);
    QFont font = painter->font();
    font.setPointSizeF(10);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(colours.title);
    const QRectF header = r.adjusted(kPadding, 4, -28, 0);
    painter->drawText(QRectF(header.left(), header.top(), header.width(), 20), Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(mTitle, Qt::ElideRight, static_cast<int>(header.width())));
    font.setBold(false);
    font.setPointSizeF(8);
    painter->setFont(font);
    painter->setPen(colours.detail);
    painter->drawText(QRectF(header.left(), header.top() + 18, header.width(), 16), Qt::AlignLeft | Qt::AlignVCenter,
                      mSubtitle);
}

QVariant ServerItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged && mMoved)
        mMoved(mNodeId);
    return QGraphicsRectItem::itemChange(change, value);
}

LinkItem::LinkItem(const TopologyLink &link, const PartSnapshot &parts, QGraphicsItem *from, QGraphicsItem *to)
    : mLinkId(link.id)
    , mFrom(link.from)
    , mTo(link.to)
    , mFromItem(from)
    , mToItem(to)
{
    const LinkSpec *spec = parts.link(link.linkId);
    const QColor colour = spec ? linkColour(spec->kind) : QColor(Qt::red);
    const bool scaleOut = spec && isScaleOut(spec->kind);
    setPen(QPen(colour, scaleOut ? 3 : 4, scaleOut ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap));
    const QString name = spec ? qs(spec->name).section(QLatin1Char('('), 0, 0).trimmed() : qs(link.linkId);
    mLabel = link.count > 1 ? QStringLiteral("%1× %2").arg(link.count).arg(name) : name;
    if (spec)
        setToolTip(CanvasItems::tr("%1\n%2 GB/s per direction per link")
                       .arg(qs(spec->name))
                       .arg(units::inGBPerSecond(spec->bandwidthPerDirection)));
    setFlag(ItemIsSelectable);
    setZValue(5);
    track();
}

void LinkItem::track()
{
    const QPointF a = mFromItem->sceneBoundingRect().center();
    const QPointF b = mToItem->sceneBoundingRect().center();
    prepareGeometryChange();
    setLine(QLineF(edgePoint(mFromItem, b), edgePoint(mToItem, a)));
    QFont font;
    font.setPointSizeF(8);
    const QRectF box = QFontMetricsF(font).boundingRect(mLabel).adjusted(-4, -2, 4, 2);
    mLabelRect = box.translated(line().center() - box.center());
}

QRectF LinkItem::boundingRect() const
{
    return QGraphicsLineItem::boundingRect().united(mLabelRect.adjusted(-2, -2, 2, 2));
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const CanvasColours colours = canvasColours(option->palette);
    painter->setRenderHint(QPainter::Antialiasing);
    QPen p = pen();
    if (option->state & QStyle::State_Selected)
        p.setColor(colours.selection);
    painter->setPen(p);
    painter->drawLine(line());
    QFont font = painter->font();
    font.setPointSizeF(8);
    painter->setFont(font);
    const QRectF label = mLabelRect;
    painter->setPen(Qt::NoPen);
    painter->setBrush(colours.labelFill);
    painter->drawRoundedRect(label, 3, 3);
    painter->setPen(colours.title);
    painter->drawText(label, Qt::AlignCenter, mLabel);
}

} // namespace planner
