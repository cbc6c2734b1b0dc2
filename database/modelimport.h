#pragma once
// One entry point for "import this model from my disk", shared by
// `llm-planner-cli import-model` and the desktop application's Import Model
// dialog: a config.json or model folder, a .safetensors file or index, or a
// GGUF file (also Ollama's extension-less GGUF blobs). Only headers are read,
// never the weights.

#include "core/model/modelspec.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string>

namespace planner {

// What the weights' own header says, when one was read (safetensors or GGUF).
struct CheckpointHeaderFacts {
    QString format;               // "safetensors" or "gguf"
    std::int64_t parameters = 0;  // elements in every stored tensor
    std::int64_t tensorBytes = 0; // bytes of every stored tensor
    std::string dominantDtype;    // safetensors: the dtype most bytes use
    double bitsPerWeight = 0;     // GGUF: mean bits per parameter
};

struct ModelImport {
    std::optional<ModelSpec> spec;
    std::optional<CheckpointHeaderFacts> header;
    QString error; // why nothing was imported; empty on success

    bool ok() const { return spec.has_value(); }
};

ModelImport importModelFromPath(const QString &path);

} // namespace planner
