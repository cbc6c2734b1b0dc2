#pragma once
// The user's measured results, as CSV, for `calibrate`.
//
// Columns (header required, any order): model, gpu, gpus, gpus_per_server,
// network, tp, pp, ep, dp_attention, weights, kv, engine, concurrency,
// input_len, output_len, rate, speculative, phase, prefix_hit, metric,
// value, label; other
// columns (source, setup, ...) are not read. model, gpu and network are
// catalogue ids; metric is tpot_s, ttft_s, output_tokens_per_s or
// encoder_latency_s, or at a request rate (requests/s) ttft_median_s,
// tpot_median_s, ttft_p99_s or tpot_p99_s; value is in seconds or tokens per
// second. concurrency "max" is a max-throughput run (every request queued at
// once); `speculative` names a draft as `perf --speculative` takes it (mtp,
// eagle:DRAFT:ACCEPTED, ...); `phase` (both, prefill or decode) is one side
// of a disaggregated pair measured alone (a prefill side's output tokens/s
// are its requests/s, one first token each); `prefix_hit` is the share of
// each prompt found in the prefix cache. Optional columns default as in `perf`. A bad row is
// refused by its line, and then no measurement is returned (or, with
// BadRows::Skip, left out with its message).

#include "core/calibrate/calibration.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace planner {

class Catalogue;

struct MeasurementsResult {
    std::vector<Measurement> measurements;
    std::vector<int> rows; // each measurement's row (1 = the first after the header)
    QString error;
    QStringList skipped; // with SkipBadRows: the message of each row left out
    bool ok() const { return error.isEmpty(); }
};

// RefuseBadRows (what `calibrate` does with a user's file): one bad row
// refuses the file. SkipBadRows (the accuracy check over the published set):
// a row the planner cannot express yet (a GPU without the rate its format
// needs) is left out with its message, and the rest are read.
enum class BadRows { Refuse, Skip };

MeasurementsResult readMeasurementsCsv(const QString &csv, const Catalogue &catalogue,
                                       BadRows badRows = BadRows::Refuse);

} // namespace planner
