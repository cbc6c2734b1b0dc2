// How long one evaluation of each shipped sample plan takes — what the
// desktop runs after every edit and `llm-planner-cli evaluate` runs once:
// topology reduction, the resolution of every scenario x model version, the
// fit, the verdict (with its search for the concurrency the load needs), the
// speed at the operating point and the costs. Also the R1 sample at 5
// requests/s, where the verdict's search goes past what memory holds, and
// fleet-sized chains of its two-server InfiniBand scenario (4,096 and 16,384
// GPUs), which the desktop re-evaluates after every edit.

#include "core/plan/planedit.h"
#include "core/plan/planevaluation.h"
#include "support/sampleplans.h"

#include <QDir>
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

using namespace planner;

// The R1 sample's "2x HGX H100 over InfiniBand" scenario alone, its servers
// copied until there are `servers`, each linked to the one before it.
Plan infiniBandChain(int servers)
{
    Plan plan = testsupport::samplePlan("deepseek-r1-8x-h200");
    const auto pair = std::find_if(plan.scenarios.begin(), plan.scenarios.end(),
                                   [](const Scenario &s) { return !s.topology.links.empty(); });
    plan.scenarios = {*pair};
    Topology &t = plan.scenarios[0].topology;
    const TopologyLink link = t.links.front();
    const Topology two = t;
    const std::set<int> both = {t.serverOf(link.from), t.serverOf(link.to)};
    for (int copy = 1; 2 * copy < servers; ++copy)
        planedit::pasteServers(plan, 0, two, both, {0, copy * 400.0});
    const std::vector<const TopologyNode *> chain = t.servers();
    for (size_t i = 1; i < chain.size(); ++i)
        if (i % 2 == 0) // each pasted pair is linked within itself
            t.links.push_back({t.nextId(), chain[i - 1]->id, chain[i]->id, link.linkId, link.count});
    return plan;
}

class BenchEvaluate : public QObject
{
    Q_OBJECT

private:
    static void time(const char *label, const Plan &plan, int runs = 200)
    {
        // A timed loop rather than QBENCHMARK: one run, one printed figure.
        const int kRuns = runs;
        std::size_t versions = 0;
        const auto start = std::chrono::steady_clock::now();
        for (int run = 0; run < kRuns; ++run)
            for (const ScenarioEstimate &e : evaluatePlan(plan))
                versions += e.versions.size();
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        std::printf("%-44s %7.3f ms per evaluation (%zu scenario x version estimates each)\n", label, ms / kRuns,
                    versions / kRuns);
        QVERIFY(versions > 0);
    }

private slots:
    void everySamplePlan()
    {
        for (const QString &file : QDir(QStringLiteral(":/plans")).entryList({QStringLiteral("*.llmplan")}))
            time(qPrintable(file), testsupport::samplePlan(qPrintable(file.chopped(8))));
        Plan busy = testsupport::samplePlan("deepseek-r1-8x-h200");
        busy.workload.byRequestRate = true;
        busy.workload.requestsPerSecond = 5;
        time("deepseek-r1-8x-h200 at 5 requests/s", busy);

        // A fleet: the 2x RTX 4090 workstation sixteen times, unlinked, sized
        // for a peak of twice 20 requests/s with one spare.
        Plan fleet = testsupport::samplePlan("r1-distill-qwen-32b-2x-rtx4090");
        fleet.scenarios.resize(1);
        const Topology one = fleet.scenarios[0].topology;
        const int server = one.servers().front()->id;
        for (int copy = 1; copy < 16; ++copy)
            planedit::pasteServers(fleet, 0, one, {server}, {copy * 500.0, 0});
        fleet.workload.byRequestRate = true;
        fleet.workload.requestsPerSecond = 20;
        fleet.workload.peakFactor = 2;
        fleet.scenarios[0].deployment.spareServers = 1;
        time("fleet of 16 workstations, sized for the peak", fleet);

        for (int servers : {512, 2048}) {
            const Plan chain = infiniBandChain(servers);
            QCOMPARE(static_cast<int>(chain.scenarios[0].topology.servers().size()), servers);
            const std::string label = std::to_string(servers) + " HGX H100 chained over InfiniBand";
            time(label.c_str(), chain, 5);
        }
    }
};

QTEST_GUILESS_MAIN(BenchEvaluate)
#include "bench_evaluate.moc"
