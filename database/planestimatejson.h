#pragma once
// A plan's evaluation as JSON: per scenario its cluster, cost and
// completeness, and per model version the verdict (fits, serves, the binding
// reason) with the figures the desktop's Summary shows. `llm-planner-cli
// evaluate --json` prints it; tests compare it with the Summary and the PDF.
// Bytes are plain integers, seconds and amounts in USD plain numbers; a
// figure that is unknown is null, never 0.

#include "core/plan/planevaluation.h"

#include <QJsonObject>

namespace planner {

QJsonObject versionEstimateToJson(const VersionEstimate &version);
QJsonObject scenarioEstimateToJson(const ScenarioEstimate &scenario);

} // namespace planner
