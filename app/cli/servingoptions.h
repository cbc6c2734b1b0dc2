#pragma once
// The options that say how a deployment serves, shared by `perf` and
// `simulate`: a speculative draft (--speculative), a separate prefill pool (--prefill-gpus with its own layout),
// one side of such a pair alone (--phase), and the prefix cache's hit rate
// (--prefix-hit). Read into the request's own fields; core holds the model.

#include "app/cli/deploymentoptions.h"

#include <QCommandLineParser>

namespace planner::cli {

// --speculative, --prefill-gpus, --prefill-tp, --prefill-pp, --prefill-ep,
// --prefill-dp-attention, --phase, --prefix-hit.
void addServingOptions(QCommandLineParser &parser);

// Sets the request's phases, prefill pool and prefix-cache hit rate from the
// options (--speculative is a deployment setting, read by deploymentFrom). A prefill pool is more GPUs of the
// deployment's kind, model, formats and engine, in servers built as the deployment's are; its KV caches cross the
// network between servers (--network, --nics-per-server).
void applyServingOptions(const QCommandLineParser &parser, const CliDeployment &deployment, PerfRequest &request);

} // namespace planner::cli
