#pragma once
// Every edit of the plan, as one undo command each (the facade the views
// call; the command class stays private to planedits.cpp).
//
// A command holds the plan before and after the edit and swaps them on
// undo/redo; the document then re-evaluates and views re-read. Consecutive
// moves of the same servers merge into one step, so a drag is one undo step,
// and a move that ends where it started removes itself.

#include "core/plan/plan.h"
#include "ui/palette/partmimedata.h"

#include <QPointF>
#include <QString>

#include <map>
#include <set>
#include <vector>

namespace planner {

class PlanDocument;

namespace edits {

// A palette drop at `at` onto `server` (0: empty canvas). Returns the new or
// changed node's id (and selects it), or 0 with `error` set.
int dropPart(PlanDocument &doc, const PartReference &part, QPointF at, int server, QString *error);
// Servers to new positions; `dragId` groups the steps of one drag.
void moveServers(PlanDocument &doc, const std::map<int, QPointF> &positions, int dragId);
// Removes nodes and links (a server takes its parts and their links along).
void remove(PlanDocument &doc, const std::set<int> &ids);
void setCount(PlanDocument &doc, int id, int count); // a part node's or a link's count
void rename(PlanDocument &doc, int node, const QString &name);
void setFabric(PlanDocument &doc, int gpuNode, const QString &linkId); // empty: PCIe
// A link of catalogue kind `linkId` between two nodes; 0 with `error` when
// the parts cannot take it (core/topology/cluster.h: linkProblem).
int addLink(PlanDocument &doc, int from, int to, const QString &linkId, QString *error);
// Copies of servers (their parts and the links among them) offset by `offset`.
std::set<int> pasteServers(PlanDocument &doc, const Topology &source, const std::set<int> &servers, QPointF offset);
void arrangeInGrid(PlanDocument &doc);

void setWorkload(PlanDocument &doc, const PlanWorkload &workload);
void setDeployment(PlanDocument &doc, const DeploymentSettings &settings);
// The current scenario as a training run (nullopt: serving again).
void setTraining(PlanDocument &doc, const std::optional<TrainingSettings> &training);
void setModels(PlanDocument &doc, const std::string &family, const std::vector<std::string> &modelIds);
void setCosts(PlanDocument &doc, const CostAssumptions &costs, CloudTier tier);
// The user's price for a part, chassis or instance; nullopt: the catalogue's again.
void setUserPrice(PlanDocument &doc, PricedKind kind, const std::string &id, const std::optional<UserPrice> &price);
void addScenario(PlanDocument &doc, const QString &name, bool copyCurrent);
// A new scenario of `units` copies of a server template or cloud instance
// (`part`), served with `deployment` at cloud `tier` and the current
// scenario's cost assumptions; one undo step, and it becomes the current
// scenario. Unlinked, the units are a fleet (each a replica); with
// `linkUnits` each is joined to the first by its network (the template's
// cards, or Ethernet ports making up the instance's network), so a replica
// may span them. False (and *error) when a part is unknown or a unit has no
// network to link.
bool addBuildScenario(PlanDocument &doc, const QString &name, const PartReference &part, int units, bool linkUnits,
                      const DeploymentSettings &deployment, CloudTier tier, QString *error);
void renameScenario(PlanDocument &doc, size_t index, const QString &name);
void removeScenario(PlanDocument &doc, size_t index);

} // namespace edits
} // namespace planner
