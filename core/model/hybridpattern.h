#pragma once
// Nemotron-H's hybrid_override_pattern: one letter per layer, each layer a
// single block with its own norm: M a Mamba-2 mixer, * an attention mixer,
// - an MLP, E a mixture-of-experts block. As ModelSpec patterns a layer is a
// mixer plus a feed-forward block, so M is ('M', none), * is ('F', none), - is
// (none, 'D') and E is (none, 'E').

#include <optional>
#include <string>
#include <string_view>

namespace planner {

struct HybridLayerPatterns {
    std::string layerPattern; // ModelSpec::layerPattern, its shortest period
    std::string ffnPattern;   // ModelSpec::ffnPattern, the same period
};

// A per-layer letter string as its shortest repeating period ("SFSFSF" ->
// "SF"): how ModelSpec stores layer_types and hybrid_override_pattern.
std::string shortestPeriod(std::string_view letters);

// nullopt when a letter is not M, *, - or E; `badLetter` then holds it.
std::optional<HybridLayerPatterns> hybridLayerPatterns(std::string_view pattern, char *badLetter = nullptr);

} // namespace planner
