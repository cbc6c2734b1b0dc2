#pragma once
// `models`, `gpus`, `formats` and `engines`: what the planner knows about.

#include <QStringList>

namespace planner::cli {

int runModels(const QStringList &arguments);
int runGpus(const QStringList &arguments);
int runFormats(const QStringList &arguments);
int runEngines(const QStringList &arguments);

} // namespace planner::cli
