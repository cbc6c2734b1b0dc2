#pragma once
// Launch export: a scenario's plan as the commands that serve it.
//
// exportLaunch() takes one model version of one scenario and turns what the
// planner estimated for it (evaluateScenario: parallelism, copies, the
// concurrency the workload needs, formats and per-GPU memory) into
//  - a shell script with the engine's launch command: vLLM (`vllm serve`),
//    SGLang (`python3 -m sglang.launch_server`) or llama.cpp (`llama-server`),
//    with the per-server steps when one copy of the model spans servers, and
//  - a Kubernetes manifest: a Deployment with one pod per copy, or a
//    LeaderWorkerSet when a copy spans servers, requesting the vendor's GPU
//    resource, with /dev/shm and a Service on the engine's port.
//
// Design notes:
//  - The export follows the estimate, so the numbers in the commands are the
//    ones the planner sized: tensor/pipeline/expert parallel sizes, max model
//    length = the workload's context, memory share = the engine profile's
//    (vLLM gpu_memory_utilization, SGLang mem_fraction_static), sequences per
//    copy = the concurrency the estimate holds. A model that does not fit is
//    an error, not a command that runs out of memory at start-up.
//  - llama.cpp is the one engine that serves a model larger than its GPUs: when
//    the all-on-GPU estimate does not fit, the export keeps the fewest layers
//    in host RAM that make it fit (its -ngl), as `fit --offload auto` does.
//  - Only documented flags are written (sources in enginecommand.cpp). What a
//    flag cannot express — weights the model's repository does not hold, a
//    model id the source names no repository for — is a NOTE in both outputs.
//  - Choosing another engine than the scenario's re-evaluates the scenario
//    with it, since engines reserve memory differently.

#include "core/memory/inferencememory.h"
#include "core/plan/plan.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

struct LaunchExport {
    std::string scenarioName;
    std::string modelId;
    std::string engineId;      // "vllm", "sglang" or "llama.cpp"
    std::string modelRepo;     // the Hugging Face repository, or the model id when its source names none
    Parallelism parallel;      // of one copy
    int replicas = 1;          // copies of the model
    int serversPerReplica = 1; // > 1: a copy spans servers
    int gpusPerServer = 1;     // GPUs a copy uses on each of its servers
    std::int64_t contextTokens = 0;
    std::int64_t sequencesPerReplica = 0;
    int offloadedLayers = 0;          // llama.cpp: decoder layers in host RAM
    std::vector<std::string> command; // program and arguments that serve one copy (on its first server)
    std::string script;               // shell script (#!/bin/sh)
    std::string kubernetesManifest;   // YAML; empty for a prefill/decode pair (the script serves it)
    std::vector<std::string> notes;   // what the outputs' comments say beyond the numbers
};

struct LaunchExportResult {
    std::optional<LaunchExport> launch; // set exactly when error is empty
    std::string error;                  // one line
    bool ok() const { return error.empty(); }
};

// scenarioIndex counts from 0; an empty modelId is the plan's first model
// version, an empty engineId the scenario's engine.
LaunchExportResult exportLaunch(const Plan &plan, std::size_t scenarioIndex, std::string_view modelId = {},
                                std::string_view engineId = {});

// The engines exportLaunch writes commands for.
const std::vector<std::string> &launchExportEngines();

} // namespace planner
