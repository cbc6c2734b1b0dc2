#include "core/plan/planchange.h"

namespace planner {

bool PlanChange::changesEstimateOf(std::size_t index) const
{
    if (touches(Workload | Models | Scenarios | Prices))
        return true;
    return index == scenario && touches(Topology | Labels | Deployment | Costs);
}

void PlanChange::merge(const PlanChange &next)
{
    // Scenario-scoped changes of two scenarios: only "everything" covers both.
    if (next.scenario != scenario && next.any() && any()
        && (touches(~(Workload | Models | Prices)) || next.touches(~(Workload | Models | Prices)))) {
        *this = everything();
        return;
    }
    if (!any())
        scenario = next.scenario;
    aspects |= next.aspects;
    items.insert(next.items.begin(), next.items.end());
}

} // namespace planner
