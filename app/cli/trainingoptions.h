#pragma once
// The options that say how a model is trained, shared by `train` and
// `fit --mode full|lora|qlora`: the optimizer and how its states are sharded,
// context and interleaved pipeline parallelism, recomputation, the matmul
// precision and the LoRA adapter. Read into core's TrainingRequest; core
// holds every default (kDefaultSharding) and every formula.

#include "app/cli/deploymentoptions.h"
#include "core/memory/trainingmemory.h"

#include <QCommandLineParser>
#include <QString>

namespace planner::cli {

// --optimizer, --optimizer-sharding (--zero N as its older spelling), --cp,
// --vpp, --recompute (--checkpointing as full), --precision, --lora-rank,
// --lora-targets.
void addTrainingOptions(QCommandLineParser &parser);

// The request for the deployment's model, GPUs and layout (--tp, --pp, --ep)
// under those options; the caller sets the sequence length and micro-batch.
TrainingRequest trainingRequestFrom(const QCommandLineParser &parser, const CliDeployment &deployment,
                                    TrainingMethod method);

// How the output names a layout's extras and its sharding:
// "CP 2 · VPP 4 · EP 8 · FP8 · selective recomputation · ZeRO-1 (distributed optimizer)".
QString trainingSetupText(const TrainingRequest &request);

} // namespace planner::cli
