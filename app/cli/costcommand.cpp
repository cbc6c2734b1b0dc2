#include "app/cli/costcommand.h"

#include "app/cli/clisupport.h"
#include "app/cli/costoptions.h"
#include "app/cli/deploymentoptions.h"
#include "core/memory/engineprofile.h"
#include "core/model/precision.h"
#include "core/perf/perfmodel.h"
#include "database/catalogue.h"
#include "database/costbuilds.h"
#include "database/hardwareoptions.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <cstdint>
#include <limits>

namespace planner::cli {

namespace {

struct Side {
    QString name;
    CostEstimate cost;
    std::optional<PerfEstimate> speed;
    QJsonArray bom;
};

void addCostOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("server"), QStringLiteral("On-prem: a catalogue server template (see 'catalog servers')."),
         QStringLiteral("ID")},
        {QStringLiteral("servers"), QStringLiteral("How many of that server (default 1)."), QStringLiteral("N")},
        {QStringLiteral("gpu"), QStringLiteral("On-prem without a template: bare GPUs of this id."),
         QStringLiteral("ID")},
        {QStringLiteral("gpus"), QStringLiteral("How many bare GPUs (default 1)."), QStringLiteral("N")},
        {QStringLiteral("instance"), QStringLiteral("Cloud: a catalogue instance (see 'catalog instances')."),
         QStringLiteral("ID")},
        {QStringLiteral("instances"), QStringLiteral("How many instances (default 1)."), QStringLiteral("N")},
        {QStringLiteral("tier"), QStringLiteral("Cloud price: on-demand (default), 1y, 3y or spot."),
         QStringLiteral("TIER")},
        {QStringLiteral("model"), QStringLiteral("With a workload, also the cost per million tokens: model id."),
         QStringLiteral("ID")},
        {QStringLiteral("weights"), QStringLiteral("Weight format for the workload (default: the checkpoint's)."),
         QStringLiteral("FORMAT")},
        {QStringLiteral("input-len"), QStringLiteral("Prompt tokens per request (default 1024)."), QStringLiteral("N")},
        {QStringLiteral("output-len"), QStringLiteral("Output tokens per request (default 256)."), QStringLiteral("N")},
        {QStringLiteral("concurrency"), QStringLiteral("Requests served at once (default 32)."), QStringLiteral("N")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object instead of a table.")},
    });
    addCostAssumptionOptions(parser);
}

// The workload on this hardware, for the cost per token.
std::optional<PerfEstimate> speedOn(const QCommandLineParser &parser, const Cluster &cluster)
{
    if (!parser.isSet(QStringLiteral("model")))
        return std::nullopt;
    CliDeployment deployment;
    deployment.model = resolveModel(parser.value(QStringLiteral("model")));
    deployment.cluster = cluster;
    if (parser.isSet(QStringLiteral("weights")))
        deployment.settings.weightFormat = parser.value(QStringLiteral("weights")).toStdString();
    const WorkloadShape shape{countOption(parser, QStringLiteral("input-len"), 1024),
                              countOption(parser, QStringLiteral("output-len"), 256), 0};
    PerfRequest r = resolveForTiming(deployment, shape).request;
    r.concurrency = integerOption(parser, QStringLiteral("concurrency"), 32);
    throwIfInvalid(validate(r));
    const PerfEstimate e = estimatePerformance(r);
    if (!e.fits)
        throw UsageError(QStringLiteral("%1 does not fit on %2 x %3 at concurrency %4 (see 'llm-planner-cli fit')")
                             .arg(QString::fromStdString(r.deployment.model.displayName))
                             .arg(r.deployment.gpuCount)
                             .arg(QString::fromStdString(r.deployment.gpu.name))
                             .arg(r.concurrency));
    return e;
}

// `units` of a catalogue server or instance, linked as the build search links them.
Cluster clusterOf(const QString &optionId, CloudTier tier, int units)
{
    for (const HardwareOption &o : hardwareOptions(catalogue(), tier).options) {
        if (o.id != optionId.toStdString())
            continue;
        const std::int64_t gpus = static_cast<std::int64_t>(o.gpusPerUnit) * units;
        if (gpus > std::numeric_limits<int>::max())
            throw UsageError(QStringLiteral("%1 x '%2' is %3 GPUs, more than the %4 a deployment can count")
                                 .arg(units)
                                 .arg(optionId)
                                 .arg(gpus)
                                 .arg(std::numeric_limits<int>::max()));
        return clusterOfServers(o.gpu, static_cast<int>(gpus), o.gpusPerUnit, o.inside, o.between);
    }
    throw UsageError(QStringLiteral("'%1' names a GPU the catalogue does not have").arg(optionId));
}

ServedTokens served(const std::optional<PerfEstimate> &speed)
{
    return speed ? ServedTokens{speed->nominal.outputTokensPerSecond, speed->nominal.inputTokensPerSecond}
                 : ServedTokens{};
}

QJsonArray bomToJson(const OnPremBuild &build)
{
    QJsonArray lines;
    for (const BomLine &line : build.lines)
        lines.append(QJsonObject{{"id", QString::fromStdString(line.id)},
                                 {"name", QString::fromStdString(line.name)},
                                 {"quantity", line.quantity},
                                 {"unit_usd", line.unitUsd ? QJsonValue(*line.unitUsd) : QJsonValue()},
                                 {"total_usd", line.unitUsd ? QJsonValue(*line.unitUsd * line.quantity) : QJsonValue()},
                                 {"source", QString::fromStdString(line.priceSource)}});
    return lines;
}

std::optional<Side> onPremSide(const QCommandLineParser &parser, const CostAssumptions &a)
{
    OnPremBuild build;
    Cluster cluster;
    if (parser.isSet(QStringLiteral("server"))) {
        const std::optional<ResolvedServer> server = catalogue().resolveServer(parser.value(QStringLiteral("server")));
        if (!server)
            throw UsageError(QStringLiteral("unknown server '%1' (see 'llm-planner-cli catalog servers')")
                                 .arg(parser.value(QStringLiteral("server"))));
        const int servers = hardwareCountOption(parser, QStringLiteral("servers"), 1);
        build = buildFromServer(*server, servers);
        if (parser.isSet(QStringLiteral("model")))
            cluster = clusterOf(parser.value(QStringLiteral("server")), CloudTier::OnDemand, servers);
    } else if (parser.isSet(QStringLiteral("gpu"))) {
        const std::optional<GpuSpec> found = catalogue().find<GpuSpec>(parser.value(QStringLiteral("gpu")));
        if (!found)
            throw UsageError(QStringLiteral("unknown gpu '%1' (see 'llm-planner-cli catalog gpus')")
                                 .arg(parser.value(QStringLiteral("gpu"))));
        const int gpus = hardwareCountOption(parser, QStringLiteral("gpus"), 1);
        build = buildFromGpus(*found, gpus);
        // Bare GPUs sit in servers of eight joined by the default network, as `fit` and `perf` place them.
        if (parser.isSet(QStringLiteral("model")))
            cluster = bareGpuCluster(*found, gpus);
    } else {
        return std::nullopt;
    }
    Side side;
    side.name = QString::fromStdString(build.name);
    side.speed = speedOn(parser, cluster);
    side.cost = onPremCost(build, a, served(side.speed));
    side.bom = bomToJson(build);
    return side;
}

std::optional<Side> cloudSide(const QCommandLineParser &parser, const CostAssumptions &a)
{
    if (!parser.isSet(QStringLiteral("instance")))
        return std::nullopt;
    const QString id = parser.value(QStringLiteral("instance"));
    const std::optional<CloudInstance> instance = catalogue().find<CloudInstance>(id);
    if (!instance)
        throw UsageError(QStringLiteral("unknown instance '%1' (see 'llm-planner-cli catalog instances')").arg(id));
    const QString tierText = parser.isSet(QStringLiteral("tier")) ? parser.value(QStringLiteral("tier"))
                                                                  : QStringLiteral("on-demand");
    const std::optional<CloudTier> tier = cloudTierFromString(tierText);
    if (!tier)
        throw UsageError(QStringLiteral("unknown --tier '%1' (on-demand, 1y, 3y, spot)").arg(tierText));
    const std::optional<double> hourly = hourlyPrice(*instance, *tier);
    if (!hourly)
        throw UsageError(QStringLiteral("the catalogue has no %1 price for %2").arg(tierText, id));
    const std::optional<GpuSpec> gpu = catalogue().find<GpuSpec>(QString::fromStdString(instance->gpuId));
    if (!gpu)
        throw UsageError(QStringLiteral("instance %1 names GPU '%2', which the catalogue does not have")
                             .arg(id, QString::fromStdString(instance->gpuId)));
    const int count = hardwareCountOption(parser, QStringLiteral("instances"), 1);
    Side side;
    side.name = QStringLiteral("%1 x %2 (%3, %4, %5)")
                    .arg(count)
                    .arg(QString::fromStdString(instance->name), QString::fromStdString(instance->provider), tierText,
                         QString::fromStdString(instance->priceDate));
    if (parser.isSet(QStringLiteral("model")))
        side.speed = speedOn(parser, clusterOf(id, *tier, count));
    side.cost = cloudCost(*hourly, count, *tier, a, served(side.speed));
    return side;
}

QJsonObject costToJson(const Side &side)
{
    const CostEstimate &c = side.cost;
    QJsonArray cumulative;
    for (double usd : c.cumulativeUsdByMonth)
        cumulative.append(usd);
    QJsonArray unpriced;
    for (const std::string &part : c.unpricedParts)
        unpriced.append(QString::fromStdString(part));
    QJsonObject o{
        {"name", side.name},
        {"capex_usd", c.capexUsd},
        {"monthly_amortisation_usd", c.monthlyAmortisationUsd},
        {"monthly_power_usd", c.monthlyPowerUsd},
        {"monthly_maintenance_usd", c.monthlyMaintenanceUsd},
        {"monthly_colocation_usd", c.monthlyColocationUsd},
        {"monthly_cloud_usd", c.monthlyCloudUsd},
        {"monthly_opex_usd", c.monthlyOpexUsd},
        {"monthly_total_usd", c.monthlyTotalUsd},
        {"average_power_kw", c.averagePowerKw},
        {"total_over_horizon_usd", c.totalOverHorizonUsd},
        {"cumulative_usd_by_month", cumulative},
        {"usd_per_million_output_tokens", c.usdPerMillionOutputTokens},
        {"usd_per_million_input_tokens", c.usdPerMillionInputTokens},
        {"unpriced_parts", unpriced},
    };
    if (!side.bom.isEmpty())
        o.insert(QStringLiteral("bill_of_materials"), side.bom);
    if (side.speed)
        o.insert(QStringLiteral("output_tokens_per_s"), side.speed->nominal.outputTokensPerSecond);
    return o;
}

void printSide(const QString &title, const Side &side)
{
    const CostEstimate &c = side.cost;
    printLine(QStringLiteral("%1: %2").arg(title, side.name));
    printLine(QStringLiteral("  Capital                %1 USD%2")
                  .arg(c.capexUsd, 0, 'f', 0)
                  .arg(c.unpricedParts.empty()
                           ? QString()
                           : QStringLiteral(" (a lower bound: no price for %1)")
                                 .arg(QString::fromStdString(c.unpricedParts.front())
                                      + (c.unpricedParts.size() > 1
                                             ? QStringLiteral(" and %1 more").arg(c.unpricedParts.size() - 1)
                                             : QString()))));
    printLine(QStringLiteral("  Monthly running cost   %1 USD%2")
                  .arg(c.monthlyOpexUsd, 0, 'f', 0)
                  .arg(c.averagePowerKw > 0 ? QStringLiteral(" (%1 kW at the wall)").arg(c.averagePowerKw, 0, 'f', 2)
                                            : QString()));
    printLine(QStringLiteral("  Monthly total          %1 USD (with %2 USD amortisation)")
                  .arg(c.monthlyTotalUsd, 0, 'f', 0)
                  .arg(c.monthlyAmortisationUsd, 0, 'f', 0));
    printLine(QStringLiteral("  Cash over the horizon  %1 USD").arg(c.totalOverHorizonUsd, 0, 'f', 0));
    if (side.speed)
        printLine(QStringLiteral("  Per million tokens     %1 USD output, %2 USD input (at %3 output tokens/s)")
                      .arg(c.usdPerMillionOutputTokens, 0, 'f', 3)
                      .arg(c.usdPerMillionInputTokens, 0, 'f', 3)
                      .arg(side.speed->nominal.outputTokensPerSecond, 0, 'f', 0));
}

} // namespace

int runCost(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The cost of an on-prem build (--server or --gpu) and/or a cloud option (--instance): capital, monthly "
        "running and total cost, cash over the horizon, and with --model the cost per million tokens at the "
        "speed the performance model predicts. With both, the month buying breaks even with renting."));
    addCostOptions(parser);
    parseCommand(parser, arguments);
    if (parser.isSet(QStringLiteral("server")) && parser.isSet(QStringLiteral("gpu")))
        throw UsageError(QStringLiteral("give either --server or --gpu for the on-prem build, not both"));

    const CostAssumptions a = assumptionsFrom(parser);
    const std::optional<Side> onPrem = onPremSide(parser, a);
    const std::optional<Side> cloud = cloudSide(parser, a);
    if (!onPrem && !cloud)
        throw UsageError(
            QStringLiteral("cost needs an on-prem build (--server or --gpu) or a cloud option (--instance)"));
    // Month numbers, or -1 where there is nothing to compare or no break-even.
    const int breakEven = onPrem && cloud ? breakEvenMonth(onPrem->cost, cloud->cost).value_or(-1) : -1;

    if (parser.isSet(QStringLiteral("json"))) {
        // The top-level figures are the on-prem build's when there is one.
        QJsonObject out = costToJson(onPrem ? *onPrem : *cloud);
        if (onPrem)
            out.insert(QStringLiteral("onprem"), costToJson(*onPrem));
        if (cloud)
            out.insert(QStringLiteral("cloud"), costToJson(*cloud));
        if (onPrem && cloud)
            out.insert(QStringLiteral("break_even_month"), breakEven > 0 ? QJsonValue(breakEven) : QJsonValue());
        out.insert(QStringLiteral("assumptions"), assumptionsToJson(a));
        printJson(out);
        return 0;
    }
    if (onPrem)
        printSide(QStringLiteral("On-prem"), *onPrem);
    if (cloud)
        printSide(QStringLiteral("Cloud"), *cloud);
    if (onPrem && cloud)
        printLine(breakEven > 0 ? QStringLiteral("Buying breaks even with renting in month %1.").arg(breakEven)
                                : QStringLiteral("Buying does not break even with renting within %1 months.")
                                      .arg(a.horizonMonths.value));
    printLine(describeAssumptions(a));
    return 0;
}

} // namespace planner::cli
