#pragma once
// The charts in the proposal: the one place where ui/charts hands its charts
// to the document. Each figure becomes a titled part of the "Charts" section,
// between the topology pictures and the model-version table; the section is
// left out while the list is empty.

#include "core/plan/plan.h"
#include "core/plan/plananalysis.h"
#include "core/plan/planevaluation.h"
#include "ui/report/proposalfigure.h"

#include <stop_token>
#include <vector>

namespace planner {

// The serving simulations behind the proposal's Under load charts: one per
// model version of the scenario its speed charts show, in that order (no
// points for a version without a speed estimate). Engine work only, so it
// may run off the GUI thread; the versions run at once on every core. A
// requested stop ends it early (the export is then abandoned).
std::vector<RateSweep> proposalSweeps(const Plan &plan, const std::vector<ScenarioEstimate> &estimates,
                                      std::stop_token stop = {});

// Needs the GUI thread (Qt Charts). `sweeps` as proposalSweeps() gives them.
std::vector<ProposalFigure> proposalCharts(const Plan &plan, const std::vector<ScenarioEstimate> &estimates,
                                           const std::vector<RateSweep> &sweeps);

} // namespace planner
