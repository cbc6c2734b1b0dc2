#pragma once
// GGUF file headers -> metadata, tensor list and a ModelSpec.
//
// A GGUF file (llama.cpp) starts with its metadata key/value pairs and tensor
// descriptions; the quantized weights follow. Only that header is read, through
// a reader bounded by the file's size, so a 400 GB file costs a few megabytes
// (mostly the tokenizer's vocabulary, which is skipped, not kept). The reader
// refuses what llama.cpp's gguf loader refuses, and says at which byte: a file
// llama.cpp cannot open is not a deployment to size.
//
// Format: github.com/ggml-org/ggml docs/gguf.md; versions 2 and 3, little-endian.

#include "database/hfconfigimporter.h"
#include "database/safetensorsheader.h" // HeaderError, shared by both weight-file readers

#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace planner {

// gguf_type: the metadata value types.
enum class GgufValueType : std::uint32_t {
    Uint8 = 0,
    Int8 = 1,
    Uint16 = 2,
    Int16 = 3,
    Uint32 = 4,
    Int32 = 5,
    Float32 = 6,
    Bool = 7,
    String = 8,
    Array = 9,
    Uint64 = 10,
    Int64 = 11,
    Float64 = 12,
};

// One metadata value. Arrays keep only their element type and length: the
// tokenizer's arrays run to 150k strings and nothing in them sizes a model.
struct GgufValue {
    GgufValueType type = GgufValueType::Uint8;
    std::optional<std::int64_t> integer; // integer and bool types (unset for a uint64 above int64's range)
    double real = 0;                     // Float32, Float64
    std::string text;                    // String
    GgufValueType arrayType = GgufValueType::Uint8;
    std::uint64_t arrayCount = 0;
};

struct GgufTensor {
    std::string name;
    std::uint32_t ggmlType = 0;     // ggml_type id (ggml.h)
    std::string typeName;           // "Q4_K", "F32", ...
    std::vector<std::int64_t> dims; // ggml order: dims[0] is the row length (innermost)
    std::int64_t elements = 0;
    std::int64_t bytes = 0;  // elements / block size x block bytes
    std::int64_t offset = 0; // from the start of the data section
};

struct GgufHeader {
    std::uint32_t version = 0;
    std::int64_t alignment = 32; // general.alignment
    std::int64_t dataOffset = 0; // byte of the file where the data section starts

    std::string architecture;             // general.architecture
    std::string name;                     // general.name (may be empty)
    std::optional<std::int64_t> fileType; // general.file_type (llama_ftype)
    // The sizing keys, "<architecture>.<key>"; unset when absent or not an integer.
    std::optional<std::int64_t> blockCount;        // .block_count
    std::optional<std::int64_t> embeddingLength;   // .embedding_length
    std::optional<std::int64_t> feedForwardLength; // .feed_forward_length
    std::optional<std::int64_t> headCount;         // .attention.head_count
    std::optional<std::int64_t> headCountKv;       // .attention.head_count_kv
    std::optional<std::int64_t> contextLength;     // .context_length
    std::optional<std::int64_t> expertCount;       // .expert_count
    std::optional<std::int64_t> expertUsedCount;   // .expert_used_count
    std::map<std::string, GgufValue> metadata;     // every key, as stored

    std::vector<GgufTensor> tensors;                      // in file order
    std::int64_t parameters = 0;                          // sum of tensor elements
    std::int64_t tensorBytes = 0;                         // sum of tensor bytes (alignment padding excluded)
    double bitsPerWeight = 0;                             // tensorBytes x 8 / parameters
    std::map<std::string, std::int64_t> tensorsByType;    // tensor count by ggml type name
    std::map<std::string, std::int64_t> parametersByType; // elements by ggml type name

    const GgufTensor *tensor(const std::string &tensorName) const;
};

struct GgufResult {
    std::optional<GgufHeader> header; // set only when errors is empty
    std::vector<HeaderError> errors;  // each names the file and the byte offset

    bool ok() const { return header.has_value() && errors.empty(); }
};

GgufResult readGgufHeader(const QString &path);

// ggml's block layout of a type id: values per block and bytes per block.
struct GgmlTypeInfo {
    const char *name;
    std::int64_t blockSize;
    std::int64_t blockBytes;
};
std::optional<GgmlTypeInfo> ggmlTypeInfo(std::uint32_t ggmlType);

// The planner weight format id of a general.file_type (llama_ftype): the pure
// types and the K-quant mixes precision.h describes; nullopt for the others.
std::optional<std::string> weightFormatOfFileType(std::int64_t fileType);

// GGUF -> ModelSpec for the llama (Llama, Mistral, Mixtral when expert_count is
// set) and qwen2 architectures. Errors name the metadata key or tensor
// ("llama.block_count", "token_embd.weight") and the file; sourceName names the
// file in messages and becomes ModelSpec::source.
ModelImportResult modelSpecFromGguf(const GgufHeader &header, const QString &sourceName);

// readGgufHeader + modelSpecFromGguf; a header error becomes an ImportError
// whose field is its HeaderError::where.
ModelImportResult importGguf(const QString &path);

} // namespace planner
