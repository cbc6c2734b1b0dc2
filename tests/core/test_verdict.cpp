// One way into the engine, one verdict: the cases where the planner used to
// contradict itself or show a made-up figure, each pinned by a test.
//
// - A load the deployment cannot hold is "does not serve" everywhere, with
//   the binding reason; a served load meets both targets at the speed shown.
// - A GPU without a BF16 rate (Jetson AGX Orin, RTX 3060 in the shipped
//   catalogue) gives "unknown" naming the figure, never 0 tok/s or "met",
//   and never the FP32 rate in its place.
// - NVLink drawn between GPUs that have none is flagged and not counted.
// - An unpriced GPU makes the cost unknown, never a cost per token from a
//   partial capital.
// - The command-line tool's cluster (GPUs in servers of eight) and a drawn
//   topology of the same servers resolve to the same layout.
// - The build search's recommendation, evaluated as a plan, serves its load.

#include "core/plan/planevaluation.h"
#include "core/plan/scenariochoice.h"
#include "core/search/recommender.h"
#include "database/catalogue.h"
#include "database/hardwareoptions.h"
#include "support/sampleplans.h"
#include "support/shippedcatalogue.h"

#include <QtTest>

using namespace planner;
using planner::testsupport::samplePlan;

namespace {

const Catalogue &shipped()
{
    return testsupport::shippedCatalogue();
}

template <typename Spec>
Spec part(const char *id)
{
    const std::optional<Spec> found = shipped().find<Spec>(QLatin1String(id));
    if (!found)
        qFatal("the shipped catalogue has no %s", id);
    return *found;
}

// One server of `groups` GPU groups of `perGroup` GPUs each, with the model.
Plan oneServer(const char *gpuId, int groups, int perGroup, const char *modelId)
{
    Plan plan;
    plan.parts.gpus = {part<GpuSpec>(gpuId)};
    plan.parts.models = {part<ModelSpec>(modelId)};
    plan.parts.links = {part<LinkSpec>("nvlink3"), part<LinkSpec>("ib-ndr")};
    plan.modelIds = {modelId};
    Scenario scenario;
    scenario.name = "box";
    scenario.topology.nodes.push_back({1, NodeKind::Server, 0, "", "", "Box", 1, "", 0, 0});
    for (int g = 0; g < groups; ++g)
        scenario.topology.nodes.push_back({2 + g, NodeKind::Gpu, 1, gpuId, "", "GPU", perGroup, "", 0, 0});
    plan.scenarios = {scenario};
    return plan;
}

VersionEstimate onlyVersion(const Plan &plan)
{
    return evaluatePlan(plan).front().versions.front();
}

} // namespace

class TestVerdict : public QObject
{
    Q_OBJECT

private slots:
    // Whatever the load, the verdict agrees with the figures shown beside it.
    void theVerdictAgreesWithItsFigures_data()
    {
        QTest::addColumn<bool>("byRate");
        QTest::addColumn<double>("load");
        for (double rate : {0.2, 1.0, 5.0, 20.0, 1e4})
            QTest::newRow(qPrintable(QStringLiteral("%1 requests/s").arg(rate))) << true << rate;
        for (double sequences : {1.0, 32.0, 400.0, 5000.0})
            QTest::newRow(qPrintable(QStringLiteral("%1 sequences").arg(sequences))) << false << sequences;
    }

    void theVerdictAgreesWithItsFigures()
    {
        QFETCH(bool, byRate);
        QFETCH(double, load);
        // DeepSeek-R1 on one HGX H200 (the shipped sample), where the summary once said "cannot
        // serve 5 requests/s" and "SLO met" on the same row.
        Plan plan = samplePlan("deepseek-r1-8x-h200");
        PlanWorkload &w = plan.workload;
        w.byRequestRate = byRate;
        w.requestsPerSecond = byRate ? load : 1;
        w.concurrency = byRate ? 1 : static_cast<std::int64_t>(load);
        for (const ScenarioEstimate &e : evaluatePlan(plan)) {
            const VersionEstimate &v = e.versions.front();
            QVERIFY(v.verdict.fits == Answer::Yes);
            QVERIFY2(v.speed, v.verdict.reason.text().c_str());
            QVERIFY(v.concurrency >= 1 && v.concurrency <= v.sequencesHeld);
            const PerfPoint &p = v.speed->nominal;
            const bool meetsTargets = units::inSeconds(p.ttft) <= w.ttftSloSeconds
                                      && units::inSeconds(p.tpot) <= w.tpotSloSeconds;
            const bool holdsLoad = v.neededConcurrency && *v.neededConcurrency <= v.sequencesHeld;
            if (v.verdict.serves == Answer::Yes) {
                QVERIFY(v.verdict.reason.empty());
                QVERIFY(holdsLoad && meetsTargets);
                if (byRate)
                    QVERIFY(v.requestsPerSecond >= load * (1 - 1e-9));
            } else {
                QVERIFY(v.verdict.serves == Answer::No);
                QVERIFY(!v.verdict.reason.empty());
                const std::string &code = v.verdict.code;
                if (code == "memory-sequences" || code == "engine-sequences")
                    QVERIFY(v.neededConcurrency && *v.neededConcurrency > v.sequencesHeld);
                else if (code == "throughput" || code == "prefill-throughput")
                    QVERIFY(!v.neededConcurrency && v.requestsPerSecond < load);
                else
                    QVERIFY2((code == "ttft" || code == "tpot") && holdsLoad && !meetsTargets, code.c_str());
            }
            // The scenario choice reads the same verdict.
            const ScenarioVerdict chosen = chooseScenario({e}).verdicts.front();
            QCOMPARE(chosen.reason == Disqualification::MissesRate || chosen.reason == Disqualification::MissesSlo,
                     v.verdict.serves == Answer::No);
        }
    }

    // R1 at 4 requests/s of 2,000 + 1,000 tokens: memory holds fewer sequences than the load needs.
    void theR1LoadNamesItsBindingReason()
    {
        Plan plan = samplePlan("deepseek-r1-8x-h200");
        plan.workload.byRequestRate = true;
        plan.workload.requestsPerSecond = 4;
        const VersionEstimate v = onlyVersion(plan);
        QVERIFY(v.verdict.serves == Answer::No);
        QCOMPARE(v.verdict.code, std::string("memory-sequences"));
        QCOMPARE(v.verdict.reason.text(), "memory holds " + std::to_string(v.sequencesHeld)
                                              + " sequences but the load needs " + std::to_string(*v.neededConcurrency)
                                              + " at once");
    }

    void aMissingRateIsUnknown_data()
    {
        QTest::addColumn<QString>("gpu");
        QTest::addColumn<QString>("name");
        QTest::newRow("Jetson AGX Orin 32GB") << "jetson-agx-orin-32gb"
                                              << "NVIDIA Jetson AGX Orin 32GB";
        QTest::newRow("Jetson AGX Thor") << "jetson-agx-thor"
                                         << "NVIDIA Jetson AGX Thor (T5000 module)";
    }

    void aMissingRateIsUnknown()
    {
        QFETCH(QString, gpu);
        QFETCH(QString, name);
        // The catalogue rows have no BF16 figure: the estimate
        // must not borrow a wider path's rate.
        const GpuSpec spec = part<GpuSpec>(qPrintable(gpu));
        QCOMPARE(spec.bf16, units::teraflopsPerSecond(0));
        QCOMPARE(spec.throughput(ComputePrecision::Bf16), units::teraflopsPerSecond(0));

        const Plan plan = oneServer(qPrintable(gpu), 1, 1, "deepseek-r1-distill-qwen-1.5b");
        const ScenarioEstimate e = evaluatePlan(plan).front();
        const VersionEstimate &v = e.versions.front();
        QVERIFY(v.verdict.fits == Answer::Yes); // its memory is known
        QVERIFY(v.verdict.serves == Answer::Unknown);
        QCOMPARE(v.verdict.code, std::string("missing-figure"));
        QCOMPARE(QString::fromStdString(v.verdict.reason.text()),
                 name + QStringLiteral(" has no BF16 rate in the catalogue"));
        QVERIFY(!v.speed);
        QVERIFY(!v.usdPerMillionOutputTokens);
        QVERIFY(chooseScenario({e}).verdicts.front().reason == Disqualification::Unknown);
    }

    void invalidNvlinkIsNotCounted()
    {
        // Two A100 PCIe cards (no NVLink) joined by an NVLink 3 link: the canvas flags it...
        Plan linked = oneServer("a100-80gb-pcie", 2, 1, "llama-3.1-8b");
        linked.scenarios.front().topology.links.push_back({10, 2, 3, "nvlink3", 1});
        const ScenarioEstimate flagged = evaluatePlan(linked).front();
        const auto issue = std::find_if(flagged.issues.begin(), flagged.issues.end(),
                                        [](const TopologyIssue &i) { return i.linkId == 10; });
        QVERIFY(issue != flagged.issues.end());
        QCOMPARE(issue->message.text(), std::string("NVIDIA A100 80GB PCIe has no NVLink"));
        QVERIFY2(issue->fallback.text().find("PCIe") != std::string::npos, issue->fallback.text().c_str());
        // ... and the estimate is the one without it: PCIe between the cards.
        const ScenarioEstimate plain = evaluatePlan(oneServer("a100-80gb-pcie", 2, 1, "llama-3.1-8b")).front();
        const VersionEstimate &a = flagged.versions.front();
        const VersionEstimate &b = plain.versions.front();
        QVERIFY(a.speed && b.speed);
        QCOMPARE(a.speed->nominal.outputTokensPerSecond, b.speed->nominal.outputTokensPerSecond);
        QCOMPARE(flagged.cluster.links.tensorParallel.bandwidth, pcieLink(part<GpuSpec>("a100-80gb-pcie")).bandwidth);

        // The same for a GPU group whose own fabric is NVLink.
        Plan grouped = oneServer("a100-80gb-pcie", 1, 2, "llama-3.1-8b");
        grouped.scenarios.front().topology.nodes[1].fabricLinkId = "nvlink3";
        const ScenarioEstimate fabric = evaluatePlan(grouped).front();
        QVERIFY(std::any_of(fabric.issues.begin(), fabric.issues.end(),
                            [](const TopologyIssue &i) { return !i.fallback.empty(); }));
        QCOMPARE(fabric.versions.front().speed->nominal.outputTokensPerSecond, b.speed->nominal.outputTokensPerSecond);
    }

    void anUnpricedGpuMakesTheCostUnknown()
    {
        // The A100 80GB PCIe has no price in the shipped catalogue.
        QVERIFY(!part<GpuSpec>("a100-80gb-pcie").price);
        const ScenarioEstimate e = evaluatePlan(oneServer("a100-80gb-pcie", 1, 2, "llama-3.1-8b")).front();
        QVERIFY(e.costCompleteness == CostCompleteness::Unknown);
        QCOMPARE(e.unpricedGpusOrInstances, std::vector<std::string>{"NVIDIA A100 80GB PCIe"});
        QVERIFY(e.versions.front().speed);
        QVERIFY(!e.versions.front().usdPerMillionOutputTokens);
        QVERIFY(chooseScenario({e}).verdicts.front().reason == Disqualification::NoPrice);

        // A priced GPU without a priced CPU: a lower bound, said as one.
        const ScenarioEstimate priced = evaluatePlan(oneServer("h100-sxm", 1, 2, "llama-3.1-8b")).front();
        QVERIFY(priced.costCompleteness == CostCompleteness::Complete
                || priced.costCompleteness == CostCompleteness::LowerBound);
        QVERIFY(priced.versions.front().usdPerMillionOutputTokens);
        QCOMPARE(priced.versions.front().costIsLowerBound, priced.costCompleteness == CostCompleteness::LowerBound);
    }

    // The command line's 16 GPUs in servers of eight and a drawn pair of
    // eight-GPU servers linked by InfiniBand resolve alike.
    void theCliClusterAndADrawnOneResolveAlike_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("weights");
        QTest::newRow("R1 FP8") << "deepseek-r1"
                                << "fp8-block";
        QTest::newRow("R1 BF16") << "deepseek-r1"
                                 << "bf16";
        QTest::newRow("Llama 3.1 70B") << "llama-3.1-70b"
                                       << "";
    }

    void theCliClusterAndADrawnOneResolveAlike()
    {
        QFETCH(QString, model);
        QFETCH(QString, weights);
        // Two HGX H200 boards: eight GPUs on an NVSwitch fabric in each.
        Plan plan = oneServer("h200", 1, 8, qPrintable(model));
        plan.parts.links.push_back(part<LinkSpec>("nvswitch-gen3-hgx-h100"));
        Topology &t = plan.scenarios.front().topology;
        t.nodes[1].fabricLinkId = "nvswitch-gen3-hgx-h100";
        t.nodes.push_back({20, NodeKind::Server, 0, "", "", "Box 2", 1, "", 0, 0});
        t.nodes.push_back({21, NodeKind::Gpu, 20, "h200", "", "GPU", 8, "nvswitch-gen3-hgx-h100", 0, 0});
        t.links.push_back({30, 1, 20, "ib-ndr", 8});
        plan.scenarios.front().deployment.weightFormat = weights.toStdString();
        const ScenarioEstimate drawn = evaluatePlan(plan).front();
        QVERIFY2(drawn.cluster.problem.empty(), drawn.cluster.problem.text().c_str());

        const GpuSpec h200 = part<GpuSpec>("h200");
        const Cluster cli = clusterOfServers(h200, 16, 8, singleServerLinks(h200),
                                             scaleOutPath(part<LinkSpec>("ib-ndr"), 8, 8));
        const ResolvedDeployment resolved = resolveDeployment(
            *plan.parts.model(model.toStdString()), cli, plan.scenarios.front().deployment, shapeOf(plan.workload));
        QVERIFY(resolved.ok());
        const VersionEstimate &v = drawn.versions.front();
        QCOMPARE(resolved.request.deployment.parallel.tensor, v.parallel.tensor);
        QCOMPARE(resolved.request.deployment.parallel.pipeline, v.parallel.pipeline);
        QCOMPARE(resolved.replicas, v.replicas);
        QCOMPARE(resolved.dataParallel.bandwidth, drawn.cluster.dataParallel.bandwidth);
        const PerfLinks drawnLinks = linksFor(drawn.cluster, v.parallel);
        QCOMPARE(resolved.request.links.tensorParallel.bandwidth, drawnLinks.tensorParallel.bandwidth);
        QCOMPARE(resolved.request.links.pipeline.bandwidth, drawnLinks.pipeline.bandwidth);
    }

    // What `recommend` proposes, laid out as a plan, gets the verdict "serves".
    void aRecommendationServesWhenEvaluated()
    {
        RecommendRequest request;
        ServiceLoad load;
        load.model = part<ModelSpec>("deepseek-r1");
        load.inputTokens = 2000;
        load.outputTokens = 1000;
        load.requestsPerSecond = 1;
        load.ttftSlo = units::seconds(2);
        load.tpotSlo = units::seconds(0.05);
        request.loads = {load};
        const RecommendResult result = recommend(request, hardwareOptions(shipped(), CloudTier::OnDemand).options);
        QVERIFY(result.ranked.size() >= 3);
        PlanWorkload workload;
        workload.byRequestRate = true;
        workload.requestsPerSecond = load.requestsPerSecond;
        workload.inputTokens = load.inputTokens;
        workload.outputTokens = load.outputTokens;
        workload.contextTokens = load.inputTokens + load.outputTokens;
        workload.ttftSloSeconds = 2;
        workload.tpotSloSeconds = 0.05;
        // The three best builds a plan's verdict can judge: replicas in units
        // without a scale-out link are a fleet, which it does not size yet.
        int checked = 0;
        for (size_t i = 0; i < result.ranked.size() && checked < 3; ++i) {
            const Recommendation &r = result.ranked[i];
            const ReplicaPlan &p = r.plans.front();
            const HardwareOption &o = r.option;
            if (p.replicas * p.gpusPerReplica > o.gpusPerUnit && !(o.between.bandwidth > units::gigabytesPerSecond(0)))
                continue;
            ++checked;
            const Cluster cluster = clusterOfServers(o.gpu, p.replicas * p.gpusPerReplica, o.gpusPerUnit, o.inside,
                                                     o.between);
            DeploymentSettings settings;
            settings.tensorParallel = p.parallel.tensor;
            settings.pipelineParallel = p.parallel.pipeline;
            settings.expertParallel = p.parallel.expert;
            settings.weightFormat = p.weightFormat;
            settings.kvFormat = p.kvFormat;
            const VersionEstimate v = estimateVersion(load.model, cluster, settings, workload);
            QVERIFY2(v.verdict.serves == Answer::Yes, (o.name + ": " + v.verdict.reason.text()).c_str());
        }
        QCOMPARE(checked, 3);
    }
};

QTEST_GUILESS_MAIN(TestVerdict)
#include "test_verdict.moc"
