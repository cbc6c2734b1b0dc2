#pragma once
// `llm-planner-cli cost`: what an on-prem build and/or a cloud option cost,
// per month, per million tokens, and when buying beats renting.

#include <QStringList>

namespace planner::cli {

int runCost(const QStringList &arguments);

} // namespace planner::cli
