// How long File ▸ Export Proposal (and `llm-planner-cli report`) takes:
// writeProposalPdf on each sample plan — evaluating the plan, the latency
// sweeps and charts, the topology pictures, laying out and painting every
// page, and writing the file — five times, printing the mean and the worst.
// Target: under 2 s a proposal, so the export needs no progress dialog.
// Runs offscreen when there is no display.

#include "database/catalogue.h"
#include "database/planfile.h"
#include "ui/report/proposalwriter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace planner;

namespace {

constexpr int kRuns = 5;
constexpr double kTargetMs = 2000;

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir folder;
    if (!folder.isValid()) {
        std::printf("cannot make a temporary folder\n");
        return 1;
    }
    Catalogue::OpenResult opened = Catalogue::open(QString()); // the shipped catalogue alone
    if (!opened.catalogue) {
        std::printf("cannot open the catalogue: %s\n", qPrintable(opened.error));
        return 1;
    }

    ProposalOptions options;
    options.author = QStringLiteral("bench_proposal");
    for (const char *name :
         {"cloud-vs-onprem-llama-3.1-70b", "deepseek-r1-8x-h200", "r1-distill-qwen-32b-2x-rtx4090"}) {
        const PlanFileResult read = readPlanFile(QStringLiteral(":/plans/%1.llmplan").arg(QLatin1String(name)));
        if (!read.ok()) {
            std::printf("cannot read %s: %s\n", name, qPrintable(read.error));
            return 1;
        }
        const QString path = folder.filePath(QLatin1String(name) + QStringLiteral(".pdf"));
        double total = 0;
        double worst = 0;
        for (int run = 0; run < kRuns; ++run) {
            QElapsedTimer timer;
            timer.start();
            const QString error = writeProposalPdf(*read.plan, *opened.catalogue, options, path);
            const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
            if (!error.isEmpty()) {
                std::printf("proposal %s: %s\n", name, qPrintable(error));
                return 1;
            }
            total += ms;
            worst = std::max(worst, ms);
        }
        std::printf("proposal %s: mean %.0f ms, worst %.0f ms over %d runs, %lld KB (target < %.0f ms)\n", name,
                    total / kRuns, worst, kRuns, static_cast<long long>(QFileInfo(path).size() / 1024), kTargetMs);
    }
    return 0;
}
