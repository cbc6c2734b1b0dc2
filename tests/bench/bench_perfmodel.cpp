// How many analytical step estimates one core does per second (a decode step
// cost, as the simulator and the build search call it), and how many full
// estimates (TTFT, TPOT and tokens/s with their ranges).
// Target (issue "Performance model and serving simulation"): at least
// 1,000,000 analytical estimates per second.

#include "core/hardware/gpuspec.h"
#include "core/model/builtinmodels.h"
#include "core/perf/perfmodel.h"

#include <QtTest>

#include <chrono>
#include <cstdio>

class BenchPerfModel : public QObject
{
    Q_OBJECT

private:
    static planner::PerfRequest request(const char *model, const char *gpu, int gpus, const char *weights)
    {
        using namespace planner;
        PerfRequest r;
        r.deployment.model = *findBuiltinModel(model);
        r.deployment.gpu = *findBuiltinGpu(gpu);
        r.deployment.gpuCount = gpus;
        r.deployment.parallel.tensor = gpus;
        r.deployment.weights = *findWeightFormat(weights);
        r.deployment.kvCache = *findKvCacheFormat("bf16");
        r.deployment.engine = defaultEngineProfile();
        r.links = singleServerLinks(r.deployment.gpu);
        return r;
    }

    template <typename Work>
    static double timed(const char *what, long long count, Work work)
    {
        double checksum = 0;
        const auto start = std::chrono::steady_clock::now();
        for (long long i = 0; i < count; ++i)
            checksum += work(i);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("%s: %lld in %.3f s = %.0f per second on one core (checksum %.3g)\n", what, count, seconds,
                    static_cast<double>(count) / seconds, checksum);
        return checksum;
    }

private slots:
    void estimates()
    {
        const planner::PerfRequest requests[] = {
            request("llama-3.1-8b", "h100-sxm", 1, "bf16"),
            request("llama-3.1-70b", "h100-sxm", 4, "fp8"),
            request("deepseek-r1", "h200", 8, "fp8-block"),
        };
        const planner::Efficiency nominal;
        const double steps = timed("decode-step estimates", 600'000, [&](long long i) {
            const planner::PerfRequest &r = requests[i % 3];
            return planner::units::inSeconds(planner::decodeStep(r, 1 + i % 64, 1000 + i % 4000, nominal).time);
        });
        const double full = timed("full performance estimates", 60'000, [&](long long i) {
            planner::PerfRequest r = requests[i % 3];
            r.concurrency = 1 + i % 32;
            return planner::estimatePerformance(r).nominal.outputTokensPerSecond;
        });
        QVERIFY(steps > 0 && full > 0);
    }
};

QTEST_APPLESS_MAIN(BenchPerfModel)
#include "bench_perfmodel.moc"
