#pragma once

// The "parse and check" step of every fuzz target, shared by the libFuzzer
// executables (tests/fuzz/fuzz_<name>.cpp) and the regression test that
// replays the corpus and every saved crash through the regular test suite
// (tests/database/test_fuzzregressions.cpp).
//
// Each function feeds one input to a parser of outside input, does what a
// caller does next with a successful parse (when that is cheap), and aborts
// when an invariant breaks: a NaN or infinity in an estimate, a result that
// is neither a value nor an error. A parse error is a normal outcome and is
// returned, so the regression test can check that it is one readable line.

#include "core/model/modelspec.h"
#include "core/model/parametercount.h"
#include "core/plan/planevaluation.h"
#include "core/sim/servingworkload.h"
#include "database/catalogue.h"
#include "database/csvtable.h"
#include "database/ggufheader.h"
#include "database/hfconfigimporter.h"
#include "database/measurementcsv.h"
#include "database/planfile.h"
#include "database/safetensorsheader.h"

#include <QByteArray>
#include <QDir>
#include <QString>
#include <QTemporaryFile>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace planner::fuzz {

// What one input came to: ok, or the parser's (first) error message.
struct Outcome {
    bool ok = false;
    QString error;
};

[[noreturn]] inline void fail(const char *what)
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

inline void require(bool condition, const char *what)
{
    if (!condition)
        fail(what);
}

inline void requireFinite(double value, const char *what)
{
    if (!std::isfinite(value))
        fail(what);
}

// An error the user reads: present, one line.
inline Outcome failed(const QString &error)
{
    require(!error.trimmed().isEmpty(), "a parse failed without an error message");
    return {false, error};
}

// A spec that imported cleanly goes on to validation and parameter counting,
// as the model library and the estimators do with it.
inline void checkModelSpec(const ModelSpec &spec)
{
    if (!validate(spec).empty())
        return;
    const ParameterBreakdown count = countParameters(spec);
    (void)count;
}

// --- Plan files ------------------------------------------------------------------------------

inline void checkPerf(const PerfPoint &p)
{
    requireFinite(units::inSeconds(p.ttft), "plan estimate: ttft");
    requireFinite(units::inSeconds(p.tpot), "plan estimate: tpot");
    requireFinite(p.outputTokensPerSecond, "plan estimate: output tokens/s");
    requireFinite(p.inputTokensPerSecond, "plan estimate: input tokens/s");
}

inline void checkStep(const StepCost &s)
{
    requireFinite(units::inSeconds(s.time), "plan estimate: step time");
    requireFinite(units::inSeconds(s.compute), "plan estimate: step compute");
    requireFinite(units::inSeconds(s.memory), "plan estimate: step memory");
    requireFinite(units::inSeconds(s.communication), "plan estimate: step communication");
    requireFinite(units::inSeconds(s.host), "plan estimate: step host");
    requireFinite(s.flops.value(), "plan estimate: step FLOP");
    requireFinite(units::inBytes(s.bytes), "plan estimate: step bytes");
}

inline void checkEstimates(const std::vector<ScenarioEstimate> &estimates)
{
    for (const ScenarioEstimate &e : estimates) {
        const CostEstimate &c = e.cost;
        for (double v :
             {c.capexUsd, c.monthlyAmortisationUsd, c.monthlyPowerUsd, c.monthlyMaintenanceUsd, c.monthlyColocationUsd,
              c.monthlyCloudUsd, c.monthlyOpexUsd, c.monthlyTotalUsd, c.averagePowerKw, c.totalOverHorizonUsd,
              c.usdPerMillionOutputTokens, c.usdPerMillionInputTokens})
            requireFinite(v, "plan estimate: cost");
        for (double v : c.cumulativeUsdByMonth)
            requireFinite(v, "plan estimate: cumulative cost");
        for (const VersionEstimate &v : e.versions) {
            const InferenceMemoryEstimate &m = v.memory;
            for (units::Bytes b :
                 {m.perGpu.weights, m.perGpu.kvCache, m.perGpu.activations, m.perGpu.overhead, m.capacity,
                  m.runtimeOverhead, m.engineReserve, m.kvPerToken, m.hostMemory, m.hostWeights, m.shortfall})
                requireFinite(units::inBytes(b), "plan estimate: memory");
            requireFinite(v.requestsPerSecond, "plan estimate: requests/s");
            if (v.usdPerMillionOutputTokens)
                requireFinite(*v.usdPerMillionOutputTokens, "plan estimate: USD per million output tokens");
            if (v.speed) {
                checkPerf(v.speed->nominal);
                checkPerf(v.speed->pessimistic);
                checkPerf(v.speed->optimistic);
                checkStep(v.speed->prefill);
                checkStep(v.speed->decode);
            }
        }
    }
}

// Evaluation grows with the topology; beyond this the fuzzer would spend its
// time in the engine rather than in the parser.
inline constexpr std::size_t kMaxEvaluatedNodes = 64;
inline constexpr std::size_t kMaxEvaluatedScenarios = 8;
inline constexpr std::size_t kMaxEvaluatedModels = 8;

inline Outcome fuzzPlan(const QByteArray &bytes)
{
    const PlanFileResult result = parsePlan(bytes);
    if (!result.ok())
        return failed(result.error);
    require(result.plan.has_value(), "parsePlan: ok without a plan");
    const Plan &plan = *result.plan;
    std::size_t nodes = 0;
    for (const Scenario &s : plan.scenarios)
        nodes += s.topology.nodes.size();
    if (nodes <= kMaxEvaluatedNodes && plan.scenarios.size() <= kMaxEvaluatedScenarios
        && plan.modelIds.size() <= kMaxEvaluatedModels)
        checkEstimates(evaluatePlan(plan));
    return {true, {}};
}

// --- Hugging Face config.json ----------------------------------------------------------------

inline Outcome fuzzHfConfig(const QByteArray &bytes)
{
    const ModelImportResult result = importHuggingFaceConfigJson(bytes, QStringLiteral("fuzz/config.json"));
    if (!result.ok()) {
        require(!result.errors.empty(), "importHuggingFaceConfigJson: no spec and no error");
        for (const ImportError &e : result.errors)
            failed(e.message);
        return {false, result.errors.front().message};
    }
    checkModelSpec(*result.spec);
    return {true, {}};
}

// --- Weight-file headers (read from a path) --------------------------------------------------

// The weight-file readers take a path: each input is written to one scratch
// file, created once and rewritten in place.
class ScratchFile
{
public:
    explicit ScratchFile(const QString &suffix)
        : mFile(QDir::tempPath() + QStringLiteral("/planner-fuzz-XXXXXX") + suffix)
    {
        require(mFile.open(), "cannot create the scratch file");
    }
    QString write(const QByteArray &bytes)
    {
        require(mFile.resize(0) && mFile.seek(0), "cannot truncate the scratch file");
        require(mFile.write(bytes) == bytes.size() && mFile.flush(), "cannot write the scratch file");
        return mFile.fileName();
    }

private:
    QTemporaryFile mFile;
};

inline Outcome headerOutcome(bool ok, const std::vector<HeaderError> &errors, const char *what)
{
    if (ok)
        return {true, {}};
    require(!errors.empty(), what);
    for (const HeaderError &e : errors)
        failed(e.message);
    return {false, errors.front().message};
}

inline Outcome fuzzSafetensors(ScratchFile &scratch, const QByteArray &bytes)
{
    const CheckpointResult result = readSafetensors(scratch.write(bytes));
    return headerOutcome(result.ok(), result.errors, "readSafetensors: no summary and no error");
}

inline Outcome fuzzGguf(ScratchFile &scratch, const QByteArray &bytes)
{
    const GgufResult result = readGgufHeader(scratch.write(bytes));
    if (!result.ok())
        return headerOutcome(false, result.errors, "readGgufHeader: no header and no error");
    requireFinite(result.header->bitsPerWeight, "GGUF header: bits per weight");
    const ModelImportResult spec = modelSpecFromGguf(*result.header, QStringLiteral("fuzz.gguf"));
    if (!spec.ok()) {
        require(!spec.errors.empty(), "modelSpecFromGguf: no spec and no error");
        for (const ImportError &e : spec.errors)
            failed(e.message);
        return {false, spec.errors.front().message};
    }
    checkModelSpec(*spec.spec);
    return {true, {}};
}

// --- Catalogue CSV ---------------------------------------------------------------------------

inline Outcome fuzzCsv(const QByteArray &bytes)
{
    const CsvParseResult result = parseCsv(QString::fromUtf8(bytes));
    if (!result.table)
        return failed(result.error);
    const CsvTable &table = *result.table;
    require(table.rows.size() == table.rowLines.size(), "parseCsv: a row without its line number");
    (void)toCsv(table);
    return {true, {}};
}

// The first byte picks the table; the rest is the CSV text. Imports go into
// the catalogue's user layer, every row or none.
inline Outcome fuzzCatalogueImport(Catalogue &catalogue, const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return {false, QStringLiteral("empty input")};
    const QStringList tables = Catalogue::tables();
    const QString table = tables.at(static_cast<unsigned char>(bytes.front()) % tables.size());
    const CatalogueStatus status = catalogue.importCsv(table, QString::fromUtf8(bytes.mid(1)));
    if (!status.ok())
        return failed(status.error);
    return {true, {}};
}

// --- Measurements for `calibrate` -----------------------------------------------------------

// Rows the planner cannot read are left out with one line each; every row it
// reads has a concurrency to run at, and its analytical prediction is finite
// (runs at a request rate are simulated, which is not a parser's work: their
// rows are read but not predicted here).
inline Outcome fuzzMeasurements(const Catalogue &catalogue, const QByteArray &bytes)
{
    const MeasurementsResult result = readMeasurementsCsv(QString::fromUtf8(bytes), catalogue, BadRows::Skip);
    if (!result.ok())
        return failed(result.error);
    require(result.rows.size() == result.measurements.size(), "measurements: a row without its line");
    for (const QString &reason : result.skipped)
        require(!reason.contains(u'\n'), "measurements: a reason over more than one line");
    for (const Measurement &m : result.measurements) {
        require(m.request.concurrency >= 1 && m.value > 0, "measurements: a row out of range");
        if (m.rate > 0)
            continue;
        const double predicted = predict(m, efficiencyRange(m.request).nominal);
        requireFinite(predicted, "measurements: prediction");
        require(predicted >= 0, "measurements: a negative prediction");
    }
    return result.skipped.isEmpty() ? Outcome{true, {}} : failed(result.skipped.front());
}

// --- Simulator traces ------------------------------------------------------------------------

inline Outcome fuzzTrace(const QByteArray &bytes)
{
    const TraceParseResult result = parseTraceCsv(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    if (!result.ok()) {
        require(result.entries.empty(), "parseTraceCsv: entries alongside an error");
        return failed(QString::fromStdString(result.error));
    }
    for (const TraceEntry &e : result.entries) {
        requireFinite(units::inSeconds(e.arrival), "trace: arrival time");
        require(e.arrival >= units::seconds(0) && e.inputTokens >= 1 && e.outputTokens >= 1,
                "trace: an entry out of range");
    }
    // formatTraceCsv writes what reads back the same.
    const TraceParseResult again = parseTraceCsv(formatTraceCsv(result.entries));
    require(again.ok() && again.entries == result.entries, "trace: formatTraceCsv does not read back");
    return {true, {}};
}

} // namespace planner::fuzz
