#pragma once
// The charts in the proposal: the one place where ui/charts hands its charts
// to the document. Each figure becomes a titled part of the "Charts" section,
// between the topology pictures and the model-version table; the section is
// left out while the list is empty.

#include "core/plan/plan.h"
#include "core/plan/planevaluation.h"
#include "ui/report/proposalfigure.h"

#include <vector>

namespace planner {

std::vector<ProposalFigure> proposalCharts(const Plan &plan, const std::vector<ScenarioEstimate> &estimates);

} // namespace planner
