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
//
// The desktop writes it in three stages so the window never waits:
// proposalInputs() (the estimates and serving simulations, seconds on a large
// plan) and paintProposalPdf() (layout and painting, seconds for dozens of
// scenarios) on a worker thread, and between them proposalContent() on the
// GUI thread, which draws the charts and pictures once into QPictures that
// any thread may paint. writeProposalPdf() runs all three in turn.

#include "core/plan/plan.h"
#include "core/plan/plananalysis.h"
#include "core/plan/planevaluation.h"
#include "ui/report/proposalcontent.h"
#include "ui/report/proposaloptions.h"

#include <QString>

#include <functional>
#include <stop_token>
#include <vector>

namespace planner {

class Catalogue;

struct ProposalInputs {
    std::vector<ScenarioEstimate> estimates;
    std::vector<RateSweep> sweeps; // proposalSweeps()
};

// Any thread. A requested stop ends the simulations early (the export is
// then abandoned).
ProposalInputs proposalInputs(const Plan &plan, std::stop_token stop = {});

// The GUI thread: the content, with every figure recorded as a picture.
ProposalContent proposalContent(const Plan &plan, const Catalogue &catalogue, const ProposalOptions &options,
                                const ProposalInputs &inputs);

// Any thread: lays the content out on A4 pages, paints them and writes the
// file whole. `progress(page, pages)` is called after each page. A stop
// requested before the file is written leaves the path untouched (the
// answer is then a message saying the export was cancelled). Returns an
// error message naming the path, or an empty string on success.
QString paintProposalPdf(const ProposalContent &content, const QString &path, std::stop_token stop = {},
                         const std::function<void(int page, int pages)> &progress = {});

// Returns an error message naming the path, or an empty string on success.
// The catalogue is only what the canvas needs to open the plan; every figure
// comes from the plan and its part snapshot.
QString writeProposalPdf(const Plan &plan, const Catalogue &catalogue, const ProposalOptions &options,
                         const QString &path);

} // namespace planner
