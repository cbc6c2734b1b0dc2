#include "ui/canvas/topologyscene.h"

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
    connect(&mDocument, &PlanDocument::planChanged, this, &TopologyScene::rebuild);
    connect(&mDocument, &PlanDocument::currentScenarioChanged, this, &TopologyScene::rebuild);
    connect(&mDocument, &PlanDocument::selectionChanged, this, [this] {
        if (mRebuilding)
            return;
        mRebuilding = true;
        for (QGraphicsItem *item : items())
            if (item->flags() & QGraphicsItem::ItemIsSelectable)
                item->setSelected(mDocument.selection().count(canvasId(item)) > 0);
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
    for (QGraphicsItem *item : items())
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
    clear();
    const Plan &plan = mDocument.plan();
    const Scenario &scenario = mDocument.scenario();
    const Topology &t = scenario.topology;
    std::map<int, QGraphicsItem *> byId;
    for (const TopologyNode *server : t.servers()) {
        auto *item = new ServerItem(*server, t, plan.parts);
        item->setFlag(QGraphicsItem::ItemIsMovable, mMode == Mode::Select);
        addItem(item);
        byId[server->id] = item;
        for (QGraphicsItem *child : item->childItems())
            if (child->type() == PartItemType)
                byId[static_cast<PartItem *>(child)->nodeId()] = child;
    }
    for (const TopologyLink &link : t.links)
        if (byId.count(link.from) && byId.count(link.to)) {
            auto *item = new LinkItem(link, plan.parts, byId[link.from], byId[link.to]);
            addItem(item);
            byId[link.id] = item;
        }
    // Badges: one per item, listing its problems.
    const size_t index = mDocument.currentScenario();
    if (index < mDocument.estimates().size()) {
        std::map<int, QStringList> problems;
        for (const TopologyIssue &issue : mDocument.estimates()[index].issues)
            problems[issue.linkId ? issue.linkId : issue.nodeId] << issueText(issue);
        for (const auto &[id, messages] : problems) {
            const auto found = byId.find(id);
            if (found == byId.end())
                continue;
            QGraphicsItem *owner = found->second;
            if (owner->type() == LinkItemType) {
                auto *badge = new BadgeItem(messages, nullptr);
                addItem(badge);
                badge->setPos(static_cast<LinkItem *>(owner)->line().center() + QPointF(-9, -26));
            } else {
                auto *badge = new BadgeItem(messages, owner);
                badge->setPos(owner->boundingRect().width() - 22, 4);
            }
        }
    }
    for (const auto &[id, item] : byId)
        item->setSelected(mDocument.selection().count(id) > 0);
    setSceneRect(itemsBoundingRect().adjusted(-400, -300, 400, 300));
    mRebuilding = false;
}

QGraphicsItem *TopologyScene::itemFor(int id) const
{
    for (QGraphicsItem *item : items())
        if (item->type() != BadgeItemType && canvasId(item) == id)
            return item;
    return nullptr;
}

int TopologyScene::badgeCount() const
{
    int badges = 0;
    for (QGraphicsItem *item : items())
        badges += item->type() == BadgeItemType ? 1 : 0;
    return badges;
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
