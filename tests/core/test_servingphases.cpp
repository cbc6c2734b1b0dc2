// Prefill/decode disaggregation and the prefix cache in the performance
// model: one side of a pair alone, the pair with its KV transfer, and the
// prompt tokens a cache hit saves. Each expectation is worked out from the
// step costs the model reports, so it checks how they combine, not the
// calibrated factors.

#include "core/perf/perfmodel.h"
#include "core/resolve/deployment.h"
#include "core/resolve/verdict.h"
#include "core/topology/cluster.h"
#include "support/enginetestsupport.h"

#include <QtTest>

#include <cmath>

using namespace planner;
using namespace planner::testing;

namespace {

PerfRequest llama70b(int gpus)
{
    PerfRequest r;
    r.deployment.model = builtinModel(QStringLiteral("llama-3.1-70b"));
    r.deployment.gpu = builtinGpu(QStringLiteral("h100-sxm"));
    r.deployment.gpuCount = gpus;
    r.deployment.parallel.tensor = gpus;
    r.deployment.weights = weightFormat(QStringLiteral("fp8"));
    r.deployment.kvCache = kvFormat(QStringLiteral("fp8"));
    r.deployment.engine = engineProfile(QStringLiteral("vllm"));
    r.links = singleServerLinks(r.deployment.gpu);
    r.inputTokens = 2000;
    r.outputTokens = 200;
    r.concurrency = 64;
    return r;
}

// Decode on `request`'s GPUs, prompts on `prefillGpus` more of the same kind.
PerfRequest withPrefillPool(PerfRequest request, int prefillGpus, const LinkPath &link)
{
    InferenceRequest pool = request.deployment;
    pool.gpuCount = prefillGpus;
    pool.parallel.tensor = prefillGpus;
    request.prefillPool = std::make_shared<const PrefillPool>(PrefillPool{pool, request.links, link});
    request.phases = ServingPhases::DecodeOnly;
    return request;
}

double seconds(units::Seconds s)
{
    return units::inSeconds(s);
}

bool near(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a / b - 1) < tolerance;
}

QByteArray pair(double a, double b)
{
    return QByteArray::number(a) + " vs " + QByteArray::number(b);
}

const LinkPath kInfiniBand{units::gigabytesPerSecond(50), units::seconds(10e-6)};

} // namespace

class TestServingPhases : public QObject
{
    Q_OBJECT

private slots:
    void aDecodePoolCarriesNoPrompts()
    {
        // Colocated, each decode step also carries a share of the other
        // sequences' prefills; a decode pool's step is the decode alone, and
        // its throughput is the sequences over that step.
        PerfRequest both = llama70b(4);
        PerfRequest decode = both;
        decode.phases = ServingPhases::DecodeOnly;
        const PerfEstimate b = estimatePerformance(both);
        const PerfEstimate d = estimatePerformance(decode);
        QVERIFY(b.fits && d.fits);
        QVERIFY2(seconds(d.nominal.tpot) < seconds(b.nominal.tpot),
                 pair(seconds(d.nominal.tpot), seconds(b.nominal.tpot)));
        QVERIFY(near(seconds(d.nominal.tpot), seconds(d.decode.time)));
        QVERIFY(near(d.nominal.outputTokensPerSecond, 64 / seconds(d.decode.time)));
        QVERIFY(d.nominal.outputTokensPerSecond > b.nominal.outputTokensPerSecond);
    }

    void aPrefillPoolServesRequests()
    {
        // Each request's prompt and first token: requests/s is the batch over
        // its prefill, and no decode step is taken.
        PerfRequest prefill = llama70b(4);
        prefill.phases = ServingPhases::PrefillOnly;
        prefill.outputTokens = 1;
        const PerfEstimate p = estimatePerformance(prefill);
        QVERIFY(p.fits);
        QCOMPARE(seconds(p.nominal.tpot), 0.0);
        QVERIFY(near(p.nominal.inputTokensPerSecond, p.nominal.outputTokensPerSecond * 2000));
        const Efficiency nominal = efficiencyRange(prefill).nominal;
        const double batch = seconds(prefillStep(prefill, 2000, nominal).time);
        QVERIFY2(p.nominal.outputTokensPerSecond > 1 / batch, "a batch of prompts beats one at a time");
        QVERIFY(near(seconds(p.nominal.ttft), nominal.requestSeconds + batch));
        // A prefill pool decodes nothing, so it drafts nothing.
        prefill.speculative = {DraftKind::Ngram, 2, 2.0};
        QVERIFY(anyConcerns(validate(prefill), "speculative"));
    }

    void aPairAddsTheTransferAndServesAtTheSlowerPool()
    {
        // The pair's first token: the prompt on the prefill pool, its KV cache
        // over the link, then a decode step; its time per token is the decode
        // pool's; its rate the slower pool's.
        const PerfRequest paired = withPrefillPool(llama70b(4), 4, kInfiniBand);
        QVERIFY2(validate(paired).empty(), joinedMessages(validate(paired)));
        const PerfEstimate e = estimatePerformance(paired);
        QVERIFY(e.fits);

        PerfRequest decodeSide = paired;
        decodeSide.prefillPool.reset();
        const PerfEstimate decode = estimatePerformance(decodeSide);
        PerfRequest prefillSide = prefillPoolRequest(paired);
        prefillSide.concurrency = saturatedConcurrency(prefillSide);
        const PerfEstimate prefill = estimatePerformance(prefillSide);
        const StepCostModel pool(prefillSide, Efficiency{}, 2001, prefillSide.concurrency);
        const double kvBytes = 2000 * units::inBytes(pool.shape().memory.kvPerToken);
        const double transfer = kvBytes / 50e9 + 10e-6;
        QVERIFY(near(kvTransferSeconds(pool, kInfiniBand, 2000), transfer));
        QVERIFY2(
            near(seconds(e.nominal.ttft), seconds(prefill.nominal.ttft) + transfer + seconds(decode.nominal.ttft)),
            pair(seconds(e.nominal.ttft), seconds(prefill.nominal.ttft) + transfer + seconds(decode.nominal.ttft)));
        QVERIFY(near(seconds(e.nominal.tpot), seconds(decode.nominal.tpot)));
        const double requests = std::min(decode.nominal.outputTokensPerSecond / 200,
                                         prefill.nominal.outputTokensPerSecond);
        QVERIFY(near(e.nominal.outputTokensPerSecond, requests * 200));

        // One GPU of prefill for eight of decode at long prompts: the
        // prefill pool sets the rate.
        PerfRequest starved = llama70b(8);
        starved.inputTokens = 8000;
        starved.concurrency = 256;
        starved = withPrefillPool(starved, 2, kInfiniBand);
        PerfRequest starvedPool = prefillPoolRequest(starved);
        starvedPool.concurrency = saturatedConcurrency(starvedPool);
        const double poolRequests = estimatePerformance(starvedPool).nominal.outputTokensPerSecond;
        QVERIFY(near(estimatePerformance(starved).nominal.outputTokensPerSecond, poolRequests * 200));
    }

    void aBadPairIsRefusedWithItsReason()
    {
        PerfRequest r = withPrefillPool(llama70b(4), 4, LinkPath{});
        QVERIFY(anyConcerns(validate(r), "network"));
        r = withPrefillPool(llama70b(4), 4, kInfiniBand);
        r.phases = ServingPhases::Both;
        QVERIFY(anyConcerns(validate(r), "phases"));
        r = withPrefillPool(llama70b(4), 4, kInfiniBand);
        PrefillPool other = *r.prefillPool;
        other.deployment.model = builtinModel(QStringLiteral("llama-3.1-8b"));
        r.prefillPool = std::make_shared<const PrefillPool>(other);
        QVERIFY(anyConcerns(validate(r), "model"));
        // A pool too small for the model's weights is named as the prefill pool's problem.
        r = withPrefillPool(llama70b(4), 1, kInfiniBand);
        PrefillPool tiny = *r.prefillPool;
        tiny.deployment.weights = weightFormat(QStringLiteral("bf16"));
        r.prefillPool = std::make_shared<const PrefillPool>(tiny);
        const PerfEstimate e = estimatePerformance(r);
        QVERIFY(!e.fits);
        QCOMPARE(e.nominal.outputTokensPerSecond, 0.0);
    }

    void aClusterSplitsIntoPools()
    {
        // Two servers of eight H100 over InfiniBand: the first server
        // computes prompts, the second decodes, and the caches cross the
        // network; four and four in one server send them over NVLink.
        const GpuSpec h100 = builtinGpu(QStringLiteral("h100-sxm"));
        const PerfLinks inside = singleServerLinks(h100);
        const Cluster two = clusterOfServers(h100, 16, 8, inside, kInfiniBand);
        const ClusterPools split = splitCluster(two, 8);
        QCOMPARE(split.prefill.gpuCount, 8);
        QCOMPARE(split.prefill.servers, 1);
        QCOMPARE(split.decode.gpuCount, 8);
        QCOMPARE(split.decode.servers, 1);
        QVERIFY(near(units::inGBPerSecond(split.kvTransfer.bandwidth), 50));
        // The one-server pools use the server's own path for every group.
        QVERIFY(near(units::inGBPerSecond(split.decode.dataParallel.bandwidth),
                     units::inGBPerSecond(inside.tensorParallel.bandwidth)));
        const ClusterPools shared = splitCluster(clusterOfServers(h100, 8, 8, inside, kInfiniBand), 4);
        QVERIFY(near(units::inGBPerSecond(shared.kvTransfer.bandwidth),
                     units::inGBPerSecond(inside.tensorParallel.bandwidth)));
        // Twelve decode GPUs after a pool of four still span two servers.
        QCOMPARE(splitCluster(two, 4).decode.servers, 2);
    }

    void aDeploymentResolvesItsPrefillPool()
    {
        const GpuSpec h100 = builtinGpu(QStringLiteral("h100-sxm"));
        const Cluster two = clusterOfServers(h100, 16, 8, singleServerLinks(h100), kInfiniBand);
        const ModelSpec llama = builtinModel(QStringLiteral("llama-3.1-70b"));
        DeploymentSettings settings;
        settings.weightFormat = "fp8";
        settings.speculative = "eagle";
        settings.prefillPool.gpus = 8;
        settings.prefillPool.tensorParallel = 4;
        const ResolvedDeployment r = resolveDeployment(llama, two, settings, WorkloadShape{2000, 200, 0});
        QVERIFY2(r.ok(), joinedMessages(r.problems));
        QVERIFY(r.request.prefillPool);
        QVERIFY(r.request.phases == ServingPhases::DecodeOnly);
        QCOMPARE(r.request.deployment.gpuCount, std::int64_t{8});
        QCOMPARE(r.request.deployment.parallel.tensor, 8); // automatic: the decode pool's server
        QVERIFY(r.request.speculative.kind == DraftKind::Eagle);
        const InferenceRequest &pool = r.request.prefillPool->deployment;
        QCOMPARE(pool.gpuCount, std::int64_t{8});
        QCOMPARE(pool.parallel.tensor, 4);
        QCOMPARE(pool.context, std::int64_t{2001}); // a prompt and its first token
        QVERIFY(near(units::inGBPerSecond(r.request.prefillPool->kvTransfer.bandwidth), 50));
        QVERIFY2(validate(r.request).empty(), joinedMessages(validate(r.request)));

        // Each problem names the input at fault.
        DeploymentSettings bad = settings;
        bad.prefillPool.gpus = 16;
        QVERIFY(anyConcerns(resolveDeployment(llama, two, bad, WorkloadShape{2000, 200, 0}).problems, "prefill-gpus"));
        bad = settings;
        bad.prefillPool.tensorParallel = 16;
        const std::vector<Problem> tooWide = resolveDeployment(llama, two, bad, WorkloadShape{2000, 200, 0}).problems;
        QVERIFY(anyConcerns(tooWide, "prefill-tp"));
        QVERIFY2(tooWide.front().message.text().rfind("prefill pool: ", 0) == 0, joinedMessages(tooWide));
    }

    void theVerdictJudgesThePair()
    {
        // The verdict's search reads the pair's point: what
        // estimatePerformance reports at the same concurrency.
        const GpuSpec h100 = builtinGpu(QStringLiteral("h100-sxm"));
        const Cluster cluster = clusterOfServers(h100, 9, 8, singleServerLinks(h100), kInfiniBand);
        DeploymentSettings settings;
        settings.weightFormat = "fp8";
        settings.prefillPool.gpus = 1; // one GPU of prompts for eight of decode
        PerfRequest r = resolveDeployment(builtinModel(QStringLiteral("llama-3.1-8b")), cluster, settings,
                                          WorkloadShape{8000, 200, 0})
                            .request;
        const StepCostModel model(r, efficiencyRange(r).nominal, 8200, 1);
        r.concurrency = 64;
        const PerfEstimate e = estimatePerformance(r);
        QVERIFY(e.fits);
        QVERIFY2(near(model.point(64).outputTokensPerSecond, e.nominal.outputTokensPerSecond),
                 pair(model.point(64).outputTokensPerSecond, e.nominal.outputTokensPerSecond));
        QVERIFY(near(seconds(model.point(64).ttft), seconds(e.nominal.ttft)));
        const double poolRate = *model.prefillPoolRequestsPerSecond();
        QVERIFY(poolRate > 0);

        // A rate beyond the pool's prompts per second is the pool's shortfall.
        r.deployment.context = 8200;
        const ServingJudgement j = judgeServing(r, estimateInferenceMemory(r.deployment),
                                                ServingTarget{true, poolRate * 1.5, 1, 60, 1});
        QCOMPARE(j.verdict.code, std::string("prefill-throughput"));
        QVERIFY(j.verdict.serves == Answer::No);
    }

    void aPrefixCacheHitSavesPromptCompute()
    {
        // Half the prompt cached: the prefill computes the other half (which
        // still attends to all of it), so the first token comes sooner, and
        // the last prompt token is always computed.
        PerfRequest cold = llama70b(4);
        cold.concurrency = 1;
        PerfRequest warm = cold;
        warm.prefixCacheHitRate = 0.5;
        const double coldTtft = seconds(estimatePerformance(cold).nominal.ttft);
        const double warmTtft = seconds(estimatePerformance(warm).nominal.ttft);
        QVERIFY2(warmTtft < 0.7 * coldTtft && warmTtft > 0.3 * coldTtft, pair(warmTtft, coldTtft));
        QCOMPARE(cachedPromptTokens(0.5, 2000), std::int64_t{1000});
        QCOMPARE(cachedPromptTokens(0.9999, 2000), std::int64_t{1999});
        QCOMPARE(cachedPromptTokens(0.5, 1), std::int64_t{0});
        for (double bad : {-0.1, 1.0, std::nan("")}) {
            warm.prefixCacheHitRate = bad;
            QVERIFY2(anyConcerns(validate(warm), "prefix-hit"), QByteArray::number(bad));
        }
    }
};

QTEST_APPLESS_MAIN(TestServingPhases)
#include "test_servingphases.moc"
