#pragma once
// Models already on the user's disk, found where the common tools keep them,
// so they can be imported without hunting for paths:
//
// - the Hugging Face hub cache: $HF_HUB_CACHE, else $HF_HOME/hub, else
//   $XDG_CACHE_HOME/huggingface/hub, else ~/.cache/huggingface/hub; each repo
//   is models--<org>--<name>/snapshots/<commit>/ with its config.json, the
//   snapshot refs/main names first;
// - Ollama: $OLLAMA_MODELS, else ~/.ollama/models and the Linux service's
//   /usr/share/ollama/.ollama/models; manifests/<registry>/<namespace>/<model>/<tag>
//   name the GGUF blob (blobs/sha256-<digest>) of each tag;
// - LM Studio: ~/.lmstudio/models and the older ~/.cache/lm-studio/models,
//   <publisher>/<repo>/ holding .gguf files or an MLX folder with config.json.
//
// Only directory listings and small manifests are read: no weights.

#include <QProcessEnvironment>
#include <QString>

#include <cstdint>
#include <vector>

namespace planner {

struct ModelStore {
    QString name; // "Hugging Face cache", "Ollama", "LM Studio"
    QString path;
};

struct LocalModel {
    QString store;           // ModelStore::name
    QString name;            // "Qwen/Qwen3-8B", "llama3.1:8b", "lmstudio-community/Qwen3-8B-GGUF/Qwen3-8B-Q4_K_M.gguf"
    QString path;            // what import-model reads: a snapshot folder or a GGUF file
    QString format;          // "config.json" or "gguf"
    std::int64_t bytes = -1; // the weights' size on disk where the store says it; -1 unknown
};

// The store folders to look in for this environment (home from $HOME),
// whether or not they exist.
std::vector<ModelStore> modelStores(const QProcessEnvironment &environment);

// Every model found in the stores that exist, store by store, each sorted by name.
std::vector<LocalModel> scanModelStores(const std::vector<ModelStore> &stores);

} // namespace planner
