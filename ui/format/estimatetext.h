#pragma once
// Why a model version has no (full) estimate, in the interface's language
// and memory unit. The two everyday reasons — it does not fit, or memory
// holds too few sequences for the request rate — are worded here from the
// estimate's figures; any other reason is core's own (English) sentence.

#include "core/plan/planevaluation.h"

#include <QString>

namespace planner {

QString versionProblem(const VersionEstimate &version, const PlanWorkload &workload);

} // namespace planner
