#pragma once
// Fitting the speed table (core/perf/speedtable.h) to published measurements:
// the procedure behind the shipped figures, run by `planner-accuracy --fit`.
//
// Each engine's shares, GEMM saturation and host times, each GPU family's
// shares relative to NVIDIA Hopper, and the FP8/FP4 and link shares are moved
// one at a time, up or down by a shrinking factor, while that lowers the loss:
// the mean over the measurements of the squared log error, growing only
// logarithmically beyond a 1.5x miss (Cauchy's loss, so a run far off for a
// reason the model lacks does not drag the rest), plus a cost for moving a
// share away from its typical value (a term the cases barely constrain stays
// near it). A term no measurement depends on stays where it started.
// Afterwards each engine's range bounds are set to the 5th and 95th
// percentiles of measured / predicted over its cases, so the range shown
// with an estimate holds at least four cases in five.

#include "core/calibrate/calibration.h"
#include "core/perf/speedtable.h"

#include <vector>

namespace planner {

struct SpeedFitResult {
    SpeedTable table;
    double lossBefore = 0; // without the priors' cost
    double lossAfter = 0;
    int evaluations = 0;
};

// The prediction of one measurement under a table.
double predictWith(const Measurement &measurement, const SpeedTable &table);
SpeedFitResult fitSpeedTable(const std::vector<Measurement> &measurements, const SpeedTable &start);

} // namespace planner
