#pragma once
// The launch export as a Kubernetes manifest (YAML).
//
// One copy per server: a Deployment with one pod per copy (replicas = the
// planned copies), each pod limited to the copy's GPUs through the vendor's
// device-plugin resource (nvidia.com/gpu, amd.com/gpu, habana.ai/gaudi), a
// memory-backed /dev/shm for the engine's worker processes, a model cache and
// a /health readiness probe; and a Service on the engine's port.
// One copy across servers: a LeaderWorkerSet (kubernetes-sigs/lws; the layout
// vLLM's docs/deployment/frameworks/lws.md deploys) with one group of pods per
// copy: for vLLM the leader starts the Ray head and vllm serve, the workers
// join it; for SGLang every pod runs launch_server with its LWS_WORKER_INDEX
// as --node-rank. The Service selects the leaders.
// llama.cpp adds a PersistentVolumeClaim for its GGUF file.

#include "core/deploy/deploymentlayout.h"

#include <string>

namespace planner {

std::string kubernetesManifest(const DeploymentLayout &layout);

} // namespace planner
