#include "core/resolve/verdict.h"

#include "core/util/text.h"

#include <algorithm>
#include <cmath>

namespace planner {

namespace {

// Beyond this many sequences at once no engine or cluster the planner sizes
// goes; a rate that needs more is reported as a throughput shortfall.
constexpr std::int64_t kMostSequencesSearched = std::int64_t{1} << 24;

std::string count(std::int64_t n)
{
    return std::to_string(n);
}

// The smallest concurrency in [low, high] for which `serves` holds, given it
// holds at `high` (monotone: throughput grows with concurrency).
template <typename Serves>
std::int64_t smallestServing(std::int64_t low, std::int64_t high, Serves serves)
{
    while (low < high) {
        const std::int64_t middle = low + (high - low) / 2;
        if (serves(middle))
            high = middle;
        else
            low = middle + 1;
    }
    return low;
}

Verdict capacityShort(const ServingJudgement &j, const ServingTarget &target, const PerfRequest &r,
                      double requestsAtHeld, std::optional<double> prefillPoolRate)
{
    Verdict v{Answer::Yes, Answer::No, {}, {}};
    const std::string held = count(j.held.sequences);
    if (!j.needed && prefillPoolRate && *prefillPoolRate < target.requestsPerSecond) {
        v.code = "prefill-throughput";
        v.reason = {QT_TRANSLATE_NOOP("Core", "the prefill pool computes at most %1 prompts/s; the load is %2 "
                                              "requests/s"),
                    {plainNumber(std::round(*prefillPoolRate * 100) / 100), plainNumber(target.requestsPerSecond)}};
        return v;
    }
    if (!j.needed) {
        v.code = "throughput";
        v.reason = {
            QT_TRANSLATE_NOOP("Core",
                              "serves at most %1 requests/s with the %2 sequences it holds; the load is %3 requests/s"),
            {plainNumber(std::round(requestsAtHeld * 100) / 100), held, plainNumber(target.requestsPerSecond)}};
        return v;
    }
    const std::string needed = count(*j.needed);
    if (j.held.engineBound) {
        v.code = "engine-sequences";
        v.reason = {QT_TRANSLATE_NOOP(
                        "Core", "%1 runs at most %2 sequences per replica (%3 in all) but the load needs %4 at once"),
                    {r.deployment.engine.name, count(runningSequenceLimit(r.deployment.engine, r.deployment.gpu)), held,
                     needed}};
    } else {
        v.code = "memory-sequences";
        v.reason = {QT_TRANSLATE_NOOP("Core", "memory holds %1 sequences but the load needs %2 at once"),
                    {held, needed}};
    }
    return v;
}

} // namespace

SequenceLimit sequencesHeld(const InferenceMemoryEstimate &memory, const EngineProfile &engine, const GpuSpec &gpu)
{
    SequenceLimit limit{std::max<std::int64_t>(memory.maxConcurrency, 0), false};
    if (const std::int64_t perReplica = runningSequenceLimit(engine, gpu); perReplica > 0) {
        const std::int64_t engineLimit = perReplica * std::max(memory.dataParallelReplicas, 1);
        if (engineLimit < limit.sequences)
            limit = {engineLimit, true};
    }
    return limit;
}

ServingJudgement judgeServing(const PerfRequest &r, const InferenceMemoryEstimate &memory, const ServingTarget &target)
{
    ServingJudgement j;
    j.held = sequencesHeld(memory, r.deployment.engine, r.deployment.gpu);
    const StepCostModel model(r, efficiencyRange(r).nominal, r.inputTokens + r.outputTokens, 1);
    const auto requestsPerSecond = [&](std::int64_t c) {
        return model.point(c).outputTokensPerSecond / static_cast<double>(r.outputTokens);
    };
    const std::int64_t held = std::max<std::int64_t>(j.held.sequences, 1);
    if (target.byRequestRate) {
        const auto serves = [&](std::int64_t c) { return requestsPerSecond(c) >= target.requestsPerSecond; };
        if (serves(held)) {
            j.needed = smallestServing(1, held, serves);
        } else {
            std::int64_t high = held;
            while (high < kMostSequencesSearched && !serves(high))
                high *= 2;
            if (serves(high))
                j.needed = smallestServing(high / 2 + 1, high, serves);
        }
    } else {
        j.needed = std::max<std::int64_t>(target.concurrency, 1);
    }
    j.operatingConcurrency = std::min(j.needed.value_or(held), held);
    if (!j.needed || *j.needed > j.held.sequences) {
        j.verdict = capacityShort(j, target, r, requestsPerSecond(held), model.prefillPoolRequestsPerSecond());
        return j;
    }
    const PerfPoint p = model.point(j.operatingConcurrency);
    const double ttft = units::inSeconds(p.ttft);
    const double tpot = units::inSeconds(p.tpot);
    const std::string at = count(j.operatingConcurrency);
    j.verdict = {Answer::Yes, Answer::Yes, {}, {}};
    // The target missed by the larger share binds.
    const double ttftExcess = ttft / target.ttftSloSeconds;
    const double tpotExcess = tpot / target.tpotSloSeconds;
    if (tpotExcess > 1 && tpotExcess >= ttftExcess)
        j.verdict = {Answer::Yes,
                     Answer::No,
                     "tpot",
                     {QT_TRANSLATE_NOOP("Core", "TPOT %1 ms is over the %2 ms target at %3 sequences"),
                      {plainNumber(std::round(tpot * 10000) / 10), plainNumber(target.tpotSloSeconds * 1000), at}}};
    else if (ttftExcess > 1)
        j.verdict = {Answer::Yes,
                     Answer::No,
                     "ttft",
                     {QT_TRANSLATE_NOOP("Core", "TTFT %1 s is over the %2 s target at %3 sequences"),
                      {plainNumber(std::round(ttft * 100) / 100), plainNumber(target.ttftSloSeconds), at}}};
    return j;
}

std::string_view toString(Answer answer)
{
    switch (answer) {
    case Answer::Yes: return "yes";
    case Answer::No: return "no";
    case Answer::Unknown: return "unknown";
    }
    return "unknown";
}

} // namespace planner
