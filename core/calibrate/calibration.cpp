#include "core/calibrate/calibration.h"

#include "core/perf/encoderperf.h"
#include "core/sim/servingsimulation.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace planner {

namespace {

constexpr double kLowest = 0.05;
constexpr double kHighest = 1.0;

double rmsLogError(const std::vector<Measurement> &measurements, const std::vector<double> &predicted)
{
    double sum = 0;
    for (size_t i = 0; i < measurements.size(); ++i) {
        const double ratio = predicted[i] / measurements[i].value;
        sum += std::pow(std::log(ratio), 2);
    }
    return std::sqrt(sum / static_cast<double>(measurements.size()));
}

std::vector<double> predictions(const std::vector<Measurement> &measurements, const Efficiency &e)
{
    std::vector<double> out;
    out.reserve(measurements.size());
    for (const Measurement &m : measurements)
        out.push_back(predict(m, e));
    return out;
}

} // namespace

namespace {

SimulationConfig simulationOf(const Measurement &m, const Efficiency &e)
{
    SimulationConfig c;
    c.request = m.request;
    c.arrivals = ArrivalPattern::Poisson;
    c.ratePerSecond = m.rate;
    c.inputLength = LengthDistribution::fixed(m.request.inputTokens);
    c.outputLength = LengthDistribution::fixed(m.request.outputTokens);
    c.requests = kSimulatedRequests;
    c.efficiency = e;
    return c;
}

double simulated(const Measurement &m, const Efficiency &e)
{
    const SimulationResult r = simulate(simulationOf(m, e));
    switch (m.metric) {
    case MeasuredMetric::TtftMedian: return units::inSeconds(r.ttft.p50);
    case MeasuredMetric::TpotMedian: return units::inSeconds(r.tpot.p50);
    case MeasuredMetric::TtftP99: return units::inSeconds(r.ttft.p99);
    case MeasuredMetric::TpotP99: return units::inSeconds(r.tpot.p99);
    case MeasuredMetric::OutputTokensPerSecond: return r.outputTokensPerSecond;
    default: return 0;
    }
}

bool needsRate(MeasuredMetric metric)
{
    return metric == MeasuredMetric::TtftMedian || metric == MeasuredMetric::TpotMedian
           || metric == MeasuredMetric::TtftP99 || metric == MeasuredMetric::TpotP99;
}

} // namespace

double predict(const Measurement &m, const Efficiency &e)
{
    if (m.rate > 0)
        return simulated(m, e);
    if (m.metric == MeasuredMetric::EncoderLatency)
        return units::inSeconds(encoderPassTime(m.request, m.request.inputTokens, m.request.concurrency, e));
    // An engine runs at most as many sequences as its limit and the memory
    // allow; the others wait for a slot (performanceAt adds their wait to
    // the time to first token).
    const PerfPoint p = performanceAt(m.request, e);
    switch (m.metric) {
    case MeasuredMetric::Tpot: return units::inSeconds(p.tpot);
    case MeasuredMetric::Ttft: return units::inSeconds(p.ttft);
    case MeasuredMetric::OutputTokensPerSecond: return p.outputTokensPerSecond;
    default: break;
    }
    return 0;
}

std::vector<Problem> validate(const Measurement &m)
{
    if (m.rate > 0 || needsRate(m.metric)) {
        ProblemList problems("invalid-measurement");
        if (!(m.rate > 0) || !std::isfinite(m.rate))
            problems.add("rate", QT_TRANSLATE_NOOP("Core", "a median or p99 latency needs the request rate it was "
                                                           "measured at"));
        else if (m.metric == MeasuredMetric::EncoderLatency || m.metric == MeasuredMetric::Tpot
                 || m.metric == MeasuredMetric::Ttft)
            problems.add("metric", QT_TRANSLATE_NOOP("Core", "at a request rate, give the median or p99 latency "
                                                             "(ttft_median_s, tpot_p99_s, ...) or output tokens/s"));
        if (m.request.phases != ServingPhases::Both)
            problems.add("phase", QT_TRANSLATE_NOOP("Core", "a run at a request rate serves each request from prompt "
                                                            "to last token, so it measures both phases"));
        if (!problems.empty())
            return problems.take();
        return validate(simulationOf(m, Efficiency{}));
    }
    return m.metric == MeasuredMetric::EncoderLatency
               ? validateEncoder(m.request, m.request.inputTokens, m.request.concurrency)
               : validate(m.request);
}

std::vector<Problem> validate(const std::vector<Measurement> &measurements)
{
    ProblemList problems("invalid-measurement");
    if (measurements.empty())
        problems.add({}, QT_TRANSLATE_NOOP("Core", "there are no measurements to calibrate against"));
    for (const Measurement &m : measurements) {
        ProblemList measurement("invalid-measurement");
        if (!(m.value > 0) || !std::isfinite(m.value))
            measurement.add("value", QT_TRANSLATE_NOOP("Core", "the measured value must be a positive number"));
        measurement.addAll(validate(m));
        if (measurement.empty() && problems.empty() && !(predict(m, Efficiency{}) > 0))
            measurement.add({}, QT_TRANSLATE_NOOP("Core", "the deployment does not fit in memory, so it has no speed "
                                                          "to compare"));
        problems.addAll(measurement.take(), m.label);
    }
    return problems.take();
}

CalibrationResult calibrate(const std::vector<Measurement> &measurements, const Efficiency &start)
{
    CalibrationResult result;
    result.before = start;
    result.predictedBefore = predictions(measurements, start);
    result.rmsLogErrorBefore = rmsLogError(measurements, result.predictedBefore);

    // Coordinate search on a shrinking multiplicative step: each factor moves
    // up or down while that lowers the error. Cheap (a few hundred
    // evaluations) and robust where the error is flat in a factor (a set with
    // no compute-bound case leaves compute where it was).
    Efficiency best = start;
    double bestError = result.rmsLogErrorBefore;
    std::array<double Efficiency::*, 3> factors{&Efficiency::compute, &Efficiency::memory, &Efficiency::network};
    for (double step = 1.5; step > 1.002; step = std::sqrt(step)) {
        bool improved = true;
        while (improved) {
            improved = false;
            for (double Efficiency::*factor : factors) {
                for (double move : {step, 1.0 / step}) {
                    Efficiency trial = best;
                    trial.*factor = std::clamp(best.*factor * move, kLowest, kHighest);
                    if (trial.*factor == best.*factor)
                        continue;
                    const double error = rmsLogError(measurements, predictions(measurements, trial));
                    if (error < bestError - 1e-12) {
                        best = trial;
                        bestError = error;
                        improved = true;
                    }
                }
            }
        }
    }
    result.after = best;
    result.predictedAfter = predictions(measurements, best);
    result.rmsLogErrorAfter = bestError;
    return result;
}

std::string_view toString(MeasuredMetric metric)
{
    switch (metric) {
    case MeasuredMetric::Tpot: return "tpot_s";
    case MeasuredMetric::Ttft: return "ttft_s";
    case MeasuredMetric::OutputTokensPerSecond: return "output_tokens_per_s";
    case MeasuredMetric::EncoderLatency: return "encoder_latency_s";
    case MeasuredMetric::TtftMedian: return "ttft_median_s";
    case MeasuredMetric::TpotMedian: return "tpot_median_s";
    case MeasuredMetric::TtftP99: return "ttft_p99_s";
    case MeasuredMetric::TpotP99: return "tpot_p99_s";
    }
    return "?";
}

} // namespace planner
