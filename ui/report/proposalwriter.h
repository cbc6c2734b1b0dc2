#pragma once
// The PDF proposal: what File ▸ Export Proposal and `llm-planner-cli report`
// write, the same document from the same function.
//
// A4 portrait, text as text (selectable and searchable, fonts embedded, CJK
// through the system's font fallback), figures as vector drawings, "Page N of
// M" on every page. The file is written whole (database/wholefile.h): it
// appears only once complete, and a failed export leaves any earlier file
// untouched.
//
// Needs a QApplication (the topology pictures are the canvas's QGraphicsScene).

#include "core/plan/plan.h"
#include "ui/report/proposaloptions.h"

#include <QString>

namespace planner {

class Catalogue;

// Returns an error message naming the path, or an empty string on success.
// The catalogue is only what the canvas needs to open the plan; every figure
// comes from the plan and its part snapshot.
QString writeProposalPdf(const Plan &plan, const Catalogue &catalogue, const ProposalOptions &options,
                         const QString &path);

} // namespace planner
