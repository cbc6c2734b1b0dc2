// training-accuracy: the training-time estimates against published runs.
//
// Replays every run of tests/fixtures/measurements/training/*.csv (sources in
// the .md beside each file) with its published layout — GPUs, TP, PP, VPP,
// CP, EP, sharding, precision, recomputation, sequence, micro- and global
// batch — through estimateTrainingRun, and prints the error of the nominal
// estimate per case (--cases), per source, GPU, model kind and precision, the
// share of runs the range holds, and the runs it cannot estimate (with why,
// e.g. a layout that does not fit although it ran). Every fifth row of each
// file is held out of --fit, which refits the training terms
// (TrainingSpeedTerms) to the other rows by coordinate search on the robust
// log error and prints them as the source of shippedTrainingTerms().
//
// Exit status 1 when the median error over all estimable runs exceeds
// --max-median.

#include "core/model/parametercount.h"
#include "core/perf/trainingtime.h"
#include "core/resolve/deployment.h"
#include "database/catalogue.h"
#include "database/csvtable.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

using namespace planner;

namespace {

enum class Metric { TokensPerGpu, ModelTflopsPerGpu, StepSeconds, Mfu, GpuHoursPerTrillion };

struct Run {
    std::string label;
    std::string file;
    TrainingRunRequest request;
    Metric metric = Metric::TokensPerGpu;
    double value = 0;
    bool heldOut = false;
    std::string precision; // as published
};

struct Outcome {
    const Run *run = nullptr;
    double predicted = 0;
    double fastest = 0;
    double slowest = 0;
    double error() const { return predicted / run->value - 1; }
    bool covered() const
    {
        return std::min(fastest, slowest) <= run->value && run->value <= std::max(fastest, slowest);
    }
};

QString cell(const CsvTable &t, const QStringList &row, const char *column)
{
    const qsizetype at = t.header.indexOf(QLatin1String(column));
    return at >= 0 && at < row.size() ? row.at(at).trimmed() : QString();
}

int size(const CsvTable &t, const QStringList &row, const char *column)
{
    const int value = cell(t, row, column).toInt();
    return value > 0 ? value : 1;
}

OptimizerSharding shardingOf(const QString &text)
{
    if (text == QLatin1String("fsdp") || text == QLatin1String("hsdp"))
        return OptimizerSharding::Fsdp;
    if (text == QLatin1String("0"))
        return OptimizerSharding::None;
    if (text == QLatin1String("2"))
        return OptimizerSharding::Zero2;
    if (text == QLatin1String("3"))
        return OptimizerSharding::Zero3;
    return OptimizerSharding::Zero1; // "dist", "1", or unstated: Megatron's default
}

// A run as the planner states it, or why it cannot be stated.
std::string runFrom(const Catalogue &catalogue, const CsvTable &t, const QStringList &row, Run &run)
{
    const std::optional<ModelSpec> model = catalogue.find<ModelSpec>(cell(t, row, "model"));
    const std::optional<GpuSpec> gpu = catalogue.find<GpuSpec>(cell(t, row, "gpu"));
    if (!model || !gpu)
        return "unknown model or GPU";
    const QString precision = cell(t, row, "precision");
    run.precision = precision.toStdString();
    if (precision == QLatin1String("nvfp4"))
        return "NVFP4 training is not modelled";
    TrainingRequest &s = run.request.setup;
    s.model = *model;
    s.gpu = *gpu;
    s.gpuCount = size(t, row, "gpus");
    s.parallel.tensor = size(t, row, "tp");
    s.parallel.pipeline = size(t, row, "pp");
    s.parallel.expert = size(t, row, "ep");
    s.contextParallel = size(t, row, "cp");
    s.virtualStages = size(t, row, "vpp");
    if (cell(t, row, "setup").contains(QLatin1String("DualPipe")))
        s.schedule = PipelineSchedule::DualPipe;
    s.sharding = shardingOf(cell(t, row, "zero"));
    s.precision = precision == QLatin1String("bf16") || precision == QLatin1String("nf4") ? TrainingPrecision::Bf16
                                                                                          : TrainingPrecision::Fp8;
    const QString recompute = cell(t, row, "recompute");
    s.recompute = recompute == QLatin1String("full")        ? Recompute::Full
                  : recompute == QLatin1String("selective") ? Recompute::Selective
                                                            : Recompute::None;
    const QString method = cell(t, row, "method");
    s.method = method == QLatin1String("lora")    ? TrainingMethod::Lora
               : method == QLatin1String("qlora") ? TrainingMethod::Qlora
                                                  : TrainingMethod::Full;
    s.loraRank = size(t, row, "lora_rank");
    s.sequenceLength = size(t, row, "seq_len");
    s.microBatch = size(t, row, "micro_batch");
    s.chunkedCrossEntropy = true; // the frameworks' fused or chunked losses
    run.request.globalBatchSequences = cell(t, row, "global_batch").toLongLong();
    run.request.tokens = 1e12;

    // HGX servers of 8 over InfiniBand NDR; an NVL72 rack is one NVLink domain.
    const bool rack = gpu->id == "gb200" || gpu->id == "gb300";
    const int perServer = std::min(s.gpuCount, rack ? 72 : size(t, row, "gpus_per_server"));
    const std::optional<LinkSpec> ib = catalogue.find<LinkSpec>(QStringLiteral("ib-ndr"));
    const Cluster cluster = clusterOfServers(*gpu, s.gpuCount, perServer, singleServerLinks(*gpu),
                                             scaleOutPath(*ib, perServer, perServer));
    const PerfLinks links = linksFor(cluster, s.parallel);
    run.request.tensorParallelLink = links.tensorParallel;
    run.request.pipelineLink = links.pipeline;
    run.request.expertParallelLink = links.expertParallel;
    run.request.contextParallelLink = linksFor(cluster, Parallelism{s.parallel.tensor * s.contextParallel, 1, 1, false})
                                          .tensorParallel;
    run.request.dataParallelLink = cluster.dataParallel;
    const std::vector<Problem> problems = validate(run.request);
    if (!problems.empty())
        return problems.front().message.text();

    static const std::map<QString, Metric> metrics{
        {QStringLiteral("tokens_per_s_per_gpu"), Metric::TokensPerGpu},
        {QStringLiteral("model_tflops_per_gpu"), Metric::ModelTflopsPerGpu},
        {QStringLiteral("step_time_s"), Metric::StepSeconds},
        {QStringLiteral("mfu"), Metric::Mfu},
        {QStringLiteral("gpu_hours_per_trillion_tokens"), Metric::GpuHoursPerTrillion}};
    const auto metric = metrics.find(cell(t, row, "metric"));
    if (metric == metrics.end())
        return "unknown metric";
    run.metric = metric->second;
    run.value = cell(t, row, "value").toDouble();
    return run.value > 0 ? std::string() : "no value";
}

// The estimate in the run's metric, at the nominal terms and the range's ends.
double inMetric(const Run &run, const TrainingRunEstimate &e, const TrainingRunPoint &p)
{
    const double gpus = run.request.setup.gpuCount;
    const double perGpu = p.tokensPerSecond / gpus;
    switch (run.metric) {
    case Metric::TokensPerGpu: return perGpu;
    case Metric::ModelTflopsPerGpu: return perGpu * e.modelFlopsPerToken / 1e12;
    case Metric::StepSeconds: return e.stepSeconds * e.nominal.tokensPerSecond / p.tokensPerSecond;
    case Metric::Mfu: return p.mfu;
    case Metric::GpuHoursPerTrillion: return 1e12 / perGpu / 3600.0;
    }
    return 0;
}

std::vector<Outcome> replay(const std::vector<Run> &runs, const TrainingSpeedTerms &terms,
                            std::vector<std::pair<const Run *, std::string>> *unfit = nullptr)
{
    std::vector<Outcome> out;
    for (const Run &run : runs) {
        const TrainingRunEstimate e = estimateTrainingRun(run.request, terms);
        if (!e.fits) {
            if (unfit)
                unfit->push_back({&run, "does not fit in memory, though it ran"});
            continue;
        }
        out.push_back(
            {&run, inMetric(run, e, e.nominal), inMetric(run, e, e.optimistic), inMetric(run, e, e.pessimistic)});
    }
    return out;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double medianError(const std::vector<Outcome> &cases)
{
    std::vector<double> errors;
    for (const Outcome &c : cases)
        errors.push_back(std::abs(c.error()));
    return median(errors);
}

void printGroup(QTextStream &out, const QString &title, const std::vector<Outcome> &cases,
                const std::function<std::string(const Outcome &)> &key)
{
    std::map<std::string, std::vector<Outcome>> groups;
    for (const Outcome &c : cases)
        groups[key(c)].push_back(c);
    out << "\n" << title << "\n  group                               runs   median    worst     bias  in range\n";
    for (const auto &[name, group] : groups) {
        std::vector<double> signedErrors;
        double worst = 0;
        int covered = 0;
        for (const Outcome &c : group) {
            signedErrors.push_back(c.error());
            worst = std::max(worst, std::abs(c.error()));
            covered += c.covered() ? 1 : 0;
        }
        out << QStringLiteral("  %1 %2 %3% %4% %5% %6%\n")
                   .arg(QString::fromStdString(name), -34)
                   .arg(group.size(), 5)
                   .arg(medianError(group) * 100, 7, 'f', 1)
                   .arg(worst * 100, 7, 'f', 1)
                   .arg(median(signedErrors) * 100, 7, 'f', 1)
                   .arg(100.0 * covered / group.size(), 8, 'f', 0);
    }
}

void report(QTextStream &out, const QString &title, const std::vector<Outcome> &cases)
{
    int covered = 0;
    for (const Outcome &c : cases)
        covered += c.covered() ? 1 : 0;
    out << "\n== " << title << ": " << cases.size() << " runs, median |error| "
        << QString::number(medianError(cases) * 100, 'f', 1) << " %, range holds "
        << QString::number(cases.empty() ? 0 : 100.0 * covered / cases.size(), 'f', 0) << " %\n";
    printGroup(out, QStringLiteral("by source"), cases, [](const Outcome &c) { return c.run->file; });
    printGroup(out, QStringLiteral("by GPU"), cases, [](const Outcome &c) { return c.run->request.setup.gpu.id; });
    printGroup(out, QStringLiteral("by model kind"), cases,
               [](const Outcome &c) { return c.run->request.setup.model.isMoe() ? "MoE" : "dense"; });
    printGroup(out, QStringLiteral("by precision"), cases, [](const Outcome &c) { return c.run->precision; });
}

double robustLoss(const std::vector<Outcome> &cases)
{
    double sum = 0;
    for (const Outcome &c : cases) {
        const double e = std::log(c.predicted / c.run->value);
        sum += 0.16 * std::log1p(e * e / 0.16); // Cauchy's loss at 0.4, as the serving fit
    }
    return cases.empty() ? 0 : sum / cases.size();
}

// Coordinate search on the fit set, each term within its bounds.
TrainingSpeedTerms fit(const std::vector<Run> &runs, TrainingSpeedTerms terms)
{
    struct Term {
        double TrainingSpeedTerms::*member;
        double lowest;
        double highest;
    };
    const Term list[] = {{&TrainingSpeedTerms::compute, 0.2, 1.0},
                         {&TrainingSpeedTerms::attention, 0.1, 1.0},
                         {&TrainingSpeedTerms::fp8Share, 0.3, 1.0},
                         {&TrainingSpeedTerms::exposedCommunication, 0.0, 1.0},
                         {&TrainingSpeedTerms::gemmHalfTokens, 0.0, 8192}};
    std::vector<Run> fitSet;
    for (const Run &r : runs)
        if (!r.heldOut)
            fitSet.push_back(r);
    double best = robustLoss(replay(fitSet, terms));
    for (double step = 2.0; step > 1.005; step = std::sqrt(step))
        for (bool improved = true; improved;) {
            improved = false;
            for (const Term &t : list)
                for (double factor : {step, 1 / step}) {
                    TrainingSpeedTerms trial = terms;
                    double &v = trial.*(t.member);
                    v = std::clamp(v > 0 ? v * factor : 64.0, t.lowest, t.highest);
                    const double loss = robustLoss(replay(fitSet, trial));
                    if (loss < best - 1e-9) {
                        best = loss;
                        terms = trial;
                        improved = true;
                    }
                }
        }
    // The range: the 5th and 95th percentiles of measured / predicted step time.
    std::vector<double> ratios;
    for (const Outcome &c : replay(fitSet, terms)) {
        const bool rate = c.run->metric != Metric::StepSeconds && c.run->metric != Metric::GpuHoursPerTrillion;
        ratios.push_back(rate ? c.predicted / c.run->value : c.run->value / c.predicted);
    }
    std::sort(ratios.begin(), ratios.end());
    if (ratios.size() >= 5) {
        terms.fasterBound = std::min(1.0, ratios[static_cast<size_t>(0.05 * (ratios.size() - 1))]);
        terms.slowerBound = std::max(1.0, ratios[static_cast<size_t>(0.95 * (ratios.size() - 1))]);
    }
    return terms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Training-time estimates against published runs."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("fixtures"), QStringLiteral("Directory of training-run CSVs."), QStringLiteral("DIR")},
        {QStringLiteral("max-median"), QStringLiteral("Fail above this median |error| (0.15 = 15 %)."),
         QStringLiteral("X")},
        {QStringLiteral("cases"), QStringLiteral("List every run with its estimate.")},
        {QStringLiteral("fit"), QStringLiteral("Refit the training terms to the fit set and print them first.")},
    });
    parser.process(app);
    QTextStream out(stdout);
    const Catalogue::OpenResult opened = Catalogue::open({});
    if (!opened.catalogue) {
        std::fprintf(stderr, "training-accuracy: no catalogue\n");
        return 2;
    }
    const QDir dir(parser.value(QStringLiteral("fixtures")));
    std::vector<Run> runs;
    std::vector<std::pair<std::string, std::string>> skipped;
    for (const QString &name : dir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "training-accuracy: cannot read %s\n", qPrintable(file.fileName()));
            return 2;
        }
        const CsvParseResult parsed = parseCsv(QString::fromUtf8(file.readAll()));
        if (!parsed.table) {
            std::fprintf(stderr, "training-accuracy: %s: %s\n", qPrintable(name), qPrintable(parsed.error));
            return 2;
        }
        const CsvTable &t = *parsed.table;
        for (size_t i = 0; i < t.rows.size(); ++i) {
            Run run;
            run.label = cell(t, t.rows[i], "label").toStdString();
            run.file = name.toStdString();
            run.heldOut = i % 5 == 4;
            // A run published as tokens/s and TFLOP/s counts once, by its tokens/s.
            if (cell(t, t.rows[i], "metric") == QLatin1String("model_tflops_per_gpu") && run.label.size() > 7
                && run.label.compare(run.label.size() - 7, 7, " tflops") == 0)
                continue;
            const std::string why = runFrom(*opened.catalogue, t, t.rows[i], run);
            if (why.empty())
                runs.push_back(std::move(run));
            else
                skipped.push_back({name.toStdString() + ": " + run.label, why});
        }
    }
    TrainingSpeedTerms terms = shippedTrainingTerms();
    if (parser.isSet(QStringLiteral("fit"))) {
        terms = fit(runs, TrainingSpeedTerms{}); // from the priors, so a refit is reproducible
        out << QStringLiteral("    // compute, attention, fp8Share, fp4Share, gemmHalfTokens, network, exposed "
                              "communication, faster and slower bounds\n    static const TrainingSpeedTerms "
                              "terms{%1, %2, %3, %4, %5, %6, %7, %8, %9, kSource};\n")
                   .arg(terms.compute, 0, 'g', 3)
                   .arg(terms.attention, 0, 'g', 3)
                   .arg(terms.fp8Share, 0, 'g', 3)
                   .arg(terms.fp4Share, 0, 'g', 3)
                   .arg(terms.gemmHalfTokens, 0, 'g', 3)
                   .arg(terms.network, 0, 'g', 3)
                   .arg(terms.exposedCommunication, 0, 'g', 3)
                   .arg(terms.fasterBound, 0, 'g', 3)
                   .arg(terms.slowerBound, 0, 'g', 3);
    }
    std::vector<std::pair<const Run *, std::string>> unfit;
    const std::vector<Outcome> all = replay(runs, terms, &unfit);
    std::vector<Outcome> fitSet;
    std::vector<Outcome> heldOut;
    for (const Outcome &c : all)
        (c.run->heldOut ? heldOut : fitSet).push_back(c);
    out << skipped.size() + unfit.size() << " published runs the planner cannot estimate:\n";
    for (const auto &[label, why] : skipped)
        out << "  " << QString::fromStdString(label) << ": " << QString::fromStdString(why) << "\n";
    for (const auto &[run, why] : unfit)
        out << "  " << QString::fromStdString(run->file + ": " + run->label) << ": " << QString::fromStdString(why)
            << "\n";
    if (parser.isSet(QStringLiteral("cases"))) {
        out << "\nrun                                                        measured   estimate   error\n";
        for (const Outcome &c : all)
            out << QStringLiteral("%1 %2 %3 %4% %5%6\n")
                       .arg(QString::fromStdString(c.run->label).left(56), -56)
                       .arg(c.run->value, 10, 'g', 4)
                       .arg(c.predicted, 10, 'g', 4)
                       .arg(c.error() * 100, 6, 'f', 0)
                       .arg(c.covered() ? QStringLiteral("in") : QStringLiteral("out"))
                       .arg(c.run->heldOut ? QStringLiteral(" (held out)") : QString());
    }
    report(out, QStringLiteral("FIT SET"), fitSet);
    report(out, QStringLiteral("HELD-OUT FIFTH"), heldOut);
    report(out, QStringLiteral("ALL"), all);
    out.flush();
    const double overall = medianError(all);
    if (parser.isSet(QStringLiteral("max-median")) && overall > parser.value(QStringLiteral("max-median")).toDouble()) {
        std::fprintf(stderr, "training-accuracy: median error %.1f %% is above %.1f %%\n", overall * 100,
                     parser.value(QStringLiteral("max-median")).toDouble() * 100);
        return 1;
    }
    return 0;
}
