// Hybrid layer stacks and sparse attention: Qwen3-Next and Qwen3.5 (Gated
// DeltaNet), MiniMax-M1 (lightning attention), Nemotron-H (Mamba-2 with
// mixer-only and MLP-only layers), DeepSeek-V3.2 and GLM-5 (DeepSeek Sparse
// Attention); and GLM-4.5 / 4.6, whose checkpoints check the MTP layouts. Counts are checked against checkpoint totals
// to the last parameter; state and cache bytes against the engines' own shape formulas and a published LMCache log.

#include "support/enginetestsupport.h"

#include "core/memory/cacheexplanation.h"
#include "core/memory/inferencememory.h"
#include "core/model/hybridpattern.h"
#include "core/model/parametercount.h"
#include "core/model/weightbytes.h"
#include "core/perf/perfmodel.h"

#include <QtTest>

#include <cmath>

using namespace planner;
using namespace planner::testing;

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

InferenceRequest servingRequest(const QString &model, const QString &engine, std::int64_t context)
{
    InferenceRequest r;
    r.model = builtinModel(model);
    r.weights = weightFormat(QStringLiteral("bf16"));
    r.kvCache = kvFormat(QStringLiteral("bf16"));
    r.engine = engineProfile(engine);
    r.gpu = builtinGpu(QStringLiteral("h200"));
    r.gpuCount = 8;
    r.parallel.tensor = 8;
    r.context = context;
    return r;
}

} // namespace

class TestHybridLayers : public QObject
{
    Q_OBJECT

private slots:
    // Every parameter the published checkpoint stores (language model, MTP
    // module, vision encoder), exactly. The figures are the Hugging Face Hub's
    // safetensors totals (huggingface.co/api/models/<repo>, "safetensors.total"),
    // read as quoted in third-party model listings and weight dumps on GitHub
    // (collected 2026-12-05; see tests/fixtures/hf/<model>/SOURCE.md). Each
    // agrees to the last parameter with the count derived here from config.json
    // alone, which no rounding could produce by chance.
    void checkpointTotals_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<qint64>("checkpoint");
        // Qwen3-Next-80B-A3B-Instruct/-Thinking: 81,324,862,720 (BF16; the index
        // total_size 162,649,725,440 bytes is twice that): the 48-layer model and
        // the mtp.* module its config does not mention.
        QTest::newRow("Qwen3-Next-80B-A3B") << "qwen3-next-80b-a3b" << Q_INT64_C(81'324'862'720);
        // Qwen3.5-35B-A3B: 35,951,822,704 (index total_size 71,903,645,408 bytes,
        // BF16), vision tower and MTP included.
        QTest::newRow("Qwen3.5-35B-A3B") << "qwen3.5-35b-a3b" << Q_INT64_C(35'951'822'704);
        // DeepSeek-V3.2 (revision a7e62ac0): 685,396,921,376 indexed elements
        // of which 41,591,584 are FP32 block scales, i.e. 685,355,329,792
        // parameters (the figure listings give without scales).
        QTest::newRow("DeepSeek-V3.2") << "deepseek-v3.2" << Q_INT64_C(685'355'329'792);
        // zai-org/GLM-5: 753,864,139,008; its MTP layer has no embedding or head copy.
        QTest::newRow("GLM-5") << "glm-5" << Q_INT64_C(753'864'139'008);
        // MiniMax-M1-40k/80k: 456,089,655,296 (no MTP, no vision).
        QTest::newRow("MiniMax-M1") << "minimax-m1" << Q_INT64_C(456'089'655'296);
        // zai-org/GLM-4.5: 358,337,791,296 and GLM-4.5-Air: 110,468,824,832
        // (MTP with its own embedding and head); GLM-4.6: 356,785,898,816
        // (MTP without them). GLM-4.5's 256 extra parameters per layer over
        // the Air's shape are its q_norm and k_norm (use_qk_norm).
        QTest::newRow("GLM-4.5") << "glm-4.5" << Q_INT64_C(358'337'791'296);
        QTest::newRow("GLM-4.5-Air") << "glm-4.5-air" << Q_INT64_C(110'468'824'832);
        QTest::newRow("GLM-4.6") << "glm-4.6" << Q_INT64_C(356'785'898'816);
        // zai-org/GLM-4.7 (config: tests/fixtures/hf/GLM-4.7, revision 602d01ef):
        // 358,337,791,296 as quoted from the Hub in third-party listings; its
        // MTP layer sits in its own file with an embedding and head copy.
        QTest::newRow("GLM-4.7") << "glm-4.7" << Q_INT64_C(358'337'791'296);
        // nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16: llama.cpp's GGUF n_params
        // 31,577,940,288 (every stored tensor); the safetensors index's
        // total_parameters, 31,577,937,344, leaves out the 23 x 128 float32
        // e_score_correction_bias buffers it also stores (total_size
        // 63,155,886,464 = 2 x 31,577,937,344 + 4 x 2,944; derivations/nemotron-3-nano.md).
        QTest::newRow("Nemotron 3 Nano") << "nemotron-3-nano-30b-a3b" << Q_INT64_C(31'577'940'288);
    }

    void checkpointTotals()
    {
        QFETCH(QString, id);
        QFETCH(qint64, checkpoint);
        QCOMPARE(qint64(countParameters(builtinModel(id)).checkpoint()), checkpoint);
    }

    // The publishers' rounded figures: Qwen3-Next card "80B in total and 3B
    // activated, 79B non-embedding"; Qwen3.5 card "397B total, ~17B active";
    // MiniMax-M1 README "456 billion parameters with 45.9 billion activated";
    // GLM-5 technical report table "744B total, 40B activated"; DeepSeek-V3.2
    // "685B". Active figures without embedding and head unless noted.
    void publishedRoundedCounts()
    {
        const auto billions = [](std::int64_t n) { return static_cast<double>(n) / 1e9; };
        const auto nonEmbedding = [](const ParameterBreakdown &p, std::int64_t n) { return n - p.embedding - p.head; };

        const ParameterBreakdown next = countParameters(builtinModel(QStringLiteral("qwen3-next-80b-a3b")));
        QCOMPARE(qRound(billions(next.total())), 80);
        QCOMPARE(qRound(billions(nonEmbedding(next, next.total()))), 79);
        QCOMPARE(qRound(billions(nonEmbedding(next, next.active()))), 3);

        const ParameterBreakdown large = countParameters(builtinModel(QStringLiteral("qwen3.5-397b-a17b")));
        QCOMPARE(qRound(billions(large.total() + large.vision)), 397); // 396.80 without MTP
        QCOMPARE(qRound(billions(large.active())), 17);                // 17.35 with embeddings

        const ParameterBreakdown minimax = countParameters(builtinModel(QStringLiteral("minimax-m1")));
        QCOMPARE(qRound(billions(minimax.total())), 456);
        QCOMPARE(qRound(billions(nonEmbedding(minimax, minimax.active())) * 10), 459); // 45.94

        const ParameterBreakdown glm = countParameters(builtinModel(QStringLiteral("glm-5")));
        QCOMPARE(qRound(billions(glm.total())), 744);
        QCOMPARE(qRound(billions(nonEmbedding(glm, glm.active()))), 40);

        QCOMPARE(qRound(billions(countParameters(builtinModel(QStringLiteral("deepseek-v3.2"))).totalWithMtp())), 685);

        // Nemotron 3 Nano technical report (arXiv 2512.20848, section 1): "totals
        // 31.6B parameters out of which only 3.2B are activated per forward pass
        // (3.6B including embeddings)": its "embeddings" is the input table alone.
        const ParameterBreakdown nano = countParameters(builtinModel(QStringLiteral("nemotron-3-nano-30b-a3b")));
        QCOMPARE(qRound(billions(nano.total()) * 10), 316);
        QCOMPARE(qRound(billions(nano.active() - nano.embedding) * 10), 32);
        QCOMPARE(qRound(billions(nano.active()) * 10), 36);
        QCOMPARE(qint64(nano.active()), Q_INT64_C(3'580'076'352)); // derivations/nemotron-3-nano.md
    }

    // Nemotron 3 Nano's expert layer by hand (NemotronHMoE in transformers
    // models/nemotron_h): a norm, the router (128 x 2688) with its score bias,
    // 128 two-matrix experts of 1856 and one shared expert of 3712.
    void nemotronExpertLayerByHand()
    {
        const ModelSpec spec = builtinModel(QStringLiteral("nemotron-3-nano-30b-a3b"));
        const ParameterBreakdown p = countParameters(spec);
        QCOMPARE(qint64(p.layers.mixers.stateSpace), qint64(23));
        QCOMPARE(qint64(p.layers.mixers.full), qint64(6));
        QCOMPARE(qint64(p.layers.feedForward.experts), qint64(23));
        constexpr std::int64_t h = 2688;
        constexpr std::int64_t layer = h + 128 * (h + 1) + 2 * 128 * 1856 * h + 2 * h * 3712;
        QCOMPARE(qint64(p.moeBlock.total()), qint64(layer));
        QCOMPARE(qint64(layer), Q_INT64_C(1'297'468'160));
    }

    // MiniMax-M1's model.safetensors.index.json (MiniMax-AI/MiniMax-M1 at
    // 2abb4f45, metadata.total_size) is 912,210,767,872 bytes: BF16 weights
    // with each layer's router (32 x 6144) kept in FP32, which vLLM's
    // minimax_text_01.py also loads in FP32.
    void minimaxCheckpointBytes()
    {
        const ModelSpec spec = builtinModel(QStringLiteral("minimax-m1"));
        const ParameterBreakdown p = countParameters(spec);
        const double bf16 = units::inBytes(checkpointBytes(spec, weightFormat(QStringLiteral("bf16"))));
        QCOMPARE(qint64(p.routers()), qint64(80 * 32 * 6144));
        QCOMPARE(qint64(bf16) + 2 * p.routers(), Q_INT64_C(912'210'767'872));
    }

    // Nemotron-H 56B has no published exact count; its parts by hand from
    // NemotronHMamba2Mixer / NemotronHAttention / NemotronHMLP (transformers
    // models/nemotron_h) and config.json: hidden 8192, 256 Mamba heads of 64,
    // state 256, 8 groups, kernel 4 (conv bias), attention 64 heads / 8 KV of
    // 128, MLP 32768 (up and down, squared ReLU), vocab 131072 untied.
    void nemotronHByHand()
    {
        const ModelSpec spec = builtinModel(QStringLiteral("nemotron-h-56b"));
        const ParameterBreakdown p = countParameters(spec);
        QCOMPARE(qint64(p.layers.mixers.stateSpace), qint64(54));
        QCOMPARE(qint64(p.layers.mixers.full), qint64(10));
        QCOMPARE(qint64(p.layers.mixers.none), qint64(54));
        QCOMPARE(qint64(p.layers.feedForward.dense), qint64(54));
        QCOMPARE(qint64(p.layers.feedForward.none), qint64(64));

        constexpr std::int64_t h = 8192;
        constexpr std::int64_t inner = 256 * 64;                  // 16384
        constexpr std::int64_t conv = inner + 2 * 8 * 256;        // x, B, C: 20480
        constexpr std::int64_t inProj = h * (inner + conv + 256); // z, xBC, dt
        constexpr std::int64_t mamba = h + inProj + conv * 4 + conv + 3 * 256 + inner + inner * h;
        constexpr std::int64_t attention = h + h * 8192 + 2 * h * 1024 + 8192 * h;
        constexpr std::int64_t mlp = h + 2 * h * 32768;
        QCOMPARE(qint64(p.stateSpaceMixer.total()), qint64(mamba));
        QCOMPARE(qint64(p.attentionMixer.total()), qint64(attention));
        QCOMPARE(qint64(p.denseBlock.total()), qint64(mlp));
        const std::int64_t total = 2 * 131072 * h + h + 54 * mamba + 10 * attention + 54 * mlp;
        QCOMPARE(qint64(p.total()), qint64(total));
        QCOMPARE(qRound(static_cast<double>(total) / 1e9), 56);
    }

    // Nemotron-H's pattern letters map to one mixer or one MLP per layer, and
    // the stored period reproduces the 118 letters.
    void hybridPatternLetters()
    {
        const std::optional<HybridLayerPatterns> p = hybridLayerPatterns("M-M*-M-M*-");
        QVERIFY(p);
        QCOMPARE(QString::fromStdString(p->layerPattern), QStringLiteral("M-MF-"));
        QCOMPARE(QString::fromStdString(p->ffnPattern), QStringLiteral("-D--D"));
        QCOMPARE(QString::fromStdString(hybridLayerPatterns("M-M-M-")->layerPattern), QStringLiteral("M-"));
        const std::optional<HybridLayerPatterns> experts = hybridLayerPatterns("MEM*E");
        QCOMPARE(QString::fromStdString(experts->layerPattern), QStringLiteral("M-MF-"));
        QCOMPARE(QString::fromStdString(experts->ffnPattern), QStringLiteral("-E--E"));
        char bad = 0;
        QVERIFY(!hybridLayerPatterns("M-X", &bad));
        QCOMPARE(bad, 'X');
    }

    // A Gated DeltaNet layer holds, per sequence, its recurrent state (value
    // heads x key dim x value dim) and the convolution's last kernel - 1 inputs
    // over q, k and v; both split over tensor-parallel ranks (vLLM
    // mamba_utils.py gated_delta_net_state_shape; SGLang Mamba2StateShape). vLLM
    // keeps the state in the model dtype, SGLang in float32 (conv in BF16);
    // Qwen3.5's config asks for float32 (mamba_ssm_dtype), which vLLM honours.
    void gatedDeltaNetStatePerSequence()
    {
        constexpr double layers = 36; // linear-attention layers of Qwen3-Next's 48
        constexpr double state = 32.0 * 128 * 128;
        constexpr double conv = (2 * 16 * 128 + 32 * 128) * 3.0;
        const InferenceMemoryEstimate vllm = estimateInferenceMemory(
            servingRequest(QStringLiteral("qwen3-next-80b-a3b"), QStringLiteral("vllm"), 4096));
        QCOMPARE(units::inBytes(vllm.statePerSequence), layers * (state * 2 + conv * 2) / 8);
        const InferenceMemoryEstimate sglang = estimateInferenceMemory(
            servingRequest(QStringLiteral("qwen3-next-80b-a3b"), QStringLiteral("sglang"), 4096));
        QCOMPARE(units::inBytes(sglang.statePerSequence), layers * (state * 4 + conv * 2) / 8);
        const InferenceMemoryEstimate qwen35 = estimateInferenceMemory(
            servingRequest(QStringLiteral("qwen3.5-35b-a3b"), QStringLiteral("vllm"), 4096));
        QCOMPARE(units::inBytes(qwen35.statePerSequence), 30 * (state * 4 + conv * 2) / 8);
    }

    // Mamba-2: heads x head_dim x state_size plus (inner + 2 groups x state) x
    // (kernel - 1) convolution inputs; Nemotron-H's state is float32
    // (NemotronHConfig.mamba_ssm_cache_dtype). 54 layers at TP 8.
    void mambaStatePerSequence()
    {
        const InferenceMemoryEstimate e = estimateInferenceMemory(
            servingRequest(QStringLiteral("nemotron-h-56b"), QStringLiteral("vllm"), 4096));
        constexpr double state = 256.0 * 64 * 256;
        constexpr double conv = (16384.0 + 2 * 8 * 256) * 3;
        QCOMPARE(units::inBytes(e.statePerSequence), 54 * (state * 4 + conv * 2) / 8);
        // Only the ten attention layers hold a KV cache: K and V of one of the
        // 8 KV heads per rank at TP 8, 128 wide, BF16.
        QCOMPARE(units::inBytes(e.kvPerToken), 10 * 2.0 * 128 * 2);
    }

    // Lightning attention: one heads x dim x dim state per layer, in the model
    // dtype in vLLM (linear_attention_state_dtype; float32 is refused there).
    void lightningStatePerSequence()
    {
        const InferenceMemoryEstimate e = estimateInferenceMemory(
            servingRequest(QStringLiteral("minimax-m1"), QStringLiteral("vllm"), 4096));
        QCOMPARE(units::inBytes(e.statePerSequence), 70 * 64.0 * 128 * 128 * 2 / 8);
    }

    // llama.cpp's log for Qwen3.6-35B-A3B, the Gated DeltaNet geometry of
    // Qwen3.5-35B-A3B and Qwen3-Next (30 GDN layers of 32 value x 16 key heads
    // of 128, kernel 4; 10 attention layers of 2 KV heads x 256), n_ctx 32768,
    // F16 cache: "llama_kv_cache: size = 640.00 MiB ( 32768 cells, 10 layers,
    // 1/1 seqs)" and "llama_memory_recurrent: size = 62.81 MiB ... R (f32):
    // 2.81 MiB, S (f32): 60.00 MiB" (a published llama-server report, code
    // index id 60824103497). Qwen3-Next's 36 GDN layers hold 36/30 of that state.
    void llamaCppRecurrentStateLog()
    {
        InferenceRequest r = servingRequest(QStringLiteral("qwen3.5-35b-a3b"), QStringLiteral("llama.cpp"), 32768);
        r.kvCache = kvFormat(QStringLiteral("fp16"));
        r.gpuCount = 1;
        r.parallel.tensor = 1;
        const InferenceMemoryEstimate e = estimateInferenceMemory(r);
        constexpr double kMiB = 1024.0 * 1024.0;
        QCOMPARE(units::inBytes(e.statePerSequence) / kMiB, 60.0 + 2.8125);
        QCOMPARE(units::inBytes(e.perGpu.kvCache) / kMiB, 640.0 + 60.0 + 2.8125);

        InferenceRequest next = r;
        next.model = builtinModel(QStringLiteral("qwen3-next-80b-a3b"));
        QCOMPARE(units::inBytes(estimateInferenceMemory(next).statePerSequence) / kMiB, (60.0 + 2.8125) * 36 / 30);
    }

    // Property: recurrent state does not grow with the context; only the
    // full-attention layers' cache does, linearly.
    void recurrentStateDoesNotGrow()
    {
        for (const char *id : {"qwen3-next-80b-a3b", "nemotron-h-56b", "nemotron-3-nano-30b-a3b", "minimax-m1"}) {
            InferenceRequest r = servingRequest(QString::fromLatin1(id), QStringLiteral("sglang"), 1024);
            const InferenceMemoryEstimate shortContext = estimateInferenceMemory(r);
            r.context = 8192;
            const InferenceMemoryEstimate longContext = estimateInferenceMemory(r);
            QCOMPARE(units::inBytes(longContext.statePerSequence), units::inBytes(shortContext.statePerSequence));
            const double grown = units::inBytes(longContext.perGpu.kvCache)
                                 - units::inBytes(shortContext.perGpu.kvCache);
            QCOMPARE(grown, units::inBytes(shortContext.kvPerToken) * (8192 - 1024));
        }
    }

    // LMCache's recipe for DeepSeek-V3.2 on vLLM (TP 8, save_only_first_rank,
    // docs/source/getting_started/recipes/deepseek/deepseek_v3_2.rst, log dated
    // 2026-02-04): "Stored 2048 out of total 2048 tokens. size: 0.1494 gb".
    // vLLM holds per token and layer the 576-value BF16 latent (1,152 bytes,
    // whole on each rank) and the indexer's FP8 key with its FP32 scale (132
    // bytes): 2048 x 61 x 1,284 bytes = 0.1494 GiB (LMCache's "gb" is GiB).
    void deepseekV32CachePerToken()
    {
        const InferenceMemoryEstimate e = estimateInferenceMemory(
            servingRequest(QStringLiteral("deepseek-v3.2"), QStringLiteral("vllm"), 4096));
        QCOMPARE(units::inBytes(e.indexerPerToken), 61.0 * 132);
        QCOMPARE(units::inBytes(e.kvPerToken), 61.0 * (1152 + 132));
        QCOMPARE(qRound(units::inBytes(e.kvPerToken) * 2048 / kGiB * 1e4), 1494);
    }

    // DSA: a full layer reads at most topK keys, its indexer every one.
    void sparseAttentionReads()
    {
        const ModelSpec spec = builtinModel(QStringLiteral("deepseek-v3.2"));
        const AttentionMix mix = AttentionMix::of(spec.layerAttentionIn(0, spec.numLayers), spec);
        QCOMPARE(mix.sparseTopK, std::int64_t(2048));
        StepLoad decode;
        mix.addDecode(decode, 2, 100'000);
        QCOMPARE(decode.cachedTokensRead, 2.0 * 2048);
        QCOMPARE(decode.indexerKeysRead, 2.0 * 100'000);
        StepLoad prompt;
        mix.addPrompt(prompt, 1, 0, 4096);
        QCOMPARE(prompt.indexerPairs, 4096.0 * 4097 / 2);
        QCOMPARE(prompt.promptAttention, 2048.0 * 2049 / 2 + 2048.0 * 2048);
        // Chunks add up to the whole prompt.
        StepLoad chunks;
        mix.addPrompt(chunks, 1, 0, 1000);
        mix.addPrompt(chunks, 1, 1000, 3096);
        QCOMPARE(chunks.promptAttention, prompt.promptAttention);
        QCOMPARE(chunks.indexerPairs, prompt.indexerPairs);
    }

    // At long context DeepSeek-V3.2's decode attention costs less than V3's on
    // the same deployment: it reads 2,048 latents per layer instead of all.
    void sparseAttentionDecodesFasterAtLongContext()
    {
        const auto decodeSeconds = [](const char *id) {
            PerfRequest r;
            r.deployment = servingRequest(QString::fromLatin1(id), QStringLiteral("vllm"), 131072);
            r.deployment.weights = weightFormat(QStringLiteral("fp8-block"));
            r.inputTokens = 120'000;
            r.outputTokens = 1000;
            r.links = singleServerLinks(r.deployment.gpu);
            return units::inSeconds(StepCostModel(r, Efficiency{}, 131072, 8).decode(8, 121'000).time);
        };
        const double sparse = decodeSeconds("deepseek-v3.2");
        const double dense = decodeSeconds("deepseek-v3");
        QVERIFY2(sparse < dense, qPrintable(QStringLiteral("%1 s vs %2 s").arg(sparse).arg(dense)));
    }

    void layerDescriptions()
    {
        QCOMPARE(QString::fromStdString(describeLayers(builtinModel(QStringLiteral("qwen3-next-80b-a3b"))).text()),
                 QStringLiteral("48 layers: 36 linear attention, 12 full"));
        QCOMPARE(QString::fromStdString(describeLayers(builtinModel(QStringLiteral("nemotron-h-56b"))).text()),
                 QStringLiteral("118 layers: 54 Mamba-2, 10 full, 54 feed-forward only"));
        QCOMPARE(QString::fromStdString(describeLayers(builtinModel(QStringLiteral("deepseek-v3.2"))).text()),
                 QStringLiteral("61 layers: 61 sparse (top 2048 tokens)"));
    }

    // Why the cache is its size, in the words fit and the Inspector show.
    void cacheExplanation()
    {
        const auto notes = [](const char *id) {
            const InferenceRequest r = servingRequest(QString::fromLatin1(id), QStringLiteral("vllm"), 4096);
            QStringList lines;
            for (const Message &m : explainCache(r.model, estimateInferenceMemory(r)))
                lines << QString::fromStdString(m.text());
            return lines;
        };
        // Qwen3-Next at TP 8: 12 full layers x K and V of one 256-wide head x 2 bytes.
        QCOMPARE(notes("qwen3-next-80b-a3b"),
                 (QStringList{QStringLiteral("12 layers on this GPU keep a KV cache: 12,288 bytes per token"),
                              QStringLiteral("36 linear-attention layers keep 4.9 MB of state per sequence, whatever "
                                             "its length")}));
        QCOMPARE(notes("nemotron-h-56b").last(),
                 QStringLiteral("54 Mamba-2 layers keep 114.1 MB of state per sequence, whatever its length"));
        QCOMPARE(notes("deepseek-v3.2").last(),
                 QStringLiteral("8,052 of those bytes are sparse attention's index keys; attention reads only the "
                                "top 2048 tokens"));
    }

    // Tensor parallelism splits linear-attention and Mamba heads too.
    void tensorParallelMustSplitRecurrentHeads()
    {
        InferenceRequest r = servingRequest(QStringLiteral("qwen3-next-80b-a3b"), QStringLiteral("vllm"), 4096);
        r.gpuCount = 32;
        r.parallel.tensor = 32;
        QVERIFY(anyConcerns(validate(r), "tp"));
        r = servingRequest(QStringLiteral("nemotron-h-56b"), QStringLiteral("vllm"), 4096);
        r.gpuCount = 3;
        r.parallel.tensor = 3;
        QVERIFY(anyContains(validate(r), "Mamba heads"));
    }

    // Memory stays monotone in context for every hybrid model.
    void memoryMonotoneInContext()
    {
        for (const char *id : {"qwen3-next-80b-a3b", "qwen3.5-397b-a17b", "nemotron-h-56b", "nemotron-3-nano-30b-a3b",
                               "minimax-m1", "deepseek-v3.2", "glm-5"}) {
            InferenceRequest r = servingRequest(QString::fromLatin1(id), QStringLiteral("vllm"), 1);
            double previous = 0;
            for (std::int64_t context : {1, 100, 1000, 4096, 8192}) {
                r.context = std::min(context, r.model.maxContext);
                const double total = units::inBytes(estimateInferenceMemory(r).perGpu.total());
                QVERIFY2(total >= previous, id);
                previous = total;
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestHybridLayers)
#include "test_hybridlayers.moc"
