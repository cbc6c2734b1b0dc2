#include "database/measurementcsv.h"

#include "core/resolve/deployment.h"
#include "database/catalogue.h"
#include "database/csvtable.h"

#include <QHash>

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
    settings.weightFormat = row.text("weights").toStdString();
    settings.kvFormat = row.text("kv", QStringLiteral("bf16")).toStdString();
    settings.engineId = row.text("engine", QStringLiteral("vllm")).toStdString();
    const int gpus = static_cast<int>(row.integer("gpus", 1));
    // The published runs were measured on one server.
    const Cluster cluster = clusterOfServers(card, gpus, gpus, singleServerLinks(card), {});
    // An encoder pass (encoder_latency_s) has no output tokens: output_len is not read.
    const bool encoderPass = row.text("metric") == QLatin1StringView("encoder_latency_s");
    const WorkloadShape shape{row.integer("input_len", 1024), encoderPass ? 1 : row.integer("output_len", 256), 0};
    const ResolvedDeployment resolved = resolveDeployment(spec, cluster, settings, shape);
    if (!resolved.ok())
        throw QStringLiteral("line %1: %2")
            .arg(row.line())
            .arg(QString::fromStdString(resolved.problems.front().message.text()));
    m.request = resolved.request;
    m.request.concurrency = row.integer("concurrency", 1);

    static const QHash<QString, MeasuredMetric> metrics{
        {QStringLiteral("tpot_s"), MeasuredMetric::Tpot},
        {QStringLiteral("ttft_s"), MeasuredMetric::Ttft},
        {QStringLiteral("output_tokens_per_s"), MeasuredMetric::OutputTokensPerSecond},
        {QStringLiteral("encoder_latency_s"), MeasuredMetric::EncoderLatency},
    };
    const QString metric = row.text("metric");
    if (!metrics.contains(metric))
        throw QStringLiteral("line %1: metric must be tpot_s, ttft_s, output_tokens_per_s or encoder_latency_s, got "
                             "'%2'")
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

MeasurementsResult readMeasurementsCsv(const QString &csv, const Catalogue &catalogue)
{
    const CsvParseResult parsed = parseCsv(csv);
    if (!parsed.table)
        return {{}, parsed.error};
    for (const char *column : {"model", "gpu", "metric", "value"})
        if (!parsed.table->header.contains(QLatin1String(column)))
            return {{}, QStringLiteral("the CSV has no '%1' column").arg(QLatin1String(column))};
    MeasurementsResult result;
    try {
        for (size_t i = 0; i < parsed.table->rows.size(); ++i)
            result.measurements.push_back(measurementFrom(Row(*parsed.table, i), catalogue));
    } catch (const QString &error) {
        return {{}, error};
    }
    if (result.measurements.empty())
        result.error = QStringLiteral("the CSV has no measurements");
    return result;
}

} // namespace planner
