// DeepSeek-V4 (model_type deepseek_v4): the single-head attention over a
// sliding window plus compressed entries (4:1 with an indexer, 128:1 without),
// mHC's residual copies, hash-routed MoE layers and the FP4 + FP8 checkpoint.
// Counts are checked against the model card and the published checkpoint
// inventories to the parameter; cache bytes against DeepSeek's model.py,
// vLLM's cache specs and the vLLM blog's published figure. Every figure's
// derivation is in tests/fixtures/hf/derivations/deepseek-v4.md (scripts
// deepseek-v4.py and deepseek-v4-kv.py beside it).

#include "support/enginetestsupport.h"

#include "core/memory/cacheexplanation.h"
#include "core/memory/inferencememory.h"
#include "core/model/parametercount.h"
#include "core/model/weightbytes.h"
#include "core/perf/perfmodel.h"

#include <QtTest>

using namespace planner;
using namespace planner::testing;

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

InferenceRequest v4Request(const QString &model, const QString &engine, const QString &kv, std::int64_t context)
{
    InferenceRequest r;
    r.model = builtinModel(model);
    r.weights = weightFormat(QStringLiteral("fp8-block-fp4-experts"));
    r.kvCache = kvFormat(kv);
    r.engine = engineProfile(engine);
    r.gpu = builtinGpu(QStringLiteral("h200"));
    r.gpuCount = 8;
    r.parallel.tensor = 8;
    r.context = context;
    return r;
}

// KV cache bytes of one sequence without the compressors' fixed state.
double cacheBytes(const InferenceRequest &r)
{
    const InferenceMemoryEstimate e = estimateInferenceMemory(r);
    return units::inBytes(e.perGpu.kvCache) - units::inBytes(e.statePerSequence);
}

} // namespace

class TestCompressedAttention : public QObject
{
    Q_OBJECT

private slots:
    // The model card (huggingface.co/deepseek-ai/DeepSeek-V4-Flash, -Pro):
    // "DeepSeek-V4-Pro with 1.6T parameters (49B activated) and
    // DeepSeek-V4-Flash with 284B parameters (13B activated)". The card's
    // total is the main model without the MTP block, FP4 experts counted as
    // parameters, and its "activated" leaves out the input embedding:
    // Flash alone decides both conventions (with MTP it would read 291B,
    // with the embedding 13.8B). The exact figures equal deepseek-v4.py's
    // per-tensor inventory, which reproduces the Hub's stored-element totals
    // (158,069,433,298 and 861,608,274,846) tensor by tensor. llama.cpp's
    // log for the Flash GGUF reads "model params = 284.33 B" (ggml-org/llama.cpp#27680).
    void parameterCounts_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("mtp");
        QTest::addColumn<qint64>("activeWithoutEmbedding");
        QTest::addColumn<double>("cardTotal");
        QTest::addColumn<double>("cardActive");
        QTest::addColumn<double>("cardRounding");
        QTest::newRow("flash") << "deepseek-v4-flash" << Q_INT64_C(284'332'240'471) << Q_INT64_C(6'610'048'891)
                               << Q_INT64_C(13'270'101'591) << 284e9 << 13e9 << 0.5e9;
        QTest::newRow("pro") << "deepseek-v4-pro" << Q_INT64_C(1'572'997'201'763) << Q_INT64_C(25'840'145'979)
                             << Q_INT64_C(48'852'402'019) << 1.6e12 << 49e9 << 0.05e12;
    }
    void parameterCounts()
    {
        QFETCH(QString, id);
        QFETCH(qint64, total);
        QFETCH(qint64, mtp);
        QFETCH(qint64, activeWithoutEmbedding);
        QFETCH(double, cardTotal);
        QFETCH(double, cardActive);
        QFETCH(double, cardRounding);
        const ParameterBreakdown p = countParameters(builtinModel(id));
        QCOMPARE(qint64(p.total()), total);
        QCOMPARE(qint64(p.mtp()), mtp);
        QCOMPARE(qint64(p.active() - p.embedding), activeWithoutEmbedding);
        QVERIFY(std::abs(static_cast<double>(p.total()) - cardTotal) <= cardRounding);
        QVERIFY(std::abs(static_cast<double>(p.active() - p.embedding) - cardActive) <= 0.5e9);
    }

    // Per-layer parts, each from model.py's module shapes (deepseek-v4.md,
    // "Per-tensor formulas"), for Flash: attention 106,956,352; the 4:1
    // compressor 8,393,216 and indexer 10,749,056; the 128:1 compressor
    // 4,260,352; mHC 786,486 per block; a scored MoE block 6,468,665,600
    // and a hash-routed one 256 fewer (no score bias).
    void layerParts()
    {
        const ModelSpec flash = builtinModel(QStringLiteral("deepseek-v4-flash"));
        const ParameterBreakdown p = countParameters(flash);
        constexpr std::int64_t kAttention = 106'956'352;
        constexpr std::int64_t kMhcHalf = 786'486 / 2;
        constexpr std::int64_t kNorm = 4096; // attn_norm
        QCOMPARE(qint64(p.attentionMixer.total()), qint64(kAttention + kMhcHalf + kNorm));
        QCOMPARE(qint64(p.compressedSparseMixer.total()),
                 qint64(kAttention + kMhcHalf + kNorm + 8'393'216 + 10'749'056));
        QCOMPARE(qint64(p.heavilyCompressedMixer.total()), qint64(kAttention + kMhcHalf + kNorm + 4'260'352));
        QCOMPARE(qint64(p.moeBlock.total()), qint64(6'468'665'600 + kMhcHalf + 4096));
        QCOMPARE(qint64(p.unbiasedRouterValues), qint64(3 * 256));
        const LayerAttentionCounts &layers = p.layers.mixers;
        QCOMPARE(layers.slidingWindow, std::int64_t(2));
        QCOMPARE(layers.compressedSparse, std::int64_t(21));
        QCOMPARE(layers.heavilyCompressed, std::int64_t(20));
        QCOMPARE(QString::fromStdString(describeLayers(flash).text()),
                 QStringLiteral("43 layers: 2 sliding-window (128 tokens), 21 compressed 4:1, top 512, 20 "
                                "compressed 128:1"));
    }

    // The Flash checkpoint's index total_size is 159,609,485,896 bytes
    // (manifest of deepseek-ai/DeepSeek-V4-Flash, deepseek-v4.md). The format
    // keeps F32 tensors (mHC, sinks, position biases, 34 million values) at
    // 16 bits and leaves out tid2eid (an I64 buffer, 18.6 MB), so the sum
    // may fall short by 0.1 %, never more.
    void checkpointBytes()
    {
        const ModelSpec flash = builtinModel(QStringLiteral("deepseek-v4-flash"));
        const double bytes = units::inBytes(
            planner::checkpointBytes(flash, weightFormat(QString::fromStdString(flash.checkpointFormat)), true));
        constexpr double kPublished = 159'609'485'896.0;
        QVERIFY2(bytes <= kPublished && bytes > kPublished * 0.999, qPrintable(QString::number(bytes, 'f', 0)));
        qInfo("Flash checkpoint: %.0f bytes computed, %.0f published", bytes, kPublished);
    }

    // The vLLM blog (vllm.ai/blog/deepseek-v4): "At 1M context, per-layer KV
    // state is ~8.7x smaller than a DeepSeek V3.2-style 61-layer stack
    // (9.62 GiB vs 83.9 GiB, bf16)". DeepSeek's model.py keeps, per layer,
    // window + max_seq_len // ratio entries of head_dim (512) values, and at
    // 4:1 max_seq_len // 4 index keys of 128: 9,848 bytes per token of Pro's
    // context in BF16 and 61 x 128 window entries. Transformers-style
    // engines store exactly that.
    void referenceCacheAtOneMillionTokens()
    {
        const InferenceRequest r = v4Request(QStringLiteral("deepseek-v4-pro"), QStringLiteral("transformers"),
                                             QStringLiteral("bf16"), 1'048'576);
        const double expected = 9'848.0 * 1'048'576 + 61.0 * 128 * 1024;
        QCOMPARE(cacheBytes(r), expected);
        QVERIFY(std::abs(cacheBytes(r) / kGiB - 9.62) < 0.005);
        QCOMPARE(units::inBytes(estimateInferenceMemory(r).kvPerTokenFullLayers), 9'848.0);
    }

    // vLLM's DeepSeek-V4 caches (v1/kv_cache_interface.py, deepseek_v4_attention.py):
    // 584-byte fp8_ds_mla entries (448 FP8 + 64 BF16 RoPE values + 8 bytes of
    // UE8M0 scales), index keys of 128 FP8 + one FP32 scale; per token of
    // context Flash adds 21 x (584 + 132) / 4 + 20 x 584 / 128 = 3,850.25
    // bytes, every layer keeps its 128-token window, and the compressors'
    // FP32 pooling state (CompressorStateCache) is fixed per sequence.
    void vllmCacheLayout()
    {
        const InferenceRequest r = v4Request(QStringLiteral("deepseek-v4-flash"), QStringLiteral("vllm"),
                                             QStringLiteral("fp8"), 8192);
        const InferenceMemoryEstimate e = estimateInferenceMemory(r);
        QCOMPARE(units::inBytes(e.kvPerTokenFullLayers), 3'850.25);
        QCOMPARE(units::inBytes(e.indexerPerToken), 21 * 132 / 4.0);
        QCOMPARE(units::inBytes(e.cacheEntryBytes), 43.0 * 584);
        QCOMPARE(units::inBytes(e.indexerKeyBytes), 132.0);
        QCOMPARE(units::inBytes(e.statePerSequence),
                 21.0 * (2 * 8 * 1024 * 4 + 2 * 8 * 256 * 4) + 20.0 * 2 * 128 * 512 * 4);
        const double window = 43.0 * 128 * 584;
        const double compressed = 21.0 * 2048 * (584 + 132) + 20.0 * 64 * 584;
        QCOMPARE(cacheBytes(r), window + compressed);
        // One KV head: every tensor-parallel rank holds the whole cache, so
        // data-parallel attention (SGLang's --enable-dp-attention) spreads
        // sequences instead.
        InferenceRequest dp = r;
        dp.engine = engineProfile(QStringLiteral("sglang"));
        dp.parallel.dataParallelAttention = true;
        dp.concurrency = 8;
        QCOMPARE(estimateInferenceMemory(dp).sequencesPerGpu, std::int64_t(1));
        QVERIFY(validate(dp).empty());
    }

    // Past the window only the compressed entries grow, at the per-token rate.
    void cacheGrowsByCompressedEntriesOnly()
    {
        InferenceRequest r = v4Request(QStringLiteral("deepseek-v4-flash"), QStringLiteral("transformers"),
                                       QStringLiteral("bf16"), 64);
        double previous = cacheBytes(r);
        for (const std::int64_t context : {128, 1024, 65'536, 1'048'576}) {
            r.context = context;
            const double bytes = cacheBytes(r);
            QVERIFY(bytes > previous);
            previous = bytes;
        }
        r.context = 131'072;
        const double at128k = cacheBytes(r);
        r.context = 262'144;
        const double growth = units::inBytes(estimateInferenceMemory(r).kvPerTokenFullLayers);
        QCOMPARE(cacheBytes(r) - at128k, growth * 131'072);
        // The compressors' state is the same at any length.
        r.context = 16;
        const double shortState = units::inBytes(estimateInferenceMemory(r).statePerSequence);
        r.context = 1'000'000;
        QCOMPARE(units::inBytes(estimateInferenceMemory(r).statePerSequence), shortState);
    }

    // A decoding token reads its window in every layer, at most index_topk
    // entries in a 4:1 layer and every entry in a 128:1 one; the indexer
    // scores every 4:1 entry.
    void decodeReadsWindowTopKAndHeavyEntries()
    {
        const ModelSpec flash = builtinModel(QStringLiteral("deepseek-v4-flash"));
        const LayerAttentionCounts layers = flash.layerAttentionIn(0, flash.numLayers);
        const AttentionMix mix = AttentionMix::of(layers, flash);
        const double position = 1'000'000;
        const double expected = 128 + 21.0 / 43 * 512 + 20.0 / 43 * position / 128;
        QCOMPARE(mix.keysAt(position), expected);
        QCOMPARE(mix.cachedKeysAt(position), expected);
        StepLoad load;
        mix.addDecode(load, 2, position);
        QCOMPARE(load.indexerKeysRead, 2 * 21.0 / 43 * position / 4);
        // Short contexts read what exists: the window not yet full, no entry capped.
        QCOMPARE(mix.keysAt(64), 64 + 21.0 / 43 * 16 + 20.0 / 43 * 0.5);
    }

    // The explanation the Inspector and fit show names each part.
    void cacheExplanation()
    {
        const InferenceRequest r = v4Request(QStringLiteral("deepseek-v4-flash"), QStringLiteral("vllm"),
                                             QStringLiteral("fp8"), 8192);
        QStringList lines;
        for (const Message &m : explainCache(r.model, estimateInferenceMemory(r)))
            lines << QString::fromStdString(m.text());
        QCOMPARE(lines,
                 (QStringList{QStringLiteral("43 layers on this GPU keep their last 128 tokens: 25,112 bytes per "
                                             "token of the window"),
                              QStringLiteral("21 of them add one entry per 4 tokens and 20 one per 128 tokens: 3,850 "
                                             "bytes per token of context"),
                              QStringLiteral("693 of those bytes are the indexer's keys; the 4:1 layers attend to "
                                             "the top 512 entries"),
                              QStringLiteral("the compressors hold 12.2 MB per sequence while they pool, whatever "
                                             "its length")}));
    }
};

QTEST_APPLESS_MAIN(TestCompressedAttention)
#include "test_compressedattention.moc"
