#pragma once
// Fitting the efficiency factors to the user's own measurements.
//
// Each measurement is a deployment with a measured TPOT, TTFT or output
// tokens/s. The fit searches the achievable fractions of compute, memory and
// link bandwidth (each within 5-100 %) that minimise the squared log error
// over all measurements, so a 2x miss counts the same whether too fast or too
// slow, and reports the error of every case before and after.

#include "core/perf/perfmodel.h"
#include "core/util/problem.h"

#include <string>
#include <string_view>
#include <vector>

namespace planner {

// EncoderLatency: one forward pass of an encoder-only model over
// request.concurrency sequences of request.inputTokens (encoderperf.h).
// The median and p99 metrics belong to a run at a request rate: they come
// from the serving simulation, not the analytical point.
enum class MeasuredMetric {
    Tpot,
    Ttft,
    OutputTokensPerSecond,
    EncoderLatency,
    TtftMedian,
    TpotMedian,
    TtftP99,
    TpotP99
};

struct Measurement {
    std::string label;
    PerfRequest request; // at a rate, its concurrency is not read
    MeasuredMetric metric = MeasuredMetric::Tpot;
    double value = 0; // seconds, or tokens per second
    // Requests per second of a Poisson stream (a run at a request rate); 0:
    // a run at request.concurrency requests in flight.
    double rate = 0;
};

// Requests a run at a rate is simulated with: enough for stable medians and
// p99s, few enough that a fit over many cases stays quick.
constexpr std::int64_t kSimulatedRequests = 600;

struct CalibrationResult {
    Efficiency before;
    Efficiency after;
    std::vector<double> predictedBefore; // per measurement, same units as its value
    std::vector<double> predictedAfter;
    double rmsLogErrorBefore = 0; // root mean square of ln(predicted / measured)
    double rmsLogErrorAfter = 0;
};

double predict(const Measurement &measurement, const Efficiency &efficiency);
std::vector<Problem> validate(const std::vector<Measurement> &measurements);
// One measurement's deployment, as its metric needs it (an encoder pass has no output tokens).
std::vector<Problem> validate(const Measurement &measurement);
CalibrationResult calibrate(const std::vector<Measurement> &measurements, const Efficiency &start);

std::string_view toString(MeasuredMetric metric);

} // namespace planner
