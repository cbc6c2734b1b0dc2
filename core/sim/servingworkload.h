#pragma once
// The requests a serving simulation replays: length distributions, recorded
// traces, and the seeded random draws behind both.
//
// Draws come from std::mt19937_64, whose output the C++ standard fixes bit for
// bit, turned into uniforms, exponentials and normals by the formulas here
// rather than by <random>'s distribution classes, whose algorithms each
// standard library chooses for itself: the same seed gives the same workload
// on every platform, not only on every run.
//
// Lengths are whole tokens and at least 1: a draw below 1 becomes 1 (a normal
// distribution with a large spread piles the clamped mass at 1). Lognormal
// takes the mean and standard deviation of the lengths themselves, the figures
// a request log reports, not those of their logarithm.

#include "core/units/units.h"
#include "core/util/problem.h"

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

struct LengthDistribution {
    enum class Kind { Fixed, Uniform, Normal, LogNormal };
    Kind kind = Kind::Fixed;
    double first = 512; // fixed: the length; uniform: min; normal, lognormal: mean
    double second = 0;  // uniform: max (inclusive); normal, lognormal: standard deviation

    static LengthDistribution fixed(double tokens) { return {Kind::Fixed, tokens, 0}; }
    static LengthDistribution uniform(double min, double max) { return {Kind::Uniform, min, max}; }
    static LengthDistribution normal(double mean, double sd) { return {Kind::Normal, mean, sd}; }
    static LengthDistribution logNormal(double mean, double sd) { return {Kind::LogNormal, mean, sd}; }

    bool operator==(const LengthDistribution &) const = default;
};

// One problem per fault, each under `field` (the option that sets the
// distribution, "input-dist"); the caller names the distribution as subject.
std::vector<Problem> validate(const LengthDistribution &distribution, const std::string &field);

// The mean length (after clamping to 1 token, approximately for normal).
double meanLength(const LengthDistribution &distribution);
// A length that few draws exceed (mean + 4 sd; the maximum of a uniform): what
// the memory model is sized for.
double highLength(const LengthDistribution &distribution);
// "fixed 512", "uniform 100-900", "normal 512 sd 128", "lognormal 512 sd 256".
std::string describe(const LengthDistribution &distribution);

// The seeded draws (see the design note).
class WorkloadRandom
{
public:
    explicit WorkloadRandom(std::uint64_t seed)
        : mEngine(seed)
    {
    }
    double uniform();     // [0, 1)
    double exponential(); // mean 1
    double normal();      // mean 0, sd 1
    std::int64_t length(const LengthDistribution &distribution);

private:
    std::mt19937_64 mEngine;
};

// Independent streams for arrivals and lengths from one user seed (SplitMix64),
// so that changing a length distribution leaves the arrival times alone.
std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream);

// One recorded request.
struct TraceEntry {
    units::Seconds arrival = units::seconds(0); // since the trace's start
    std::int64_t inputTokens = 1;
    std::int64_t outputTokens = 1;

    bool operator==(const TraceEntry &) const = default;
};

// A trace as CSV: the header "arrival_s,input_tokens,output_tokens", then one
// row per request. Arrival times need not be sorted. Blank lines are skipped.
struct TraceParseResult {
    std::vector<TraceEntry> entries;
    std::string error; // "line 7: ...", empty when the text was read
    bool ok() const { return error.empty(); }
};
TraceParseResult parseTraceCsv(std::string_view text);
// Arrival times written in the shortest form that reads back to the same double.
std::string formatTraceCsv(const std::vector<TraceEntry> &entries);

} // namespace planner
