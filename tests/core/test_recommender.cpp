// The build search: only feasible builds, cheapest first, monotone in the SLO,
// capacity planning worked by hand, and a reason when nothing qualifies.
//
// The hardware options here are made up (prices chosen for round numbers) on
// the built-in GPUs, so the suite does not depend on the catalogue's data.

#include "core/search/recommender.h"
#include "support/enginetestsupport.h"

#include <QtTest>

#include <cmath>

using namespace planner;
using namespace planner::testing;

namespace {

GpuSpec pricedGpu(const QString &id, double usd)
{
    GpuSpec gpu = builtinGpu(id);
    gpu.price = Price{usd, "2025-01", ""};
    return gpu;
}

// One on-prem server of `gpus` GPUs; the rest of the server costs `hostUsd`
// and draws nothing (so the arithmetic below stays with the GPUs).
HardwareOption server(const QString &gpuId, int gpus, double gpuUsd, double hostUsd)
{
    HardwareOption o;
    o.placement = Placement::OnPrem;
    o.gpu = pricedGpu(gpuId, gpuUsd);
    o.id = gpuId.toStdString() + "-x" + std::to_string(gpus);
    o.name = std::to_string(gpus) + "x " + o.gpu.name;
    o.provider = "test";
    o.gpusPerUnit = gpus;
    o.inside = singleServerLinks(o.gpu);
    o.between = LinkPath{units::gigabytesPerSecond(50), units::seconds(5e-6)}; // 400 Gb/s per GPU
    o.unitBuild.name = o.name;
    o.unitBuild.lines = {{o.gpu.id, o.gpu.name, gpus, gpuUsd, units::inWatts(o.gpu.tdp), "test"},
                         {"host", "host", 1, hostUsd, 0, "test"}};
    return o;
}

HardwareOption instance(const QString &gpuId, int gpus, double hourlyUsd)
{
    HardwareOption o;
    o.placement = Placement::Cloud;
    o.gpu = builtinGpu(gpuId);
    o.id = "cloud-" + gpuId.toStdString() + "-x" + std::to_string(gpus);
    o.name = "cloud " + std::to_string(gpus) + "x " + o.gpu.name;
    o.provider = "test cloud";
    o.gpusPerUnit = gpus;
    o.inside = singleServerLinks(o.gpu);
    o.between = LinkPath{units::gigabytesPerSecond(12.5), units::seconds(5e-6)};
    o.hourlyUsd = hourlyUsd;
    return o;
}

std::vector<HardwareOption> options()
{
    return {
        server("h100-sxm", 8, 25000, 60000), server("h200", 8, 32000, 60000),   server("a100-80gb", 8, 15000, 50000),
        server("l40s", 8, 8500, 30000),      server("rtx-4090", 2, 1600, 2000), instance("h100-sxm", 8, 55.04),
        instance("h200", 8, 63.30),          instance("l40s", 1, 1.86),         instance("a100-80gb", 8, 27.45)};
}

RecommendRequest request(const QString &modelId, double qps, double ttft = 2.0, double tpot = 0.05)
{
    RecommendRequest r;
    ServiceLoad load;
    load.model = builtinModel(modelId);
    load.inputTokens = 2000;
    load.outputTokens = 500;
    load.requestsPerSecond = qps;
    load.ttftSlo = units::seconds(ttft);
    load.tpotSlo = units::seconds(tpot);
    r.loads = {load};
    return r;
}

// Re-derives a plan's claims with the public performance API, independently of
// the search's own bisection.
void verifyFeasible(const Recommendation &rec, const ServiceLoad &load, const ReplicaPlan &plan,
                    const RecommendRequest &request)
{
    PerfRequest r;
    InferenceRequest &d = r.deployment;
    d.model = load.model;
    d.weights = weightFormat(QString::fromStdString(plan.weightFormat));
    d.kvCache = kvFormat(QString::fromStdString(plan.kvFormat));
    d.engine = request.engine;
    d.gpu = rec.option.gpu;
    d.parallel = plan.parallel;
    d.gpuCount = plan.gpusPerReplica;
    r.links = rec.option.inside;
    if (plan.gpusPerReplica > rec.option.gpusPerUnit)
        r.links.pipeline = rec.option.between;
    r.inputTokens = load.inputTokens;
    r.outputTokens = load.outputTokens;
    r.concurrency = plan.sloConcurrency;
    d.context = load.inputTokens + load.outputTokens;
    d.concurrency = plan.sloConcurrency;
    const QString where = QString::fromStdString(rec.option.id + " " + describeParallelism(plan.parallel) + " "
                                                 + plan.weightFormat + "/" + plan.kvFormat);
    QVERIFY2(validate(r).empty(), qPrintable(where));
    QVERIFY2(estimateInferenceMemory(d).fits, qPrintable(where + " must fit at its SLO concurrency"));
    const PerfPoint atSlo = performanceAt(r, efficiencyFor(d.engine, d.gpu).nominal);
    QVERIFY2(atSlo.ttft <= load.ttftSlo, qPrintable(where));
    QVERIFY2(atSlo.tpot <= load.tpotSlo, qPrintable(where));
    QVERIFY2(plan.atLoad.ttft <= load.ttftSlo && plan.atLoad.tpot <= load.tpotSlo, qPrintable(where));
    QVERIFY2(plan.capacityRequestsPerSecond >= load.requestsPerSecond * request.capacity.peakFactor * (1 - 1e-9),
             qPrintable(where + " must serve the peak rate"));
    QVERIFY(plan.operatingConcurrency >= 1 && plan.operatingConcurrency <= plan.sloConcurrency);
    QVERIFY(plan.sloConcurrency <= plan.memoryConcurrency);
}

double bestCost(const RecommendRequest &request)
{
    const RecommendResult result = recommend(request, options());
    return result.ranked.empty() ? INFINITY : result.ranked.front().cost.monthlyTotalUsd;
}

} // namespace

class TestRecommender : public QObject
{
    Q_OBJECT

private slots:
    void returnsOnlyFeasibleBuilds_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<double>("qps");
        QTest::newRow("R1-Distill-Qwen-7B at 4 req/s") << "deepseek-r1-distill-qwen-7b" << 4.0;
        QTest::newRow("Llama-3.1-70B at 1 req/s") << "llama-3.1-70b" << 1.0;
        QTest::newRow("DeepSeek-R1 at 2 req/s") << "deepseek-r1" << 2.0;
    }
    void returnsOnlyFeasibleBuilds()
    {
        QFETCH(QString, model);
        QFETCH(double, qps);
        const RecommendRequest r = request(model, qps);
        const RecommendResult result = recommend(r, options());
        QVERIFY2(!result.ranked.empty(), result.noCandidateReason.c_str());
        QVERIFY(result.noCandidateReason.empty());
        QVERIFY(result.layoutsEvaluated > 0);
        for (const Recommendation &rec : result.ranked) {
            QCOMPARE(rec.plans.size(), size_t(1));
            verifyFeasible(rec, r.loads.front(), rec.plans.front(), r);
            QCOMPARE(rec.gpus, rec.plans.front().replicas * rec.plans.front().gpusPerReplica);
            QVERIFY(rec.units * rec.option.gpusPerUnit >= rec.gpus);
        }
    }

    void firstIsTheCheapest()
    {
        for (const char *model : {"deepseek-r1-distill-qwen-7b", "llama-3.1-70b", "deepseek-r1"}) {
            for (RankBy by : {RankBy::MonthlyCost, RankBy::HorizonCash}) {
                RecommendRequest r = request(QString::fromLatin1(model), 2);
                r.rankBy = by;
                const RecommendResult result = recommend(r, options());
                QVERIFY(!result.ranked.empty());
                const auto cost = [&](const Recommendation &x) {
                    return by == RankBy::MonthlyCost ? x.cost.monthlyTotalUsd : x.cost.totalOverHorizonUsd;
                };
                for (const Recommendation &other : result.ranked)
                    QVERIFY(cost(result.ranked.front()) <= cost(other));
                QVERIFY(result.ranked.front().paretoOptimal);
            }
        }
    }

    void relaxingTheSloNeverRaisesTheBestCost()
    {
        for (const char *model : {"deepseek-r1-distill-qwen-7b", "llama-3.1-70b"}) {
            double previous = INFINITY;
            for (double tpot : {0.015, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2}) {
                const double cost = bestCost(request(QString::fromLatin1(model), 3, 2.0, tpot));
                QVERIFY2(cost <= previous, qPrintable(QStringLiteral("%1: TPOT %2 s costs %3, tighter cost %4")
                                                          .arg(model)
                                                          .arg(tpot)
                                                          .arg(cost)
                                                          .arg(previous)));
                previous = cost;
            }
            previous = INFINITY;
            for (double ttft : {0.2, 0.5, 1.0, 2.0, 5.0}) {
                const double cost = bestCost(request(QString::fromLatin1(model), 3, ttft, 0.05));
                QVERIFY(cost <= previous);
                previous = cost;
            }
        }
    }

    void capacityPlanningByHand()
    {
        RecommendRequest r = request("deepseek-r1-distill-qwen-7b", 10);
        const std::vector<HardwareOption> only{server("h100-sxm", 8, 25000, 60000)};
        const RecommendResult base = recommend(r, only);
        QVERIFY(!base.ranked.empty());
        // The cheapest build's plan: replicas = ceil(rate / per-replica rate within the SLO).
        const ReplicaPlan &plan = base.ranked.front().plans.front();
        const double perReplica = plan.capacityRequestsPerSecond / plan.replicas;
        QCOMPARE(plan.replicas, static_cast<int>(std::ceil(10 / perReplica - 1e-9)));

        // 1.5x peak, one spare replica and one spare server.
        r.capacity = CapacityPolicy{1.5, 1, 1};
        const RecommendResult padded = recommend(r, only);
        QVERIFY(!padded.ranked.empty());
        const Recommendation &cheapest = padded.ranked.front();
        const ReplicaPlan &p = cheapest.plans.front();
        const double perReplicaPadded = p.capacityRequestsPerSecond / (p.replicas - 1);
        QCOMPARE(p.replicas, static_cast<int>(std::ceil(15 / perReplicaPadded - 1e-9)) + 1);
        // Replicas of p.gpusPerReplica GPUs packed into 8-GPU servers, plus the spare.
        const int packed = (p.replicas * p.gpusPerReplica + 7) / 8;
        QCOMPARE(cheapest.units, packed + 1);
        // The cost is the cost model's for that many servers.
        const CostEstimate expected = onPremCost(repeated(only.front().unitBuild, cheapest.units), r.costs,
                                                 ServedTokens{10.0 * 500, 10.0 * 2000});
        QCOMPARE(cheapest.cost.capexUsd, expected.capexUsd);
        QCOMPARE(cheapest.cost.monthlyTotalUsd, expected.monthlyTotalUsd);
        QVERIFY(qFuzzyCompare(cheapest.cost.usdPerMillionOutputTokens, expected.usdPerMillionOutputTokens));
        QCOMPARE(cheapest.cost.capexUsd, cheapest.units * (8 * 25000.0 + 60000));
    }

    void severalModelsShareOneCluster()
    {
        RecommendRequest r = request("deepseek-r1-distill-qwen-7b", 4);
        ServiceLoad second = r.loads.front();
        second.model = builtinModel("llama-3.1-70b");
        second.requestsPerSecond = 1;
        r.loads.push_back(second);
        const RecommendResult result = recommend(r, options());
        QVERIFY2(!result.ranked.empty(), result.noCandidateReason.c_str());
        for (const Recommendation &rec : result.ranked) {
            QCOMPARE(rec.plans.size(), size_t(2));
            int gpus = 0;
            for (size_t i = 0; i < rec.plans.size(); ++i) {
                verifyFeasible(rec, r.loads[i], rec.plans[i], r);
                gpus += rec.plans[i].replicas * rec.plans[i].gpusPerReplica;
            }
            QCOMPARE(rec.gpus, gpus);
            // Replicas inside one unit pack without waste when their sizes divide the unit.
            bool inside = true;
            for (const ReplicaPlan &p : rec.plans)
                inside = inside && p.gpusPerReplica <= rec.option.gpusPerUnit
                         && rec.option.gpusPerUnit % p.gpusPerReplica == 0;
            if (inside)
                QCOMPARE(rec.units, (gpus + rec.option.gpusPerUnit - 1) / rec.option.gpusPerUnit);
        }
    }

    void constraintsAreHonoured()
    {
        RecommendRequest r = request("llama-3.1-70b", 1);
        r.constraints.cloud = false;
        r.constraints.vendors = {"nvidia"};
        r.constraints.minWeightBits = 8;
        const RecommendResult result = recommend(r, options());
        QVERIFY(!result.ranked.empty());
        QCOMPARE(result.ruledOut.filtered, 4); // the four cloud instances
        for (const Recommendation &rec : result.ranked) {
            QVERIFY(rec.option.placement == Placement::OnPrem);
            QVERIFY2(rec.plans.front().weightFormat != "awq-int4-g128", "INT4 weights were ruled out");
        }
        QVERIFY(!result.bestCloud && !result.breakEvenMonth);
    }

    void breakEvenOfTheBestOfEachSide()
    {
        const RecommendResult result = recommend(request("deepseek-r1", 2), options());
        QVERIFY(result.bestOnPrem && result.bestCloud);
        const Recommendation &onPrem = result.ranked[*result.bestOnPrem];
        const Recommendation &cloud = result.ranked[*result.bestCloud];
        QVERIFY(onPrem.option.placement == Placement::OnPrem);
        QVERIFY(cloud.option.placement == Placement::Cloud);
        for (size_t i = 0; i < *result.bestOnPrem; ++i)
            QVERIFY(result.ranked[i].option.placement == Placement::Cloud);
        QCOMPARE(result.breakEvenMonth, breakEvenMonth(onPrem.cost, cloud.cost));
    }

    void saysWhichConstraintRuledEverythingOut()
    {
        // Memory: Llama-3.1-405B in BF16 on two-GPU workstations that cannot be joined.
        RecommendRequest big = request("llama-3.1-405b", 1);
        big.weightFormats = {weightFormat("bf16")};
        HardwareOption lonely = server("rtx-4090", 2, 1600, 2000);
        lonely.between = {};
        RecommendResult result = recommend(big, {lonely});
        QVERIFY(result.ranked.empty());
        QVERIFY2(result.noCandidateReason.rfind("memory", 0) == 0, result.noCandidateReason.c_str());
        QVERIFY(result.ruledOut.memory > 0);

        // Latency: a 1 ms time per token is out of reach.
        result = recommend(request("llama-3.1-70b", 1, 2.0, 0.001), options());
        QVERIFY(result.ranked.empty());
        QVERIFY2(result.noCandidateReason.rfind("latency", 0) == 0, result.noCandidateReason.c_str());
        QVERIFY2(result.noCandidateReason.find("reaches TTFT") != std::string::npos, result.noCandidateReason.c_str());

        // Budget: 100 USD a month buys no 70B build.
        RecommendRequest poor = request("llama-3.1-70b", 1);
        poor.constraints.maxMonthlyUsd = 100;
        result = recommend(poor, options());
        QVERIFY(result.ranked.empty());
        QVERIFY2(result.noCandidateReason.rfind("budget", 0) == 0, result.noCandidateReason.c_str());
        QVERIFY(result.ruledOut.cheapestOverBudgetUsd > 100.0);

        // Constraints: no AMD GPU among the options.
        RecommendRequest amd = request("llama-3.1-70b", 1);
        amd.constraints.vendors = {"AMD"};
        result = recommend(amd, options());
        QVERIFY(result.ranked.empty());
        QVERIFY2(result.noCandidateReason.rfind("constraints", 0) == 0, result.noCandidateReason.c_str());

        // Scale: 10^300 requests per second would take more replicas than any
        // fleet the recommender plans (and once overflowed the replica count).
        result = recommend(request("llama-3.1-8b", 1e300), options());
        QVERIFY(result.ranked.empty());
        QVERIFY2(result.noCandidateReason.rfind("scale", 0) == 0, result.noCandidateReason.c_str());
        QVERIFY(result.ruledOut.scale > 0);
    }

    void fleetsStayWithinTheReplicaCap()
    {
        // A rate that some layouts serve within the cap and others not.
        const RecommendResult result = recommend(request("llama-3.1-8b", 5000), options());
        QVERIFY2(!result.ranked.empty(), result.noCandidateReason.c_str());
        QVERIFY(result.ruledOut.scale > 0);
        for (const Recommendation &rec : result.ranked)
            for (const ReplicaPlan &plan : rec.plans)
                QVERIFY(plan.replicas <= kMaxReplicasPerModel);
    }

    void unpricedHardwareIsNotRanked()
    {
        HardwareOption noGpuPrice = server("h100-sxm", 8, 25000, 60000);
        noGpuPrice.gpu.price.reset();
        HardwareOption noTierPrice = instance("h100-sxm", 8, 55.04);
        noTierPrice.hourlyUsd.reset();
        HardwareOption noHostPrice = server("h200", 8, 32000, 0);
        noHostPrice.unitBuild.lines.back().unitUsd.reset();
        const RecommendResult result = recommend(request("llama-3.1-70b", 1), {noGpuPrice, noTierPrice, noHostPrice});
        QCOMPARE(result.ruledOut.unpriced, 2);
        QVERIFY(!result.ranked.empty());
        for (const Recommendation &rec : result.ranked) {
            QCOMPARE(rec.option.id, noHostPrice.id);
            QVERIFY(rec.costIsLowerBound);
        }
    }

    void rejectsImpossibleRequests()
    {
        RecommendRequest r = request("llama-3.1-8b", 0);
        QVERIFY(!validate(r).empty());
        const RecommendResult result = recommend(r, options());
        QVERIFY(result.ranked.empty());
        QVERIFY(result.noCandidateReason.find("request rate") != std::string::npos);

        r = request("llama-3.1-8b", 1);
        r.loads.front().inputTokens = 200'000; // beyond the 131,072-token context
        QVERIFY(!validate(r).empty());
        r = request("llama-3.1-8b", 1, -1);
        QVERIFY(!validate(r).empty());
        r = request("llama-3.1-8b", 1);
        r.capacity.peakFactor = 0.5;
        QVERIFY(!validate(r).empty());
        r = request("llama-3.1-8b", 1);
        r.constraints.minWeightBits = 32;
        QVERIFY(!validate(r).empty());
        r = request("llama-3.1-8b", 1);
        r.constraints.onPrem = r.constraints.cloud = false;
        QVERIFY(!validate(r).empty());
        QVERIFY(!validate(RecommendRequest{}).empty());
    }
};

QTEST_APPLESS_MAIN(TestRecommender)
#include "test_recommender.moc"
