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
enum class MeasuredMetric { Tpot, Ttft, OutputTokensPerSecond, EncoderLatency };

struct Measurement {
    std::string label;
    PerfRequest request;
    MeasuredMetric metric = MeasuredMetric::Tpot;
    double value = 0; // seconds, or tokens per second
};

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
