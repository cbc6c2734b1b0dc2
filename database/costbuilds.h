#pragma once
// Catalogue parts to the cost model's inputs: a server template (or bare
// GPUs) as a bill of materials, and an instance's hourly price in a tier.

#include "core/cost/costmodel.h"
#include "database/catalogue.h"

#include <optional>

namespace planner {

// One server template times `servers`: GPUs, CPUs, memory, storage and the
// chassis at their catalogue prices (unpriced parts stay in the list, without
// a price); the template's rated system power where it has one.
OnPremBuild buildFromServer(const ResolvedServer &server, int servers);
// GPUs alone, for builds the catalogue has no template for.
OnPremBuild buildFromGpus(const GpuSpec &gpu, int count);

std::optional<CloudTier> cloudTierFromString(const QString &text);

} // namespace planner
