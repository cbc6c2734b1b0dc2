#pragma once
// What one edit of a plan touched (core/plan/planedit.h reports it), so the
// desktop application re-evaluates only the scenarios whose answer can differ
// and redraws only what is shown of the touched parts: a server move on a
// 512-GPU canvas moves one item instead of rebuilding thousands.
//
// An undo applies the same change in reverse; the same report serves both
// directions, because it names what differs between the two plans.

#include <cstddef>
#include <set>

namespace planner {

struct PlanChange {
    enum Aspect : unsigned {
        None = 0,
        Layout = 1u << 0,     // server positions on the canvas: no estimate depends on them
        Labels = 1u << 1,     // node names: only the wording of topology problems
        Topology = 1u << 2,   // nodes or links added, removed, counted or re-linked
        Deployment = 1u << 3, // the scenario's engine, formats, parallelism
        Costs = 1u << 4,      // the scenario's cost assumptions and cloud tier
        Workload = 1u << 5,   // plan-wide: the load every scenario serves
        Models = 1u << 6,     // plan-wide: the model versions compared
        Scenarios = 1u << 7,  // scenarios added, removed or renamed (indices may shift)
        Prices = 1u << 8,     // plan-wide: the prices the user typed
        Everything = ~0u,
    };

    unsigned aspects = None;
    std::size_t scenario = 0; // the scenario that the scenario-scoped aspects concern
    std::set<int> items;      // node and link ids added, removed or changed there

    bool any() const { return aspects != None; }
    bool touches(unsigned aspect) const { return (aspects & aspect) != 0; }
    bool onlyLayout() const { return aspects == Layout; }
    // Whether scenario `index`'s estimate may differ after this change.
    bool changesEstimateOf(std::size_t index) const;
    // Everything both changes touched (consecutive moves of one drag).
    void merge(const PlanChange &next);

    static PlanChange everything() { return {Everything, 0, {}}; }
};

} // namespace planner
