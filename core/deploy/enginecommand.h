#pragma once
// The serving command of each engine the launch export supports, flag by
// flag, from a DeploymentLayout, and the facts about each engine a script or
// manifest needs (port, health path, container image, GPU resource name).
//
// Only flags the engines document are written; the sources are named next to
// each group in enginecommand.cpp. Where a plan's choice has no flag (a
// pre-quantized checkpoint the model's repository does not hold, a KV-cache
// format the engine lacks), formatProblem() or loadingNotes() says so instead.

#include "core/deploy/deploymentlayout.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

// One command: the program with its positional words, then each option with
// its values (kept apart so a script can print one option per line).
struct CommandLine {
    std::vector<std::string> head;
    std::vector<std::vector<std::string>> options;

    std::vector<std::string> words() const;
};

// Where one server of a copy that spans servers stands.
struct NodePlacement {
    std::string headAddress; // how the other servers reach server 0 ("$HEAD_NODE_IP")
    std::string nodeRank;    // "0".."K-1", or "$(LWS_WORKER_INDEX)" in a manifest
};

struct ServeOptions {
    int port = 0;                           // 0: the engine's default port
    int dataParallel = 1;                   // copies one process serves (vLLM --data-parallel-size, SGLang --dp-size)
    std::optional<NodePlacement> placement; // set for a multi-node copy
    bool inContainer = false;               // llama.cpp: the server image's own binary path
};

std::optional<LaunchEngine> launchEngineFor(std::string_view engineId);
const std::vector<std::string> &launchEngineIds(); // "vllm", "sglang", "llama.cpp"

int defaultPort(LaunchEngine engine);
std::string_view healthPath(LaunchEngine engine);
// The engine's public image for the GPU's vendor; empty when there is none.
std::string containerImage(LaunchEngine engine, const GpuSpec &gpu);
// The Kubernetes device-plugin resource of the GPU's vendor ("nvidia.com/gpu",
// "amd.com/gpu", "habana.ai/gaudi"); empty for a vendor without one.
std::string gpuResourceName(const GpuSpec &gpu);
// The environment variable that picks a process's GPUs on this vendor.
std::string deviceVisibilityVariable(const GpuSpec &gpu);

// Why the engine cannot load the layout's weights or KV cache as planned
// (llama.cpp loads only GGUF; vLLM has no INT8 KV cache); empty when it can.
std::string formatProblem(const DeploymentLayout &layout);
// How the weights reach the engine: the checkpoint's own format, quantized
// while loading, or a checkpoint to fetch first.
std::vector<std::string> loadingNotes(const DeploymentLayout &layout);
// What the export says of the speculative draft the estimate assumed: the
// flags it writes (MTP, n-gram), the flags to add with an EAGLE-3 head's
// repository, or that llama.cpp runs without it.
std::vector<std::string> speculativeNotes(const DeploymentLayout &layout);
// llama.cpp: the GGUF file the command loads ("/models/<model>-Q4_K_M.gguf").
std::string ggufPath(const DeploymentLayout &layout);
// llama.cpp -ngl: every decoder layer and the output layer when nothing is
// offloaded, else the decoder layers left on the GPUs.
int llamaCppGpuLayers(const DeploymentLayout &layout);

// Whether copies that share a server also share one engine process (vLLM's
// and SGLang's data parallelism) or run as separate processes.
bool sharesProcessAcrossReplicas(const DeploymentLayout &layout);

CommandLine serveCommand(const DeploymentLayout &layout, const ServeOptions &options);

} // namespace planner
