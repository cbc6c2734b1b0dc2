#pragma once
// The options that describe a deployment (model, GPUs, parallelism, formats,
// engine), shared by `fit` and `perf`, and their translation into the
// engine's request. Context and concurrency are left to each command.

#include "core/memory/inferencememory.h"
#include "core/perf/perfmodel.h"

#include <QCommandLineParser>

#include <string>
#include <vector>

namespace planner::cli {

void addDeploymentOptions(QCommandLineParser &parser);
InferenceRequest deploymentFrom(const QCommandLineParser &parser);

// --network, --nics-per-server, --gpus-per-server: how the GPUs sit in
// servers. Tensor parallelism stays inside a server; pipeline, expert and data
// parallelism cross servers over the catalogue link --network.
void addServerOptions(QCommandLineParser &parser);
struct ServerLinks {
    PerfLinks perf;
    LinkPath dataParallel;
};
ServerLinks serverLinks(const QCommandLineParser &parser, const GpuSpec &gpu, int gpuCount, const Parallelism &parallel);

// Parses arguments for a command; handles --help and stray positionals.
void parseCommand(QCommandLineParser &parser, const QStringList &arguments);

// The first engine validation message as a usage error.
void throwIfInvalid(const std::vector<std::string> &errors);

// "1 replica", "8 replicas", with thousands separators.
QString plural(long long count, const QString &noun);
QString count(long long value); // "4,096"

} // namespace planner::cli
