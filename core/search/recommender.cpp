#include "core/search/recommender.h"

#include "core/perf/encoderperf.h"

#include "core/resolve/deployment.h"
#include "core/resolve/verdict.h"
#include "core/util/text.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>
#include <sstream>

namespace planner {

namespace {

// One way to run one replica of one model on an option, with what it can serve.
struct Layout {
    Parallelism parallel;
    int gpus = 1;
    int unitsSpanned = 0; // 0: fits inside one unit; k: pipeline stages over k whole units
    const WeightFormat *weights = nullptr;
    const KvCacheFormat *kv = nullptr;
    std::int64_t memoryConcurrency = 0;
    std::int64_t sloConcurrency = 0;
    double requestsPerSecondAtSlo = 0; // one replica
    std::shared_ptr<const StepCostModel> model;
};

std::vector<int> divisors(int n)
{
    std::vector<int> result;
    for (int d = 1; d <= n; ++d)
        if (n % d == 0)
            result.push_back(d);
    return result;
}

std::string formatSeconds(double seconds)
{
    std::ostringstream out;
    out.precision(seconds < 0.1 ? 3 : 2);
    out << std::fixed << seconds << " s";
    return out.str();
}

double requestsPerSecond(const PerfPoint &p, std::int64_t outputTokens)
{
    return p.outputTokensPerSecond / static_cast<double>(outputTokens);
}

// The largest c in [low, high] for which `ok(c)` holds, given ok(low) and that
// ok is monotone (true up to some point, false after).
template <typename Predicate>
std::int64_t largestSatisfying(std::int64_t low, std::int64_t high, Predicate ok)
{
    while (low < high) {
        const std::int64_t middle = low + (high - low + 1) / 2;
        if (ok(middle))
            low = middle;
        else
            high = middle - 1;
    }
    return low;
}

class Search
{
public:
    Search(const RecommendRequest &request, const std::vector<HardwareOption> &options)
        : mRequest(request)
        , mOptions(options)
    {
        for (const ServiceLoad &load : request.loads) {
            std::vector<WeightFormat> weights = request.weightFormats.empty() ? defaultWeightFormats(load.model)
                                                                              : request.weightFormats;
            std::erase_if(weights, [&](const WeightFormat &w) {
                return w.mixedLinearBits.value_or(w.elementBits) < request.constraints.minWeightBits;
            });
            mWeights.push_back(std::move(weights));
        }
        mKv = request.kvFormats.empty() ? defaultKvFormats() : request.kvFormats;
    }

    RecommendResult run()
    {
        for (const HardwareOption &option : mOptions) {
            if (!allowed(option)) {
                ++mResult.ruledOut.filtered;
                continue;
            }
            // Without the GPU's price (on-prem) or the tier's price (cloud)
            // the build cannot be compared; other unpriced parts only make
            // the capital a lower bound.
            if ((option.placement == Placement::Cloud && !option.hourlyUsd)
                || (option.placement == Placement::OnPrem && !option.gpu.price)) {
                ++mResult.ruledOut.unpriced;
                continue;
            }
            addCandidates(option);
        }
        rank();
        return std::move(mResult);
    }

private:
    bool allowed(const HardwareOption &option) const
    {
        const SearchConstraints &c = mRequest.constraints;
        if ((option.placement == Placement::OnPrem && !c.onPrem) || (option.placement == Placement::Cloud && !c.cloud))
            return false;
        if (c.vendors.empty())
            return true;
        const std::string vendor = toLower(option.gpu.vendor);
        return std::any_of(c.vendors.begin(), c.vendors.end(),
                           [&](const std::string &v) { return toLower(v) == vendor; });
    }

    // Every parallelism one replica can use on this option: inside one unit
    // (tensor x pipeline dividing the unit), or tensor-parallel across a whole
    // unit with pipeline stages over several units.
    std::vector<std::pair<Parallelism, int>> parallelisms(const HardwareOption &option, const ModelSpec &model) const
    {
        std::vector<std::pair<Parallelism, int>> result;
        const auto add = [&](int tp, int pp, int unitsSpanned) {
            result.push_back({Parallelism{tp, pp, 1, false}, unitsSpanned});
            if (model.isMoe() && tp > 1)
                result.push_back({Parallelism{tp, pp, tp, false}, unitsSpanned});
        };
        const int n = option.gpusPerUnit;
        for (int gpus : divisors(n))
            for (int tp : divisors(gpus))
                add(tp, gpus / tp, 0);
        if (option.between.bandwidth > units::gigabytesPerSecond(0))
            for (int units = 2; units <= mRequest.maxUnitsPerReplica; ++units)
                add(n, units, units);
        return result;
    }

    std::string cacheKey(const HardwareOption &o, size_t loadIndex) const
    {
        std::ostringstream key;
        key << loadIndex << '|' << o.gpu.id << '|' << o.gpusPerUnit << '|'
            << units::inGBPerSecond(o.inside.tensorParallel.bandwidth) << '|'
            << units::inGBPerSecond(o.between.bandwidth) << '|' << units::inSeconds(o.between.latency);
        return key.str();
    }

    // Feasible layouts of one model on one option (memoised: many options
    // share a GPU, a unit size and its links).
    const std::vector<Layout> &layouts(const HardwareOption &option, size_t loadIndex)
    {
        const std::string key = cacheKey(option, loadIndex);
        if (const auto found = mLayouts.find(key); found != mLayouts.end())
            return found->second;
        std::vector<Layout> &feasible = mLayouts[key];
        const ServiceLoad &load = mRequest.loads[loadIndex];
        for (const auto &[parallel, unitsSpanned] : parallelisms(option, load.model))
            for (const WeightFormat &weights : mWeights[loadIndex])
                for (const KvCacheFormat &kv : mKv)
                    if (std::optional<Layout> layout = evaluate(option, load, parallel, unitsSpanned, weights, kv))
                        feasible.push_back(std::move(*layout));
        return feasible;
    }

    std::optional<Layout> evaluate(const HardwareOption &option, const ServiceLoad &load, const Parallelism &parallel,
                                   int unitsSpanned, const WeightFormat &weights, const KvCacheFormat &kv)
    {
        // One replica on whole units, or on part of one: the cluster it sees.
        const int gpus = parallel.tensor * parallel.pipeline;
        const Cluster cluster = clusterOfServers(option.gpu, gpus, option.gpusPerUnit, option.inside, option.between);
        DeploymentSettings settings;
        settings.tensorParallel = parallel.tensor;
        settings.pipelineParallel = parallel.pipeline;
        settings.expertParallel = parallel.expert;
        settings.dataParallelAttention = parallel.dataParallelAttention;
        const WorkloadShape shape{load.inputTokens, load.outputTokens, load.inputTokens + load.outputTokens};
        const ResolvedDeployment resolved = resolveDeployment(load.model, cluster, settings,
                                                              {weights, kv, mRequest.engine}, shape);
        if (!resolved.ok() || resolved.speedUnknown)
            return std::nullopt; // not a layout this model can use (heads, layers), or a GPU without the figures
        const PerfRequest &r = resolved.request;
        ++mResult.layoutsEvaluated;

        const EfficiencyRange range = efficiencyFor(mRequest.engine, option.gpu);
        auto model = std::make_shared<const StepCostModel>(r, mRequest.pessimistic ? range.pessimistic : range.nominal,
                                                           r.deployment.context, 1);
        const InferenceMemoryEstimate &memory = model->shape().memory;
        if (!memory.fits || memory.maxConcurrency < 1) {
            ++mResult.ruledOut.memory;
            return std::nullopt;
        }
        // What the plan's verdict holds: memory, capped by the engine's running-sequence limit.
        const std::int64_t memoryConcurrency = sequencesHeld(memory, mRequest.engine, option.gpu).sequences;

        const auto meets = [&](std::int64_t concurrency) {
            ++mResult.performanceEvaluations;
            const PerfPoint p = model->point(concurrency);
            return p.ttft <= load.ttftSlo && p.tpot <= load.tpotSlo;
        };
        Layout layout{parallel, gpus, unitsSpanned, &weights, &kv, memoryConcurrency, 0, 0, model};
        if (!meets(1)) {
            noteLatencyMiss(option, layout, model->point(1), load);
            return std::nullopt;
        }
        layout.sloConcurrency = largestSatisfying(1, memoryConcurrency, meets);
        layout.requestsPerSecondAtSlo = requestsPerSecond(model->point(layout.sloConcurrency), load.outputTokens);
        if (!(servingReplicas(layout, load) <= kMaxReplicasPerModel)) {
            ++mResult.ruledOut.scale;
            return std::nullopt;
        }
        return layout;
    }

    void noteLatencyMiss(const HardwareOption &option, const Layout &layout, const PerfPoint &alone,
                         const ServiceLoad &load)
    {
        RuledOut &out = mResult.ruledOut;
        ++out.latency;
        const double ttft = units::inSeconds(alone.ttft);
        const double tpot = units::inSeconds(alone.tpot);
        const auto excess = [&](double t, double p) {
            return std::max(t / units::inSeconds(load.ttftSlo), p / units::inSeconds(load.tpotSlo));
        };
        if (out.fastestTtftSeconds && excess(ttft, tpot) >= excess(*out.fastestTtftSeconds, *out.fastestTpotSeconds))
            return;
        out.fastestTtftSeconds = ttft;
        out.fastestTpotSeconds = tpot;
        out.fastestLayout = describe(option, layout);
    }

    static std::string describe(const HardwareOption &option, const Layout &layout)
    {
        return optionName(option) + ", " + describeParallelism(layout.parallel) + ", " + layout.weights->id
               + " weights, " + layout.kv->id + " KV cache";
    }

    static std::string optionName(const HardwareOption &option) { return option.name + " (" + option.gpu.name + ")"; }

    // Replicas that serve the peak rate within the SLO, spares not counted;
    // a double, so that an absurd rate compares above the cap instead of
    // overflowing an int.
    double servingReplicas(const Layout &layout, const ServiceLoad &load) const
    {
        const double needed = load.requestsPerSecond * mRequest.capacity.peakFactor;
        return std::max(1.0, std::ceil(needed / layout.requestsPerSecondAtSlo - 1e-9));
    }

    ReplicaPlan plan(const Layout &layout, const ServiceLoad &load) const
    {
        const CapacityPolicy &capacity = mRequest.capacity;
        ReplicaPlan p;
        p.modelId = load.model.id;
        p.parallel = layout.parallel;
        p.gpusPerReplica = layout.gpus;
        p.weightFormat = layout.weights->id;
        p.kvFormat = layout.kv->id;
        p.sloConcurrency = layout.sloConcurrency;
        p.memoryConcurrency = layout.memoryConcurrency;
        const int serving = static_cast<int>(servingReplicas(layout, load));
        p.replicas = serving + capacity.spareReplicas;
        p.capacityRequestsPerSecond = serving * layout.requestsPerSecondAtSlo;
        // Every replica, spares included, takes its share of the average rate.
        const double perReplica = load.requestsPerSecond / p.replicas;
        p.operatingConcurrency = 1 + largestSatisfying(0, layout.sloConcurrency - 1, [&](std::int64_t c) {
                                     return c == 0
                                            || requestsPerSecond(layout.model->point(c), load.outputTokens)
                                                   < perReplica;
                                 });
        p.operatingConcurrency = std::min(p.operatingConcurrency, layout.sloConcurrency);
        p.atLoad = layout.model->point(p.operatingConcurrency);
        p.atLoad.outputTokensPerSecond = load.requestsPerSecond * static_cast<double>(load.outputTokens);
        p.atLoad.inputTokensPerSecond = load.requestsPerSecond * static_cast<double>(load.inputTokens);
        p.endToEnd = p.atLoad.ttft + p.atLoad.tpot * static_cast<double>(load.outputTokens - 1);
        return p;
    }

    // Units the replicas occupy: multi-unit replicas take whole units; the
    // rest are packed first-fit decreasing into units of gpusPerUnit.
    int unitsFor(const std::vector<std::pair<const Layout *, int>> &replicas, int gpusPerUnit) const
    {
        int units = mRequest.capacity.spareUnits;
        std::vector<int> pieces;
        for (const auto &[layout, count] : replicas) {
            if (layout->unitsSpanned > 0)
                units += layout->unitsSpanned * count;
            else
                pieces.insert(pieces.end(), static_cast<size_t>(count), layout->gpus);
        }
        std::sort(pieces.rbegin(), pieces.rend());
        std::vector<int> freeGpus;
        for (int piece : pieces) {
            auto bin = std::find_if(freeGpus.begin(), freeGpus.end(), [&](int left) { return left >= piece; });
            if (bin == freeGpus.end())
                freeGpus.push_back(gpusPerUnit - piece);
            else
                *bin -= piece;
        }
        return units + static_cast<int>(freeGpus.size());
    }

    void addCandidates(const HardwareOption &option)
    {
        std::vector<const std::vector<Layout> *> perLoad;
        for (size_t i = 0; i < mRequest.loads.size(); ++i) {
            const std::vector<Layout> &feasible = layouts(option, i);
            if (feasible.empty())
                return; // counted under memory or latency
            perLoad.push_back(&feasible);
        }
        std::vector<Recommendation> candidates;
        if (perLoad.size() == 1) {
            for (const Layout &layout : *perLoad.front())
                if (std::optional<Recommendation> r = build(option, {&layout}))
                    candidates.push_back(std::move(*r));
            keepParetoFront(candidates);
        } else {
            // Sharing a cluster: each model's layout with the fewest GPUs.
            std::vector<const Layout *> chosen;
            for (size_t i = 0; i < perLoad.size(); ++i) {
                const ServiceLoad &load = mRequest.loads[i];
                const auto gpusNeeded = [&](const Layout &l) { return plan(l, load).replicas * l.gpus; };
                chosen.push_back(
                    &*std::min_element(perLoad[i]->begin(), perLoad[i]->end(), [&](const Layout &a, const Layout &b) {
                        return gpusNeeded(a) < gpusNeeded(b);
                    }));
            }
            if (std::optional<Recommendation> r = build(option, chosen))
                candidates.push_back(std::move(*r));
        }
        for (Recommendation &r : candidates)
            mResult.ranked.push_back(std::move(r));
    }

    std::optional<Recommendation> build(const HardwareOption &option, const std::vector<const Layout *> &chosen)
    {
        Recommendation r;
        r.option = option;
        std::vector<std::pair<const Layout *, int>> replicas;
        ServedTokens tokens;
        for (size_t i = 0; i < chosen.size(); ++i) {
            ReplicaPlan p = plan(*chosen[i], mRequest.loads[i]);
            replicas.push_back({chosen[i], p.replicas});
            r.gpus += p.replicas * p.gpusPerReplica;
            tokens.outputPerSecond += p.atLoad.outputTokensPerSecond;
            tokens.inputPerSecond += p.atLoad.inputTokensPerSecond;
            r.worstEndToEnd = std::max(r.worstEndToEnd, p.endToEnd);
            r.plans.push_back(std::move(p));
        }
        r.units = unitsFor(replicas, option.gpusPerUnit);
        ++mResult.buildsCosted;
        if (option.placement == Placement::OnPrem)
            r.cost = onPremCost(repeated(option.unitBuild, r.units), mRequest.costs, tokens);
        else
            r.cost = cloudCost(*option.hourlyUsd, r.units, option.tier, mRequest.costs, tokens);
        r.costIsLowerBound = !r.cost.unpricedParts.empty();

        const SearchConstraints &c = mRequest.constraints;
        const bool overMonthly = c.maxMonthlyUsd && r.cost.monthlyTotalUsd > *c.maxMonthlyUsd;
        const bool overCapex = c.maxCapexUsd && r.cost.capexUsd > *c.maxCapexUsd;
        if (overMonthly || overCapex) {
            RuledOut &out = mResult.ruledOut;
            ++out.budget;
            out.cheapestOverBudgetUsd = std::min(out.cheapestOverBudgetUsd.value_or(r.cost.monthlyTotalUsd),
                                                 r.cost.monthlyTotalUsd);
            return std::nullopt;
        }
        return r;
    }

    double rankCost(const Recommendation &r) const
    {
        return mRequest.rankBy == RankBy::HorizonCash ? r.cost.totalOverHorizonUsd : r.cost.monthlyTotalUsd;
    }

    bool cheaper(const Recommendation &a, const Recommendation &b) const
    {
        if (rankCost(a) != rankCost(b))
            return rankCost(a) < rankCost(b);
        if (a.worstEndToEnd != b.worstEndToEnd)
            return a.worstEndToEnd < b.worstEndToEnd;
        return a.option.id < b.option.id;
    }

    // Marks (and with `prune`, keeps only) the builds no cheaper one beats on latency.
    void markParetoFront(std::vector<Recommendation> &builds, bool prune) const
    {
        std::sort(builds.begin(), builds.end(), [&](const auto &a, const auto &b) { return cheaper(a, b); });
        std::optional<units::Seconds> fastest;
        for (Recommendation &r : builds) {
            r.paretoOptimal = !fastest || r.worstEndToEnd < *fastest;
            if (r.paretoOptimal)
                fastest = r.worstEndToEnd;
        }
        if (prune)
            std::erase_if(builds, [](const Recommendation &r) { return !r.paretoOptimal; });
    }

    void keepParetoFront(std::vector<Recommendation> &builds) const { markParetoFront(builds, true); }

    void rank()
    {
        markParetoFront(mResult.ranked, false);
        for (size_t i = 0; i < mResult.ranked.size(); ++i) {
            std::optional<size_t> &best = mResult.ranked[i].option.placement == Placement::OnPrem ? mResult.bestOnPrem
                                                                                                  : mResult.bestCloud;
            if (!best)
                best = i;
        }
        if (mResult.bestOnPrem && mResult.bestCloud)
            mResult.breakEvenMonth = breakEvenMonth(mResult.ranked[*mResult.bestOnPrem].cost,
                                                    mResult.ranked[*mResult.bestCloud].cost);
        if (mResult.ranked.empty())
            mResult.noCandidateReason = explainEmpty();
    }

    std::string explainEmpty() const
    {
        const RuledOut &out = mResult.ruledOut;
        const ServiceLoad &load = mRequest.loads.front();
        std::ostringstream why;
        if (out.budget > 0) {
            why << "budget: " << out.budget << " build" << (out.budget == 1 ? "" : "s")
                << " meet the SLO, but the cheapest costs " << std::lround(*out.cheapestOverBudgetUsd)
                << " USD a month, over the budget";
        } else if (out.scale > 0) {
            why << "scale: " << out.scale << " layout" << (out.scale == 1 ? "" : "s") << " meet the SLO, but serving "
                << plainNumber(load.requestsPerSecond * mRequest.capacity.peakFactor)
                << " requests per second would take more than " << kMaxReplicasPerModel
                << " replicas of the model; the recommender plans fleets up to that size";
        } else if (out.latency > 0) {
            why << "latency: " << out.latency << " layout" << (out.latency == 1 ? "" : "s")
                << " fit in memory but none meets TTFT <= " << formatSeconds(units::inSeconds(load.ttftSlo))
                << " and TPOT <= " << formatSeconds(units::inSeconds(load.tpotSlo))
                << " even serving one request; the fastest, " << out.fastestLayout << ", reaches TTFT "
                << formatSeconds(*out.fastestTtftSeconds) << " and TPOT " << formatSeconds(*out.fastestTpotSeconds);
        } else if (out.memory > 0) {
            why << "memory: none of the " << out.memory << " layouts tried holds one sequence of "
                << load.inputTokens + load.outputTokens << " tokens of every model (allow lower-precision weights, "
                << "more pipeline stages or other hardware)";
        } else if (out.filtered > 0 || out.unpriced > 0) {
            why << "constraints: " << out.filtered << " hardware option" << (out.filtered == 1 ? " is" : "s are")
                << " excluded by placement or vendor and " << out.unpriced << (out.unpriced == 1 ? " has" : " have")
                << " no price (an on-prem GPU without a list price, or a cloud instance without one in the chosen tier)";
        } else {
            why << "no hardware options to search";
        }
        return why.str();
    }

    const RecommendRequest &mRequest;
    const std::vector<HardwareOption> &mOptions;
    std::vector<std::vector<WeightFormat>> mWeights; // per load
    std::vector<KvCacheFormat> mKv;
    std::map<std::string, std::vector<Layout>> mLayouts;
    RecommendResult mResult;
};

} // namespace

std::vector<WeightFormat> defaultWeightFormats(const ModelSpec &model)
{
    std::vector<WeightFormat> formats;
    for (const std::string &id :
         {model.checkpointFormat, std::string("fp8"), std::string("int8"), std::string("awq-int4-g128")}) {
        const std::optional<WeightFormat> format = findWeightFormat(id);
        const bool duplicate = format && std::any_of(formats.begin(), formats.end(), [&](const WeightFormat &f) {
                                   return f.compute == format->compute && f.elementBits == format->elementBits;
                               });
        if (format && !duplicate)
            formats.push_back(*format);
    }
    return formats;
}

std::vector<KvCacheFormat> defaultKvFormats()
{
    return {*findKvCacheFormat("bf16"), *findKvCacheFormat("fp8")};
}

std::vector<Problem> validate(const RecommendRequest &request)
{
    ProblemList problems("invalid-recommendation");
    if (request.loads.empty())
        problems.add("model", QT_TRANSLATE_NOOP("Core", "a recommendation needs at least one model and load"));
    for (const ServiceLoad &load : request.loads) {
        const std::string who = load.model.id.empty() ? "the model" : load.model.id;
        ProblemList loadProblems("invalid-recommendation");
        loadProblems.addAll(validate(load.model));
        if (load.model.encoder)
            loadProblems.addAll({Problem("invalid-recommendation", encoderOnlyMessage(load.model), "model")});
        if (load.inputTokens < 1 || load.outputTokens < 1)
            loadProblems.add(load.inputTokens < 1 ? "input-len" : "output-len",
                             QT_TRANSLATE_NOOP("Core", "input and output lengths must be at least 1 token"));
        else if (load.inputTokens + load.outputTokens > load.model.maxContext)
            loadProblems.add(
                "input-len", QT_TRANSLATE_NOOP("Core", "input + output (%1 tokens) exceeds the model's context of %2"),
                {std::to_string(load.inputTokens + load.outputTokens), std::to_string(load.model.maxContext)});
        if (!(load.requestsPerSecond > 0) || !std::isfinite(load.requestsPerSecond))
            loadProblems.add(
                "qps", QT_TRANSLATE_NOOP("Core", "the request rate must be a positive number of requests per second"));
        if (!(load.ttftSlo > units::seconds(0)) || !(load.tpotSlo > units::seconds(0)))
            loadProblems.add(load.ttftSlo > units::seconds(0) ? "tpot-slo" : "ttft-slo",
                             QT_TRANSLATE_NOOP("Core", "the TTFT and TPOT targets must be positive"));
        problems.addAll(loadProblems.take(), who);
    }
    const CapacityPolicy &c = request.capacity;
    if (!(c.peakFactor >= 1) || !std::isfinite(c.peakFactor))
        problems.add("peak-factor",
                     QT_TRANSLATE_NOOP("Core", "the peak factor must be at least 1 (the average rate itself)"));
    if (c.spareReplicas < 0 || c.spareUnits < 0 || c.spareReplicas > kMaxReplicasPerModel
        || c.spareUnits > kMaxReplicasPerModel)
        problems.add(c.spareReplicas < 0 || c.spareReplicas > kMaxReplicasPerModel ? "spare-replicas" : "spare-servers",
                     QT_TRANSLATE_NOOP("Core", "spare replicas and spare units must be between 0 and %1"),
                     {std::to_string(kMaxReplicasPerModel)});
    if (!request.constraints.onPrem && !request.constraints.cloud)
        problems.add("where", QT_TRANSLATE_NOOP("Core", "allow on-prem builds, cloud instances or both"));
    if (request.constraints.maxMonthlyUsd && !(*request.constraints.maxMonthlyUsd > 0))
        problems.add("budget", QT_TRANSLATE_NOOP("Core", "the monthly budget must be positive"));
    if (request.constraints.maxCapexUsd && !(*request.constraints.maxCapexUsd > 0))
        problems.add("max-capex", QT_TRANSLATE_NOOP("Core", "the capital budget must be positive"));
    if (request.maxUnitsPerReplica < 1)
        problems.add({}, QT_TRANSLATE_NOOP("Core", "a replica needs at least one unit"));
    for (const ServiceLoad &load : request.loads) {
        std::vector<WeightFormat> weights = request.weightFormats.empty() ? defaultWeightFormats(load.model)
                                                                          : request.weightFormats;
        if (std::none_of(weights.begin(), weights.end(), [&](const WeightFormat &w) {
                return w.mixedLinearBits.value_or(w.elementBits) >= request.constraints.minWeightBits;
            }))
            problems.add("min-weight-bits", QT_TRANSLATE_NOOP("Core", "no weight format to try has at least %1 bits"),
                         {std::to_string(std::lround(request.constraints.minWeightBits))});
    }
    problems.addAll(validate(request.costs));
    return problems.take();
}

RecommendResult recommend(const RecommendRequest &request, const std::vector<HardwareOption> &options)
{
    if (const std::vector<Problem> problems = validate(request); !problems.empty()) {
        RecommendResult invalid;
        invalid.noCandidateReason = problems.front().text();
        return invalid;
    }
    return Search(request, options).run();
}

std::string toString(Placement placement)
{
    return placement == Placement::OnPrem ? "on-prem" : "cloud";
}

std::string describeParallelism(const Parallelism &p)
{
    std::string text = "TP" + std::to_string(p.tensor);
    if (p.pipeline > 1)
        text += " x PP" + std::to_string(p.pipeline);
    if (p.expert > 1)
        text += " (EP" + std::to_string(p.expert) + ")";
    return text;
}

} // namespace planner
