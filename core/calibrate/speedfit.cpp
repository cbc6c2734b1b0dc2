#include "core/calibrate/speedfit.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

namespace planner {

namespace {

// One term of the table the search may move, within its bounds. A term that
// may be 0 (a host time, a saturation size) starts moving from `seed`.
struct Term {
    std::function<double &(SpeedTable &)> value;
    double lowest;
    double highest;
    double seed;
    // What is known before the fit (a share's typical value; 0: nothing):
    // moving a term from it costs as much as a case missed by
    // ln(value / prior) / ln 2, so a term the cases barely constrain stays
    // near it instead of wandering to a bound.
    double prior = 0;
};

double priorCost(const std::vector<Term> &terms, SpeedTable &table)
{
    double sum = 0;
    for (const Term &term : terms) {
        const double value = term.value(table);
        if (term.prior > 0 && value > 0)
            sum += std::pow(std::log(value / term.prior) / std::log(2.0), 2);
    }
    return sum;
}

// Squared log error for misses up to about 1.5x, growing only
// logarithmically beyond (Cauchy's loss): a published run far off for reasons
// the model has no term for (an engine's first release on a chip, a benchmark
// dominated by its tail) must not drag the terms every other case agrees on.
double robustCost(double logError)
{
    constexpr double kScale = 0.4;
    return kScale * kScale * std::log1p(std::pow(logError / kScale, 2));
}

// The robust loss over the cases that fit in memory, plus `priors`.
double fitLoss(const std::vector<Measurement> &measurements, const SpeedTable &table, double priors = 0)
{
    double sum = priors;
    int counted = 0;
    for (const Measurement &m : measurements) {
        const double predicted = predictWith(m, table);
        if (!(predicted > 0) || !std::isfinite(predicted))
            continue; // does not fit: no term moves it
        sum += robustCost(std::log(predicted / m.value));
        ++counted;
    }
    return counted > 0 ? std::sqrt(sum / counted) : 0;
}

std::vector<Term> termsFor(const std::vector<Measurement> &measurements, const SpeedTable &table)
{
    std::set<std::string> engines;
    std::set<GpuFamily> families;
    bool hbmLlamaCpp = false;
    std::set<std::string> moeEngines;
    for (const Measurement &m : measurements) {
        if (m.request.deployment.model.isMoe())
            moeEngines.insert(m.request.deployment.engine.id);
        engines.insert(m.request.deployment.engine.id);
        families.insert(gpuFamily(m.request.deployment.gpu));
        hbmLlamaCpp |= m.request.deployment.engine.id == "llama.cpp"
                       && m.request.deployment.gpu.hasHighBandwidthMemory();
    }
    std::vector<Term> terms;
    for (size_t i = 0; i < table.engines.size(); ++i) {
        const std::string &id = table.engines[i].engine;
        if (!engines.count(id))
            continue;
        const auto field = [i](double EngineSpeedTerms::*member) {
            return [i, member](SpeedTable &t) -> double & { return t.engines[i].*member; };
        };
        // Priors: large BF16 GEMMs reach 80-87 % of peak in isolation and
        // whole prefills about 60 %; decode reads 65-90 % of the bandwidth;
        // FlashAttention kernels 35-75 % of the 16-bit peak (see perfmodel.cpp).
        terms.push_back({field(&EngineSpeedTerms::compute), 0.05, 1.0, 0, 0.6});
        terms.push_back({field(&EngineSpeedTerms::memory), 0.05, 1.0, 0, 0.75});
        terms.push_back({field(&EngineSpeedTerms::attention), 0.05, 1.0, 0, 0.5});
        terms.push_back({field(&EngineSpeedTerms::gemmHalfTokens), 0, 4096, 16});
        if (moeEngines.count(id))
            terms.push_back({field(&EngineSpeedTerms::expertMemory), 0.2, 1.5, 0, 1.0});
        terms.push_back({field(&EngineSpeedTerms::stepSeconds), 0, 0.05, 1e-4});
        terms.push_back({field(&EngineSpeedTerms::sequenceSeconds), 0, 1e-3, 1e-6});
        // llama.cpp's cases are llama-bench runs and Transformers' are
        // generate() calls, in-process: no API server stands before the prefill.
        if (id != "llama.cpp" && id != "transformers")
            terms.push_back({field(&EngineSpeedTerms::requestSeconds), 0, 1.0, 1e-3});
        // Only an engine that launches kernels from Python pays per layer.
        if (id == "transformers")
            terms.push_back({field(&EngineSpeedTerms::layerSeconds), 0, 0.01, 1e-5});
        if (id == "llama.cpp" && hbmLlamaCpp)
            terms.push_back({field(&EngineSpeedTerms::hbmShare), 0.2, 1.5, 0, 1.0});
    }
    for (size_t i = 0; i < table.families.size(); ++i) {
        const GpuFamily family = table.families[i].family;
        if (!families.count(family) || family == GpuFamily::NvidiaHopper) // Hopper is the reference
            continue;
        terms.push_back({[i](SpeedTable &t) -> double & { return t.families[i].compute; }, 0.1, 3.0, 0, 1.0});
        terms.push_back({[i](SpeedTable &t) -> double & { return t.families[i].memory; }, 0.1, 3.0, 0, 1.0});
    }
    // FP8 GEMMs reach ~71 % of the FP8 peak where BF16 ones reach ~80 % of theirs
    // (stas00/ml-engineering); links 60-90 % (NVIDIA/nccl#1264).
    terms.push_back({[](SpeedTable &t) -> double & { return t.fp8Share; }, 0.2, 1.0, 0, 0.85});
    terms.push_back({[](SpeedTable &t) -> double & { return t.fp4Share; }, 0.1, 1.0, 0, 0.7});
    terms.push_back({[](SpeedTable &t) -> double & { return t.network; }, 0.1, 1.0, 0, 0.75});
    return terms;
}

// The values a term may move to from `value` with this step.
std::vector<double> movesOf(const Term &term, double value, double step)
{
    std::vector<double> moves;
    if (value <= 0) {
        if (term.seed > 0)
            moves.push_back(term.seed);
        return moves;
    }
    moves.push_back(std::min(term.highest, value * step));
    const double down = value / step;
    moves.push_back(term.seed > 0 && down < term.seed ? 0.0 : std::max(term.lowest, down));
    return moves;
}

// Each engine's range: the 5th and 95th percentiles of measured / predicted
// in time (a rate's ratio inverted). Narrower quantiles would hold four cases
// in five of the fit set but fewer of the held-out ones and of the runs at a
// request rate, which the fit does not see.
constexpr double kRangeQuantile = 0.05;
void setRangeBounds(SpeedTable &table, const std::vector<Measurement> &measurements)
{
    for (EngineSpeedTerms &engine : table.engines) {
        std::vector<double> ratios;
        for (const Measurement &m : measurements) {
            if (m.request.deployment.engine.id != engine.engine)
                continue;
            const double predicted = predictWith(m, table);
            if (!(predicted > 0))
                continue;
            const double ratio = m.value / predicted;
            ratios.push_back(m.metric == MeasuredMetric::OutputTokensPerSecond ? 1 / ratio : ratio);
        }
        if (ratios.size() < 5)
            continue; // too few cases to say; the bounds stay
        std::sort(ratios.begin(), ratios.end());
        const auto at = [&ratios](double q) {
            const double position = q * static_cast<double>(ratios.size() - 1);
            const size_t below = static_cast<size_t>(std::floor(position));
            const size_t above = std::min(below + 1, ratios.size() - 1);
            return ratios[below] + (position - static_cast<double>(below)) * (ratios[above] - ratios[below]);
        };
        engine.fasterBound = std::min(1.0, at(kRangeQuantile));
        engine.slowerBound = std::max(1.0, at(1 - kRangeQuantile));
    }
}

} // namespace

double predictWith(const Measurement &m, const SpeedTable &table)
{
    return predict(m, efficiencyFor(m.request.deployment.engine, m.request.deployment.gpu, table).nominal);
}

SpeedFitResult fitSpeedTable(const std::vector<Measurement> &measurements, const SpeedTable &start)
{
    SpeedFitResult result;
    result.table = start;
    const std::vector<Term> terms = termsFor(measurements, start);
    double best = fitLoss(measurements, start, priorCost(terms, result.table));
    result.lossBefore = fitLoss(measurements, start);
    for (double step = 2.0; step > 1.01; step = std::sqrt(step)) {
        bool improved = true;
        for (int pass = 0; improved && pass < 8; ++pass) {
            improved = false;
            for (const Term &term : terms) {
                const double value = term.value(result.table);
                for (double moved : movesOf(term, value, step)) {
                    if (moved == value)
                        continue;
                    SpeedTable trial = result.table;
                    term.value(trial) = moved;
                    const double error = fitLoss(measurements, trial, priorCost(terms, trial));
                    ++result.evaluations;
                    if (error < best - 1e-9) {
                        best = error;
                        result.table = trial;
                        improved = true;
                        break;
                    }
                }
            }
        }
    }
    setRangeBounds(result.table, measurements);
    result.lossAfter = fitLoss(measurements, result.table);
    return result;
}

} // namespace planner
