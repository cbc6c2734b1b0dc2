#include "ui/document/planedits.h"

#include "core/plan/planedit.h"
#include "database/catalogue.h"
#include "database/hardwareoptions.h"
#include "database/networkparts.h"
#include "database/planparts.h"
#include "ui/document/plandocument.h"
#include "ui/format/coremessage.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <QUndoStack>

namespace planner::edits {

namespace {

constexpr int kMoveCommandId = 1;

// Swaps whole plans: simple, and a plan is small (a 512-GPU canvas is a few
// hundred nodes, copied once per edit in a fraction of a millisecond), so
// every edit undoes exactly. The change the core edit reported goes with both directions, so
// the document re-evaluates and the views redraw only what it touched.
class PlanEditCommand : public QUndoCommand
{
public:
    PlanEditCommand(PlanDocument &doc, const QString &text, Plan after, PlanChange change, int mergeId = -1,
                    int dragId = 0)
        : QUndoCommand(text)
        , mDoc(doc)
        , mBefore(doc.sharedPlan())
        , mAfter(std::make_shared<const Plan>(std::move(after)))
        , mChange(std::move(change))
        , mMergeId(mergeId)
        , mDragId(dragId)
    {
    }

    void undo() override { mDoc.replacePlan(mBefore, mChange); }
    void redo() override { mDoc.replacePlan(mAfter, mChange); }
    int id() const override { return mMergeId; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const PlanEditCommand *>(other);
        if (next->mDragId != mDragId)
            return false;
        mAfter = next->mAfter;
        mChange.merge(next->mChange);
        setObsolete(samePositions(mBefore, mAfter));
        return true;
    }

private:
    static bool samePositions(const std::shared_ptr<const Plan> &before, const std::shared_ptr<const Plan> &after)
    {
        const Plan &a = *before;
        const Plan &b = *after;
        for (size_t s = 0; s < a.scenarios.size() && s < b.scenarios.size(); ++s)
            for (const TopologyNode &n : a.scenarios[s].topology.nodes)
                if (const TopologyNode *m = b.scenarios[s].topology.node(n.id); m && (m->x != n.x || m->y != n.y))
                    return false;
        return true;
    }

    PlanDocument &mDoc;
    std::shared_ptr<const Plan> mBefore;
    std::shared_ptr<const Plan> mAfter;
    PlanChange mChange;
    int mMergeId;
    int mDragId;
};

// Pushes the edited plan as one undo step; an edit that changed nothing adds none.
bool push(PlanDocument &doc, const QString &text, Plan after, const PlanChange &change, int mergeId = -1,
          int dragId = 0)
{
    if (!change.any())
        return false;
    doc.undoStack()->push(new PlanEditCommand(doc, text, std::move(after), change, mergeId, dragId));
    return true;
}

// An edit that adds nodes or links: pushed and its new items selected, or
// refused with the reason in `error`.
int pushAdded(PlanDocument &doc, const QString &text, Plan after, const planedit::EditResult &result, QString *error)
{
    if (result.refusal && error)
        *error = translated(*result.refusal);
    if (!push(doc, text, std::move(after), result.change))
        return 0;
    doc.setSelection(result.created);
    return result.firstCreated();
}

planedit::Point pointOf(QPointF p)
{
    return {p.x(), p.y()};
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
    const size_t scenario = doc.currentScenario();
    const Catalogue &catalogue = doc.catalogue();
    switch (part.kind) {
    case PaletteKind::Server: {
        const std::optional<ResolvedServer> parts = serverTemplateParts(catalogue, part.id, error);
        if (!parts)
            return 0;
        const planedit::EditResult result = planedit::addServer(plan, scenario, *parts, pointOf(at));
        return pushAdded(doc, PlanEdits::tr("Add server %1").arg(part.id), std::move(plan), result, error);
    }
    case PaletteKind::Instance: {
        const std::optional<CloudInstanceParts> parts = cloudInstanceParts(catalogue, part.id, error);
        if (!parts)
            return 0;
        const planedit::EditResult result = planedit::addCloudInstance(plan, scenario, parts->instance, parts->gpu,
                                                                       parts->fabric, pointOf(at));
        return pushAdded(doc, PlanEdits::tr("Add cloud instance %1").arg(part.id), std::move(plan), result, error);
    }
    case PaletteKind::Link: {
        // A network link dropped on a server is a network card of that kind.
        const std::optional<LinkSpec> link = catalogue.find<LinkSpec>(part.id);
        if (!link || !isScaleOut(link->kind)) {
            if (error)
                *error = PlanEdits::tr("%1 is drawn with the connect tool between two parts").arg(part.id);
            return 0;
        }
        const planedit::EditResult result = planedit::addPart(plan, scenario, *link, server, pointOf(at));
        if (!result.refusal)
            planedit::keep(plan.parts, networkPartsFor(catalogue, *link));
        return pushAdded(doc, PlanEdits::tr("Add network card %1").arg(part.id), std::move(plan), result, error);
    }
    default: {
        const std::optional<planedit::PartSpec> spec = partSpec(catalogue, nodeKindOf(part.kind), part.id, error);
        if (!spec)
            return 0;
        const planedit::EditResult result = planedit::addPart(plan, scenario, *spec, server, pointOf(at));
        return pushAdded(doc, PlanEdits::tr("Add %1").arg(part.id), std::move(plan), result, error);
    }
    }
}

void moveServers(PlanDocument &doc, const std::map<int, QPointF> &positions, int dragId)
{
    Plan plan = doc.plan();
    std::map<int, planedit::Point> points;
    for (const auto &[id, position] : positions)
        points[id] = pointOf(position);
    const PlanChange change = planedit::moveServers(plan, doc.currentScenario(), points);
    push(doc,
         positions.size() == 1 ? PlanEdits::tr("Move server") : PlanEdits::tr("Move %1 servers").arg(positions.size()),
         std::move(plan), change, kMoveCommandId, dragId);
}

void remove(PlanDocument &doc, const std::set<int> &ids)
{
    Plan plan = doc.plan();
    const PlanChange change = planedit::removeItems(plan, doc.currentScenario(), ids);
    const std::size_t items = change.items.size();
    push(doc, items == 1 ? PlanEdits::tr("Delete 1 item") : PlanEdits::tr("Delete %1 items").arg(items),
         std::move(plan), change);
}

void setCount(PlanDocument &doc, int id, int count)
{
    Plan plan = doc.plan();
    const PlanChange change = planedit::setCount(plan, doc.currentScenario(), id, count);
    const TopologyNode *node = doc.scenario().topology.node(id);
    push(doc,
         node ? PlanEdits::tr("Set %1 count to %2").arg(QString::fromStdString(node->name)).arg(count)
              : PlanEdits::tr("Set link count to %1").arg(count),
         std::move(plan), change);
}

void rename(PlanDocument &doc, int node, const QString &name)
{
    Plan plan = doc.plan();
    const PlanChange change = planedit::renameNode(plan, doc.currentScenario(), node, name.trimmed().toStdString());
    push(doc, PlanEdits::tr("Rename to %1").arg(name.trimmed()), std::move(plan), change);
}

void setFabric(PlanDocument &doc, int gpuNode, const QString &linkId)
{
    std::optional<LinkSpec> fabric;
    if (!linkId.isEmpty() && !(fabric = doc.catalogue().find<LinkSpec>(linkId)))
        return;
    Plan plan = doc.plan();
    const PlanChange change = planedit::setFabric(plan, doc.currentScenario(), gpuNode, fabric);
    push(doc, linkId.isEmpty() ? PlanEdits::tr("GPUs over PCIe") : PlanEdits::tr("GPUs over %1").arg(linkId),
         std::move(plan), change);
}

int addLink(PlanDocument &doc, int from, int to, const QString &linkId, QString *error)
{
    const std::optional<LinkSpec> link = doc.catalogue().find<LinkSpec>(linkId);
    if (!link) {
        if (error)
            *error = PlanEdits::tr("the catalogue has no link '%1'").arg(linkId);
        return 0;
    }
    Plan plan = doc.plan();
    const planedit::EditResult result = planedit::addLink(plan, doc.currentScenario(), from, to, *link,
                                                          networkPartsFor(doc.catalogue(), *link));
    return pushAdded(doc, PlanEdits::tr("Link with %1").arg(linkId), std::move(plan), result, error);
}

std::set<int> pasteServers(PlanDocument &doc, const Topology &source, const std::set<int> &servers, QPointF offset)
{
    Plan plan = doc.plan();
    const planedit::EditResult result = planedit::pasteServers(plan, doc.currentScenario(), source, servers,
                                                               pointOf(offset));
    const std::size_t pasted = result.created.size();
    if (!push(doc, pasted == 1 ? PlanEdits::tr("Paste 1 server") : PlanEdits::tr("Paste %1 servers").arg(pasted),
              std::move(plan), result.change))
        return {};
    doc.setSelection(result.created);
    return result.created;
}

void arrangeInGrid(PlanDocument &doc)
{
    Plan plan = doc.plan();
    const PlanChange change = planedit::arrangeInGrid(plan, doc.currentScenario());
    push(doc, PlanEdits::tr("Arrange servers"), std::move(plan), change);
}

void setWorkload(PlanDocument &doc, const PlanWorkload &workload)
{
    Plan plan = doc.plan();
    const PlanChange change = planedit::setWorkload(plan, workload);
    push(doc, PlanEdits::tr("Change workload"), std::move(plan), change);
}

void setDeployment(PlanDocument &doc, const DeploymentSettings &settings)
{
    Plan plan = doc.plan();
    const PlanChange change = planedit::setDeployment(plan, doc.currentScenario(), settings);
    push(doc, PlanEdits::tr("Change deployment settings"), std::move(plan), change);
}

void setTraining(PlanDocument &doc, const std::optional<TrainingSettings> &training)
{
    Plan plan = doc.plan();
    const bool wasTraining = plan.scenarios.at(doc.currentScenario()).training.has_value();
    const PlanChange change = planedit::setTraining(plan, doc.currentScenario(), training);
    const QString text = !training      ? PlanEdits::tr("Serve the model versions")
                         : !wasTraining ? PlanEdits::tr("Train the model versions")
                                        : PlanEdits::tr("Change training settings");
    push(doc, text, std::move(plan), change);
}

void setUserPrice(PlanDocument &doc, PricedKind kind, const std::string &id, const std::optional<UserPrice> &price)
{
    Plan plan = doc.plan();
    const PlanChange change = planedit::setUserPrice(plan, kind, id, price);
    push(doc,
         price ? PlanEdits::tr("Set your price for %1").arg(QString::fromStdString(id))
               : PlanEdits::tr("Use the catalogue's price for %1").arg(QString::fromStdString(id)),
         std::move(plan), change);
}

void setModels(PlanDocument &doc, const std::string &family, const std::vector<std::string> &modelIds)
{
    Plan plan = doc.plan();
    const PlanChange change = planedit::setModels(plan, family, modelIds, modelSpecs(doc.catalogue(), modelIds));
    const std::size_t versions = plan.modelIds.size();
    push(doc,
         versions == 1 ? PlanEdits::tr("Compare 1 model version")
                       : PlanEdits::tr("Compare %1 model versions").arg(versions),
         std::move(plan), change);
}

void setCosts(PlanDocument &doc, const CostAssumptions &costs, CloudTier tier)
{
    Plan plan = doc.plan();
    const PlanChange change = planedit::setCosts(plan, doc.currentScenario(), costs, tier);
    push(doc, PlanEdits::tr("Change cost assumptions"), std::move(plan), change);
}

void addScenario(PlanDocument &doc, const QString &name, bool copyCurrent)
{
    Plan plan = doc.plan();
    Scenario s = copyCurrent ? doc.scenario() : Scenario{};
    s.name = name.toStdString();
    const PlanChange change = planedit::addScenario(plan, std::move(s));
    push(doc, PlanEdits::tr("Add scenario %1").arg(name), std::move(plan), change);
    doc.setCurrentScenario(doc.plan().scenarios.size() - 1);
}

bool addBuildScenario(PlanDocument &doc, const QString &name, const PartReference &part, int units, bool linkUnits,
                      const DeploymentSettings &deployment, CloudTier tier, QString *error)
{
    Plan plan = doc.plan();
    Scenario s;
    s.name = name.toStdString();
    s.deployment = deployment;
    s.cloudTier = tier;
    s.costs = doc.scenario().costs; // the plan's cost assumptions, as the search used them
    PlanChange change = planedit::addScenario(plan, std::move(s));
    const size_t scenario = plan.scenarios.size() - 1;
    const Catalogue &catalogue = doc.catalogue();
    const auto refused = [error](const Message &why) {
        if (error)
            *error = translated(why);
        return false;
    };
    std::optional<UnitLink> link;
    const Placement placement = part.kind == PaletteKind::Instance ? Placement::Cloud : Placement::OnPrem;
    if (linkUnits && units > 1 && !(link = unitLink(catalogue, placement, part.id.toStdString()))) {
        if (error)
            *error = PlanEdits::tr("%1 has no network to link its units with").arg(part.id);
        return false;
    }
    constexpr int kPerRow = 4;
    int first = 0;
    for (int unit = 0; unit < units; ++unit) {
        const planedit::Point at{(unit % kPerRow) * 700.0, (unit / kPerRow) * 520.0};
        planedit::EditResult added;
        if (part.kind == PaletteKind::Instance) {
            const std::optional<CloudInstanceParts> parts = cloudInstanceParts(catalogue, part.id, error);
            if (!parts)
                return false;
            added = planedit::addCloudInstance(plan, scenario, parts->instance, parts->gpu, parts->fabric, at);
        } else {
            const std::optional<ResolvedServer> parts = serverTemplateParts(catalogue, part.id, error);
            if (!parts)
                return false;
            added = planedit::addServer(plan, scenario, *parts, at);
        }
        if (added.refusal)
            return refused(*added.refusal);
        change.merge(added.change);
        const int server = added.firstCreated(); // a server's id comes before its parts'
        if (unit == 0) {
            first = server;
            continue;
        }
        if (!link)
            continue;
        // Each unit to the first with all its ports, as the shipped samples
        // draw a switched fabric: the bill of materials adds the switch for
        // three or more servers, and the links stand for each server's ports
        // into it.
        const planedit::EditResult joined = planedit::addLink(plan, scenario, first, server, link->link,
                                                              networkPartsFor(catalogue, link->link));
        if (joined.refusal)
            return refused(*joined.refusal);
        change.merge(joined.change);
        change.merge(planedit::setCount(plan, scenario, joined.firstCreated(), link->ports));
    }
    push(doc, PlanEdits::tr("Add scenario %1").arg(name), std::move(plan), change);
    doc.setCurrentScenario(doc.plan().scenarios.size() - 1);
    return true;
}

void renameScenario(PlanDocument &doc, size_t index, const QString &name)
{
    Plan plan = doc.plan();
    const PlanChange change = planedit::renameScenario(plan, index, name.trimmed().toStdString());
    push(doc, PlanEdits::tr("Rename scenario to %1").arg(name.trimmed()), std::move(plan), change);
}

void removeScenario(PlanDocument &doc, size_t index)
{
    Plan plan = doc.plan();
    const PlanChange change = planedit::removeScenario(plan, index);
    push(doc, PlanEdits::tr("Remove scenario"), std::move(plan), change);
}

} // namespace planner::edits
