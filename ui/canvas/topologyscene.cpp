#include "ui/canvas/topologyscene.h"

#include "core/plan/planchange.h"
#include "ui/canvas/canvascolours.h"
#include "ui/canvas/canvasitems.h"
#include "ui/document/plandocument.h"
#include "ui/document/planedits.h"
#include "ui/format/coremessage.h"
#include "ui/palette/partmimedata.h"

#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QPalette>

#include <map>

namespace planner {

TopologyScene::TopologyScene(PlanDocument &document, QObject *parent)
    : QGraphicsScene(parent)
    , mDocument(document)
{
    setBackgroundBrush(canvasColours(palette()).paper);
    connect(&mDocument, &PlanDocument::planChanged, this, &TopologyScene::planChanged);
    connect(&mDocument, &PlanDocument::currentScenarioChanged, this, &TopologyScene::rebuild);
    connect(&mDocument, &PlanDocument::selectionChanged, this, [this] {
        if (mRebuilding)
            return;
        mRebuilding = true;
        for (const auto &[id, item] : mItems)
            item->setSelected(mDocument.selection().count(id) > 0);
        mRebuilding = false;
    });
    connect(this, &QGraphicsScene::selectionChanged, this, &TopologyScene::syncSelectionToDocument);
    rebuild();
}

TopologyScene::~TopologyScene()
{
    // Deleting the items changes the selection; the document may be gone already.
    disconnect(this, &QGraphicsScene::selectionChanged, this, &TopologyScene::syncSelectionToDocument);
}

void TopologyScene::setMode(Mode mode)
{
    mMode = mode;
    for (const auto &[id, item] : mItems)
        if (item->type() == ServerItemType)
            item->setFlag(QGraphicsItem::ItemIsMovable, mode == Mode::Select);
}

bool TopologyScene::event(QEvent *event)
{
    const bool handled = QGraphicsScene::event(event);
    if (event->type() == QEvent::PaletteChange)
        setBackgroundBrush(canvasColours(palette()).paper);
    return handled;
}

void TopologyScene::rebuild()
{
    mRebuilding = true;
    mConnectLine = nullptr;
    mItems.clear();
    mLinksAtServer.clear();
    mBadges.clear();
    clear();
    const Topology &t = mDocument.scenario().topology;
    const PartsByServer partsIn(t);
    for (const TopologyNode *server : t.servers())
        addServerItem(server->id, partsIn);
    for (const TopologyLink &link : t.links)
        addLinkItem(link.id);
    addBadges();
    fitSceneRect();
    mRebuilding = false;
}

void TopologyScene::planChanged(const PlanChange &change)
{
    if (change.touches(PlanChange::Scenarios)) {
        rebuild();
        return;
    }
    const size_t current = mDocument.currentScenario();
    const bool topologyHere = change.scenario == current
                              && change.touches(PlanChange::Topology | PlanChange::Labels | PlanChange::Layout);
    if (!topologyHere && !change.changesEstimateOf(current))
        return;
    mRebuilding = true;
    removeBadges(); // before their owners may go
    if (topologyHere && change.touches(PlanChange::Topology | PlanChange::Labels))
        redraw(change.items);
    if (topologyHere && change.touches(PlanChange::Layout))
        moveServers(change.items);
    addBadges();
    fitSceneRect();
    mRebuilding = false;
}

void TopologyScene::redraw(const std::set<int> &ids)
{
    const Topology &t = mDocument.scenario().topology;
    const auto serverOfNode = [&t](const TopologyNode &n) { return n.parent ? n.parent : n.id; };
    std::set<int> servers;
    std::set<int> links;
    for (int id : ids) {
        // Where the plan has it now, and where the canvas showed it (it may be gone).
        if (const TopologyNode *n = t.node(id))
            servers.insert(serverOfNode(*n));
        else if (t.link(id))
            links.insert(id);
        if (const int shownIn = serverOfItem(id))
            servers.insert(shownIn);
        else if (mItems.count(id))
            links.insert(id);
    }
    // A server that keeps its parts takes their new texts; the others are made anew.
    const PartsByServer partsIn(t);
    std::erase_if(servers, [&](int id) {
        const TopologyNode *server = t.node(id);
        const auto shown = mItems.find(id);
        return server && server->kind == NodeKind::Server && shown != mItems.end()
               && shown->second->type() == ServerItemType
               && static_cast<ServerItem *>(shown->second)->takeTexts(*server, partsIn.of(id), mDocument.plan().parts);
    });
    // A server made anew has its links made anew too: they point at its items.
    for (int server : servers)
        for (auto [at, end] = mLinksAtServer.equal_range(server); at != end; ++at)
            links.insert(at->second->linkId());
    if (!servers.empty())
        for (const TopologyLink &link : t.links) {
            const TopologyNode *from = t.node(link.from);
            const TopologyNode *to = t.node(link.to);
            if ((from && servers.count(serverOfNode(*from))) || (to && servers.count(serverOfNode(*to))))
                links.insert(link.id);
        }
    for (int id : links)
        if (const auto shown = mItems.find(id); shown != mItems.end()) {
            QGraphicsItem *item = shown->second;
            forget(item);
            delete item;
        }
    for (int id : servers)
        if (const auto shown = mItems.find(id); shown != mItems.end()) {
            QGraphicsItem *item = shown->second;
            forget(item);
            delete item;
        }
    for (int id : servers)
        if (const TopologyNode *server = t.node(id); server && server->kind == NodeKind::Server)
            addServerItem(id, partsIn);
    for (int id : links)
        if (t.link(id))
            addLinkItem(id);
}

void TopologyScene::moveServers(const std::set<int> &ids)
{
    const Topology &t = mDocument.scenario().topology;
    for (int id : ids) {
        const auto shown = mItems.find(id);
        const TopologyNode *node = t.node(id);
        if (shown != mItems.end() && node && shown->second->type() == ServerItemType)
            shown->second->setPos(node->x, node->y); // its links follow (ServerItem's move handler)
    }
}

void TopologyScene::addServerItem(int serverId, const PartsByServer &partsIn)
{
    const Topology &t = mDocument.scenario().topology;
    auto *item = new ServerItem(*t.node(serverId), partsIn.of(serverId), mDocument.plan().parts);
    item->setFlag(QGraphicsItem::ItemIsMovable, mMode == Mode::Select);
    item->setMoveHandler([this](int moved) { trackLinksOf(moved); });
    addItem(item);
    mItems[serverId] = item;
    item->setSelected(mDocument.selection().count(serverId) > 0);
    for (QGraphicsItem *child : item->childItems())
        if (child->type() == PartItemType) {
            const int part = static_cast<PartItem *>(child)->nodeId();
            mItems[part] = child;
            child->setSelected(mDocument.selection().count(part) > 0);
        }
}

void TopologyScene::addLinkItem(int linkId)
{
    const TopologyLink *link = mDocument.scenario().topology.link(linkId);
    const auto from = mItems.find(link->from);
    const auto to = mItems.find(link->to);
    if (from == mItems.end() || to == mItems.end())
        return;
    auto *item = new LinkItem(*link, mDocument.plan().parts, from->second, to->second);
    addItem(item);
    mItems[linkId] = item;
    const int fromServer = serverOfItem(link->from);
    const int toServer = serverOfItem(link->to);
    mLinksAtServer.emplace(fromServer, item);
    if (toServer != fromServer)
        mLinksAtServer.emplace(toServer, item);
    item->setSelected(mDocument.selection().count(linkId) > 0);
}

void TopologyScene::forget(QGraphicsItem *item)
{
    if (item->type() == LinkItemType)
        std::erase_if(mLinksAtServer, [item](const auto &entry) { return entry.second == item; });
    for (QGraphicsItem *child : item->childItems())
        forget(child);
    if (item->type() == ServerItemType || item->type() == PartItemType || item->type() == LinkItemType)
        mItems.erase(canvasId(item));
}

int TopologyScene::serverOfItem(int id) const
{
    const auto shown = mItems.find(id);
    if (shown == mItems.end())
        return 0;
    for (const QGraphicsItem *item = shown->second; item; item = item->parentItem())
        if (item->type() == ServerItemType)
            return static_cast<const ServerItem *>(item)->nodeId();
    return 0;
}

void TopologyScene::trackLinksOf(int serverId)
{
    for (auto [at, end] = mLinksAtServer.equal_range(serverId); at != end; ++at)
        at->second->track();
}

void TopologyScene::removeBadges()
{
    for (QGraphicsItem *badge : mBadges)
        delete badge;
    mBadges.clear();
}

// One badge per item, listing its problems.
void TopologyScene::addBadges()
{
    const size_t index = mDocument.currentScenario();
    if (index >= mDocument.estimates().size())
        return;
    std::map<int, QStringList> problems;
    for (const TopologyIssue &issue : mDocument.estimates()[index].issues)
        problems[issue.linkId ? issue.linkId : issue.nodeId] << issueText(issue);
    for (const auto &[id, messages] : problems) {
        const auto found = mItems.find(id);
        if (found == mItems.end())
            continue;
        QGraphicsItem *owner = found->second;
        if (owner->type() == LinkItemType) {
            auto *badge = new BadgeItem(messages, nullptr);
            addItem(badge);
            badge->setPos(static_cast<LinkItem *>(owner)->line().center() + QPointF(-9, -26));
            mBadges.push_back(badge);
        } else {
            auto *badge = new BadgeItem(messages, owner);
            badge->setPos(owner->boundingRect().width() - 22, 4);
            mBadges.push_back(badge);
        }
    }
}

void TopologyScene::fitSceneRect()
{
    // The servers' outlines hold their parts and badges, and links run
    // between servers: their union is the drawing, found without visiting
    // every part (itemsBoundingRect did, after every edit).
    QRectF drawn;
    for (const auto &[id, item] : mItems)
        if (item->type() == ServerItemType)
            drawn |= item->sceneBoundingRect();
    setSceneRect(drawn.adjusted(-400, -300, 400, 300));
}

QGraphicsItem *TopologyScene::itemFor(int id) const
{
    const auto found = mItems.find(id);
    return found == mItems.end() ? nullptr : found->second;
}

int TopologyScene::badgeCount() const
{
    return static_cast<int>(mBadges.size());
}

void TopologyScene::syncSelectionToDocument()
{
    if (mRebuilding)
        return;
    std::set<int> ids;
    for (QGraphicsItem *item : selectedItems())
        if (const int id = canvasId(item))
            ids.insert(id);
    mRebuilding = true;
    mDocument.setSelection(ids);
    mRebuilding = false;
}

int TopologyScene::serverAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos))
        for (QGraphicsItem *i = item; i; i = i->parentItem())
            if (i->type() == ServerItemType)
                return static_cast<ServerItem *>(i)->nodeId();
    return 0;
}

int TopologyScene::linkableAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos))
        if (item->type() == PartItemType || item->type() == ServerItemType)
            return canvasId(item);
    return 0;
}

void TopologyScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    event->setAccepted(decodePartReference(event->mimeData()).has_value());
}

void TopologyScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    event->setAccepted(decodePartReference(event->mimeData()).has_value());
}

void TopologyScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    const std::optional<PartReference> part = decodePartReference(event->mimeData());
    if (!part) {
        event->ignore();
        return;
    }
    const bool wholeServer = part->kind == PaletteKind::Server || part->kind == PaletteKind::Instance;
    QString error;
    if (edits::dropPart(mDocument, *part, event->scenePos(), wholeServer ? 0 : serverAt(event->scenePos()), &error)
        == 0)
        emit message(tr("Not added: %1").arg(error));
    event->acceptProposedAction();
}

int TopologyScene::addPart(const PartReference &part)
{
    const bool wholeServer = part.kind == PaletteKind::Server || part.kind == PaletteKind::Instance;
    int server = 0;
    if (!wholeServer) {
        const std::set<int> &selected = mDocument.selection();
        std::set<int> servers;
        for (int id : selected)
            if (const int s = serverOfItem(id))
                servers.insert(s);
        if (servers.size() == 1)
            server = *servers.begin();
    }
    // A new server goes right of everything drawn, level with its top.
    const QRectF drawn = itemsBoundingRect();
    QPointF at = drawn.isEmpty() ? QPointF(0, 0) : QPointF(drawn.right() + 60, drawn.top());
    if (server)
        if (const QGraphicsItem *item = itemFor(server))
            at = item->sceneBoundingRect().center();
    QString error;
    const int id = edits::dropPart(mDocument, part, at, server, &error);
    if (id == 0)
        emit message(tr("Not added: %1").arg(error));
    return id;
}

void TopologyScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (mMode == Mode::Connect && event->button() == Qt::LeftButton) {
        mConnectFrom = linkableAt(event->scenePos());
        if (mConnectFrom) {
            mConnectLine = addLine(QLineF(event->scenePos(), event->scenePos()),
                                   QPen(QColor(0x1a, 0x73, 0xe8), 2, Qt::DashLine));
            mConnectLine->setZValue(20);
        }
        event->accept();
        return;
    }
    QGraphicsScene::mousePressEvent(event);
}

void TopologyScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (mConnectLine) {
        mConnectLine->setLine(QLineF(mConnectLine->line().p1(), event->scenePos()));
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void TopologyScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (mConnectLine) {
        delete mConnectLine;
        mConnectLine = nullptr;
        const int to = linkableAt(event->scenePos());
        if (to && to != mConnectFrom) {
            QString error;
            if (edits::addLink(mDocument, mConnectFrom, to, mConnectLinkId, &error) == 0)
                emit message(tr("Not linked: %1").arg(error));
        }
        mConnectFrom = 0;
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    commitMovedServers();
}

void TopologyScene::commitMovedServers()
{
    std::map<int, QPointF> moved;
    const Topology &t = mDocument.scenario().topology;
    for (QGraphicsItem *item : items())
        if (item->type() == ServerItemType) {
            const int id = static_cast<ServerItem *>(item)->nodeId();
            const TopologyNode *node = t.node(id);
            if (node && (node->x != item->pos().x() || node->y != item->pos().y()))
                moved[id] = item->pos();
        }
    if (!moved.empty())
        edits::moveServers(mDocument, moved, ++mDragCounter);
}

} // namespace planner
