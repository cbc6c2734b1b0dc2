#include "core/sim/servingsimulation.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <numeric>
#include <queue>

namespace planner {

namespace {

constexpr std::int64_t kDefaultTokenBudget = 8192;
constexpr std::int64_t kDefaultMaxRunning = 256;
// Each simulated request keeps about 200 bytes (1,000,000 requests of
// Llama 3.1 8B on an H100: 0.2 GB and 3 s, measured 2026-12-06), so ten
// million stay near 2 GB and half a minute, on a laptop too.
constexpr std::int64_t kMaxRequests = 10'000'000;
constexpr double kMaxBlocks = 1e15; // keeps the block count an exact integer
constexpr double kMinRate = 1e-9;   // requests per second

std::string number(double value)
{
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    return std::string(text, end);
}

// ---------------------------------------------------------------------------
// Configuration helpers

std::int64_t tokenBudgetFor(const SimulationConfig &c, const EngineProfile &engine)
{
    if (c.tokenBudget > 0)
        return c.tokenBudget;
    return engine.maxBatchedTokens > 0 ? engine.maxBatchedTokens : kDefaultTokenBudget;
}

std::int64_t maxRunningFor(const SimulationConfig &c, const InferenceRequest &deployment)
{
    if (c.maxRunningSequences > 0)
        return c.maxRunningSequences;
    const std::int64_t limit = runningSequenceLimit(deployment.engine, deployment.gpu);
    return limit > 0 ? limit : kDefaultMaxRunning;
}

int replicasOf(const InferenceRequest &d)
{
    return std::max(1, d.gpuCount / std::max(1, d.parallel.tensor * d.parallel.pipeline));
}

// The longest request the memory model is sized for: the trace's longest, or
// a long draw of the distributions, within the model's context.
std::int64_t sizingContext(const SimulationConfig &c, const ModelSpec &model)
{
    double tokens = 1;
    if (c.arrivals == ArrivalPattern::Trace) {
        for (const TraceEntry &e : c.trace)
            tokens = std::max(tokens, static_cast<double>(e.inputTokens) + static_cast<double>(e.outputTokens));
    } else {
        tokens = highLength(c.inputLength) + highLength(c.outputLength);
    }
    const double limit = model.maxContext > 0 ? static_cast<double>(model.maxContext) : tokens;
    return static_cast<std::int64_t>(std::clamp(tokens, 1.0, std::max(1.0, limit)));
}

// The memory model as the engine sizes itself at start-up: maxRunning
// sequences per replica and a batch of the full token budget (what vLLM's
// profile run measures), so the activation reserve is the engine's own. The
// KV part of that estimate is not used: kvCapacityTokens() is what is left.
StepCostModel stepModelFor(const SimulationConfig &c, const PerfRequest &request)
{
    const Efficiency efficiency = c.efficiency
                                      ? *c.efficiency
                                      : efficiencyFor(request.deployment.engine, request.deployment.gpu).nominal;
    const std::int64_t running = maxRunningFor(c, request.deployment);
    return StepCostModel(request, efficiency, sizingContext(c, request.deployment.model),
                         running * replicasOf(request.deployment));
}

std::int64_t blockTokensOf(const EngineProfile &engine)
{
    return std::max(1, engine.kvBlockTokens);
}

std::int64_t totalBlocksOf(const StepCostModel &model, std::int64_t blockTokens)
{
    const double tokens = model.kvCapacityTokens();
    if (!std::isfinite(tokens) || tokens <= 0)
        return 0;
    return static_cast<std::int64_t>(std::min(kMaxBlocks, std::floor(tokens / static_cast<double>(blockTokens))));
}

std::int64_t ceilDiv(std::int64_t a, std::int64_t b)
{
    return (a + b - 1) / b;
}

bool positiveSeconds(units::Seconds s)
{
    const double v = units::inSeconds(s);
    return std::isfinite(v) && v > 0;
}

// The perf model's checks at a one-token request: formats, GPU figures,
// parallelism and links (request lengths are checked per request); `group`
// names the group of a disaggregated deployment.
void validateDeployment(ProblemList &problems, const PerfRequest &request, const SimulationConfig &c,
                        const std::string &group)
{
    PerfRequest probe = request;
    probe.inputTokens = 1;
    probe.outputTokens = 1;
    probe.concurrency = 1;
    std::vector<Problem> invalid = validate(probe);
    if (!invalid.empty()) {
        problems.addAll(std::move(invalid), group);
        return;
    }
    const StepCostModel model = stepModelFor(c, request);
    if (totalBlocksOf(model, blockTokensOf(request.deployment.engine)) < 1)
        problems.addAll({{"invalid-simulation",
                          {QT_TRANSLATE_NOOP("Core", "the deployment does not fit: weights, activations and reserve "
                                                     "leave no memory for the KV cache (see 'fit')"),
                           {}},
                          {},
                          group}});
}

void validateArrivals(ProblemList &problems, const SimulationConfig &c)
{
    switch (c.arrivals) {
    case ArrivalPattern::Poisson:
        // The floor keeps every arrival time finite (a denormal rate would
        // put the first arrival at infinity).
        if (!std::isfinite(c.ratePerSecond) || c.ratePerSecond < kMinRate)
            problems.add("qps",
                         QT_TRANSLATE_NOOP("Core", "the arrival rate must be a positive number of requests per second "
                                                   "(at least %1), got %2"),
                         {number(kMinRate), number(c.ratePerSecond)});
        break;
    case ArrivalPattern::ClosedLoop:
        if (c.concurrency < 1)
            problems.add("concurrency", QT_TRANSLATE_NOOP("Core", "the concurrency must be at least 1 request, got %1"),
                         {std::to_string(c.concurrency)});
        break;
    case ArrivalPattern::Trace:
        if (c.trace.empty())
            problems.add("trace", QT_TRANSLATE_NOOP("Core", "the trace has no requests"));
        if (static_cast<std::int64_t>(c.trace.size()) > kMaxRequests)
            problems.add("trace", QT_TRANSLATE_NOOP("Core", "the trace has more than %1 requests"),
                         {std::to_string(kMaxRequests)});
        for (size_t i = 0; i < c.trace.size(); ++i) {
            const TraceEntry &e = c.trace[i];
            const double t = units::inSeconds(e.arrival);
            if (!std::isfinite(t) || t < 0 || e.inputTokens < 1 || e.outputTokens < 1) {
                problems.add("trace",
                             QT_TRANSLATE_NOOP("Core", "trace request %1: needs a non-negative arrival time and at "
                                                       "least 1 input and 1 output token"),
                             {std::to_string(i + 1)});
                break;
            }
        }
        return; // a trace brings its own lengths and count
    }
    if (c.requests < 1 || c.requests > kMaxRequests)
        problems.add("requests", QT_TRANSLATE_NOOP("Core", "the number of requests must be between 1 and %1, got %2"),
                     {std::to_string(kMaxRequests), std::to_string(c.requests)});
    problems.addAll(validate(c.inputLength, "input-dist"), "input length");
    problems.addAll(validate(c.outputLength, "output-dist"), "output length");
}

void validateLimits(ProblemList &problems, const SimulationConfig &c)
{
    if (!positiveSeconds(c.ttftSlo))
        problems.add("ttft-slo", QT_TRANSLATE_NOOP("Core", "the TTFT SLO must be a positive number of seconds"));
    if (!positiveSeconds(c.tpotSlo))
        problems.add("tpot-slo", QT_TRANSLATE_NOOP("Core", "the TPOT SLO must be a positive number of seconds"));
    if (c.tokenBudget < 0)
        problems.add(
            {}, QT_TRANSLATE_NOOP("Core", "the token budget per step must be positive (0 for the engine's), got %1"),
            {std::to_string(c.tokenBudget)});
    if (c.maxRunningSequences < 0)
        problems.add(
            {}, QT_TRANSLATE_NOOP("Core", "the running-sequence limit must be positive (0 for the engine's), got %1"),
            {std::to_string(c.maxRunningSequences)});
    if (c.timeSeriesPoints < 2)
        problems.add({}, QT_TRANSLATE_NOOP("Core", "the KV-utilisation series needs at least 2 points"));
    if (c.efficiency
        && !(c.efficiency->compute > 0 && c.efficiency->memory > 0 && c.efficiency->network > 0
             && c.efficiency->compute <= 1 && c.efficiency->memory <= 1 && c.efficiency->network <= 1))
        problems.add("efficiency", QT_TRANSLATE_NOOP("Core", "efficiency factors must lie in (0, 1]"));
}

// Fixed lengths that no request can have are a configuration error; random
// lengths beyond the model's context are rejected one by one.
void validateFixedLengths(ProblemList &problems, const SimulationConfig &c)
{
    using Kind = LengthDistribution::Kind;
    if (c.arrivals == ArrivalPattern::Trace || c.inputLength.kind != Kind::Fixed || c.outputLength.kind != Kind::Fixed)
        return;
    const ModelSpec &model = c.request.deployment.model;
    const double total = std::round(c.inputLength.first) + std::round(c.outputLength.first);
    if (model.maxContext > 0 && total > static_cast<double>(model.maxContext))
        problems.add("input-len", QT_TRANSLATE_NOOP("Core", "requests of %1 tokens exceed the model's maximum of %2"),
                     {std::to_string(static_cast<long long>(total)), std::to_string(model.maxContext)});
}

// ---------------------------------------------------------------------------
// KV utilisation over time, in at most `points` buckets: when time runs past
// the last bucket, neighbours merge and the bucket width doubles, so memory
// stays bounded without knowing the run's length in advance.

class UtilisationSeries
{
public:
    explicit UtilisationSeries(int points)
        : mCapacity(static_cast<size_t>(std::max(2, points)))
    {
        mBuckets.reserve(mCapacity);
    }

    // `value` held over [from, to); to == from records an instant (peaks only).
    void add(double from, double to, double value)
    {
        fit(to);
        const size_t first = index(from);
        const size_t last = std::max(first, index(to));
        if (mBuckets.size() <= last)
            mBuckets.resize(last + 1);
        for (size_t i = first; i <= last; ++i) {
            const double lo = std::max(from, static_cast<double>(i) * mWidth);
            const double hi = std::min(to, static_cast<double>(i + 1) * mWidth);
            if (hi > lo)
                mBuckets[i].area += value * (hi - lo);
            if (hi > lo || i == first)
                mBuckets[i].peak = std::max(mBuckets[i].peak, value);
        }
    }

    std::vector<KvSample> samples(double end) const
    {
        std::vector<KvSample> out;
        for (size_t i = 0; i < mBuckets.size(); ++i) {
            const double start = static_cast<double>(i) * mWidth;
            if (i > 0 && start >= end)
                break;
            const double span = std::min(mWidth, end - start);
            const double mean = span > 0 ? mBuckets[i].area / span : mBuckets[i].peak;
            out.push_back({units::seconds(start), std::clamp(mean, 0.0, 1.0), mBuckets[i].peak});
        }
        return out;
    }

private:
    struct Bucket {
        double area = 0;
        double peak = 0;
    };

    size_t index(double t) const { return static_cast<size_t>(std::max(0.0, t) / mWidth); }

    void fit(double t)
    {
        while (std::max(0.0, t) / mWidth >= static_cast<double>(mCapacity)) {
            const size_t merged = (mBuckets.size() + 1) / 2;
            for (size_t i = 0; i < merged; ++i) {
                Bucket b = mBuckets[2 * i];
                if (2 * i + 1 < mBuckets.size()) {
                    b.area += mBuckets[2 * i + 1].area;
                    b.peak = std::max(b.peak, mBuckets[2 * i + 1].peak);
                }
                mBuckets[i] = b;
            }
            mBuckets.resize(merged);
            mWidth *= 2;
        }
    }

    size_t mCapacity;
    double mWidth = 1e-3; // grows by doubling; starting small keeps short runs resolved
    std::vector<Bucket> mBuckets;
};

// ---------------------------------------------------------------------------
// The simulator

enum class Role { Mixed, PrefillOnly, DecodeOnly };

struct Sequence {
    double arrival = 0;
    std::int64_t input = 0;
    std::int64_t output = 0;
    std::int64_t generated = 0; // output tokens sampled so far
    std::int64_t prefilled = 0; // tokens whose KV its replica holds (or, handed off, brings)
    std::int64_t target = 0;    // tokens to prefill before the next token is sampled
    std::int64_t blocks = 0;
    double firstToken = 0;
    double finish = 0;
    int replica = -1; // where it is queued or running; -1 outside any
    int preemptions = 0;
    int emitting = 0;       // tokens the step in flight samples for it
    double draftCredit = 0; // a speculative draft's accepted tokens not yet whole
    bool kvReady = false;   // handed off: admission needs blocks but no prefill
    bool done = false;
    bool rejected = false;
};

struct Group {
    StepCostModel model;
    Role role;
    std::int64_t blockTokens;
    std::int64_t totalBlocks;
    std::int64_t tokenBudget;
    std::int64_t maxRunning;
    int first = 0; // replica indices [first, first + count)
    int count = 0;
    int nextRoundRobin = 0;
};

struct Replica {
    int group = 0;
    std::int64_t freeBlocks = 0;
    std::vector<std::int32_t> running; // admission order: the back is preempted first
    std::deque<std::int32_t> waiting;  // preempted sequences return to the front
    std::vector<std::int32_t> sampled; // sequences sampling a token when the step in flight ends
    bool busy = false;
};

enum class EventKind : std::uint8_t { Arrival, StepEnd, Wake, HandOff };

struct Event {
    double time;
    std::uint64_t order; // ties at one instant: the earlier scheduled first
    EventKind kind;
    std::int32_t index; // arrival slot, replica or request
};

struct Later {
    bool operator()(const Event &a, const Event &b) const
    {
        return a.time > b.time || (a.time == b.time && a.order > b.order);
    }
};

double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const double h = static_cast<double>(sorted.size() - 1) * p;
    const size_t lo = static_cast<size_t>(h);
    if (lo + 1 >= sorted.size())
        return sorted.back();
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

LatencySummary summarise(std::vector<double> &values)
{
    LatencySummary s;
    if (values.empty())
        return s;
    std::sort(values.begin(), values.end());
    const double sum = std::accumulate(values.begin(), values.end(), 0.0);
    s.mean = units::seconds(sum / static_cast<double>(values.size()));
    s.p50 = units::seconds(percentile(values, 0.50));
    s.p90 = units::seconds(percentile(values, 0.90));
    s.p99 = units::seconds(percentile(values, 0.99));
    s.max = units::seconds(values.back());
    return s;
}

class Simulator
{
public:
    explicit Simulator(const SimulationConfig &config);
    SimulationResult run();

private:
    void makeGroup(const PerfRequest &request, Role role);
    void generateWorkload();

    void schedule(double time, EventKind kind, std::int32_t index);
    void advance(double time);
    void noteKv(double time);

    void arrive(std::int32_t slot, double time);
    void issueNext(double time);
    bool canNeverFit(const Sequence &s) const;
    void route(int group, std::int32_t id, double time);
    void tryStart(int replica, double time);
    bool plan(Replica &r, const Group &g, StepLoad &load, StepLoad &plainDecodes);
    void scheduleDecodes(Replica &r, const Group &g, std::int64_t &budget, StepLoad &load, StepLoad &plainDecodes);
    int tokensEmitted(Sequence &s) const;
    void schedulePrefills(Replica &r, std::int64_t &budget, StepLoad &load);
    void admit(Replica &r, const Group &g, std::int64_t &budget, StepLoad &load);
    void chunk(Replica &r, std::int32_t id, std::int64_t &budget, StepLoad &load);
    bool reserveBlocks(Replica &r, const Group &g, std::int32_t id, std::int64_t tokens);
    void allocate(Replica &r, Sequence &s, std::int64_t blocks);
    void release(Replica &r, Sequence &s);
    void preempt(Replica &r, std::int32_t id);
    void endStep(int replica, double time);
    void complete(Replica &r, std::int32_t id, double time);
    void handOff(Replica &r, std::int32_t id, double time);
    void noteFirstToken(const Sequence &s);
    void noteCompletion(const Sequence &s);
    void noteMiss(std::int64_t &misses);

    SimulationResult collect();

    const SimulationConfig &mConfig;
    std::vector<Group> mGroups; // [0]: decode (or the only) group, [1]: prefill group
    std::vector<Replica> mReplicas;
    std::vector<Sequence> mSequences;
    std::vector<std::int32_t> mArrivalOrder; // request ids by arrival
    std::priority_queue<Event, std::vector<Event>, Later> mEvents;
    std::uint64_t mOrder = 0;
    std::int64_t mIssued = 0; // closed loop: requests sent so far
    double mNow = 0;
    LinkPath mKvTransfer; // from the prefill group to the decode group
    // A speculative draft: positions each decoding sequence verifies per
    // step (1 without), and the tokens a step emits on average.
    int mDraftPositions = 1;
    double mAcceptedTokens = 1;

    // Counters and integrals.
    std::int64_t mUsedBlocks = 0;
    std::int64_t mTotalBlocks = 0;
    std::int64_t mPeakUsedBlocks = 0;
    std::int64_t mInSystem = 0;
    double mInSystemArea = 0;
    double mKvArea = 0;
    double mKvNow = 0;
    std::int64_t mPreemptions = 0;
    std::int64_t mSteps = 0;
    UtilisationSeries mSeries;

    // endOnceCriterionMissed: requests over each SLO so far (for Goodput99,
    // requests missing either, rejections included), and the count at which
    // the criterion is missed whatever the rest do.
    std::int64_t mTtftMisses = 0;
    std::int64_t mTpotMisses = 0;
    std::int64_t mSloMisses = 0;
    std::int64_t mMissLimit = std::numeric_limits<std::int64_t>::max();
    bool mCriterionMissed = false;
};

// The misses that settle a search run early. p99 of n values (percentile())
// is at least the value at index floor((n - 1) * 0.99) of the sorted list,
// so it is over the SLO once n - floor((n - 1) * 0.99) values are; that
// count never falls as n grows, so the count for all `requests` holds for
// the completed ones too. Goodput99 needs 99 % of all requests to meet both.
std::int64_t missLimit(MaxRateCriterion criterion, std::int64_t requests)
{
    if (requests <= 0)
        return std::numeric_limits<std::int64_t>::max();
    if (criterion == MaxRateCriterion::Goodput99) {
        // The fewest misses with met / requests < 0.99, compared as meetsCriterion does.
        auto misses = std::max<std::int64_t>(0, static_cast<std::int64_t>(0.01 * static_cast<double>(requests)) - 1);
        while (static_cast<double>(requests - misses) / static_cast<double>(requests) >= 0.99)
            ++misses;
        return misses;
    }
    return requests - static_cast<std::int64_t>(static_cast<double>(requests - 1) * 0.99);
}

Simulator::Simulator(const SimulationConfig &config)
    : mConfig(config)
    , mSeries(config.timeSeriesPoints)
{
    const std::shared_ptr<const PrefillPool> &pool = config.request.prefillPool;
    makeGroup(config.request, pool ? Role::DecodeOnly : Role::Mixed);
    if (config.request.speculative.kind != DraftKind::None) {
        mDraftPositions = config.request.speculative.draftTokens + 1;
        mAcceptedTokens = config.request.speculative.acceptedTokens;
    }
    if (pool) {
        makeGroup(prefillPoolRequest(config.request), Role::PrefillOnly);
        mKvTransfer = pool->kvTransfer;
    }
    generateWorkload();
    if (config.endOnceCriterionMissed)
        mMissLimit = missLimit(config.maxRateCriterion, static_cast<std::int64_t>(mSequences.size()));
}

void Simulator::makeGroup(const PerfRequest &request, Role role)
{
    const EngineProfile &engine = request.deployment.engine;
    StepCostModel model = stepModelFor(mConfig, request);
    const std::int64_t blockTokens = blockTokensOf(engine);
    const std::int64_t blocks = totalBlocksOf(model, blockTokens);
    const int count = model.replicas();
    Group g{std::move(model),
            role,
            blockTokens,
            blocks,
            tokenBudgetFor(mConfig, engine),
            maxRunningFor(mConfig, request.deployment),
            static_cast<int>(mReplicas.size()),
            count,
            0};
    for (int i = 0; i < count; ++i) {
        Replica r;
        r.group = static_cast<int>(mGroups.size());
        r.freeBlocks = blocks;
        r.running.reserve(static_cast<size_t>(std::min<std::int64_t>(g.maxRunning, 1 << 16)));
        r.sampled.reserve(r.running.capacity());
        mReplicas.push_back(std::move(r));
    }
    mTotalBlocks += blocks * count;
    mGroups.push_back(std::move(g));
}

void Simulator::generateWorkload()
{
    const SimulationConfig &c = mConfig;
    if (c.arrivals == ArrivalPattern::Trace) {
        mSequences.resize(c.trace.size());
        for (size_t i = 0; i < c.trace.size(); ++i) {
            mSequences[i].arrival = units::inSeconds(c.trace[i].arrival);
            mSequences[i].input = c.trace[i].inputTokens;
            mSequences[i].output = c.trace[i].outputTokens;
        }
    } else {
        mSequences.resize(static_cast<size_t>(c.requests));
        WorkloadRandom arrivals(deriveSeed(c.seed, 0));
        WorkloadRandom lengths(deriveSeed(c.seed, 1));
        double t = 0;
        for (Sequence &s : mSequences) {
            if (c.arrivals == ArrivalPattern::Poisson) {
                t += arrivals.exponential() / c.ratePerSecond;
                s.arrival = t;
            }
            s.input = lengths.length(c.inputLength);
            s.output = lengths.length(c.outputLength);
        }
    }
    for (Sequence &s : mSequences)
        s.target = s.input;
    mArrivalOrder.resize(mSequences.size());
    std::iota(mArrivalOrder.begin(), mArrivalOrder.end(), 0);
    if (c.arrivals == ArrivalPattern::Trace)
        std::stable_sort(mArrivalOrder.begin(), mArrivalOrder.end(), [&](std::int32_t a, std::int32_t b) {
            return mSequences[static_cast<size_t>(a)].arrival < mSequences[static_cast<size_t>(b)].arrival;
        });
}

void Simulator::schedule(double time, EventKind kind, std::int32_t index)
{
    mEvents.push(Event{time, mOrder++, kind, index});
}

void Simulator::advance(double time)
{
    const double span = time - mNow;
    if (span > 0) {
        mInSystemArea += static_cast<double>(mInSystem) * span;
        mKvArea += mKvNow * span;
        mSeries.add(mNow, time, mKvNow);
        mNow = time;
    }
}

void Simulator::noteKv(double time)
{
    mKvNow = mTotalBlocks > 0 ? static_cast<double>(mUsedBlocks) / static_cast<double>(mTotalBlocks) : 0;
    mSeries.add(time, time, mKvNow);
}

SimulationResult Simulator::run()
{
    {
        // Reserve the heap's storage once: replicas, their wake-ups and the
        // requests that can be in flight at one instant.
        std::vector<Event> storage;
        const std::int64_t open = mConfig.arrivals == ArrivalPattern::ClosedLoop ? mConfig.concurrency : 1;
        storage.reserve(static_cast<size_t>(std::min<std::int64_t>(open, 1 << 20)) + 4 * mReplicas.size() + 16);
        mEvents = std::priority_queue<Event, std::vector<Event>, Later>(Later{}, std::move(storage));
    }
    if (mConfig.arrivals == ArrivalPattern::ClosedLoop) {
        const std::int64_t first = std::min<std::int64_t>(mConfig.concurrency,
                                                          static_cast<std::int64_t>(mSequences.size()));
        for (std::int64_t i = 0; i < first; ++i)
            issueNext(0);
    } else if (!mArrivalOrder.empty()) {
        schedule(mSequences[static_cast<size_t>(mArrivalOrder[0])].arrival, EventKind::Arrival, 0);
    }

    while (!mEvents.empty()) {
        if (mConfig.stop.stop_requested())
            return {};
        if (mCriterionMissed) {
            SimulationResult missed;
            missed.missedCriterion = true;
            return missed;
        }
        const Event e = mEvents.top();
        mEvents.pop();
        advance(e.time);
        switch (e.kind) {
        case EventKind::Arrival: arrive(e.index, e.time); break;
        case EventKind::StepEnd: endStep(e.index, e.time); break;
        case EventKind::Wake: tryStart(e.index, e.time); break;
        case EventKind::HandOff: route(0, e.index, e.time); break;
        }
        noteKv(e.time);
    }
    return collect();
}

void Simulator::issueNext(double time)
{
    if (mConfig.arrivals != ArrivalPattern::ClosedLoop || mIssued >= static_cast<std::int64_t>(mArrivalOrder.size()))
        return;
    mSequences[static_cast<size_t>(mArrivalOrder[static_cast<size_t>(mIssued)])].arrival = time;
    schedule(time, EventKind::Arrival, static_cast<std::int32_t>(mIssued));
    ++mIssued;
}

bool Simulator::canNeverFit(const Sequence &s) const
{
    // Its largest KV need is its prompt plus every output token but the last
    // (the last is sampled, never fed back).
    const ModelSpec &model = mConfig.request.deployment.model;
    if (model.maxContext > 0 && s.input + s.output > model.maxContext)
        return true;
    const Group &decode = mGroups[0];
    if (ceilDiv(s.input + s.output - 1, decode.blockTokens) > decode.totalBlocks)
        return true;
    if (mGroups.size() > 1 && ceilDiv(s.input, mGroups[1].blockTokens) > mGroups[1].totalBlocks)
        return true;
    return false;
}

void Simulator::arrive(std::int32_t slot, double time)
{
    const std::int32_t id = mArrivalOrder[static_cast<size_t>(slot)];
    if (mConfig.arrivals != ArrivalPattern::ClosedLoop && static_cast<size_t>(slot) + 1 < mArrivalOrder.size())
        schedule(mSequences[static_cast<size_t>(mArrivalOrder[static_cast<size_t>(slot) + 1])].arrival,
                 EventKind::Arrival, slot + 1);
    Sequence &s = mSequences[static_cast<size_t>(id)];
    if (canNeverFit(s)) {
        s.rejected = true;
        s.finish = time;
        if (mConfig.maxRateCriterion == MaxRateCriterion::Goodput99)
            noteMiss(mSloMisses);
        issueNext(time);
        return;
    }
    ++mInSystem;
    route(mGroups.size() > 1 ? 1 : 0, id, time);
}

void Simulator::route(int groupIndex, std::int32_t id, double time)
{
    Group &g = mGroups[static_cast<size_t>(groupIndex)];
    int chosen = g.first;
    if (mConfig.routing == Routing::RoundRobin) {
        chosen = g.first + g.nextRoundRobin;
        g.nextRoundRobin = (g.nextRoundRobin + 1) % g.count;
    } else {
        // Ties go round the replicas: with the lowest index winning every tie,
        // replica 0 would take most arrivals at light load and their prefills
        // would collide there.
        size_t least = SIZE_MAX;
        for (int k = 0; k < g.count; ++k) {
            const int i = g.first + (g.nextRoundRobin + k) % g.count;
            const Replica &r = mReplicas[static_cast<size_t>(i)];
            const size_t load = r.running.size() + r.waiting.size();
            if (load < least) {
                least = load;
                chosen = i;
            }
        }
        g.nextRoundRobin = (chosen - g.first + 1) % g.count;
    }
    Sequence &s = mSequences[static_cast<size_t>(id)];
    s.replica = chosen;
    mReplicas[static_cast<size_t>(chosen)].waiting.push_back(id);
    tryStart(chosen, time);
}

void Simulator::tryStart(int index, double time)
{
    Replica &r = mReplicas[static_cast<size_t>(index)];
    if (r.busy)
        return;
    const Group &g = mGroups[static_cast<size_t>(r.group)];
    StepLoad load;
    StepLoad plainDecodes; // with a draft: the decodes at one position each, what the draft's passes cost
    if (!plan(r, g, load, plainDecodes))
        return;
    double seconds = units::inSeconds(g.model.cost(load).time) + g.model.draftSeconds(plainDecodes);
    // validate() rules out the inputs that could make a step free or endless;
    // this only keeps the clock moving forward whatever happens.
    if (!std::isfinite(seconds) || seconds <= 0)
        seconds = 1e-9;
    r.busy = true;
    ++mSteps;
    schedule(time + seconds, EventKind::StepEnd, index);
}

bool Simulator::plan(Replica &r, const Group &g, StepLoad &load, StepLoad &plainDecodes)
{
    r.sampled.clear();
    std::int64_t budget = g.tokenBudget;
    scheduleDecodes(r, g, budget, load, plainDecodes);
    schedulePrefills(r, budget, load);
    admit(r, g, budget, load);
    // Handed-off sequences admitted just now into an otherwise idle replica
    // decode in this step rather than waiting for the next.
    if (load.newTokens == 0 && !r.running.empty())
        scheduleDecodes(r, g, budget, load, plainDecodes);
    return load.newTokens > 0;
}

// The tokens a decode step emits for a sequence: one, or with a draft the
// whole part of its accepted tokens so far, at most what its output lacks.
int Simulator::tokensEmitted(Sequence &s) const
{
    if (mDraftPositions <= 1)
        return 1;
    s.draftCredit += mAcceptedTokens;
    const double whole = std::floor(s.draftCredit);
    s.draftCredit -= whole;
    return static_cast<int>(std::clamp<double>(whole, 1.0, static_cast<double>(s.output - s.generated)));
}

void Simulator::scheduleDecodes(Replica &r, const Group &g, std::int64_t &budget, StepLoad &load,
                                StepLoad &plainDecodes)
{
    for (size_t i = 0; i < r.running.size() && budget > 0;) {
        const std::int32_t id = r.running[i];
        Sequence &s = mSequences[static_cast<size_t>(id)];
        const bool decoding = s.generated >= 1 && s.prefilled >= s.target;
        if (!decoding) {
            ++i;
            continue;
        }
        // The step feeds back its last sampled token, whose KV needs a slot,
        // and with a draft emits what the draft gets accepted on average
        // (whole tokens, the fraction carried to the next step).
        const int emits = tokensEmitted(s);
        if (!reserveBlocks(r, g, id, s.prefilled + emits))
            continue; // it preempted itself: it was the last running sequence
        s.prefilled += emits;
        s.emitting = emits;
        if (mDraftPositions > 1) {
            addVerification(g.model.attention(), load, 1, static_cast<double>(s.prefilled), mDraftPositions);
            g.model.attention().addDecode(plainDecodes, 1, static_cast<double>(s.prefilled));
            plainDecodes.newTokens += 1;
            plainDecodes.sampledSequences += 1;
        } else {
            load.newTokens += 1;
            load.sampledSequences += 1;
            g.model.attention().addDecode(load, 1, static_cast<double>(s.prefilled));
        }
        r.sampled.push_back(id);
        budget -= mDraftPositions;
        ++i;
    }
}

void Simulator::schedulePrefills(Replica &r, std::int64_t &budget, StepLoad &load)
{
    for (size_t i = 0; i < r.running.size() && budget > 0; ++i) {
        const std::int32_t id = r.running[i];
        if (mSequences[static_cast<size_t>(id)].prefilled < mSequences[static_cast<size_t>(id)].target)
            chunk(r, id, budget, load);
    }
}

void Simulator::admit(Replica &r, const Group &g, std::int64_t &budget, StepLoad &load)
{
    while (!r.waiting.empty() && static_cast<std::int64_t>(r.running.size()) < g.maxRunning) {
        const std::int32_t id = r.waiting.front();
        Sequence &s = mSequences[static_cast<size_t>(id)];
        if (!s.kvReady && budget <= 0)
            break;
        const std::int64_t blocks = ceilDiv(s.kvReady ? s.prefilled : s.target, g.blockTokens);
        if (blocks > r.freeBlocks)
            break; // first come, first served: those behind it wait too
        r.waiting.pop_front();
        allocate(r, s, blocks);
        r.running.push_back(id);
        if (s.kvReady)
            continue;
        // Its prompt's cached prefix needs no compute (its blocks are held all the same).
        if (s.prefilled == 0)
            s.prefilled = std::min(cachedPromptTokens(mConfig.request.prefixCacheHitRate, s.input), s.target - 1);
        chunk(r, id, budget, load);
    }
}

void Simulator::chunk(Replica &r, std::int32_t id, std::int64_t &budget, StepLoad &load)
{
    Sequence &s = mSequences[static_cast<size_t>(id)];
    const std::int64_t n = std::min(s.target - s.prefilled, budget);
    const double tokens = static_cast<double>(n);
    // Causal attention of n new tokens after p cached ones (n x p + n(n+1)/2
    // pairs in a full-attention layer; windows and chunks cap it).
    mGroups[static_cast<size_t>(r.group)].model.attention().addPrompt(load, 1, static_cast<double>(s.prefilled),
                                                                      tokens);
    load.newTokens += tokens;
    s.prefilled += n;
    budget -= n;
    if (s.prefilled == s.target) {
        load.sampledSequences += 1;
        s.emitting = 1;
        r.sampled.push_back(id);
    }
}

bool Simulator::reserveBlocks(Replica &r, const Group &g, std::int32_t id, std::int64_t tokens)
{
    Sequence &s = mSequences[static_cast<size_t>(id)];
    if (tokens <= s.blocks * g.blockTokens)
        return true; // most decode steps: the last block has room (no division)
    const std::int64_t needed = ceilDiv(tokens, g.blockTokens) - s.blocks;
    while (r.freeBlocks < needed) {
        const std::int32_t victim = r.running.back();
        preempt(r, victim);
        if (victim == id)
            return false;
    }
    allocate(r, s, needed);
    return true;
}

void Simulator::allocate(Replica &r, Sequence &s, std::int64_t blocks)
{
    r.freeBlocks -= blocks;
    s.blocks += blocks;
    mUsedBlocks += blocks;
    mPeakUsedBlocks = std::max(mPeakUsedBlocks, mUsedBlocks);
}

void Simulator::release(Replica &r, Sequence &s)
{
    r.freeBlocks += s.blocks;
    mUsedBlocks -= s.blocks;
    s.blocks = 0;
}

void Simulator::preempt(Replica &r, std::int32_t id)
{
    Sequence &s = mSequences[static_cast<size_t>(id)];
    release(r, s);
    // Recompute: the prompt and the tokens produced so far are prefilled again,
    // and the prefill's end samples the next token.
    s.prefilled = 0;
    s.target = s.input + s.generated;
    s.kvReady = false;
    ++s.preemptions;
    ++mPreemptions;
    r.running.pop_back();
    r.waiting.push_front(id);
}

void Simulator::endStep(int index, double time)
{
    Replica &r = mReplicas[static_cast<size_t>(index)];
    const Group &g = mGroups[static_cast<size_t>(r.group)];
    r.busy = false;
    bool left = false;
    for (const std::int32_t id : r.sampled) {
        Sequence &s = mSequences[static_cast<size_t>(id)];
        if (s.generated == 0) {
            s.firstToken = time;
            noteFirstToken(s);
        }
        s.generated += s.emitting;
        if (s.generated >= s.output) {
            complete(r, id, time);
            left = true;
        } else if (g.role == Role::PrefillOnly) {
            handOff(r, id, time);
            left = true;
        }
    }
    if (left)
        std::erase_if(r.running, [&](std::int32_t id) { return mSequences[static_cast<size_t>(id)].replica != index; });
    r.sampled.clear();
    // After the arrivals this step's completions released (closed loop), so
    // that they join the next step.
    schedule(time, EventKind::Wake, index);
}

void Simulator::complete(Replica &r, std::int32_t id, double time)
{
    Sequence &s = mSequences[static_cast<size_t>(id)];
    release(r, s);
    s.done = true;
    s.finish = time;
    s.replica = -1;
    --mInSystem;
    noteCompletion(s);
    issueNext(time);
}

void Simulator::noteFirstToken(const Sequence &s)
{
    if (mMissLimit == std::numeric_limits<std::int64_t>::max()
        || !(s.firstToken - s.arrival > units::inSeconds(mConfig.ttftSlo)))
        return;
    noteMiss(mConfig.maxRateCriterion == MaxRateCriterion::Goodput99 ? mSloMisses : mTtftMisses);
}

// Figures as collect() computes them.
void Simulator::noteCompletion(const Sequence &s)
{
    if (mMissLimit == std::numeric_limits<std::int64_t>::max() || s.output <= 1)
        return;
    const double gap = (s.finish - s.firstToken) / static_cast<double>(s.output - 1);
    if (!(gap > units::inSeconds(mConfig.tpotSlo)))
        return;
    if (mConfig.maxRateCriterion == MaxRateCriterion::Percentile99)
        noteMiss(mTpotMisses);
    else if (!(s.firstToken - s.arrival > units::inSeconds(mConfig.ttftSlo))) // not counted at its first token
        noteMiss(mSloMisses);
}

void Simulator::noteMiss(std::int64_t &misses)
{
    if (++misses >= mMissLimit)
        mCriterionMissed = true;
}

void Simulator::handOff(Replica &r, std::int32_t id, double time)
{
    Sequence &s = mSequences[static_cast<size_t>(id)];
    release(r, s);
    s.replica = -1;
    s.kvReady = true; // prefilled == target == input: it decodes on admission
    schedule(time + kvTransferSeconds(mGroups[1].model, mKvTransfer, s.prefilled), EventKind::HandOff, id);
}

SimulationResult Simulator::collect()
{
    const SimulationConfig &c = mConfig;
    SimulationResult out;
    out.valid = true;
    out.requests = static_cast<std::int64_t>(mSequences.size());
    out.preemptions = mPreemptions;
    out.steps = mSteps;
    out.duration = units::seconds(mNow);
    out.kvCapacityTokens = mGroups[0].totalBlocks * mGroups[0].blockTokens;
    out.replicas = mGroups[0].count;
    out.prefillReplicas = mGroups.size() > 1 ? mGroups[1].count : 0;

    const double ttftSlo = units::inSeconds(c.ttftSlo);
    const double tpotSlo = units::inSeconds(c.tpotSlo);
    std::vector<double> ttft, tpot, e2e;
    ttft.reserve(mSequences.size());
    tpot.reserve(mSequences.size());
    e2e.reserve(mSequences.size());
    double inputTokens = 0;
    double outputTokens = 0;
    std::int64_t met = 0;
    out.perRequest.reserve(mSequences.size());
    for (const Sequence &s : mSequences) {
        RequestOutcome o;
        o.arrival = units::seconds(s.arrival);
        o.inputTokens = s.input;
        o.outputTokens = s.output;
        o.preemptions = s.preemptions;
        o.completed = s.done;
        if (s.done) {
            const double first = s.firstToken - s.arrival;
            const double gap = s.output > 1 ? (s.finish - s.firstToken) / static_cast<double>(s.output - 1) : 0;
            o.ttft = units::seconds(first);
            o.tpot = units::seconds(gap);
            o.e2e = units::seconds(s.finish - s.arrival);
            o.metSlo = first <= ttftSlo && gap <= tpotSlo;
            ttft.push_back(first);
            if (s.output > 1)
                tpot.push_back(gap);
            e2e.push_back(s.finish - s.arrival);
            inputTokens += static_cast<double>(s.input);
            outputTokens += static_cast<double>(s.output);
            met += o.metSlo ? 1 : 0;
            ++out.completed;
        } else {
            // Rejected on arrival, or (never, if the scheduler is right) stranded.
            ++out.rejected;
        }
        out.perRequest.push_back(o);
    }
    out.ttft = summarise(ttft);
    out.tpot = summarise(tpot);
    out.e2e = summarise(e2e);
    if (mNow > 0) {
        out.outputTokensPerSecond = outputTokens / mNow;
        out.inputTokensPerSecond = inputTokens / mNow;
        out.goodputPerSecond = static_cast<double>(met) / mNow;
        out.kvUtilisationMean = mKvArea / mNow;
        out.meanInSystem = mInSystemArea / mNow;
    }
    out.sloAttainment = out.requests > 0 ? static_cast<double>(met) / static_cast<double>(out.requests) : 0;
    out.kvUtilisationPeak = mTotalBlocks > 0 ? static_cast<double>(mPeakUsedBlocks) / static_cast<double>(mTotalBlocks)
                                             : 0;
    out.kvSeries = mSeries.samples(mNow);
    return out;
}

// ---------------------------------------------------------------------------
// Maximum rate

bool meetsCriterion(const SimulationConfig &c, const SimulationResult &r)
{
    if (!r.valid || r.completed == 0)
        return false;
    if (c.maxRateCriterion == MaxRateCriterion::Goodput99)
        return r.sloAttainment >= 0.99;
    return r.ttft.p99 <= c.ttftSlo && r.tpot.p99 <= c.tpotSlo;
}

// The sequences one replica runs at once: the engine's limit, or fewer where
// its KV cache holds fewer requests of the workload.
double sequencesAtOnce(const SimulationConfig &c, const StepCostModel &model)
{
    const double kvSequences = model.kvCapacityTokens()
                               / std::max(1.0, meanLength(c.inputLength) + meanLength(c.outputLength));
    return std::max(1.0, std::min(static_cast<double>(effectiveMaxRunning(c)), kvSequences));
}

// A first guess near saturation: each replica serves B sequences at once
// (its running limit or what its KV cache holds), each costing its prompt's
// prefill plus its output at the decode step time of that batch.
double rateGuess(const SimulationConfig &c)
{
    const StepCostModel model = simulationStepModel(c);
    const double in = meanLength(c.inputLength);
    const double out = meanLength(c.outputLength);
    const double batch = sequencesAtOnce(c, model);
    const auto prompt = static_cast<std::int64_t>(std::llround(in));
    const auto context = static_cast<std::int64_t>(std::llround(in + out / 2));
    const double perRequest = units::inSeconds(model.prefill(1, prompt).time)
                              + out * units::inSeconds(model.decode(batch, context).time) / batch;
    const double guess = perRequest > 0 ? static_cast<double>(model.replicas()) / perRequest : 1.0;
    return std::isfinite(guess) && guess > 0 ? guess : 1.0;
}

} // namespace

std::int64_t effectiveTokenBudget(const SimulationConfig &config)
{
    return tokenBudgetFor(config, config.request.deployment.engine);
}

std::int64_t effectiveMaxRunning(const SimulationConfig &config)
{
    return maxRunningFor(config, config.request.deployment);
}

StepCostModel simulationStepModel(const SimulationConfig &config)
{
    return stepModelFor(config, config.request);
}

WorkloadShape workloadShape(const SimulationConfig &c)
{
    double input = meanLength(c.inputLength);
    double output = meanLength(c.outputLength);
    double longest = highLength(c.inputLength) + highLength(c.outputLength);
    if (c.arrivals == ArrivalPattern::Trace && !c.trace.empty()) {
        input = output = longest = 0;
        for (const TraceEntry &e : c.trace) {
            input += static_cast<double>(e.inputTokens);
            output += static_cast<double>(e.outputTokens);
            longest = std::max(longest, static_cast<double>(e.inputTokens) + static_cast<double>(e.outputTokens));
        }
        input /= static_cast<double>(c.trace.size());
        output /= static_cast<double>(c.trace.size());
    }
    // Clamped so a distribution validate() will refuse still converts safely.
    const auto tokens = [](double t) { return static_cast<std::int64_t>(std::llround(std::clamp(t, 1.0, 1e12))); };
    return {tokens(input), tokens(output), tokens(longest)};
}

std::vector<Problem> validate(const SimulationConfig &c)
{
    ProblemList problems("invalid-simulation");
    validateArrivals(problems, c);
    validateLimits(problems, c);
    validateFixedLengths(problems, c);
    // The deployment checks build a memory model; skip them when the workload
    // is already wrong (a trace's lengths size that model).
    if (!problems.empty())
        return problems.take();
    // The perf model's checks cover a prefill pool's layout and link; a pool
    // that leaves no room for a cache is the simulation's own problem.
    validateDeployment(problems, c.request, c, c.request.prefillPool ? "decode pool" : "");
    if (c.request.prefillPool && problems.empty())
        validateDeployment(problems, prefillPoolRequest(c.request), c, "prefill pool");
    return problems.take();
}

SimulationResult simulate(const SimulationConfig &config)
{
    if (!validate(config).empty())
        return {};
    Simulator simulator(config);
    return simulator.run();
}

FleetShare loadableShare(const SimulationConfig &config)
{
    FleetShare share{config, 1};
    InferenceRequest &deployment = share.config.request.deployment;
    const int replicas = replicasOf(deployment);
    SimulationConfig poisson = config;
    poisson.arrivals = ArrivalPattern::Poisson;
    poisson.ratePerSecond = 1.0;
    if (config.request.prefillPool || config.arrivals == ArrivalPattern::Trace || !validate(poisson).empty())
        return share;
    const double slots = sequencesAtOnce(config, simulationStepModel(config));
    const auto perReplica = static_cast<std::int64_t>(std::ceil(kRequestsPerSlot * slots));
    share.config.requests = std::max(config.requests, perReplica);
    const std::int64_t loaded = std::clamp<std::int64_t>(share.config.requests / perReplica, 1, replicas);
    if (loaded < replicas) {
        deployment.gpuCount = static_cast<int>(loaded)
                              * std::max(1, deployment.parallel.tensor * deployment.parallel.pipeline);
        share.rateScale = static_cast<double>(replicas) / static_cast<double>(loaded);
    }
    return share;
}

namespace {

MaxRateResult maxRateOf(const SimulationConfig &config)
{
    MaxRateResult out;
    SimulationConfig c = config;
    c.arrivals = ArrivalPattern::Poisson;
    c.trace.clear();
    c.ratePerSecond = 1.0;
    c.endOnceCriterionMissed = true;
    if (!validate(c).empty())
        return out;

    // Each step halves or doubles the rate, then bisection narrows a factor
    // of 2 to 1 %: at most kBracket + 7 runs.
    constexpr int kBracket = 24;
    constexpr double kPrecision = 1.01;
    const auto passes = [&](double rate) {
        if (c.stop.stop_requested())
            return false; // the remaining steps of the search cost nothing
        c.ratePerSecond = rate;
        SimulationResult r = simulate(c);
        ++out.simulations;
        const bool ok = meetsCriterion(c, r);
        if (ok && rate > out.ratePerSecond) {
            out.ratePerSecond = rate;
            out.atRate = std::move(r);
        }
        return ok;
    };

    double lo = 0;
    double hi = 0;
    double rate = rateGuess(c);
    if (passes(rate)) {
        lo = rate;
        for (int i = 0; i < kBracket && hi == 0; ++i) {
            const double higher = lo * 2;
            if (passes(higher))
                lo = higher;
            else
                hi = higher;
        }
    } else {
        hi = rate;
        for (int i = 0; i < kBracket && lo == 0; ++i) {
            const double lower = hi / 2;
            if (passes(lower))
                lo = lower;
            else
                hi = lower;
        }
    }
    // Failing even at 2^-24 of the guess gives 0; passing at 2^24 times it
    // gives the highest rate tried.
    if (lo == 0 || hi == 0)
        return out;
    while (hi / lo > kPrecision) {
        const double mid = std::sqrt(lo * hi);
        if (passes(mid))
            lo = mid;
        else
            hi = mid;
    }
    return out;
}

} // namespace

MaxRateResult findMaxRate(const SimulationConfig &config)
{
    const FleetShare share = loadableShare(config);
    MaxRateResult out = maxRateOf(share.config);
    out.ratePerSecond *= share.rateScale;
    return out;
}

} // namespace planner
