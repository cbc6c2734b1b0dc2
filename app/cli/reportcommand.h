#pragma once
// `llm-planner-cli report`: the PDF proposal of a plan file, the same
// document as the desktop's File ▸ Export Proposal.

#include <QStringList>

namespace planner::cli {

int runReport(const QStringList &arguments);

} // namespace planner::cli
