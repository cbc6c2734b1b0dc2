#pragma once
// The launch export as a shell script: a header that says what was planned
// and why each choice is what it is, then the engine's command(s).
//
// One copy on one server: the command, run as is (several copies on a server
// share it through the engine's data parallelism, or run as separate processes
// on their own GPUs and ports). One copy across servers: the script takes the
// server's rank (0 = head) and HEAD_NODE_IP; for vLLM it starts the Ray
// cluster vLLM's multi-node serving runs on, for SGLang one launch_server per
// server with --nnodes / --node-rank / --dist-init-addr.

#include "core/deploy/deploymentlayout.h"

#include <string>
#include <vector>

namespace planner {

// What was planned, as comment text (no "#"): shared with the manifest.
std::vector<std::string> planSummary(const DeploymentLayout &layout);

std::string launchScript(const DeploymentLayout &layout);

// A prefill/decode pair under SGLang: one script for every server, run with
// the role it plays there — `prefill`, `decode` or `router` (SGLang's router,
// pairing the pools' URLs from PREFILL_URLS and DECODE_URLS). Each pool's
// copies sit one per server (or share one process on it).
std::string disaggregatedScript(const DeploymentLayout &prefill, const DeploymentLayout &decode);

} // namespace planner
