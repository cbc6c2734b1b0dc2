#pragma once
// The user's measured results, as CSV, for `calibrate`.
//
// Columns (header required, any order): model, gpu, gpus, tp, pp, weights,
// kv, engine, concurrency, input_len, output_len, metric, value, label.
// model and gpu are catalogue ids; metric is tpot_s, ttft_s or
// output_tokens_per_s; value is in seconds or tokens per second. Optional
// columns default as in `perf`. A bad row is refused by its line, and then no
// measurement is returned.

#include "core/perf/calibration.h"

#include <QString>

#include <vector>

namespace planner {

class Catalogue;

struct MeasurementsResult {
    std::vector<Measurement> measurements;
    QString error;
    bool ok() const { return error.isEmpty(); }
};

MeasurementsResult readMeasurementsCsv(const QString &csv, const Catalogue &catalogue);

} // namespace planner
