#pragma once
// `llm-planner-cli export-launch PLAN`: the launch command (shell script) or
// Kubernetes manifest that serves one model version of one scenario of a plan
// file, with the settings the planner estimated (core/deploy/launchexport.h).

#include <QStringList>

namespace planner::cli {

int runExportLaunch(const QStringList &arguments);

} // namespace planner::cli
