// The 2025-2026 architectures the engine models exactly: Qwen3 (dense and
// MoE: explicit head_dim, QK-norm), gpt-oss (biased attention and experts,
// sinks, sliding-window layers, MXFP4 experts) and Kimi K2 (DeepSeek-V3's
// architecture with 384 experts). Counts are checked against the publishers'
// figures to their last published digit; KV-cache bytes against engine logs.

#include "support/enginetestsupport.h"

#include "core/memory/inferencememory.h"
#include "core/model/parametercount.h"
#include "core/model/weightbytes.h"
#include "core/perf/perfmodel.h"

#include <QtTest>

#include <cmath>

using namespace planner;
using namespace planner::testing;

namespace {

constexpr double kBillion = 1e9;
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

InferenceRequest servingRequest(const QString &model, const QString &weights, std::int64_t context)
{
    InferenceRequest r;
    r.model = builtinModel(model);
    r.weights = weightFormat(weights);
    r.kvCache = kvFormat(QStringLiteral("bf16"));
    r.engine = engineProfile(QStringLiteral("vllm"));
    r.gpu = builtinGpu(QStringLiteral("h200"));
    r.context = context;
    return r;
}

} // namespace

class TestArchitectures2025 : public QObject
{
    Q_OBJECT

private slots:
    // Total and active parameters against the publisher's figure, within one
    // unit of its last digit (publishers round and truncate: Qwen3-8B's
    // 8,190,735,360 is "8.2B", Qwen3-30B-A3B's 3.35B active "3.3B").
    void publishedCounts_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<double>("total");  // billions
        QTest::addColumn<double>("active"); // billions; < 0: not published
        QTest::addColumn<double>("unit");   // the last published digit, billions
        QTest::addColumn<bool>("activeWithoutEmbedding");
        // Qwen3 model cards (huggingface.co/Qwen/<name>, April 2025): "Number of
        // Parameters: 8.2B", "32.8B", "30.5B in total and 3.3B activated",
        // "235B in total and 22B activated"; Qwen3-Coder card (July 2025):
        // "480B total parameters and 35B activated".
        QTest::newRow("Qwen3-8B") << "qwen3-8b" << 8.2 << -1.0 << 0.1 << false;
        QTest::newRow("Qwen3-32B") << "qwen3-32b" << 32.8 << -1.0 << 0.1 << false;
        QTest::newRow("Qwen3-30B-A3B") << "qwen3-30b-a3b" << 30.5 << 3.3 << 0.1 << false;
        QTest::newRow("Qwen3-235B-A22B") << "qwen3-235b-a22b" << 235.0 << 22.0 << 1.0 << false;
        QTest::newRow("Qwen3-Coder-480B-A35B") << "qwen3-coder-480b-a35b" << 480.0 << 35.0 << 1.0 << false;
        // OpenAI, "gpt-oss-120b & gpt-oss-20b Model Card" (August 2025), table 1:
        // 116.83B / 5.13B and 20.91B / 3.61B; active counts the unembedding
        // but not the embedding.
        QTest::newRow("gpt-oss-120b") << "gpt-oss-120b" << 116.83 << 5.13 << 0.01 << true;
        QTest::newRow("gpt-oss-20b") << "gpt-oss-20b" << 20.91 << 3.61 << 0.01 << true;
        // Moonshot AI, Kimi-K2-Instruct model card (July 2025): "1 trillion
        // total parameters", "32 billion activated parameters".
        QTest::newRow("Kimi K2") << "kimi-k2" << 1000.0 << 32.0 << 1000.0 << false;
    }

    void publishedCounts()
    {
        QFETCH(QString, id);
        QFETCH(double, total);
        QFETCH(double, active);
        QFETCH(double, unit);
        QFETCH(bool, activeWithoutEmbedding);
        const ModelSpec model = builtinModel(id);
        QVERIFY2(validate(model).empty(), joinedMessages(validate(model)));
        const ParameterBreakdown p = countParameters(model);
        const double ourTotal = static_cast<double>(p.total()) / kBillion;
        QVERIFY2(std::abs(ourTotal - total) < unit, qPrintable(QStringLiteral("total %1 B").arg(ourTotal, 0, 'f', 3)));
        if (active < 0)
            return;
        const double ourActive = static_cast<double>(p.active() - (activeWithoutEmbedding ? p.embedding : 0))
                                 / kBillion;
        const double activeUnit = std::min(unit, 1.0);
        QVERIFY2(std::abs(ourActive - active) < activeUnit,
                 qPrintable(QStringLiteral("active %1 B").arg(ourActive, 0, 'f', 3)));
    }

    // Qwen3-8B, counted by hand from its config.json: the Qwen3 card's
    // "Non-Embedding: 6.95B" and QK-norm's 2 x 128 weights per layer.
    void qwen3_8bByHand()
    {
        const ParameterBreakdown p = countParameters(builtinModel(QStringLiteral("qwen3-8b")));
        const std::int64_t attention = 4096 * 4096 + 2 * 4096 * 1024 + 4096 * 4096;
        const std::int64_t layer = attention + 3 * 4096 * 12288 + 2 * 4096 + 2 * 128;
        QCOMPARE(p.total(), 2 * 151936LL * 4096 + 36 * layer + 4096);
        const double nonEmbedding = static_cast<double>(p.total() - p.embedding - p.head) / kBillion;
        QVERIFY2(std::abs(nonEmbedding - 6.95) < 0.01, qPrintable(QString::number(nonEmbedding)));
    }

    // gpt-oss-20b by hand: q/k/v/o biases, 64 sinks per layer, 32 experts with
    // gate_up (2 x 2880 x 2880) and down (2880 x 2880) weights and biases, a
    // router with a bias.
    void gptOss20bByHand()
    {
        const ParameterBreakdown p = countParameters(builtinModel(QStringLiteral("gpt-oss-20b")));
        const std::int64_t attention = (2880 * 4096 + 4096) + 2 * (2880 * 512 + 512) + (4096 * 2880 + 2880) + 64;
        const std::int64_t experts = 32 * (3LL * 2880 * 2880 + 2 * 2880 + 2880);
        const std::int64_t layer = attention + experts + (2880 * 32 + 32) + 2 * 2880;
        QCOMPARE(p.total(), 2 * 201088LL * 2880 + 24 * layer + 2880);
    }

    // The published gpt-oss checkpoints: MXFP4 experts (4.25 bits with their
    // E8M0 scales), the rest BF16. Model card table 1: 60.8 GiB and 12.8 GiB.
    void gptOssCheckpointSize_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<double>("gib");
        QTest::newRow("gpt-oss-120b") << "gpt-oss-120b" << 60.8;
        QTest::newRow("gpt-oss-20b") << "gpt-oss-20b" << 12.8;
    }

    void gptOssCheckpointSize()
    {
        QFETCH(QString, id);
        QFETCH(double, gib);
        const ModelSpec model = builtinModel(id);
        const double ours = units::inBytes(checkpointBytes(
                                model, weightFormat(QString::fromStdString(model.checkpointFormat)), false))
                            / kGiB;
        // The card gives one decimal; expert biases stored in BF16 rather than
        // MXFP4 add well under 0.1 GiB.
        QVERIFY2(std::abs(ours - gib) <= 0.1, qPrintable(QStringLiteral("%1 GiB").arg(ours, 0, 'f', 2)));
    }

    // BF16 KV cache per token, as LMCache's FAQ table lists it (per 1,000
    // tokens in GiB, labelled GB): Qwen3-8B 0.1373, Qwen3-32B 0.2441.
    void qwen3KvPerToken_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<double>("gibPerThousand");
        QTest::newRow("Qwen3-8B") << "qwen3-8b" << 0.1373;
        QTest::newRow("Qwen3-32B") << "qwen3-32b" << 0.2441;
    }

    void qwen3KvPerToken()
    {
        QFETCH(QString, id);
        QFETCH(double, gibPerThousand);
        const InferenceMemoryEstimate e = estimateInferenceMemory(servingRequest(id, QStringLiteral("bf16"), 4096));
        const double ours = units::inBytes(e.kvPerToken) * 1000 / kGiB;
        QVERIFY2(std::abs(ours - gibPerThousand) < 0.0001, qPrintable(QString::number(ours, 'f', 5)));
    }

    // SGLang on 4 x H100 (vllm-project/vllm issue 21348): Qwen3-235B-A22B-FP8
    // with --tp 4 logs "#tokens: 367404, K size: 8.23 GB" (GiB): one of the 4
    // KV heads per GPU, 94 layers, 128 wide, BF16.
    void qwen3_235bKeyCacheUnderTensorParallel()
    {
        InferenceRequest r = servingRequest(QStringLiteral("qwen3-235b-a22b"), QStringLiteral("fp8-block"), 4096);
        r.gpuCount = 4;
        r.parallel.tensor = 4;
        const InferenceMemoryEstimate e = estimateInferenceMemory(r);
        const double keyGiB = units::inBytes(e.kvPerToken) / 2 * 367404 / kGiB;
        QVERIFY2(std::abs(keyGiB - 8.23) < 0.01, qPrintable(QString::number(keyGiB, 'f', 3)));
    }

    // A sliding-window layer holds its last window: past it, gpt-oss's KV
    // cache grows only by its full-attention layers.
    void slidingWindowKvStopsGrowing()
    {
        const auto kvAt = [](std::int64_t context, const std::string &pattern) {
            InferenceRequest r = servingRequest(QStringLiteral("gpt-oss-120b"), QStringLiteral("mxfp4-experts"),
                                                context);
            r.model.layerPattern = pattern;
            r.engine.kvBlockTokens = 1;
            return units::inBytes(estimateInferenceMemory(r).perGpu.kvCache);
        };
        const double perLayerToken = 2.0 * 8 * 64 * 2; // K and V, 8 heads of 64, BF16
        // Within the window every layer grows.
        QCOMPARE(kvAt(128, "SF") - kvAt(64, "SF"), 64 * 36 * perLayerToken);
        // Past it only the 18 full layers do.
        QCOMPARE(kvAt(8192, "SF") - kvAt(4096, "SF"), 4096 * 18 * perLayerToken);
        QCOMPARE(kvAt(8192, "SF"), (8192.0 * 18 + 128.0 * 18) * perLayerToken);
        // All layers full: twice (almost) as much at long contexts.
        QVERIFY(kvAt(65536, "") > 1.99 * kvAt(65536, "SF"));
    }

    // Memory is monotone in the context for every new architecture.
    void memoryMonotoneInContext_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("weights");
        QTest::newRow("gpt-oss-120b") << "gpt-oss-120b"
                                      << "mxfp4-experts";
        QTest::newRow("qwen3-30b-a3b") << "qwen3-30b-a3b"
                                       << "bf16";
        QTest::newRow("kimi-k2") << "kimi-k2"
                                 << "fp8-block";
    }

    void memoryMonotoneInContext()
    {
        QFETCH(QString, id);
        QFETCH(QString, weights);
        double previous = 0;
        const std::int64_t longest = builtinModel(id).maxContext;
        for (std::int64_t context = 1; context <= longest; context = std::min(longest + 1, context * 3 + 7)) {
            const double total = units::inBytes(
                estimateInferenceMemory(servingRequest(id, weights, context)).perGpu.total());
            QVERIFY2(total >= previous, qPrintable(QStringLiteral("at %1 tokens").arg(context)));
            previous = total;
        }
    }

    // A sliding-window layer reads at most its window: decode attention
    // work stops growing with the context there, and a prompt's pairs are
    // capped the same way.
    void attentionMixCapsWindowedWork()
    {
        ModelSpec model = builtinModel(QStringLiteral("gpt-oss-20b"));
        const AttentionMix mix = AttentionMix::of(model.layerAttentionIn(0, model.numLayers), model);
        QCOMPARE(mix.full, 0.5);
        QCOMPARE(mix.slidingWindow, 0.5);
        QCOMPARE(mix.keysAt(100), 100.0);
        QCOMPARE(mix.keysAt(10000), 0.5 * 10000 + 0.5 * 128);
        // Prompt of 1,000 tokens: full layers n(n+1)/2 pairs, windowed layers
        // 128 x 129 / 2 for the first 128 tokens, then 128 per token.
        const double windowed = 128.0 * 129 / 2 + (1000.0 - 128) * 128;
        QCOMPARE(mix.promptPairs(0, 1000), 0.5 * 1000.0 * 1001 / 2 + 0.5 * windowed);
        // Continuing a prompt gives the same pairs as doing it at once.
        QCOMPARE(mix.promptPairs(0, 400) + mix.promptPairs(400, 600), mix.promptPairs(0, 1000));
        // A chunked layer attends within its chunk.
        AttentionMix chunked;
        chunked.full = 0;
        chunked.chunked = 1;
        chunked.chunkTokens = 4;
        QCOMPARE(chunked.promptPairs(0, 8), 2 * (1.0 + 2 + 3 + 4));
    }

    // What the model table and the proposal say about a model's layers.
    void layersDescribed()
    {
        QCOMPARE(describeLayers(builtinModel(QStringLiteral("gpt-oss-120b"))).text(),
                 std::string("36 layers: 18 sliding-window (128 tokens), 18 full"));
        QCOMPARE(describeLayers(builtinModel(QStringLiteral("qwen3-8b"))).text(), std::string("36 layers"));
        ModelSpec chunked = builtinModel(QStringLiteral("qwen3-8b"));
        chunked.layerPattern = "CCCF"; // Llama 4's 3:1 chunked-local / global
        chunked.attentionChunk = 8192;
        QCOMPARE(describeLayers(chunked).text(), std::string("36 layers: 27 chunked (8192 tokens), 9 full"));
    }

    // The layer pattern repeats from layer 0 and is counted without walking.
    void layerPatternCounts()
    {
        ModelSpec model = builtinModel(QStringLiteral("gpt-oss-20b"));
        model.layerPattern = "SSSSSF"; // Gemma 3's 5:1
        model.numLayers = 62;
        const LayerAttentionCounts all = model.layerAttentionIn(0, 62);
        QCOMPARE(all.full, std::int64_t(10));
        QCOMPARE(all.slidingWindow, std::int64_t(52));
        const LayerAttentionCounts middle = model.layerAttentionIn(4, 13);
        QCOMPARE(middle.full, std::int64_t(2)); // layers 5 and 11
        QCOMPARE(middle.slidingWindow, std::int64_t(7));
        QVERIFY(model.layerAttention(5) == LayerAttention::Full);
        QVERIFY(model.layerAttention(6) == LayerAttention::SlidingWindow);
    }
};

QTEST_APPLESS_MAIN(TestArchitectures2025)
#include "test_architectures2025.moc"
