#pragma once
// The options that describe a deployment (model, GPUs and the servers they sit
// in, parallelism, formats, engine), shared by `fit`, `perf`, `simulate` and
// `train`. They are read into the engine's own inputs — a model, a cluster of
// identical servers and the deployment settings — and resolved by core's
// resolveDeployment, which holds every default; this file computes none.

#include "core/resolve/deployment.h"

#include <QCommandLineParser>

#include <string>
#include <vector>

namespace planner::cli {

// --model, --gpu, --gpus, --tp, --pp, --ep, --dp-attention, --weights, --kv,
// --engine, --offload, --mtp, --json, and the servers the GPUs sit in:
// --gpus-per-server, --network, --nics-per-server.
void addDeploymentOptions(QCommandLineParser &parser);

struct CliDeployment {
    ModelSpec model;
    Cluster cluster;
    DeploymentSettings settings;
};
CliDeployment deploymentFrom(const QCommandLineParser &parser);
// `gpus` GPUs placed as the options place them by default: servers of eight
// joined by the default network.
Cluster bareGpuCluster(const GpuSpec &gpu, int gpus);

// `gpus` GPUs of this kind in servers as --gpus-per-server, --network and
// --nics-per-server build and join them.
Cluster gpuServersFrom(const QCommandLineParser &parser, const GpuSpec &gpu, int gpus);
// The path between servers each GPU of a server of `gpus` gets from those options.
LinkPath networkPathFrom(const QCommandLineParser &parser, int gpus);

// resolveDeployment on the options; a problem becomes a usage error that
// names the option at fault.
ResolvedDeployment resolve(const CliDeployment &deployment, const WorkloadShape &shape);
// The same, also refusing a GPU that lacks a figure the timing needs.
ResolvedDeployment resolveForTiming(const CliDeployment &deployment, const WorkloadShape &shape);

// Parses arguments for a command; handles --help and stray positionals.
void parseCommand(QCommandLineParser &parser, const QStringList &arguments);

// The first engine validation message as a usage error.
void throwIfInvalid(const std::vector<Problem> &problems);

// "1 replica", "8 replicas", with thousands separators.
QString plural(long long count, const QString &noun);
QString count(long long value); // "4,096"

} // namespace planner::cli
