// How many full inference memory-fit evaluations one core does per second:
// per-GPU breakdown, fits, maximum concurrency and maximum context, over a mix
// of dense, GQA and MLA/MoE models and per-layer attention (gpt-oss's sliding
// and full layers, Qwen3-MoE, Qwen3-Next's linear attention, Nemotron-H's
// 118-letter Mamba pattern, DeepSeek-V3.2's sparse attention), while the
// context changes as a slider would.
// Target (issues "Foundation and sizing engine", "The models people deploy
// now"): at least 1,000,000 per second.

#include "core/hardware/gpuspec.h"
#include "core/memory/inferencememory.h"
#include "core/model/builtinmodels.h"

#include <QtTest>

#include <chrono>
#include <cstdio>
#include <vector>

class BenchMemoryFit : public QObject
{
    Q_OBJECT

private:
    static std::vector<planner::InferenceRequest> requests()
    {
        using namespace planner;
        std::vector<InferenceRequest> list;
        const struct {
            const char *model;
            const char *gpu;
            int gpus;
            const char *weights;
        } cases[] = {
            {"llama-3.1-8b", "rtx-4090", 1, "q4_k_m"},
            {"deepseek-r1-distill-qwen-32b", "a100-80gb", 1, "bf16"},
            {"llama-3.1-70b", "h100-sxm", 4, "fp8"},
            {"deepseek-r1", "h200", 8, "fp8-block"},
            {"mixtral-8x7b", "l40s", 2, "awq-int4-g128"},
            {"gpt-oss-120b", "h100-sxm", 1, "mxfp4-experts"},
            {"qwen3-235b-a22b", "h200", 8, "fp8-block"},
            {"qwen3-next-80b-a3b", "h200", 2, "bf16"},
            {"nemotron-h-56b", "h200", 2, "bf16"},
            {"deepseek-v3.2", "h200", 8, "fp8-block"},
            {"deepseek-v4-flash", "h200", 8, "fp8-block-fp4-experts"},
        };
        for (const auto &c : cases) {
            InferenceRequest r;
            r.model = *findBuiltinModel(c.model);
            r.gpu = *findBuiltinGpu(c.gpu);
            r.gpuCount = c.gpus;
            r.parallel.tensor = c.gpus;
            r.weights = *findWeightFormat(c.weights);
            r.kvCache = *findKvCacheFormat("bf16");
            r.engine = defaultEngineProfile();
            r.concurrency = 8;
            list.push_back(r);
        }
        return list;
    }

private slots:
    void fullEvaluation()
    {
        // A timed loop rather than QBENCHMARK: one run, one printed figure.
        std::vector<planner::InferenceRequest> list = requests();
        constexpr long long kRounds = 400'000;
        long long checksum = 0;
        long long evaluations = 0;
        const auto start = std::chrono::steady_clock::now();
        for (long long round = 0; round < kRounds; ++round) {
            for (planner::InferenceRequest &r : list) {
                r.context = 1024 + (evaluations * 977) % 30000; // a slider moving
                const planner::InferenceMemoryEstimate e = planner::estimateInferenceMemory(r);
                checksum += e.maxConcurrency + e.maxContext + (e.fits ? 1 : 0);
                ++evaluations;
            }
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("memory-fit evaluations: %lld in %.3f s = %.0f per second on one core (checksum %lld)\n",
                    evaluations, seconds, static_cast<double>(evaluations) / seconds, checksum);
        QVERIFY(checksum > 0);
    }
};

QTEST_APPLESS_MAIN(BenchMemoryFit)
#include "bench_memoryfit.moc"
