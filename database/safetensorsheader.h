#pragma once
// Safetensors checkpoint headers -> tensor list, parameter count, weight format.
//
// A .safetensors file starts with an 8-byte little-endian header length N and N
// bytes of JSON naming every tensor's dtype, shape and byte range; the weights
// follow. Only the header is read, so a 700 GB checkpoint is summarised in
// milliseconds. The reader is as strict as the safetensors library itself
// (tensors must tile the data section exactly, with no gap, overlap or trailing
// byte): a header it would refuse is not a checkpoint the planner should size.
//
// The header says what is stored, not what the architecture is; that still
// comes from the config.json beside the weights (importSafetensorsModel).

#include "database/hfconfigimporter.h"

#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace planner {

struct TensorInfo {
    std::string name;
    std::string dtype;               // safetensors dtype: "BF16", "F8_E4M3", "U8", ...
    std::vector<std::int64_t> shape; // empty for a scalar
    std::int64_t elements = 0;       // product of shape (1 for a scalar)
    std::int64_t bytes = 0;          // end - begin of data_offsets
    // Model parameters the tensor holds: elements, twice that for U8-packed 4-bit
    // weights (two values per byte), 0 for a quantization scale.
    std::int64_t parameters = 0;
    bool quantizationScale = false; // weight_scale_inv, weight_scale, MXFP4 *_scales, ...
    std::string packing;            // "mxfp4" / "nvfp4" for U8-packed 4-bit weights, else empty
    std::string file;               // the .safetensors file holding it (file name only)
};

struct CheckpointSummary {
    std::vector<TensorInfo> tensors;                       // file by file, each in data-offset order
    std::vector<std::string> files;                        // the .safetensors files read, by name
    std::int64_t parameters = 0;                           // model parameters; quantization scales excluded
    std::map<std::string, std::int64_t> parametersByDtype; // the same, by storage dtype
    std::int64_t scaleElements = 0;                        // elements of the quantization-scale tensors
    std::int64_t tensorBytes = 0;                          // every tensor's bytes, scales included
    std::optional<std::int64_t> indexTotalSize;            // metadata.total_size of a sharded index, as declared
    std::map<std::string, std::string> metadata;           // __metadata__ of the files, merged
    std::string dominantDtype;                             // the dtype holding the most parameters
    // Weight format id (precision.h) of the dominant dtype: "bf16", "fp16", "fp32",
    // "fp8-block" (F8_E4M3 with 128x128 *_scale_inv tensors), "fp8", "mxfp4",
    // "nvfp4"; empty when no planner format describes the storage (AWQ/GPTQ's
    // int32-packed weights, fp8 with other block shapes, integer checkpoints).
    std::string dominantFormat;
};

struct HeaderError {
    QString where;   // file name and byte offset ("model.safetensors at byte 8") or tensor
    QString message; // one sentence naming the file (full path) and the place
    // Past the first ten problems, one last entry ("...") counts the rest.
    std::size_t unlisted = 0;
};

struct CheckpointResult {
    std::optional<CheckpointSummary> summary; // set only when errors is empty
    std::vector<HeaderError> errors;

    bool ok() const { return summary.has_value() && errors.empty(); }
};

// path: a .safetensors file, a *.safetensors.index.json (every shard its
// weight_map names is read from the same folder), or a folder holding either.
CheckpointResult readSafetensors(const QString &path);

// Bits one element of a safetensors dtype occupies (4 for F4, 6 for F6_*), or
// nullopt for a dtype the format does not define.
std::optional<int> safetensorsDtypeBits(const std::string &dtype);

// A checkpoint folder read both ways: the header for what is stored, the
// config.json beside it for the architecture.
struct CheckpointModelResult {
    CheckpointResult checkpoint;
    // Set when a config.json sits beside the weights. Its spec's checkpointFormat
    // is the weights' dominantFormat whenever that is known: the stored dtype
    // wins over torch_dtype, which often names the training precision instead.
    std::optional<ModelImportResult> config;

    bool ok() const { return checkpoint.ok() && (!config || config->ok()); }
    const ModelSpec *spec() const { return config && config->spec ? &*config->spec : nullptr; }
};

CheckpointModelResult importSafetensorsModel(const QString &path);

} // namespace planner
