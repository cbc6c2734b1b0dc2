#pragma once
// Weight and KV-cache storage formats, with their real cost in bits.
//
// A quantized checkpoint is not "N bits per parameter": each group of weights
// carries a scale (and often a zero point), and the embedding, output head,
// norms, biases and router usually stay in 16 or 32 bits. WeightFormat states
// both, so weight memory is summed tensor role by tensor role.

#include "core/model/modelspec.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

// The arithmetic the matrix multiplies run in; the performance model picks the
// GPU's throughput for it. Weight-only formats (AWQ, GPTQ, NF4, GGUF) dequantize
// to BF16/FP16 before multiplying.
enum class ComputePrecision { Fp32, Bf16, Fp8, Int8, Fp4 };

struct WeightFormat {
    std::string id;   // command-line and file id, e.g. "awq-int4-g128"
    std::string name; // e.g. "AWQ INT4 (group 128)"
    // Quantized linear layers: element bits plus per-group scale and zero point.
    // groupSize 0 means one scale per output channel (a row of hidden_size inputs).
    double elementBits = 16;
    double scaleBits = 0;
    double zeroBits = 0;
    int groupSize = 0;
    // Where a mixed recipe upgrades part of the linear weights (llama.cpp's K-quant
    // "_M" mixes), the average bits of the linear layers is given directly instead.
    std::optional<double> mixedLinearBits;
    // Where the checkpoint quantizes only the routed experts (gpt-oss: MXFP4
    // experts, attention in BF16), the experts' bits per weight, scales included.
    std::optional<double> expertBits;
    double embeddingBits = 16;
    double headBits = 16;
    double otherBits = 16; // norms, biases, router
    ComputePrecision compute = ComputePrecision::Bf16;
    std::string source; // where the layout and its overheads are documented

    // Average bits per linear weight, scales and zero points included.
    double linearBits(const ModelSpec &spec) const;
    // Bits per routed-expert weight: expertBits where set, else linearBits.
    double routedExpertBits(const ModelSpec &spec) const { return expertBits.value_or(linearBits(spec)); }
};

struct KvCacheFormat {
    std::string id;
    std::string name;
    double bitsPerElement = 16; // block scales included (llama.cpp q8_0: 34 bytes / 32 values)
    std::string source;
};

const std::vector<WeightFormat> &weightFormats();
const std::vector<KvCacheFormat> &kvCacheFormats();

// Looks a format up by id, case-insensitively. AWQ/GPTQ ids accept any group
// size ("gptq-int4-g64"). Returns nullopt for an unknown id.
std::optional<WeightFormat> findWeightFormat(std::string_view id);
std::optional<KvCacheFormat> findKvCacheFormat(std::string_view id);

std::string_view toString(ComputePrecision precision);

} // namespace planner
