#include "desktopplans.h"

#include "database/catalogue.h"
#include "database/planparts.h"
#include "ui/document/plandocument.h"
#include "ui/document/planedits.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>

namespace planner {

double msSince(BenchClock::time_point start)
{
    return std::chrono::duration<double, std::milli>(BenchClock::now() - start).count();
}

void offscreenWithoutDisplay()
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

Plan serverChain(const Catalogue &catalogue, int servers)
{
    Plan plan = PlanDocument::emptyPlan(catalogue);
    plan.modelIds.clear();
    for (const char *model : {"deepseek-r1", "llama-3.1-405b", "deepseek-r1-distill-llama-70b"})
        if (snapshotModel(plan, catalogue, QString::fromLatin1(model)))
            plan.modelIds.push_back(model);
    plan.workload.byRequestRate = true;
    plan.workload.requestsPerSecond = 20;
    snapshotLink(plan, catalogue, QStringLiteral("ib-ndr"));
    QString error;
    int previous = 0;
    for (int i = 0; i < servers; ++i) {
        const int server = addTemplateServer(plan, 0, catalogue, QStringLiteral("dgx-h100"), 420.0 * (i % 8),
                                             320.0 * (i / 8), &error);
        if (server == 0)
            std::printf("cannot add a DGX H100: %s\n", qPrintable(error));
        Topology &t = plan.scenarios.front().topology;
        if (previous != 0)
            t.links.push_back({t.nextId(), previous, server, "ib-ndr", 8});
        previous = server;
    }
    return plan;
}

void setRequestRate(PlanDocument &doc, double rate)
{
    PlanWorkload w = doc.plan().workload;
    w.requestsPerSecond = rate;
    edits::setWorkload(doc, w);
}

double timeEdits(const char *what, int runs, const std::function<void(int)> &edit)
{
    double total = 0;
    double worst = 0;
    for (int run = 0; run < runs; ++run) {
        const auto start = BenchClock::now();
        edit(run);
        QCoreApplication::processEvents();
        const double ms = msSince(start);
        total += ms;
        worst = std::max(worst, ms);
    }
    std::printf("%-48s %7.1f ms mean, %7.1f ms worst over %d edits\n", what, total / runs, worst, runs);
    return total / runs;
}

} // namespace planner
