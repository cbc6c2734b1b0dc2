#pragma once
// Each scenario's topology as the canvas draws it — the desktop's own
// TopologyScene over a PlanDocument, problem badges included — as a figure
// for the proposal. The scene is rendered into the PDF painter, so it stays
// vector.

#include "core/plan/plan.h"
#include "ui/report/proposalfigure.h"

#include <vector>

namespace planner {

class Catalogue;

// One figure per scenario, in the plan's order; a scenario with nothing drawn
// gets a figure with an empty size.
std::vector<ProposalFigure> topologyFigures(const Plan &plan, const Catalogue &catalogue);

} // namespace planner
