#pragma once
// What the proposal says, section by section, as formatted text, tables and
// figures — gathered from what core computes (the plan's estimates, each
// scenario's bill of materials, the recommended scenario, the break-even,
// the efficiency factors and every assumption with its source). No figure is
// computed here; ui/report/proposaldocument.h lays the content out.
//
// Sections, in order: the title page; "Executive summary" (the recommended
// scenario and why, what it serves, what it costs, the break-even, every
// scenario at a glance); "Bill of materials" per scenario; "Topology" (one
// picture per scenario); "Charts" (ui/report/proposalcharts.h; left out while
// there are none); "Model versions"; "Assumptions" (workload and targets,
// deployment, efficiency factors, cost assumptions, prices and their dates).

#include "core/plan/plan.h"
#include "core/plan/plananalysis.h"
#include "core/plan/planevaluation.h"
#include "ui/report/proposalfigure.h"
#include "ui/report/proposaloptions.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace planner {

struct ProposalTable {
    QStringList headers;
    // A cell's lines after the first are a note under it, set smaller.
    std::vector<QStringList> rows;
    std::vector<int> widths;   // per column, percent of the text width
    std::vector<bool> numeric; // per column: right-aligned
    int totalRows = 0;         // the last rows are totals, set in bold
};

struct ProposalBlock {
    enum class Kind { Section, Subsection, Paragraph, Note, Table, Figure };
    Kind kind = Kind::Paragraph;
    QString text; // heading, paragraph or note; plain text
    ProposalTable table;
    ProposalFigure figure;
};

struct ProposalContent {
    QString title;
    QString subtitle;
    QString date;
    QString author;    // empty: none
    QStringList facts; // a few lines on the title page
    std::vector<ProposalBlock> blocks;
};

// The section headings, for the document and its tests.
namespace proposalsections {
QString executiveSummary();
QString billOfMaterials();
QString topology();
QString charts();
QString modelVersions();
QString assumptions();
} // namespace proposalsections

// `topology`: one figure per scenario (ui/report/topologypicture.h), or empty
// for none.
// `sweeps`: proposalSweeps() of the plan, or nullopt to run them here.
ProposalContent buildProposalContent(const Plan &plan, const std::vector<ScenarioEstimate> &estimates,
                                     const ProposalOptions &options, const std::vector<ProposalFigure> &topology,
                                     const std::optional<std::vector<RateSweep>> &sweeps = std::nullopt);

} // namespace planner
