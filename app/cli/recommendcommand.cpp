#include "app/cli/recommendcommand.h"

#include "app/cli/clisupport.h"
#include "app/cli/costoptions.h"
#include "app/cli/deploymentoptions.h"
#include "core/search/recommender.h"
#include "database/catalogue.h"
#include "database/costbuilds.h"
#include "database/hardwareoptions.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace planner::cli {

namespace {

void addRecommendOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("model"),
         QStringLiteral("Model id or config.json; repeat it for several models sharing one cluster."),
         QStringLiteral("ID")},
        {QStringLiteral("input-len"),
         QStringLiteral("Prompt tokens per request (default 1024; once, or once per model)."), QStringLiteral("N")},
        {QStringLiteral("output-len"),
         QStringLiteral("Output tokens per request (default 256; once, or once per model)."), QStringLiteral("N")},
        {QStringLiteral("qps"), QStringLiteral("Average requests per second (default 1; once, or once per model)."),
         QStringLiteral("X")},
        {QStringLiteral("ttft-slo"), QStringLiteral("Time-to-first-token target, seconds (default 2)."),
         QStringLiteral("S")},
        {QStringLiteral("tpot-slo"), QStringLiteral("Time-per-output-token target, seconds (default 0.1)."),
         QStringLiteral("S")},
        {QStringLiteral("where"), QStringLiteral("cloud, onprem or both (default)."), QStringLiteral("WHERE")},
        {QStringLiteral("vendor"), QStringLiteral("Allowed GPU vendors, comma-separated (default: all)."),
         QStringLiteral("LIST")},
        {QStringLiteral("budget"), QStringLiteral("Most the build may cost a month, USD (amortisation included)."),
         QStringLiteral("USD")},
        {QStringLiteral("max-capex"), QStringLiteral("Most an on-prem build may cost up front, USD."),
         QStringLiteral("USD")},
        {QStringLiteral("min-weight-bits"),
         QStringLiteral("Lowest weight precision allowed, e.g. 8 rules out INT4 (default: any)."), QStringLiteral("N")},
        {QStringLiteral("weights"),
         QStringLiteral("Weight formats to try, comma-separated (default: checkpoint, fp8, int8, awq-int4-g128)."),
         QStringLiteral("LIST")},
        {QStringLiteral("kv"), QStringLiteral("KV-cache formats to try, comma-separated (default: bf16,fp8)."),
         QStringLiteral("LIST")},
        {QStringLiteral("engine"), QStringLiteral("Serving engine profile (default vllm; see 'engines')."),
         QStringLiteral("ID")},
        {QStringLiteral("peak-factor"), QStringLiteral("Size for this multiple of the average rate (default 1)."),
         QStringLiteral("X")},
        {QStringLiteral("spare-replicas"), QStringLiteral("Extra replicas of every model, N+k (default 0)."),
         QStringLiteral("N")},
        {QStringLiteral("spare-servers"), QStringLiteral("Extra servers or instances, N+k (default 0)."),
         QStringLiteral("N")},
        {QStringLiteral("tier"), QStringLiteral("Cloud price: on-demand (default), 1y, 3y or spot."),
         QStringLiteral("TIER")},
        {QStringLiteral("rank"),
         QStringLiteral("cost: monthly total, i.e. cost per token (default); tco: cash over the horizon."),
         QStringLiteral("BY")},
        {QStringLiteral("pessimistic"), QStringLiteral("Judge the SLO at the slowest plausible efficiency.")},
        {QStringLiteral("top"), QStringLiteral("How many builds to list (default 10)."), QStringLiteral("K")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object instead of a table.")},
    });
    addCostAssumptionOptions(parser);
}

// An option given once (for every model) or once per model.
QStringList perModel(const QCommandLineParser &parser, const QString &name, int models, const QString &fallback)
{
    QStringList values = parser.values(name);
    if (values.isEmpty())
        values = {fallback};
    if (values.size() == 1)
        return QStringList(models, values.front());
    if (values.size() != models)
        throw UsageError(QStringLiteral("--%1 is given %2 times for %3: give it once, or once per model")
                             .arg(name)
                             .arg(values.size())
                             .arg(plural(models, QStringLiteral("model"))));
    return values;
}

std::vector<ServiceLoad> loadsFrom(const QCommandLineParser &parser)
{
    const QStringList models = parser.values(QStringLiteral("model"));
    if (models.isEmpty())
        throw UsageError(QStringLiteral("recommend needs --model (see 'llm-planner-cli models')"));
    const int n = static_cast<int>(models.size());
    const QStringList inputs = perModel(parser, QStringLiteral("input-len"), n, QStringLiteral("1024"));
    const QStringList outputs = perModel(parser, QStringLiteral("output-len"), n, QStringLiteral("256"));
    const QStringList rates = perModel(parser, QStringLiteral("qps"), n, QStringLiteral("1"));
    const QStringList ttfts = perModel(parser, QStringLiteral("ttft-slo"), n, QStringLiteral("2"));
    const QStringList tpots = perModel(parser, QStringLiteral("tpot-slo"), n, QStringLiteral("0.1"));
    std::vector<ServiceLoad> loads;
    for (int i = 0; i < n; ++i) {
        ServiceLoad load;
        load.model = resolveModel(models.at(i));
        load.inputTokens = parseCount(QStringLiteral("input-len"), inputs.at(i));
        load.outputTokens = parseCount(QStringLiteral("output-len"), outputs.at(i));
        load.requestsPerSecond = parseNumber(QStringLiteral("qps"), rates.at(i));
        load.ttftSlo = units::seconds(parseNumber(QStringLiteral("ttft-slo"), ttfts.at(i)));
        load.tpotSlo = units::seconds(parseNumber(QStringLiteral("tpot-slo"), tpots.at(i)));
        loads.push_back(std::move(load));
    }
    return loads;
}

template <typename Format, typename Find>
std::vector<Format> formatList(const QCommandLineParser &parser, const QString &name, Find find)
{
    std::vector<Format> formats;
    if (!parser.isSet(name))
        return formats;
    for (const QString &id : parser.value(name).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const std::optional<Format> format = find(id.trimmed().toStdString());
        if (!format)
            throw UsageError(
                QStringLiteral("unknown format '%1' in --%2 (see 'llm-planner-cli formats')").arg(id, name));
        formats.push_back(*format);
    }
    return formats;
}

RecommendRequest requestFrom(const QCommandLineParser &parser)
{
    RecommendRequest r;
    r.loads = loadsFrom(parser);
    if (parser.isSet(QStringLiteral("engine"))) {
        const std::optional<EngineProfile> engine = findEngineProfile(
            parser.value(QStringLiteral("engine")).toStdString());
        if (!engine)
            throw UsageError(QStringLiteral("unknown --engine '%1' (see 'llm-planner-cli engines')")
                                 .arg(parser.value(QStringLiteral("engine"))));
        r.engine = *engine;
    }
    r.weightFormats = formatList<WeightFormat>(parser, QStringLiteral("weights"), findWeightFormat);
    r.kvFormats = formatList<KvCacheFormat>(parser, QStringLiteral("kv"), findKvCacheFormat);

    const QString where = parser.isSet(QStringLiteral("where")) ? parser.value(QStringLiteral("where"))
                                                                : QStringLiteral("both");
    if (where != QLatin1String("cloud") && where != QLatin1String("onprem") && where != QLatin1String("both"))
        throw UsageError(QStringLiteral("--where expects cloud, onprem or both, got '%1'").arg(where));
    SearchConstraints &c = r.constraints;
    c.onPrem = where != QLatin1String("cloud");
    c.cloud = where != QLatin1String("onprem");
    for (const QString &vendor : parser.value(QStringLiteral("vendor")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        c.vendors.push_back(vendor.trimmed().toStdString());
    if (parser.isSet(QStringLiteral("budget")))
        c.maxMonthlyUsd = numberOption(parser, QStringLiteral("budget"), 0);
    if (parser.isSet(QStringLiteral("max-capex")))
        c.maxCapexUsd = numberOption(parser, QStringLiteral("max-capex"), 0);
    if (parser.isSet(QStringLiteral("min-weight-bits")))
        c.minWeightBits = numberOption(parser, QStringLiteral("min-weight-bits"), 0);

    r.capacity.peakFactor = numberOption(parser, QStringLiteral("peak-factor"), 1);
    r.capacity.spareReplicas = countOption(parser, QStringLiteral("spare-replicas"), 0, true);
    r.capacity.spareUnits = countOption(parser, QStringLiteral("spare-servers"), 0, true);
    const QString rank = parser.isSet(QStringLiteral("rank")) ? parser.value(QStringLiteral("rank"))
                                                              : QStringLiteral("cost");
    if (rank != QLatin1String("cost") && rank != QLatin1String("tco"))
        throw UsageError(QStringLiteral("--rank expects cost or tco, got '%1'").arg(rank));
    r.rankBy = rank == QLatin1String("tco") ? RankBy::HorizonCash : RankBy::MonthlyCost;
    r.pessimistic = parser.isSet(QStringLiteral("pessimistic"));
    r.costs = assumptionsFrom(parser);
    throwIfInvalid(validate(r));
    return r;
}

CloudTier tierFrom(const QCommandLineParser &parser)
{
    const QString text = parser.isSet(QStringLiteral("tier")) ? parser.value(QStringLiteral("tier"))
                                                              : QStringLiteral("on-demand");
    const std::optional<CloudTier> tier = cloudTierFromString(text);
    if (!tier)
        throw UsageError(QStringLiteral("unknown --tier '%1' (on-demand, 1y, 3y, spot)").arg(text));
    return *tier;
}

QString layoutText(const ReplicaPlan &p)
{
    return QStringLiteral("%1 %2, %3 weights, %4 KV")
        .arg(plural(p.replicas, QStringLiteral("replica")), QString::fromStdString(describeParallelism(p.parallel)),
             QString::fromStdString(p.weightFormat), QString::fromStdString(p.kvFormat));
}

// Cut to `width` characters, marking the cut.
QString elided(const QString &text, int width)
{
    return text.size() <= width ? text : text.left(width - 1) + QChar(0x2026);
}

QJsonObject planToJson(const ReplicaPlan &p)
{
    return QJsonObject{
        {"model", QString::fromStdString(p.modelId)},
        {"parallelism", QString::fromStdString(describeParallelism(p.parallel))},
        {"tp", p.parallel.tensor},
        {"pp", p.parallel.pipeline},
        {"ep", p.parallel.expert},
        {"gpus_per_replica", p.gpusPerReplica},
        {"weights", QString::fromStdString(p.weightFormat)},
        {"kv_cache", QString::fromStdString(p.kvFormat)},
        {"replicas", p.replicas},
        {"slo_concurrency_per_replica", static_cast<double>(p.sloConcurrency)},
        {"memory_concurrency_per_replica", static_cast<double>(p.memoryConcurrency)},
        {"operating_concurrency_per_replica", static_cast<double>(p.operatingConcurrency)},
        {"capacity_requests_per_s", p.capacityRequestsPerSecond},
        {"ttft_s", units::inSeconds(p.atLoad.ttft)},
        {"tpot_s", units::inSeconds(p.atLoad.tpot)},
        {"e2e_s", units::inSeconds(p.endToEnd)},
        {"output_tokens_per_s", p.atLoad.outputTokensPerSecond},
    };
}

QJsonObject recommendationToJson(const Recommendation &r, int rank)
{
    QJsonArray plans;
    for (const ReplicaPlan &p : r.plans)
        plans.append(planToJson(p));
    QJsonArray unpriced;
    for (const std::string &part : r.cost.unpricedParts)
        unpriced.append(QString::fromStdString(part));
    QJsonObject o{
        {"rank", rank},
        {"where", QString::fromStdString(toString(r.option.placement))},
        {"option_id", QString::fromStdString(r.option.id)},
        {"name", QString::fromStdString(r.option.name)},
        {"provider", QString::fromStdString(r.option.provider)},
        {"gpu", QString::fromStdString(r.option.gpu.id)},
        {"gpu_count", r.gpus},
        {"units", r.units},
        {"gpus_per_unit", r.option.gpusPerUnit},
        {"plans", plans},
        {"capex_usd", r.cost.capexUsd},
        {"monthly_opex_usd", r.cost.monthlyOpexUsd},
        {"monthly_total_usd", r.cost.monthlyTotalUsd},
        {"total_over_horizon_usd", r.cost.totalOverHorizonUsd},
        {"usd_per_million_output_tokens", r.cost.usdPerMillionOutputTokens},
        {"usd_per_million_input_tokens", r.cost.usdPerMillionInputTokens},
        {"cost_is_lower_bound", r.costIsLowerBound},
        {"unpriced_parts", unpriced},
        {"pareto_optimal", r.paretoOptimal},
        {"price_source", QString::fromStdString(r.option.priceNote)},
    };
    if (r.plans.size() == 1) {
        // One model: its layout and speed at the top level as well.
        const QJsonObject plan = planToJson(r.plans.front());
        for (const char *key : {"parallelism", "weights", "kv_cache", "replicas", "ttft_s", "tpot_s", "e2e_s",
                                "output_tokens_per_s", "capacity_requests_per_s"})
            o.insert(QLatin1String(key), plan.value(QLatin1String(key)));
    }
    return o;
}

QJsonObject ruledOutToJson(const RuledOut &out)
{
    return QJsonObject{{"placement_or_vendor", out.filtered},
                       {"no_price_in_tier", out.unpriced},
                       {"memory", out.memory},
                       {"latency", out.latency},
                       {"scale", out.scale},
                       {"budget", out.budget}};
}

QString money(double usd)
{
    return count(std::llround(usd));
}

void printTable(const RecommendResult &result, int top, const RecommendRequest &request)
{
    printLine(QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9")
                  .arg(QStringLiteral("#"), -3)
                  .arg(QStringLiteral("where"), -7)
                  .arg(QStringLiteral("hardware"), -44)
                  .arg(QStringLiteral("GPUs"), 5)
                  .arg(QStringLiteral("layout"), -46)
                  .arg(QStringLiteral("USD/month"), 11)
                  .arg(QStringLiteral("USD/M out"), 10)
                  .arg(QStringLiteral("TTFT s"), 7)
                  .arg(QStringLiteral("TPOT ms"), 8));
    const int shown = std::min<int>(top, static_cast<int>(result.ranked.size()));
    for (int i = 0; i < shown; ++i) {
        const Recommendation &r = result.ranked[static_cast<size_t>(i)];
        for (size_t m = 0; m < r.plans.size(); ++m) {
            const ReplicaPlan &p = r.plans[m];
            const bool first = m == 0;
            const QString hardware = QStringLiteral("%1 x %2").arg(r.units).arg(QString::fromStdString(r.option.name));
            printLine(
                QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9")
                    .arg(first ? QString::number(i + 1) + (r.paretoOptimal ? QStringLiteral("*") : QString())
                               : QString(),
                         -3)
                    .arg(first ? QString::fromStdString(toString(r.option.placement)) : QString(), -7)
                    .arg(elided(first ? hardware : QStringLiteral("  + ") + QString::fromStdString(p.modelId), 44), -44)
                    .arg(first ? QString::number(r.gpus) : QString(), 5)
                    .arg(elided(layoutText(p), 46), -46)
                    .arg(first ? money(r.cost.monthlyTotalUsd) + (r.costIsLowerBound ? QStringLiteral("+") : QString())
                               : QString(),
                         11)
                    .arg(first ? QString::number(r.cost.usdPerMillionOutputTokens, 'f', 2) : QString(), 10)
                    .arg(units::inSeconds(p.atLoad.ttft), 7, 'f', 2)
                    .arg(units::inSeconds(p.atLoad.tpot) * 1000, 8, 'f', 1));
        }
    }
    printLine(QStringLiteral(
        "* on the Pareto front of cost against latency; + capital is a lower bound (a part has no price)."));
    const auto describe = [&](const std::optional<size_t> &index, const QString &what) {
        if (!index)
            return;
        const Recommendation &r = result.ranked[*index];
        printLine(QStringLiteral("Cheapest %1: #%2, %3 x %4, %5 USD a month%6, %7 USD per million output tokens.")
                      .arg(what)
                      .arg(*index + 1)
                      .arg(r.units)
                      .arg(QString::fromStdString(r.option.name))
                      .arg(money(r.cost.monthlyTotalUsd))
                      .arg(r.option.placement == Placement::OnPrem
                               ? QStringLiteral(" (capital %1 USD%2)")
                                     .arg(money(r.cost.capexUsd),
                                          r.costIsLowerBound ? QStringLiteral(", a lower bound") : QString())
                               : QString())
                      .arg(r.cost.usdPerMillionOutputTokens, 0, 'f', 2));
    };
    describe(result.bestOnPrem, QStringLiteral("on-prem"));
    describe(result.bestCloud, QStringLiteral("cloud"));
    if (result.bestOnPrem && result.bestCloud)
        printLine(
            result.breakEvenMonth
                ? QStringLiteral(
                      "Buying the cheapest on-prem build breaks even with renting the cheapest cloud one in month %1.")
                      .arg(*result.breakEvenMonth)
                : QStringLiteral("Buying does not break even with renting within %1 months.")
                      .arg(request.costs.horizonMonths.value));
    printLine(describeAssumptions(request.costs));
}

} // namespace

int runRecommend(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The cheapest builds that serve a model (or several sharing a cluster) at a request rate within a TTFT and "
        "TPOT target: every catalogue server template and cloud instance, every parallelism and format that fits, "
        "ranked by monthly cost, with the cost per million tokens and the predicted latency at that load."));
    addRecommendOptions(parser);
    parseCommand(parser, arguments);
    const RecommendRequest request = requestFrom(parser);
    const int top = countOption(parser, QStringLiteral("top"), 10);
    const HardwareOptionList options = hardwareOptions(catalogue(), tierFrom(parser));

    QElapsedTimer timer;
    timer.start();
    const RecommendResult result = recommend(request, options.options);
    const double milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray ranked;
        for (int i = 0; i < std::min<int>(top, static_cast<int>(result.ranked.size())); ++i)
            ranked.append(recommendationToJson(result.ranked[static_cast<size_t>(i)], i + 1));
        QJsonObject out{
            {"recommendations", ranked},
            {"candidates", static_cast<int>(result.ranked.size())},
            {"layouts_evaluated", static_cast<double>(result.layoutsEvaluated)},
            {"builds_costed", static_cast<double>(result.buildsCosted)},
            {"search_ms", milliseconds},
            {"ruled_out", ruledOutToJson(result.ruledOut)},
            {"assumptions", assumptionsToJson(request.costs)},
        };
        const auto index = [&](const std::optional<size_t> &i) {
            return i ? QJsonValue(static_cast<int>(*i) + 1) : QJsonValue();
        };
        out.insert(QStringLiteral("best_onprem_rank"), index(result.bestOnPrem));
        out.insert(QStringLiteral("best_cloud_rank"), index(result.bestCloud));
        out.insert(QStringLiteral("break_even_month"),
                   result.breakEvenMonth ? QJsonValue(*result.breakEvenMonth) : QJsonValue());
        if (!result.noCandidateReason.empty())
            out.insert(QStringLiteral("no_candidate_reason"), QString::fromStdString(result.noCandidateReason));
        printJson(out);
        return result.ranked.empty() ? 1 : 0;
    }
    for (const std::string &skipped : options.skipped)
        printLine(QStringLiteral("Skipped %1.").arg(QString::fromStdString(skipped)));
    if (result.ranked.empty()) {
        printLine(QStringLiteral("No build meets the request. Ruled out by %1.")
                      .arg(QString::fromStdString(result.noCandidateReason)));
        return 1;
    }
    printTable(result, top, request);
    printLine(QStringLiteral("Searched %1 layouts (%2 performance points, %3 builds costed) in %4 ms; ruled out: "
                             "%5 by memory, %6 by latency, %7 by fleet size, %8 by budget, %9 by placement or vendor, "
                             "%10 without a price.")
                  .arg(count(result.layoutsEvaluated), count(result.performanceEvaluations), count(result.buildsCosted))
                  .arg(milliseconds, 0, 'f', 0)
                  .arg(result.ruledOut.memory)
                  .arg(result.ruledOut.latency)
                  .arg(result.ruledOut.scale)
                  .arg(result.ruledOut.budget)
                  .arg(result.ruledOut.filtered)
                  .arg(result.ruledOut.unpriced));
    return 0;
}

} // namespace planner::cli
