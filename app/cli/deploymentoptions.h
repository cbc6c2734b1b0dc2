#pragma once
// The options that describe a deployment (model, GPUs, parallelism, formats,
// engine), shared by `fit` and `perf`, and their translation into the
// engine's request. Context and concurrency are left to each command.

#include "core/memory/inferencememory.h"

#include <QCommandLineParser>

#include <string>
#include <vector>

namespace planner::cli {

void addDeploymentOptions(QCommandLineParser &parser);
InferenceRequest deploymentFrom(const QCommandLineParser &parser);

// Parses arguments for a command; handles --help and stray positionals.
void parseCommand(QCommandLineParser &parser, const QStringList &arguments);

// The first engine validation message as a usage error.
void throwIfInvalid(const std::vector<std::string> &errors);

// "1 replica", "8 replicas", with thousands separators.
QString plural(long long count, const QString &noun);
QString count(long long value); // "4,096"

} // namespace planner::cli
