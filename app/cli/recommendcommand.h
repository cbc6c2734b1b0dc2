#pragma once
// `llm-planner-cli recommend`: the cheapest builds that serve a load within an SLO.

#include <QStringList>

namespace planner::cli {

int runRecommend(const QStringList &arguments);

} // namespace planner::cli
