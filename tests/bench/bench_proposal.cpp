// How long File ▸ Export Proposal (and `llm-planner-cli report`) takes:
// writeProposalPdf on each sample plan — evaluating the plan, the latency
// sweeps and charts, the topology pictures, laying out and painting every
// page, and writing the file — five times, printing the mean and the worst.
// Target: under 2 s for a sample plan; a plan of 50 scenarios (the samples'
// scenarios repeated) under 5 s (issue "Plans people share are safe ...").
// Runs offscreen when there is no display.

#include "desktopplans.h"

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
#include <string>

using namespace planner;

namespace {

constexpr int kRuns = 5;
constexpr double kSampleTargetMs = 2000;
constexpr double kManyScenariosTargetMs = 5000;

// The sample's scenarios repeated, numbered, until the plan has `count`.
Plan withScenarios(const Plan &sample, size_t count)
{
    Plan plan = sample;
    plan.scenarios.clear();
    while (plan.scenarios.size() < count) {
        Scenario s = sample.scenarios[plan.scenarios.size() % sample.scenarios.size()];
        s.name += " #" + std::to_string(plan.scenarios.size() + 1);
        plan.scenarios.push_back(std::move(s));
    }
    return plan;
}

bool timeProposal(const char *name, const Plan &plan, const Catalogue &catalogue, const QString &path, double targetMs,
                  int runs)
{
    ProposalOptions options;
    options.author = QStringLiteral("bench_proposal");
    double total = 0;
    double worst = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const QString error = writeProposalPdf(plan, catalogue, options, path);
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        if (!error.isEmpty()) {
            std::printf("proposal %s: %s\n", name, qPrintable(error));
            return false;
        }
        total += ms;
        worst = std::max(worst, ms);
    }
    std::printf("proposal %s: mean %.0f ms, worst %.0f ms over %d runs, %lld KB (target < %.0f ms)\n", name,
                total / runs, worst, runs, static_cast<long long>(QFileInfo(path).size() / 1024), targetMs);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    offscreenWithoutDisplay();
    QApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // each figure as it is measured
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

    for (const char *name :
         {"cloud-vs-onprem-llama-3.1-70b", "deepseek-r1-8x-h200", "r1-distill-qwen-32b-2x-rtx4090"}) {
        const PlanFileResult read = readPlanFile(QStringLiteral(":/plans/%1.llmplan").arg(QLatin1String(name)));
        if (!read.ok()) {
            std::printf("cannot read %s: %s\n", name, qPrintable(read.error));
            return 1;
        }
        const QString path = folder.filePath(QLatin1String(name) + QStringLiteral(".pdf"));
        if (!timeProposal(name, *read.plan, *opened.catalogue, path, kSampleTargetMs, kRuns))
            return 1;
        if (std::string(name) != "cloud-vs-onprem-llama-3.1-70b")
            continue;
        for (size_t count : {20, 50}) {
            const std::string label = std::string(name) + ", " + std::to_string(count) + " scenarios";
            if (!timeProposal(label.c_str(), withScenarios(*read.plan, count), *opened.catalogue, path,
                              kManyScenariosTargetMs, 1))
                return 1;
        }
    }
    return 0;
}
