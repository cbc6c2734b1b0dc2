#pragma once
// Every edit of a plan, as plain functions on the Plan value: the desktop
// application's undo commands wrap them (ui/document/planedits.h) and tests
// call them directly. Each edit keeps the parts it adds in the plan's part
// snapshot (so the plan keeps its meaning when the catalogue changes) and
// reports what it touched (core/plan/planchange.h); an edit that changes
// nothing reports no aspect, and one that is refused says why.
//
// Looking parts up in the catalogue is the caller's job
// (database/planparts.h): these functions take the specs themselves.

#include "core/hardware/resolvedserver.h"
#include "core/plan/plan.h"
#include "core/plan/planchange.h"
#include "core/util/message.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace planner::planedit {

struct Point {
    double x = 0;
    double y = 0;
};

struct EditResult {
    PlanChange change;              // no aspect: the plan is unchanged
    std::set<int> created;          // the new (or grown) nodes and links, to select
    std::optional<Message> refusal; // why the plan is unchanged, when the edit was refused

    int firstCreated() const { return created.empty() ? 0 : *created.begin(); }
};

// A part that goes into a server; a LinkSpec here is a network card.
using PartSpec = std::variant<GpuSpec, CpuSpec, MemoryModuleSpec, StorageSpec, LinkSpec>;

// A server template with its GPUs (and their fabric), CPUs, memory, storage
// and network cards, at `at`.
EditResult addServer(Plan &plan, std::size_t scenario, const ResolvedServer &server, Point at);
// A rented cloud instance holding its GPUs; `fabric` is the NVLink/NVSwitch
// among them (none: PCIe).
EditResult addCloudInstance(Plan &plan, std::size_t scenario, const CloudInstance &instance, const GpuSpec &gpu,
                            const std::optional<LinkSpec> &fabric, Point at);
// A part into `server`, or with server 0 into a new empty server at `at`. The
// same part dropped again into a server adds one to its count.
EditResult addPart(Plan &plan, std::size_t scenario, const PartSpec &part, int server, Point at);
// A link of kind `link` between two nodes, refused when the parts cannot take
// it (core/topology/cluster.h: linkProblem).
EditResult addLink(Plan &plan, std::size_t scenario, int from, int to, const LinkSpec &link,
                   const NetworkParts &network = {});
// Copies of `servers` of `source` (their parts and the links among them),
// offset by `offset` and named "(copy)".
EditResult pasteServers(Plan &plan, std::size_t scenario, const Topology &source, const std::set<int> &servers,
                        Point offset);

PlanChange moveServers(Plan &plan, std::size_t scenario, const std::map<int, Point> &positions);
// Removes nodes and links; a server takes its parts and their links along.
PlanChange removeItems(Plan &plan, std::size_t scenario, const std::set<int> &ids);
// A part node's or a link's count (at least 1; servers have none).
PlanChange setCount(Plan &plan, std::size_t scenario, int id, int count);
PlanChange renameNode(Plan &plan, std::size_t scenario, int node, const std::string &name);
// The fabric among a GPU group's GPUs; none: PCIe through the host.
PlanChange setFabric(Plan &plan, std::size_t scenario, int gpuNode, const std::optional<LinkSpec> &fabric);
// Servers on a square grid in the order they were added.
PlanChange arrangeInGrid(Plan &plan, std::size_t scenario);

PlanChange setWorkload(Plan &plan, const PlanWorkload &workload);
PlanChange setDeployment(Plan &plan, std::size_t scenario, const DeploymentSettings &settings);
// Makes the scenario a training run with these settings, or (nullopt) a
// serving deployment again; its serving settings are kept either way.
PlanChange setTraining(Plan &plan, std::size_t scenario, const std::optional<TrainingSettings> &training);
PlanChange setCosts(Plan &plan, std::size_t scenario, const CostAssumptions &costs, CloudTier tier);
// The user's price for a part, chassis or instance, or (nullopt) the
// catalogue's again; plan-wide (every scenario that holds it).
PlanChange setUserPrice(Plan &plan, PricedKind kind, const std::string &id, const std::optional<UserPrice> &price);
// The versions compared: each id is kept when `specs` or the snapshot has it.
PlanChange setModels(Plan &plan, const std::string &family, const std::vector<std::string> &ids,
                     const std::vector<ModelSpec> &specs);

PlanChange addScenario(Plan &plan, Scenario scenario);
PlanChange renameScenario(Plan &plan, std::size_t index, const std::string &name);
// Refused (no change) for the last scenario: a plan has at least one.
PlanChange removeScenario(Plan &plan, std::size_t index);

// Copies a spec into the snapshot, replacing an older copy of the same id.
void keep(PartSnapshot &parts, const PartSpec &spec);
void keep(PartSnapshot &parts, const ModelSpec &model);
void keep(PartSnapshot &parts, const NetworkParts &network);

} // namespace planner::planedit
