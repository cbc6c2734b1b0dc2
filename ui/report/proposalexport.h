#pragma once
// File ▸ Export Proposal without freezing the window: the estimates and
// serving simulations, and then the page layout and painting, run on a
// worker thread (ui/report/proposalwriter.h) while a progress dialog says
// which stage is running and offers Cancel. The window keeps painting
// throughout; a cancelled export writes nothing.

#include "core/plan/plan.h"
#include "ui/report/proposaloptions.h"

#include <QString>

class QWidget;

namespace planner {

class Catalogue;

struct ProposalExport {
    bool written = false;
    bool cancelled = false;
    QString error; // when neither written nor cancelled: names the path
};

// Returns once the export has ended (its dialog modal to `parent`).
ProposalExport exportProposalWithProgress(QWidget *parent, const Plan &plan, const Catalogue &catalogue,
                                          const ProposalOptions &options, const QString &path);

} // namespace planner
