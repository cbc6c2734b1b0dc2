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

// Adds the prefill pool the options ask for to the deployment, before it is
// resolved: --prefill-gpus more GPUs of the deployment's kind, in servers
// built as the deployment's are (--gpus-per-server, --network,
// --nics-per-server), laid out by the --prefill-* sizes. The first servers
// hold the pool (see splitCluster).
void applyPrefillPoolOptions(const QCommandLineParser &parser, CliDeployment &deployment);

// Sets the resolved request's phases and prefix-cache hit rate from the
// options (--speculative is a deployment setting, read by deploymentFrom).
void applyServingOptions(const QCommandLineParser &parser, PerfRequest &request);

} // namespace planner::cli
