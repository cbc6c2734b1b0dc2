#include "ui/document/planedits.h"

#include "core/topology/cluster.h"
#include "database/catalogue.h"
#include "database/planparts.h"
#include "ui/document/plandocument.h"
#include "ui/format/coremessage.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace planner::edits {

namespace {

constexpr int kMoveCommandId = 1;

// Swaps whole plans: simple, and a plan is small (a 64-server canvas is a few
// hundred nodes), so every edit undoes exactly.
class PlanEditCommand : public QUndoCommand
{
public:
    PlanEditCommand(PlanDocument &doc, const QString &text, Plan after, int mergeId = -1, int dragId = 0)
        : QUndoCommand(text)
        , mDoc(doc)
        , mBefore(doc.plan())
        , mAfter(std::move(after))
        , mMergeId(mergeId)
        , mDragId(dragId)
    {
    }

    void undo() override { mDoc.replacePlan(mBefore); }
    void redo() override { mDoc.replacePlan(mAfter); }
    int id() const override { return mMergeId; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const PlanEditCommand *>(other);
        if (next->mDragId != mDragId)
            return false;
        mAfter = next->mAfter;
        setObsolete(samePositions(mBefore, mAfter));
        return true;
    }

private:
    static bool samePositions(const Plan &a, const Plan &b)
    {
        for (size_t s = 0; s < a.scenarios.size() && s < b.scenarios.size(); ++s)
            for (const TopologyNode &n : a.scenarios[s].topology.nodes)
                if (const TopologyNode *m = b.scenarios[s].topology.node(n.id); m && (m->x != n.x || m->y != n.y))
                    return false;
        return true;
    }

    PlanDocument &mDoc;
    Plan mBefore;
    Plan mAfter;
    int mMergeId;
    int mDragId;
};

void push(PlanDocument &doc, const QString &text, Plan after, int mergeId = -1, int dragId = 0)
{
    doc.undoStack()->push(new PlanEditCommand(doc, text, std::move(after), mergeId, dragId));
}

Topology &topologyOf(Plan &plan, const PlanDocument &doc)
{
    return plan.scenarios.at(doc.currentScenario()).topology;
}

// The translation context of the undo commands' names.
class PlanEdits
{
    Q_DECLARE_TR_FUNCTIONS(PlanEdits)
};

NodeKind nodeKindOf(PaletteKind kind)
{
    switch (kind) {
    case PaletteKind::Cpu: return NodeKind::Cpu;
    case PaletteKind::Memory: return NodeKind::Memory;
    case PaletteKind::Storage: return NodeKind::Storage;
    case PaletteKind::Link: return NodeKind::Nic;
    default: return NodeKind::Gpu;
    }
}

} // namespace

int dropPart(PlanDocument &doc, const PartReference &part, QPointF at, int server, QString *error)
{
    Plan plan = doc.plan();
    int id = 0;
    QString text;
    switch (part.kind) {
    case PaletteKind::Server:
        id = addTemplateServer(plan, doc.currentScenario(), doc.catalogue(), part.id, at.x(), at.y(), error);
        text = PlanEdits::tr("Add server %1").arg(part.id);
        break;
    case PaletteKind::Instance:
        id = addCloudInstance(plan, doc.currentScenario(), doc.catalogue(), part.id, at.x(), at.y(), error);
        text = PlanEdits::tr("Add cloud instance %1").arg(part.id);
        break;
    case PaletteKind::Link: {
        // A network link dropped on a server is a network card of that kind.
        const std::optional<LinkSpec> link = doc.catalogue().find<LinkSpec>(part.id);
        if (link && (link->kind == LinkKind::InfiniBand || link->kind == LinkKind::Ethernet)) {
            id = addPartToServer(plan, doc.currentScenario(), doc.catalogue(), NodeKind::Nic, part.id, server, at.x(),
                                 at.y(), error);
        } else if (error) {
            *error = PlanEdits::tr("%1 is drawn with the connect tool between two parts").arg(part.id);
        }
        text = PlanEdits::tr("Add network card %1").arg(part.id);
        break;
    }
    default:
        id = addPartToServer(plan, doc.currentScenario(), doc.catalogue(), nodeKindOf(part.kind), part.id, server,
                             at.x(), at.y(), error);
        text = PlanEdits::tr("Add %1").arg(part.id);
        break;
    }
    if (id == 0)
        return 0;
    push(doc, text, std::move(plan));
    doc.setSelection({id});
    return id;
}

void moveServers(PlanDocument &doc, const std::map<int, QPointF> &positions, int dragId)
{
    Plan plan = doc.plan();
    Topology &t = topologyOf(plan, doc);
    for (const auto &[id, position] : positions)
        if (TopologyNode *n = t.node(id)) {
            n->x = position.x();
            n->y = position.y();
        }
    push(doc,
         positions.size() == 1 ? PlanEdits::tr("Move server") : PlanEdits::tr("Move %1 servers").arg(positions.size()),
         std::move(plan), kMoveCommandId, dragId);
}

void remove(PlanDocument &doc, const std::set<int> &ids)
{
    Plan plan = doc.plan();
    Topology &t = topologyOf(plan, doc);
    std::set<int> nodes;
    for (int id : ids)
        if (t.node(id))
            nodes.insert(id);
    // A server takes its parts along.
    for (const TopologyNode &n : t.nodes)
        if (nodes.count(n.parent))
            nodes.insert(n.id);
    const size_t before = t.nodes.size() + t.links.size();
    std::erase_if(t.nodes, [&](const TopologyNode &n) { return nodes.count(n.id) > 0; });
    std::erase_if(t.links, [&](const TopologyLink &l) {
        return ids.count(l.id) > 0 || nodes.count(l.from) > 0 || nodes.count(l.to) > 0;
    });
    if (t.nodes.size() + t.links.size() == before)
        return;
    push(doc, PlanEdits::tr("Delete %n item(s)", nullptr, static_cast<int>(before - t.nodes.size() - t.links.size())),
         std::move(plan));
}

void setCount(PlanDocument &doc, int id, int count)
{
    if (count < 1)
        return;
    Plan plan = doc.plan();
    Topology &t = topologyOf(plan, doc);
    if (TopologyNode *n = t.node(id); n && n->kind != NodeKind::Server && n->count != count) {
        n->count = count;
        push(doc, PlanEdits::tr("Set %1 count to %2").arg(QString::fromStdString(n->name)).arg(count), std::move(plan));
        return;
    }
    const auto link = std::find_if(t.links.begin(), t.links.end(), [id](const TopologyLink &l) { return l.id == id; });
    if (link != t.links.end() && link->count != count) {
        link->count = count;
        push(doc, PlanEdits::tr("Set link count to %1").arg(count), std::move(plan));
    }
}

void rename(PlanDocument &doc, int node, const QString &name)
{
    Plan plan = doc.plan();
    TopologyNode *n = topologyOf(plan, doc).node(node);
    if (!n || name.trimmed().isEmpty() || n->name == name.trimmed().toStdString())
        return;
    n->name = name.trimmed().toStdString();
    push(doc, PlanEdits::tr("Rename to %1").arg(name.trimmed()), std::move(plan));
}

void setFabric(PlanDocument &doc, int gpuNode, const QString &linkId)
{
    Plan plan = doc.plan();
    TopologyNode *n = topologyOf(plan, doc).node(gpuNode);
    if (!n || n->kind != NodeKind::Gpu || n->fabricLinkId == linkId.toStdString())
        return;
    if (!linkId.isEmpty() && !snapshotLink(plan, doc.catalogue(), linkId))
        return;
    topologyOf(plan, doc).node(gpuNode)->fabricLinkId = linkId.toStdString();
    push(doc, linkId.isEmpty() ? PlanEdits::tr("GPUs over PCIe") : PlanEdits::tr("GPUs over %1").arg(linkId),
         std::move(plan));
}

int addLink(PlanDocument &doc, int from, int to, const QString &linkId, QString *error)
{
    Plan plan = doc.plan();
    if (!snapshotLink(plan, doc.catalogue(), linkId)) {
        if (error)
            *error = PlanEdits::tr("the catalogue has no link '%1'").arg(linkId);
        return 0;
    }
    Topology &t = topologyOf(plan, doc);
    if (const std::optional<Message> problem = linkProblem(t, plan.parts, from, to,
                                                           *plan.parts.link(linkId.toStdString()))) {
        if (error)
            *error = translated(*problem);
        return 0;
    }
    const int id = t.nextId();
    t.links.push_back({id, from, to, linkId.toStdString(), 1});
    push(doc, PlanEdits::tr("Link with %1").arg(linkId), std::move(plan));
    doc.setSelection({id});
    return id;
}

std::set<int> pasteServers(PlanDocument &doc, const Topology &source, const std::set<int> &servers, QPointF offset)
{
    Plan plan = doc.plan();
    Topology &t = topologyOf(plan, doc);
    std::map<int, int> newIds;
    int next = t.nextId();
    for (const TopologyNode &n : source.nodes)
        if (servers.count(n.id) || servers.count(n.parent))
            newIds[n.id] = next++;
    for (const TopologyNode &n : source.nodes) {
        if (!newIds.count(n.id))
            continue;
        TopologyNode copy = n;
        copy.id = newIds[n.id];
        copy.parent = n.parent ? newIds[n.parent] : 0;
        if (copy.kind == NodeKind::Server) {
            copy.x += offset.x();
            copy.y += offset.y();
            copy.name += " (copy)";
        }
        t.nodes.push_back(copy);
    }
    for (const TopologyLink &l : source.links)
        if (newIds.count(l.from) && newIds.count(l.to))
            t.links.push_back({next++, newIds[l.from], newIds[l.to], l.linkId, l.count});
    std::set<int> pasted;
    for (int id : servers)
        if (newIds.count(id))
            pasted.insert(newIds[id]);
    if (pasted.empty())
        return pasted;
    push(doc, PlanEdits::tr("Paste %n server(s)", nullptr, static_cast<int>(pasted.size())), std::move(plan));
    doc.setSelection(pasted);
    return pasted;
}

void arrangeInGrid(PlanDocument &doc)
{
    Plan plan = doc.plan();
    Topology &t = topologyOf(plan, doc);
    std::vector<TopologyNode *> servers;
    for (TopologyNode &n : t.nodes)
        if (n.kind == NodeKind::Server)
            servers.push_back(&n);
    const int columns = std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(servers.size())))));
    constexpr double kCellWidth = 340;
    constexpr double kCellHeight = 260;
    for (size_t i = 0; i < servers.size(); ++i) {
        servers[i]->x = static_cast<double>(static_cast<int>(i) % columns) * kCellWidth;
        servers[i]->y = static_cast<double>(static_cast<int>(i) / columns) * kCellHeight;
    }
    push(doc, PlanEdits::tr("Arrange servers"), std::move(plan));
}

void setWorkload(PlanDocument &doc, const PlanWorkload &workload)
{
    Plan plan = doc.plan();
    plan.workload = workload;
    push(doc, PlanEdits::tr("Change workload"), std::move(plan));
}

void setDeployment(PlanDocument &doc, const DeploymentSettings &settings)
{
    Plan plan = doc.plan();
    plan.scenarios.at(doc.currentScenario()).deployment = settings;
    push(doc, PlanEdits::tr("Change deployment settings"), std::move(plan));
}

void setModels(PlanDocument &doc, const std::string &family, const std::vector<std::string> &modelIds)
{
    Plan plan = doc.plan();
    plan.modelFamily = family;
    plan.modelIds.clear();
    for (const std::string &id : modelIds)
        if (snapshotModel(plan, doc.catalogue(), QString::fromStdString(id)) || plan.parts.model(id))
            plan.modelIds.push_back(id);
    push(doc, PlanEdits::tr("Compare %n model version(s)", nullptr, static_cast<int>(plan.modelIds.size())),
         std::move(plan));
}

void setCosts(PlanDocument &doc, const CostAssumptions &costs, CloudTier tier)
{
    Plan plan = doc.plan();
    Scenario &s = plan.scenarios.at(doc.currentScenario());
    s.costs = costs;
    s.cloudTier = tier;
    push(doc, PlanEdits::tr("Change cost assumptions"), std::move(plan));
}

void addScenario(PlanDocument &doc, const QString &name, bool copyCurrent)
{
    Plan plan = doc.plan();
    Scenario s = copyCurrent ? doc.scenario() : Scenario{};
    s.name = name.toStdString();
    plan.scenarios.push_back(s);
    push(doc, PlanEdits::tr("Add scenario %1").arg(name), std::move(plan));
    doc.setCurrentScenario(doc.plan().scenarios.size() - 1);
}

void renameScenario(PlanDocument &doc, size_t index, const QString &name)
{
    Plan plan = doc.plan();
    if (index >= plan.scenarios.size() || name.trimmed().isEmpty())
        return;
    plan.scenarios[index].name = name.trimmed().toStdString();
    push(doc, PlanEdits::tr("Rename scenario to %1").arg(name.trimmed()), std::move(plan));
}

void removeScenario(PlanDocument &doc, size_t index)
{
    Plan plan = doc.plan();
    if (index >= plan.scenarios.size() || plan.scenarios.size() < 2)
        return;
    plan.scenarios.erase(plan.scenarios.begin() + static_cast<std::ptrdiff_t>(index));
    push(doc, PlanEdits::tr("Remove scenario"), std::move(plan));
}

} // namespace planner::edits
