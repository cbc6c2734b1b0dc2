// Weight formats: their bits per weight, and whole checkpoints sized with them
// against published file sizes.
//
// Expected bits come from the formats' block layouts, written out by hand; the
// expected sizes are published figures (safetensors index total_size, the
// Hugging Face dtype split, llama.cpp's quantize table and model-load logs).

#include "core/model/builtinmodels.h"
#include "core/model/precision.h"
#include "core/model/weightbytes.h"
#include "core/units/units.h"
#include "support/enginetestsupport.h"

#include <QTest>

#include <cmath>
#include <set>
#include <string>

using namespace planner;
using namespace planner::testing;

namespace {

// Llama-3-8B / Llama-3.1-8B linear weights per layer, in units of
// hidden x kv-width = 4096 x 1024 = 4,194,304: q 4, k 1, v 1, o 4, gate 14,
// up 14, down 14 = 52. So attn_v is 1/52 of the linear weights, attn_output
// 4/52 and ffn_down 14/52.
constexpr double kV = 1.0 / 52;
constexpr double kOut = 4.0 / 52;
constexpr double kDown = 14.0 / 52;

// llama.cpp block sizes (ggml/src/ggml-common.h, QK_K = 256): bytes per block
// x 8 / weights per block.
constexpr double kQ8_0 = 34.0 * 8 / 32;
constexpr double kQ6_K = 210.0 * 8 / 256;
constexpr double kQ5_K = 176.0 * 8 / 256;
constexpr double kQ4_K = 144.0 * 8 / 256;
constexpr double kQ4_0 = 18.0 * 8 / 32;
constexpr double kQ3_K = 110.0 * 8 / 256;
constexpr double kQ2_K = 84.0 * 8 / 256;

} // namespace

class TestPrecision : public QObject
{
    Q_OBJECT

private slots:
    void linearBits_data();
    void linearBits();
    void groupVariants_data();
    void groupVariants();
    void rejectsUnknownIds_data();
    void rejectsUnknownIds();
    void formatTable();
    void kvCacheBits_data();
    void kvCacheBits();
    void checkpointBytes_data();
    void checkpointBytes();
    void computePathPerGpuGeneration();
};

void TestPrecision::linearBits_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("bits");
    QTest::addColumn<double>("tolerance"); // relative

    // Plain formats.
    QTest::newRow("bf16") << "bf16" << 16.0 << 0.0;
    QTest::newRow("fp32") << "fp32" << 32.0 << 0.0;
    QTest::newRow("fp8 per-tensor") << "fp8" << 8.0 << 0.0;
    // DeepSeek-V3 config.json quantization_config: weight_block_size [128, 128],
    // one FP32 weight_scale_inv per block.
    QTest::newRow("fp8-block") << "fp8-block" << 8.0 + 32.0 / (128 * 128) << 0.0;
    // Per-output-channel FP16 scale over hidden_size inputs (Llama-3.1-8B: 4096).
    QTest::newRow("int8 per-channel") << "int8" << 8.0 + 16.0 / 4096 << 0.0;
    // AutoAWQ GEMM: 4-bit weights, one FP16 scale and one packed 4-bit zero per
    // 128 inputs: 4 + (16 + 4)/128.
    QTest::newRow("awq-int4-g128") << "awq-int4-g128" << 4.15625 << 0.0;
    QTest::newRow("gptq-int4-g128") << "gptq-int4-g128" << 4.0 + 20.0 / 128 << 0.0;
    QTest::newRow("gptq-int4-g32") << "gptq-int4-g32" << 4.0 + 20.0 / 32 << 0.0;
    // QLoRA paper (Dettmers et al. 2023) sec. 3, double quantization: 8-bit absmax
    // per 64 weights + one FP32 constant per 256 absmax = 4 + 8/64 + 32/(64 x 256)
    // = 4.127 bits ("0.127 bits per parameter" of constants).
    QTest::newRow("nf4") << "nf4" << 4.0 + 8.0 / 64 + 32.0 / (64 * 256) << 0.0;
    // NVFP4: E2M1 with an E4M3 scale per 16; MXFP4 (OCP MX v1.0): E8M0 per 32,
    // which is llama.cpp's mxfp4 block, 17 bytes per 32 = 4.25.
    QTest::newRow("nvfp4") << "nvfp4" << 4.0 + 8.0 / 16 << 0.0;
    QTest::newRow("mxfp4") << "mxfp4" << 17.0 * 8 / 32 << 0.0;

    // GGUF pure types: one block type for every linear weight.
    QTest::newRow("q8_0") << "q8_0" << kQ8_0 << 0.0;
    QTest::newRow("q6_k") << "q6_k" << kQ6_K << 0.0;
    QTest::newRow("q4_0") << "q4_0" << kQ4_0 << 0.0;

    // GGUF mixes, worked out for Llama-3-8B from llama.cpp src/llama-quant.cpp
    // llama_tensor_get_type. use_more_bits(i, 32) picks layers i < 4, i >= 28 and
    // (i - 4) % 3 == 2: 16 of 32 (the Llama-3.1-8B Q4_K_M GGUF loads as 193 q4_K +
    // 33 q6_K tensors = 16 attn_v + 16 ffn_down + output). The engine applies
    // Llama shares rounded to 0.1 percentage point (1.9 %, 7.7 %, 26.9 %), so 0.1 %.
    //
    // Q4_K_M: Q4_K; attn_v and ffn_down of the use_more_bits layers Q6_K.
    QTest::newRow("q4_k_m") << "q4_k_m" << kQ4_K + 0.5 * (kV + kDown) * (kQ6_K - kQ4_K) << 0.001;
    // Q5_K_M: Q5_K; the same layers' attn_v and ffn_down Q6_K.
    QTest::newRow("q5_k_m") << "q5_k_m" << kQ5_K + 0.5 * (kV + kDown) * (kQ6_K - kQ5_K) << 0.001;
    // Q3_K_M: Q3_K; attn_v Q5_K in the first 2 layers and Q4_K after; ffn_down
    // Q5_K for i < n/16 = 2 and Q4_K after; attn_output Q4_K.
    QTest::newRow("q3_k_m") << "q3_k_m"
                            << kQ3_K + (kV + kDown) * ((2 * kQ5_K + 30 * kQ4_K) / 32 - kQ3_K) + kOut * (kQ4_K - kQ3_K)
                            << 0.001;
    // Q2_K: Q2_K; attn_v Q4_K (n_gqa = 4); attn_output and ffn_down Q3_K.
    QTest::newRow("q2_k") << "q2_k" << kQ2_K + kV * (kQ4_K - kQ2_K) + (kOut + kDown) * (kQ3_K - kQ2_K) << 0.001;
}

void TestPrecision::linearBits()
{
    QFETCH(QString, id);
    QFETCH(double, bits);
    QFETCH(double, tolerance);
    const double actual = weightFormat(id).linearBits(builtinModel("llama-3.1-8b"));
    if (tolerance == 0.0)
        QCOMPARE(actual, bits);
    else
        QVERIFY2(std::abs(actual / bits - 1.0) <= tolerance,
                 comparedMessage("bits per linear weight", actual, bits, "bits", tolerance));
}

void TestPrecision::groupVariants_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("group");
    QTest::addColumn<double>("bits");

    QTest::newRow("gptq g64") << "gptq-int4-g64" << 64 << 4.0 + 20.0 / 64;
    QTest::newRow("awq g64") << "awq-int4-g64" << 64 << 4.0 + 20.0 / 64;
    QTest::newRow("gptq g256") << "gptq-int4-g256" << 256 << 4.0 + 20.0 / 256;
    QTest::newRow("upper case") << "AWQ-INT4-G32" << 32 << 4.0 + 20.0 / 32;
    QTest::newRow("smallest") << "gptq-int4-g8" << 8 << 4.0 + 20.0 / 8;
    QTest::newRow("largest") << "gptq-int4-g4096" << 4096 << 4.0 + 20.0 / 4096;
}

void TestPrecision::groupVariants()
{
    QFETCH(QString, id);
    QFETCH(int, group);
    QFETCH(double, bits);
    const std::optional<WeightFormat> f = findWeightFormat(id.toStdString());
    QVERIFY2(f.has_value(), qPrintable(id));
    QCOMPARE(f->groupSize, group);
    QCOMPARE(f->linearBits(builtinModel("llama-3.1-8b")), bits);
    QCOMPARE(QString::fromStdString(f->id), id.toLower());
    QVERIFY2(f->name.find("group " + std::to_string(group)) != std::string::npos, f->name.c_str());
}

void TestPrecision::rejectsUnknownIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("empty") << "";
    QTest::newRow("unknown") << "q4_k_x";
    QTest::newRow("no group") << "gptq-int4-g";
    QTest::newRow("group not a number") << "gptq-int4-gabc";
    QTest::newRow("trailing text") << "gptq-int4-g64x";
    QTest::newRow("group too small") << "gptq-int4-g7";
    QTest::newRow("group too large") << "awq-int4-g8192";
    QTest::newRow("negative group") << "awq-int4-g-64";
    QTest::newRow("wrong bit width") << "awq-int8-g128";
}

void TestPrecision::rejectsUnknownIds()
{
    QFETCH(QString, id);
    QVERIFY2(!findWeightFormat(id.toStdString()).has_value(), qPrintable(id));
}

void TestPrecision::formatTable()
{
    std::set<std::string> ids;
    for (const WeightFormat &f : weightFormats()) {
        QVERIFY2(ids.insert(f.id).second, qPrintable(QStringLiteral("duplicate id ") + QString::fromStdString(f.id)));
        QVERIFY2(!f.source.empty(), f.id.c_str());
        QVERIFY2(findWeightFormat(f.id).has_value(), f.id.c_str());
    }
    QVERIFY(findWeightFormat("Q4_K_M").has_value());
    QCOMPARE(QString::fromStdString(std::string(toString(weightFormat(QStringLiteral("fp8-block")).compute))),
             QStringLiteral("FP8"));
    QCOMPARE(QString::fromStdString(std::string(toString(weightFormat(QStringLiteral("nf4")).compute))),
             QStringLiteral("BF16"));
}

void TestPrecision::kvCacheBits_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("bits");
    QTest::newRow("bf16") << "bf16" << 16.0;
    QTest::newRow("fp8") << "fp8" << 8.0;
    // llama.cpp --cache-type-k/v q8_0 and q4_0 blocks: 34 and 18 bytes per 32.
    QTest::newRow("q8_0") << "q8_0" << 34.0 * 8 / 32;
    QTest::newRow("q4_0") << "q4_0" << 18.0 * 8 / 32;
}

void TestPrecision::kvCacheBits()
{
    QFETCH(QString, id);
    QFETCH(double, bits);
    const std::optional<KvCacheFormat> f = findKvCacheFormat(id.toUpper().toStdString());
    QVERIFY2(f.has_value(), qPrintable(id));
    QCOMPARE(f->bitsPerElement, bits);
    QVERIFY(!findKvCacheFormat("q5_1").has_value());
}

void TestPrecision::checkpointBytes_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("mtp");
    QTest::addColumn<double>("bytes");
    QTest::addColumn<double>("tolerance"); // relative; 0 = exact

    // BF16 safetensors: metadata.total_size of model.safetensors.index.json is
    // exactly 2 bytes per parameter, so exact.
    // total_size 16,060,522,496: the Llama 8B index example in the HF Hub docs.
    QTest::newRow("Llama-3.1-8B BF16") << "llama-3.1-8b"
                                       << "bf16" << false << 16'060'522'496.0 << 0.0;
    // total_size of the official Qwen2.5-7B-Instruct index (same shapes).
    QTest::newRow("Qwen2.5-7B BF16") << "qwen2.5-7b"
                                     << "bf16" << false << 15'231'233'024.0 << 0.0;
    // "total_size": 141107412992 in a Llama-3.1-70B-Instruct index and in
    // huggingface.co/Model-SafeTensors/L3.1-70B-Euryale-v2.2 commit 31d6c24 (same shapes).
    QTest::newRow("Llama-3.1-70B BF16") << "llama-3.1-70b"
                                        << "bf16" << false << 141'107'412'992.0 << 0.0;
    // DeepSeek-R1 FP8 with the MTP module, from the HF dtype split (revision
    // 56d4cbbb): BF16 3,918,786,560 x 2 + F8_E4M3 680,571,043,840 x 1 + F32
    // 41,555,600 x 4 = 688,574,839,360 B. The engine averages the block scales
    // over all linear weights (32/16384 bits each) instead of rounding each
    // tensor's blocks up, stores the 15,104 score biases as BF16 rather than F32,
    // and sizes the MTP's eh_proj (102,760,448 weights, BF16 in the checkpoint)
    // as FP8: together about 0.015 % low, hence 0.05 %.
    QTest::newRow("DeepSeek-R1 FP8 + MTP") << "deepseek-r1"
                                           << "fp8-block" << true << 688'574'839'360.0 << 0.0005;

    // llama.cpp tools/quantize/quantize.cpp QUANT_OPTIONS (ggml-org/llama.cpp
    // @03161a4e), sizes measured on Llama-3-8B (same shapes as Llama-3.1-8B), in
    // GiB. The table rounds to 0.01 GiB (0.3 % at 2.96 GiB) and the engine applies
    // averaged Llama mix shares, hence 1.5 %.
    constexpr double GiB = units::kGiB;
    QTest::newRow("Llama-3-8B Q8_0") << "llama-3.1-8b"
                                     << "q8_0" << false << 7.96 * GiB << 0.015;
    QTest::newRow("Llama-3-8B Q6_K") << "llama-3.1-8b"
                                     << "q6_k" << false << 6.14 * GiB << 0.015;
    QTest::newRow("Llama-3-8B Q5_K_M") << "llama-3.1-8b"
                                       << "q5_k_m" << false << 5.33 * GiB << 0.015;
    // Also the ollama load log for Llama 3.1 8B Instruct Q4_K_M: "model size = 4.58 GiB (4.89 BPW)".
    QTest::newRow("Llama-3-8B Q4_K_M") << "llama-3.1-8b"
                                       << "q4_k_m" << false << 4.58 * GiB << 0.015;
    QTest::newRow("Llama-3-8B Q4_0") << "llama-3.1-8b"
                                     << "q4_0" << false << 4.34 * GiB << 0.015;
    QTest::newRow("Llama-3-8B Q3_K_M") << "llama-3.1-8b"
                                       << "q3_k_m" << false << 3.74 * GiB << 0.015;
    QTest::newRow("Llama-3-8B Q2_K") << "llama-3.1-8b"
                                     << "q2_k" << false << 2.96 * GiB << 0.015;

    // Independent load logs, 1.5 % for the same reasons (rounded to 0.01 GiB,
    // mix shares averaged over a Llama-shaped layer).
    // containers/ramalama#616, ollama deepseek-r1:7b: "model size = 4.36 GiB (4.91 BPW)".
    QTest::newRow("R1-Distill-Qwen-7B Q4_K_M") << "deepseek-r1-distill-qwen-7b"
                                               << "q4_k_m" << false << 4.36 * GiB << 0.015;
    // ollama/ollama PR #6279, Llama 3.1 70B Instruct: "model size = 37.22 GiB (4.53 BPW)".
    QTest::newRow("Llama-3.1-70B Q4_0") << "llama-3.1-70b"
                                        << "q4_0" << false << 37.22 * GiB << 0.015;
    // ggml-org/gpt-oss-20b-GGUF and -120b-GGUF, as llama-bench prints them in
    // ggml-org/llama.cpp benches/dgx-spark.md: "gpt-oss 20B MXFP4 MoE | 11.27 GiB",
    // "gpt-oss 120B MXFP4 MoE | 59.02 GiB" (rounded to 0.01 GiB; 1 %).
    QTest::newRow("gpt-oss-20b MXFP4_MOE") << "gpt-oss-20b"
                                           << "mxfp4_moe" << false << 11.27 * GiB << 0.01;
    QTest::newRow("gpt-oss-120b MXFP4_MOE") << "gpt-oss-120b"
                                            << "mxfp4_moe" << false << 59.02 * GiB << 0.01;
}

void TestPrecision::checkpointBytes()
{
    QFETCH(QString, model);
    QFETCH(QString, format);
    QFETCH(bool, mtp);
    QFETCH(double, bytes);
    QFETCH(double, tolerance);
    const double actual = units::inBytes(planner::checkpointBytes(builtinModel(model), weightFormat(format), mtp));
    qInfo("%s %s: engine %.0f B (%.4f GiB), published %.0f B (%.4f GiB), %+.3f %%", qPrintable(model),
          qPrintable(format), actual, actual / units::kGiB, bytes, bytes / units::kGiB, (actual / bytes - 1) * 100);
    if (tolerance == 0.0)
        QCOMPARE(qint64(std::llround(actual)), qint64(std::llround(bytes)));
    else
        QVERIFY2(std::abs(actual / bytes - 1.0) <= tolerance,
                 comparedMessage("checkpoint bytes", actual, bytes, "B", tolerance));
}

// The rate a weight format's matmuls run at on each generation. Without FP4
// tensor cores an NVFP4 or MXFP4 model runs W4A16 (vllm-project/vllm#49376:
// Marlin weight-only fallback), so Hopper computes it at its BF16 rate, not
// FP8; Blackwell at its FP4 rate (B200 datasheet: 9,000 dense FP4 TFLOPS in
// resources/catalogue/gpus.csv; the engine's built-in H100 row: 989 BF16,
// 1,979 FP8). FP8 on an A100 (no FP8 path) runs at BF16.
void TestPrecision::computePathPerGpuGeneration()
{
    const GpuSpec h100 = builtinGpu(QStringLiteral("h100-sxm"));
    const ComputePrecision fp4 = weightFormat(QStringLiteral("nvfp4")).compute;
    QCOMPARE(units::inTeraflopsPerSecond(h100.throughput(fp4)), 989.0);
    QCOMPARE(units::inTeraflopsPerSecond(h100.throughput(weightFormat(QStringLiteral("mxfp4")).compute)), 989.0);
    QCOMPARE(units::inTeraflopsPerSecond(h100.throughput(weightFormat(QStringLiteral("fp8")).compute)), 1979.0);
    GpuSpec blackwell = h100;
    blackwell.fp4 = units::teraflopsPerSecond(9000);
    QCOMPARE(units::inTeraflopsPerSecond(blackwell.throughput(fp4)), 9000.0);
    const GpuSpec a100 = builtinGpu(QStringLiteral("a100-80gb"));
    QCOMPARE(units::inTeraflopsPerSecond(a100.throughput(weightFormat(QStringLiteral("fp8")).compute)), 312.0);
    QCOMPARE(units::inTeraflopsPerSecond(a100.throughput(fp4)), 312.0);
}

QTEST_APPLESS_MAIN(TestPrecision)

#include "test_precision.moc"
