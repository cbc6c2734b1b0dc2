// The analysis behind the charts and the proposal, on the sample plans:
// TTFT against prompt length, latency percentiles against request rate from
// the serving simulation, and the plan's on-prem/cloud break-even.

#include "core/plan/plananalysis.h"
#include "database/planfile.h"

#include "support/sampleplans.h"

#include <QtTest>

using namespace planner;
using planner::testsupport::samplePlan;

class TestPlanAnalysis : public QObject
{
    Q_OBJECT

private slots:
    void ttftGrowsWithThePrompt()
    {
        const Plan plan = samplePlan("deepseek-r1-8x-h200");
        const VersionEstimate v = evaluateScenario(plan, plan.scenarios.front()).versions.front();
        QVERIFY(v.request);
        const std::int64_t longest = plan.workload.contextTokens - plan.workload.outputTokens;
        const std::vector<InputLengthPoint> curve = inputLengthCurve(*v.request, longest);
        QVERIFY(curve.size() >= 4);
        QCOMPARE(curve.front().inputTokens, std::int64_t(128));
        QCOMPARE(curve.back().inputTokens, longest);
        for (size_t i = 1; i < curve.size(); ++i) {
            QCOMPARE(curve[i].inputTokens > curve[i - 1].inputTokens, true);
            QVERIFY(curve[i].point.ttft > curve[i - 1].point.ttft);
        }
        // The point at the plan's own input length is the estimate the summary shows.
        for (const InputLengthPoint &p : curve)
            if (p.inputTokens == plan.workload.inputTokens)
                QCOMPARE(units::inSeconds(p.point.ttft), units::inSeconds(v.speed->nominal.ttft));
    }

    void latencyRisesWithTheRate()
    {
        const Plan plan = samplePlan("r1-distill-qwen-32b-2x-rtx4090");
        const VersionEstimate v = evaluateScenario(plan, plan.scenarios.front()).versions.front();
        QVERIFY2(v.speed, v.verdict.reason.text().c_str());
        const RateSweep sweep = latencyByRate(v, plan.workload);
        QVERIFY(sweep.maxRatePerSecond > 0);
        QCOMPARE(sweep.points.size(), size_t(9));
        for (size_t i = 1; i < sweep.points.size(); ++i)
            QVERIFY(sweep.points[i].ratePerSecond > sweep.points[i - 1].ratePerSecond);
        // At the maximum rate the 99th percentiles are within the SLOs; at 1.5x they are not.
        const RatePoint &atMax = sweep.points[5];
        QCOMPARE(atMax.ratePerSecond, sweep.maxRatePerSecond);
        QVERIFY(units::inSeconds(atMax.ttft.p99) <= plan.workload.ttftSloSeconds);
        QVERIFY(units::inSeconds(atMax.tpot.p99) <= plan.workload.tpotSloSeconds);
        const RatePoint &over = sweep.points.back();
        QVERIFY(units::inSeconds(over.ttft.p99) > plan.workload.ttftSloSeconds
                || units::inSeconds(over.tpot.p99) > plan.workload.tpotSloSeconds);
        // A queue only adds waiting: TTFT at a light load is no worse than at the maximum.
        QVERIFY(sweep.points.front().ttft.p50 <= atMax.ttft.p50);
        // The simulated maximum cannot exceed what the roofline serves at the memory limit.
        PerfRequest full = *v.request;
        full.concurrency = v.memory.maxConcurrency;
        const double roofline = estimatePerformance(full).optimistic.outputTokensPerSecond / plan.workload.outputTokens;
        QVERIFY2(sweep.maxRatePerSecond <= roofline,
                 qPrintable(QStringLiteral("%1 > %2").arg(sweep.maxRatePerSecond).arg(roofline)));
    }

    // A newer edit stops the sweep it made stale: nothing is simulated and
    // the sweep comes back empty.
    void aStoppedSweepIsEmpty()
    {
        const Plan plan = samplePlan("r1-distill-qwen-32b-2x-rtx4090");
        const VersionEstimate v = evaluateScenario(plan, plan.scenarios.front()).versions.front();
        QVERIFY2(v.speed, v.verdict.reason.text().c_str());
        std::stop_source stale;
        stale.request_stop();
        const RateSweep sweep = latencyByRate(v, plan.workload, 600, stale.get_token());
        QVERIFY(sweep.points.empty());
        QCOMPARE(sweep.maxRatePerSecond, 0.0);
        SimulationConfig config;
        config.request = *v.request;
        config.stop = stale.get_token();
        QVERIFY(!simulate(config).valid);
    }

    void noEstimateNoSweep()
    {
        VersionEstimate none;
        QVERIFY(latencyByRate(none, PlanWorkload{}).points.empty());
    }

    void breakEvenOfTheCheapestOnPremAndCloudScenarios()
    {
        const Plan plan = samplePlan("cloud-vs-onprem-llama-3.1-70b");
        const std::vector<ScenarioEstimate> estimates = evaluatePlan(plan);
        const std::optional<PlanBreakEven> found = planBreakEven(estimates);
        QVERIFY(found);
        QVERIFY(!estimates[found->onPremScenario].cluster.cloud);
        QVERIFY(estimates[found->cloudScenario].cluster.cloud);
        QCOMPARE(found->month,
                 breakEvenMonth(estimates[found->onPremScenario].cost, estimates[found->cloudScenario].cost));
        QVERIFY(found->month); // an 8-GPU server pays for itself against p5.48xlarge on demand within 3 years

        Plan onlyOnPrem = samplePlan("r1-distill-qwen-32b-2x-rtx4090");
        std::erase_if(onlyOnPrem.scenarios, [](const Scenario &s) { return s.name.starts_with("Cloud"); });
        QVERIFY(!planBreakEven(evaluatePlan(onlyOnPrem)));
    }
};

QTEST_GUILESS_MAIN(TestPlanAnalysis)
#include "test_plananalysis.moc"
