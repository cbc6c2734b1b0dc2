#pragma once
// `models`, `formats` and `engines`: what the engine knows about.

#include <QStringList>

namespace planner::cli {

int runModels(const QStringList &arguments);
int runFormats(const QStringList &arguments);
int runEngines(const QStringList &arguments);

} // namespace planner::cli
