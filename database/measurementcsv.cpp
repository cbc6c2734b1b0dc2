#include "database/measurementcsv.h"

#include "core/resolve/deployment.h"
#include "database/catalogue.h"
#include "database/csvtable.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace planner {

namespace {

class Row
{
public:
    Row(const CsvTable &table, size_t index)
        : mTable(table)
        , mIndex(index)
    {
    }

    int line() const { return mTable.rowLines[mIndex]; }

    QString text(const char *column, const QString &fallback = {}) const
    {
        const qsizetype at = mTable.header.indexOf(QLatin1String(column));
        const QString cell = at >= 0 ? mTable.rows[mIndex].at(at) : QString();
        return cell.isEmpty() ? fallback : cell;
    }

    // A positive whole number, or throws the message for this row.
    long long integer(const char *column, long long fallback) const
    {
        const QString cell = text(column);
        if (cell.isEmpty())
            return fallback;
        bool ok = false;
        const long long value = cell.toLongLong(&ok);
        if (!ok || value < 1)
            throw QStringLiteral("line %1: %2 must be a positive whole number, got '%3'")
                .arg(line())
                .arg(QLatin1String(column), cell);
        return value;
    }

    // A positive number (a rate), or throws the message for this row.
    double number(const char *column, double fallback) const
    {
        const QString cell = text(column);
        if (cell.isEmpty())
            return fallback;
        bool ok = false;
        const double value = cell.toDouble(&ok);
        if (!ok || !(value > 0) || !std::isfinite(value))
            throw QStringLiteral("line %1: %2 must be a positive number, got '%3'")
                .arg(line())
                .arg(QLatin1String(column), cell);
        return value;
    }

    // A share from 0 up to (not including) 1; empty is 0.
    double share(const char *column) const
    {
        const QString cell = text(column);
        if (cell.isEmpty())
            return 0;
        bool ok = false;
        const double value = cell.toDouble(&ok);
        if (!ok || !(value >= 0 && value < 1))
            throw QStringLiteral("line %1: %2 must be a share from 0 up to 1 (0.56 = 56 %), got '%3'")
                .arg(line())
                .arg(QLatin1String(column), cell);
        return value;
    }

    // 1, true or yes; empty, 0, false or no.
    bool flag(const char *column) const
    {
        const QString cell = text(column).toLower();
        if (cell.isEmpty() || cell == QLatin1StringView("0") || cell == QLatin1StringView("false")
            || cell == QLatin1StringView("no"))
            return false;
        if (cell == QLatin1StringView("1") || cell == QLatin1StringView("true") || cell == QLatin1StringView("yes"))
            return true;
        throw QStringLiteral("line %1: %2 must be 1 or 0, got '%3'").arg(line()).arg(QLatin1String(column), cell);
    }

private:
    const CsvTable &mTable;
    size_t mIndex;
};

template <typename T>
T required(std::optional<T> value, const Row &row, const char *column, const QString &id)
{
    if (!value)
        throw QStringLiteral("line %1: unknown %2 '%3'").arg(row.line()).arg(QLatin1String(column), id);
    return *value;
}

// One side of a disaggregated pair measured alone, or both phases (empty).
ServingPhases phaseOf(const Row &row)
{
    const QString phase = row.text("phase", QStringLiteral("both"));
    if (phase == QLatin1StringView("both"))
        return ServingPhases::Both;
    if (phase == QLatin1StringView("prefill"))
        return ServingPhases::PrefillOnly;
    if (phase == QLatin1StringView("decode"))
        return ServingPhases::DecodeOnly;
    throw QStringLiteral("line %1: phase must be both, prefill or decode, got '%2'").arg(row.line()).arg(phase);
}

Measurement measurementFrom(const Row &row, const Catalogue &catalogue)
{
    Measurement m;
    const QString model = row.text("model");
    const QString gpu = row.text("gpu");
    const ModelSpec spec = required(catalogue.find<ModelSpec>(model), row, "model", model);
    const GpuSpec card = required(catalogue.find<GpuSpec>(gpu), row, "gpu", gpu);
    // A measurement names its layout; an unnamed size takes core's default.
    DeploymentSettings settings;
    settings.pipelineParallel = static_cast<int>(row.integer("pp", 0));
    settings.tensorParallel = static_cast<int>(row.integer("tp", 0));
    settings.expertParallel = static_cast<int>(row.integer("ep", 0));
    settings.dataParallelAttention = row.flag("dp_attention");
    settings.weightFormat = row.text("weights").toStdString();
    settings.kvFormat = row.text("kv", QStringLiteral("bf16")).toStdString();
    settings.engineId = row.text("engine", QStringLiteral("vllm")).toStdString();
    // A run with a draft (MTP, EAGLE, n-gram) names it and the tokens a step emits.
    settings.speculative = row.text("speculative").toStdString();
    // The engine's scheduler limits where the run set them (llama.cpp -ub,
    // vLLM --max-num-batched-tokens / --max-num-seqs); empty: the profile's.
    settings.tokenBudget = row.integer("token_budget", 0);
    settings.maxRunningSequences = row.integer("max_running", 0);
    const int gpus = static_cast<int>(row.integer("gpus", 1));
    // One server unless the row says how many GPUs each holds; servers are
    // joined by the row's network (InfiniBand NDR, one port per GPU, by default).
    const int perServer = static_cast<int>(std::min<long long>(row.integer("gpus_per_server", gpus), gpus));
    const QString networkId = row.text("network", QStringLiteral("ib-ndr"));
    const LinkSpec network = required(catalogue.find<LinkSpec>(networkId), row, "network", networkId);
    const Cluster cluster = clusterOfServers(card, gpus, perServer, singleServerLinks(card),
                                             scaleOutPath(network, perServer, perServer));
    // An encoder pass (encoder_latency_s) has no output tokens: output_len is not read.
    const bool encoderPass = row.text("metric") == QLatin1StringView("encoder_latency_s");
    const WorkloadShape shape{row.integer("input_len", 1024), encoderPass ? 1 : row.integer("output_len", 256), 0};
    const ResolvedDeployment resolved = resolveDeployment(spec, cluster, settings, shape);
    if (!resolved.ok())
        throw QStringLiteral("line %1: %2")
            .arg(row.line())
            .arg(QString::fromStdString(resolved.problems.front().message.text()));
    m.request = resolved.request;
    m.request.phases = phaseOf(row);
    if (m.request.phases == ServingPhases::PrefillOnly)
        m.request.outputTokens = 1; // the pool samples the first token and hands the cache on
    m.request.prefixCacheHitRate = row.share("prefix_hit");
    m.rate = row.number("rate", 0);
    // "max": a max-throughput run, every request queued at once.
    if (row.text("concurrency") == QLatin1StringView("max")) {
        m.request.concurrency = saturatedConcurrency(m.request);
        if (m.request.concurrency < 1)
            throw QStringLiteral("line %1: the deployment does not fit in memory, so it has no max-throughput "
                                 "concurrency")
                .arg(row.line());
    } else {
        m.request.concurrency = row.integer("concurrency", 1);
    }

    static const QHash<QString, MeasuredMetric> metrics{
        {QStringLiteral("tpot_s"), MeasuredMetric::Tpot},
        {QStringLiteral("ttft_s"), MeasuredMetric::Ttft},
        {QStringLiteral("output_tokens_per_s"), MeasuredMetric::OutputTokensPerSecond},
        {QStringLiteral("encoder_latency_s"), MeasuredMetric::EncoderLatency},
        {QStringLiteral("ttft_median_s"), MeasuredMetric::TtftMedian},
        {QStringLiteral("tpot_median_s"), MeasuredMetric::TpotMedian},
        {QStringLiteral("ttft_p99_s"), MeasuredMetric::TtftP99},
        {QStringLiteral("tpot_p99_s"), MeasuredMetric::TpotP99},
    };
    const QString metric = row.text("metric");
    if (!metrics.contains(metric))
        throw QStringLiteral("line %1: metric must be tpot_s, ttft_s, output_tokens_per_s, encoder_latency_s, "
                             "ttft_median_s, tpot_median_s, ttft_p99_s or tpot_p99_s, got '%2'")
            .arg(row.line())
            .arg(metric);
    m.metric = metrics.value(metric);
    bool ok = false;
    m.value = row.text("value").toDouble(&ok);
    if (!ok || !(m.value > 0))
        throw QStringLiteral("line %1: value must be a positive number, got '%2'")
            .arg(row.line())
            .arg(row.text("value"));
    m.label = row.text("label", QStringLiteral("line %1").arg(row.line())).toStdString();
    for (const Problem &problem : validate(m))
        throw QStringLiteral("line %1: %2").arg(row.line()).arg(QString::fromStdString(problem.text()));
    return m;
}

} // namespace

MeasurementsResult readMeasurementsCsv(const QString &csv, const Catalogue &catalogue, BadRows badRows)
{
    const CsvParseResult parsed = parseCsv(csv);
    if (!parsed.table)
        return {{}, {}, parsed.error, {}};
    for (const char *column : {"model", "gpu", "metric", "value"})
        if (!parsed.table->header.contains(QLatin1String(column)))
            return {{}, {}, QStringLiteral("the CSV has no '%1' column").arg(QLatin1String(column)), {}};
    MeasurementsResult result;
    for (size_t i = 0; i < parsed.table->rows.size(); ++i) {
        try {
            result.measurements.push_back(measurementFrom(Row(*parsed.table, i), catalogue));
            result.rows.push_back(static_cast<int>(i) + 1);
        } catch (const QString &error) {
            if (badRows == BadRows::Refuse)
                return {{}, {}, error, {}};
            result.skipped.push_back(error);
        }
    }
    if (result.measurements.empty())
        result.error = QStringLiteral("the CSV has no measurements");
    return result;
}

} // namespace planner
