#include "core/model/precision.h"
#include "core/util/text.h"

#include <charconv>

namespace planner {

namespace {

// llama.cpp block layouts (ggml-common.h): bytes per block / weights per block.
constexpr double kQ8_0Bits = 34.0 * 8 / 32;   // 8.5
constexpr double kQ6_KBits = 210.0 * 8 / 256; // 6.5625
constexpr double kQ5_KBits = 176.0 * 8 / 256; // 5.5
constexpr double kQ4_KBits = 144.0 * 8 / 256; // 4.5
constexpr double kQ4_0Bits = 18.0 * 8 / 32;   // 4.5
constexpr double kQ3_KBits = 110.0 * 8 / 256; // 3.4375
constexpr double kQ2_KBits = 84.0 * 8 / 256;  // 2.625

constexpr const char *kGgmlSource = "llama.cpp ggml/src/ggml-common.h block layouts; mixes from src/llama-quant.cpp "
                                    "llama_tensor_get_type";

WeightFormat plain(std::string id, std::string name, double bits, ComputePrecision compute, std::string source)
{
    WeightFormat f;
    f.id = std::move(id);
    f.name = std::move(name);
    f.elementBits = bits;
    f.embeddingBits = f.headBits = f.otherBits = bits;
    f.compute = compute;
    f.source = std::move(source);
    return f;
}

WeightFormat grouped(std::string id, std::string name, double element, double scale, double zero, int group,
                     ComputePrecision compute, std::string source)
{
    WeightFormat f;
    f.id = std::move(id);
    f.name = std::move(name);
    f.elementBits = element;
    f.scaleBits = scale;
    f.zeroBits = zero;
    f.groupSize = group;
    f.compute = compute;
    f.source = std::move(source);
    return f;
}

// GGUF files keep norms in F32. `linear` is the average over the linear layers
// for a mix; embedding and output head types follow llama_tensor_get_type.
WeightFormat gguf(std::string id, std::string name, double linear, double embedding, double head)
{
    WeightFormat f;
    f.id = std::move(id);
    f.name = std::move(name);
    f.elementBits = linear;
    f.mixedLinearBits = linear;
    f.embeddingBits = embedding;
    f.headBits = head;
    f.otherBits = 32;
    f.compute = ComputePrecision::Bf16;
    f.source = kGgmlSource;
    return f;
}

std::vector<WeightFormat> makeWeightFormats()
{
    using P = ComputePrecision;
    std::vector<WeightFormat> formats;
    formats.push_back(plain("fp32", "FP32", 32, P::Fp32, "IEEE 754 single precision"));
    formats.push_back(plain("bf16", "BF16", 16, P::Bf16, "bfloat16, 2 bytes per weight"));
    formats.push_back(plain("fp16", "FP16", 16, P::Bf16, "IEEE 754 half precision, 2 bytes per weight"));

    // One FP32 scale per tensor: negligible against billions of weights.
    WeightFormat fp8 = grouped("fp8", "FP8 E4M3 (per-tensor scale)", 8, 0, 0, 0, P::Fp8,
                               "vLLM FP8 W8A8 quantization docs: E4M3 weights, one scale per "
                               "tensor; embedding and lm_head stay BF16");
    formats.push_back(fp8);
    // DeepSeek-V3/R1 config.json quantization_config: fmt e4m3, weight_block_size
    // [128, 128]; one FP32 weight_scale_inv per 128x128 block.
    formats.push_back(grouped("fp8-block", "FP8 E4M3 (128x128 block scales, DeepSeek)", 8, 32, 0, 128 * 128, P::Fp8,
                              "DeepSeek-V3 config.json quantization_config (weight_block_size "
                              "[128,128], FP32 scale_inv); embedding, head, norms BF16"));
    formats.push_back(grouped("int8", "INT8 W8A8 (per-channel scale)", 8, 16, 0, 0, P::Int8,
                              "SmoothQuant / compressed-tensors W8A8: one FP16 scale per output "
                              "channel; embedding and lm_head stay 16-bit"));
    // AWQ and GPTQ pack eight 4-bit zero points per int32 (qzeros) next to one
    // FP16 scale per group: (16 + 4) / g extra bits per weight.
    formats.push_back(grouped("awq-int4-g128", "AWQ INT4 (group 128)", 4, 16, 4, 128, P::Bf16,
                              "AutoAWQ GEMM layout: qweight int32x8, FP16 scales and packed 4-bit "
                              "zeros per 128 inputs; embedding and lm_head FP16"));
    formats.push_back(grouped("gptq-int4-g128", "GPTQ INT4 (group 128)", 4, 16, 4, 128, P::Bf16,
                              "AutoGPTQ layout: 4-bit qweight, FP16 scales and packed 4-bit qzeros "
                              "per group; embedding and lm_head FP16"));
    formats.push_back(
        grouped("gptq-int4-g32", "GPTQ INT4 (group 32)", 4, 16, 4, 32, P::Bf16, "AutoGPTQ layout with group size 32"));
    // bitsandbytes NF4 with double quantization (QLoRA paper, Dettmers et al.
    // 2023, sec. 3): 8-bit absmax per 64 weights plus an FP32 constant per 256
    // absmax values = 4 + 8/64 + 32/(64*256) bits.
    formats.push_back(grouped("nf4", "NF4 (bitsandbytes, double quant)", 4, 8 + 32.0 / 256, 0, 64, P::Bf16,
                              "QLoRA (Dettmers et al. 2023) sec. 3: block 64, double quantization"));
    // NVFP4: E2M1 values with one FP8 E4M3 scale per 16; MXFP4 (OCP MX spec):
    // one E8M0 scale per 32.
    formats.push_back(grouped("nvfp4", "NVFP4 (E2M1, FP8 scale per 16)", 4, 8, 0, 16, P::Fp4,
                              "NVIDIA Blackwell NVFP4: E2M1 with E4M3 scale per 16 values"));
    formats.push_back(grouped("mxfp4", "MXFP4 (E2M1, E8M0 scale per 32)", 4, 8, 0, 32, P::Fp4,
                              "OCP Microscaling Formats (MX) v1.0: E2M1 with E8M0 scale per 32"));
    // gpt-oss's checkpoints: MXFP4 experts (blocks + E8M0 scales per 32), and
    // the modules_to_not_convert (attention, router, embedding, head) in BF16.
    // Hopper engines dequantize the experts in their kernels (vLLM's Marlin /
    // Triton MoE), so the arithmetic is BF16.
    WeightFormat mxfp4Experts = plain("mxfp4-experts", "MXFP4 experts, BF16 elsewhere (gpt-oss)", 16, P::Bf16,
                                      "openai/gpt-oss config.json quantization_config (quant_method mxfp4, "
                                      "modules_to_not_convert: self_attn, router, embed_tokens, lm_head); "
                                      "OCP MX v1.0 E2M1 + E8M0 scale per 32");
    mxfp4Experts.expertBits = 4.0 + 8.0 / 32;
    formats.push_back(mxfp4Experts);
    // DeepSeek-V4's checkpoints ("FP4 + FP8 Mixed"): routed experts in FP4
    // E2M1 with a UE8M0 scale per 32 inputs (the MXFP4 layout), the other
    // linear weights FP8 E4M3 with a UE8M0 scale per 128x128 block;
    // embedding, head, norms, router, compressors in BF16/F32.
    WeightFormat fp4Fp8 = grouped("fp8-block-fp4-experts", "FP4 experts, FP8 blocks elsewhere (DeepSeek-V4)", 8, 8, 0,
                                  128 * 128, P::Fp8,
                                  "deepseek-ai/DeepSeek-V4-Flash config.json (expert_dtype fp4; quantization_config "
                                  "fp8 e4m3, scale_fmt ue8m0, weight_block_size [128,128]) and inference/model.py "
                                  "Linear: FP4 weight [out, in/2] + scale [out, in/32]");
    fp4Fp8.expertBits = 4.0 + 8.0 / 32;
    formats.push_back(fp4Fp8);
    // compressed-tensors (llm-compressor) symmetric INT4 "pack-quantized":
    // eight values per int32 and one BF16 scale per group, no zero point.
    formats.push_back(grouped("int4-g128", "INT4 symmetric (group 128, compressed-tensors)", 4, 16, 0, 128, P::Bf16,
                              "compressed-tensors pack-quantized W4A16: int32-packed 4-bit weights, BF16 "
                              "weight_scale per group, symmetric (no zero point)"));
    // Kimi K2.5: the routed experts in that format with groups of 32, the rest
    // (attention, shared experts, dense MLP, router, embedding, head) in BF16.
    WeightFormat int4Experts = plain("int4-g32-experts", "INT4 experts (group 32), BF16 elsewhere (Kimi K2.5)", 16,
                                     P::Bf16,
                                     "moonshotai/Kimi-K2.5 config.json quantization_config (compressed-tensors "
                                     "pack-quantized, 4-bit int, group 32, symmetric; ignore: lm_head, self_attn, "
                                     "shared_experts, dense mlp)");
    int4Experts.expertBits = 4.0 + 16.0 / 32;
    formats.push_back(int4Experts);

    // GGUF. Pure types use one block type for every linear weight; the mixes
    // follow llama_tensor_get_type. Shares are of a Llama-shaped layer's linear
    // weights (Llama-3-8B: attn_v 1.9 %, attn_output 7.7 %, ffn_down 26.9 %);
    // use_more_bits() selects half of the layers. Checked against llama.cpp's
    // quantize table for Llama-3-8B in tests/core/test_precision.
    constexpr double vShare = 0.019;
    constexpr double outputShare = 0.077;
    constexpr double downShare = 0.269;
    constexpr double moreBitsShare = (vShare + downShare) / 2; // Q4_K_M / Q5_K_M: to Q6_K
    formats.push_back(gguf("q8_0", "GGUF Q8_0", kQ8_0Bits, kQ8_0Bits, kQ8_0Bits));
    formats.push_back(gguf("q6_k", "GGUF Q6_K", kQ6_KBits, kQ6_KBits, kQ6_KBits));
    formats.push_back(
        gguf("q5_k_m", "GGUF Q5_K_M", kQ5_KBits + moreBitsShare * (kQ6_KBits - kQ5_KBits), kQ5_KBits, kQ6_KBits));
    formats.push_back(
        gguf("q4_k_m", "GGUF Q4_K_M", kQ4_KBits + moreBitsShare * (kQ6_KBits - kQ4_KBits), kQ4_KBits, kQ6_KBits));
    formats.push_back(gguf("q4_0", "GGUF Q4_0", kQ4_0Bits, kQ4_0Bits, kQ6_KBits));
    // Q3_K_M: attn_output goes to Q4_K; attn_v and ffn_down to Q4_K, except
    // Q5_K in the first two layers (attn_v) and the first n/16 (ffn_down): for
    // 32 layers both are 1/16 of the layers.
    constexpr double q3VAndDownBits = kQ4_KBits + (kQ5_KBits - kQ4_KBits) / 16;
    formats.push_back(
        gguf("q3_k_m", "GGUF Q3_K_M",
             kQ3_KBits + outputShare * (kQ4_KBits - kQ3_KBits) + (vShare + downShare) * (q3VAndDownBits - kQ3_KBits),
             kQ3_KBits, kQ6_KBits));
    // Q2_K: attn_v to Q4_K (GQA models), attn_output and ffn_down to Q3_K.
    formats.push_back(
        gguf("q2_k", "GGUF Q2_K",
             kQ2_KBits + vShare * (kQ4_KBits - kQ2_KBits) + (outputShare + downShare) * (kQ3_KBits - kQ2_KBits),
             kQ2_KBits, kQ6_KBits));
    // MXFP4_MOE (llama_ftype 38), ggml-org's gpt-oss GGUFs: the experts keep
    // their MXFP4 blocks (17 bytes per 32 weights, ggml-common.h block_mxfp4)
    // and every other weight is Q8_0, which the published file sizes show
    // (11.27 and 59.02 GiB for gpt-oss-20b and -120b; tests/core/test_precision).
    WeightFormat mxfp4Moe = gguf("mxfp4_moe", "GGUF MXFP4_MOE (MXFP4 experts, Q8_0 elsewhere)", kQ8_0Bits, kQ8_0Bits,
                                 kQ8_0Bits);
    mxfp4Moe.expertBits = 17.0 * 8 / 32;
    formats.push_back(mxfp4Moe);
    return formats;
}

KvCacheFormat kv(std::string id, std::string name, double bits, std::string source)
{
    return KvCacheFormat{std::move(id), std::move(name), bits, std::move(source)};
}

std::vector<KvCacheFormat> makeKvFormats()
{
    return {
        kv("bf16", "BF16", 16, "vLLM kv_cache_dtype auto: the model dtype"),
        kv("fp16", "FP16", 16, "vLLM kv_cache_dtype auto: the model dtype"),
        kv("fp8", "FP8 (E4M3/E5M2)", 8, "vLLM kv_cache_dtype fp8 / fp8_e4m3 / fp8_e5m2"),
        kv("int8", "INT8", 8, "LMDeploy quant_policy 8 (per-head scales negligible)"),
        kv("q8_0", "GGUF Q8_0", kQ8_0Bits, "llama.cpp --cache-type-k/v q8_0: 34 bytes per 32 values"),
        kv("int4", "INT4", 4, "LMDeploy quant_policy 4 (per-head scales negligible)"),
        kv("q4_0", "GGUF Q4_0", kQ4_0Bits, "llama.cpp --cache-type-k/v q4_0: 18 bytes per 32 values"),
    };
}

// "awq-int4-g64" / "gptq-int4-g256" / "int4-g32": the group-size variants of
// AWQ, GPTQ and compressed-tensors INT4.
std::optional<WeightFormat> groupVariant(const std::string &id)
{
    for (const char *prefix : {"awq-int4-g", "gptq-int4-g", "int4-g"}) {
        const std::string_view p(prefix);
        if (id.rfind(p, 0) != 0)
            continue;
        int group = 0;
        const char *first = id.data() + p.size();
        const char *last = id.data() + id.size();
        const auto [end, error] = std::from_chars(first, last, group);
        if (error != std::errc() || end != last || group < 8 || group > 4096)
            return std::nullopt;
        auto base = findWeightFormat(std::string(prefix) + "128");
        base->id = id;
        base->groupSize = group;
        base->name = base->name.substr(0, base->name.find('(')) + "(group " + std::to_string(group) + ")";
        return base;
    }
    return std::nullopt;
}

} // namespace

double WeightFormat::linearBits(const ModelSpec &spec) const
{
    if (mixedLinearBits)
        return *mixedLinearBits;
    const double group = groupSize > 0 ? groupSize : static_cast<double>(spec.hiddenSize);
    return elementBits + (group > 0 ? (scaleBits + zeroBits) / group : 0.0);
}

const std::vector<WeightFormat> &weightFormats()
{
    static const std::vector<WeightFormat> formats = makeWeightFormats();
    return formats;
}

const std::vector<KvCacheFormat> &kvCacheFormats()
{
    static const std::vector<KvCacheFormat> formats = makeKvFormats();
    return formats;
}

std::optional<WeightFormat> findWeightFormat(std::string_view id)
{
    const std::string key = toLower(id);
    for (const WeightFormat &f : weightFormats())
        if (f.id == key)
            return f;
    return groupVariant(key);
}

std::optional<KvCacheFormat> findKvCacheFormat(std::string_view id)
{
    const std::string key = toLower(id);
    for (const KvCacheFormat &f : kvCacheFormats())
        if (f.id == key)
            return f;
    return std::nullopt;
}

std::string_view toString(ComputePrecision precision)
{
    switch (precision) {
    case ComputePrecision::Fp32: return "FP32";
    case ComputePrecision::Bf16: return "BF16";
    case ComputePrecision::Fp8: return "FP8";
    case ComputePrecision::Int8: return "INT8";
    case ComputePrecision::Fp4: return "FP4";
    }
    return "?";
}

} // namespace planner
