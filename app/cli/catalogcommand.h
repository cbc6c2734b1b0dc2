#pragma once
// `catalog KIND`, `catalog export|import` and `import-model`: the catalogue
// from the shell.

#include <QStringList>

namespace planner::cli {

int runCatalog(const QStringList &arguments);
int runImportModel(const QStringList &arguments);

} // namespace planner::cli
