// planner-accuracy: the serving-speed estimates against published measurements.
//
// Replays every case of the calibration set (tests/fixtures/measurements/
// serving/*.csv, sources in the .md beside each file) through the same path
// `calibrate` reads a user's CSV with, and prints the error of the nominal
// estimate per engine, GPU family, model kind and metric, the share of cases
// the estimate's range contains, and the worst cases. Every fifth row of each
// file (rows 5, 10, ...) is held out: the efficiency tables in core/perf are
// fitted to the other rows only (see --fit), so the held-out error says how
// the model does on cases it was not tuned to.
//
// Exit status 1 when the median error over the whole set exceeds
// --max-median, or any engine's median exceeds --max-engine-median; CTest
// runs it with the bounds the model meets today, so an estimate can only get
// better.

#include "core/calibrate/calibration.h"
#include "core/calibrate/speedfit.h"
#include "core/hardware/gpuspec.h"
#include "core/perf/speedtable.h"
#include "database/catalogue.h"
#include "database/measurementcsv.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace planner;

namespace {

struct Case {
    Measurement measurement;
    std::string file;
    bool heldOut = false;
    double predicted = 0;
    double fastest = 0; // the range's bounds in the metric's units
    double slowest = 0;

    // predicted / measured - 1, signed: above 0 the planner says faster (or
    // more tokens/s) than was measured when the metric is a rate.
    double error() const { return predicted / measurement.value - 1; }
    bool covered() const
    {
        const double low = std::min(fastest, slowest);
        const double high = std::max(fastest, slowest);
        return low <= measurement.value && measurement.value <= high;
    }
};

bool isRate(MeasuredMetric metric)
{
    return metric == MeasuredMetric::OutputTokensPerSecond;
}

std::string modelKind(const ModelSpec &model)
{
    if (model.linearAttention || model.stateSpace)
        return "hybrid (linear attention)";
    if (model.isMoe())
        return model.hasLatentCache() ? "MoE with MLA" : "MoE";
    return "dense";
}

std::string metricKind(const Case &c)
{
    const Measurement &m = c.measurement;
    if (m.rate > 0)
        return "at a request rate";
    if (isRate(m.metric))
        return m.request.concurrency == 1 ? "throughput, batch 1" : "throughput, batch > 1";
    const std::string name(toString(m.metric));
    return name + (m.request.concurrency == 1 ? ", batch 1" : ", batch > 1");
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

struct Summary {
    size_t cases = 0;
    double medianError = 0; // of |error|
    double worstError = 0;
    double medianBias = 0; // signed
    double coverage = 0;
};

Summary summarise(const std::vector<const Case *> &cases)
{
    Summary s;
    s.cases = cases.size();
    std::vector<double> absolute;
    std::vector<double> signedErrors;
    size_t covered = 0;
    for (const Case *c : cases) {
        absolute.push_back(std::abs(c->error()));
        signedErrors.push_back(c->error());
        s.worstError = std::max(s.worstError, std::abs(c->error()));
        covered += c->covered() ? 1 : 0;
    }
    s.medianError = median(absolute);
    s.medianBias = median(signedErrors);
    s.coverage = cases.empty() ? 0 : static_cast<double>(covered) / static_cast<double>(cases.size());
    return s;
}

std::vector<const Case *> pointers(const std::vector<Case> &cases)
{
    std::vector<const Case *> out;
    for (const Case &c : cases)
        out.push_back(&c);
    return out;
}

std::map<std::string, std::vector<const Case *>> groupBy(const std::vector<Case> &cases,
                                                         std::string (*key)(const Case &))
{
    std::map<std::string, std::vector<const Case *>> groups;
    for (const Case &c : cases)
        groups[key(c)].push_back(&c);
    return groups;
}

void printTable(QTextStream &out, const char *title, const std::vector<Case> &cases, std::string (*key)(const Case &))
{
    const std::map<std::string, std::vector<const Case *>> groups = groupBy(cases, key);
    out << "\n" << title << "\n";
    out << QStringLiteral("  %1 %2 %3 %4 %5 %6\n")
               .arg(QStringLiteral("group"), -28)
               .arg(QStringLiteral("cases"), 6)
               .arg(QStringLiteral("median"), 8)
               .arg(QStringLiteral("worst"), 8)
               .arg(QStringLiteral("bias"), 8)
               .arg(QStringLiteral("in range"), 9);
    for (const auto &[name, members] : groups) {
        const Summary s = summarise(members);
        out << QStringLiteral("  %1 %2 %3% %4% %5% %6%\n")
                   .arg(QString::fromStdString(name), -28)
                   .arg(s.cases, 6)
                   .arg(s.medianError * 100, 7, 'f', 1)
                   .arg(s.worstError * 100, 7, 'f', 1)
                   .arg(s.medianBias * 100, 7, 'f', 1)
                   .arg(s.coverage * 100, 8, 'f', 0);
    }
}

std::string byEngine(const Case &c)
{
    return c.measurement.request.deployment.engine.id;
}
std::string byFamily(const Case &c)
{
    return std::string(toString(gpuFamily(c.measurement.request.deployment.gpu)));
}
std::string byModelKind(const Case &c)
{
    return modelKind(c.measurement.request.deployment.model);
}
std::string byMetric(const Case &c)
{
    return metricKind(c);
}
std::string bySource(const Case &c)
{
    return c.file;
}

// Every case of every CSV in the directory, in file and row order.
std::vector<Case> readCases(const QString &directory, const Catalogue &catalogue, QString &error, QStringList &skipped)
{
    std::vector<Case> cases;
    const QDir dir(directory);
    const QStringList files = dir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        error = QStringLiteral("no *.csv in %1").arg(directory);
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("%1: %2").arg(name, file.errorString());
            return {};
        }
        const MeasurementsResult read = readMeasurementsCsv(QString::fromUtf8(file.readAll()), catalogue,
                                                            BadRows::Skip);
        if (!read.ok()) {
            error = QStringLiteral("%1: %2").arg(name, read.error);
            return {};
        }
        for (const QString &reason : read.skipped)
            skipped << QStringLiteral("%1: %2").arg(name, reason);
        // The file's rows 5, 10, ... are held out, whether or not a row before was skipped.
        for (size_t i = 0; i < read.measurements.size(); ++i)
            cases.push_back({read.measurements[i], name.toStdString(), read.rows[i] % 5 == 0});
    }
    return cases;
}

void predictAll(std::vector<Case> &cases, const SpeedTable &table)
{
    for (Case &c : cases) {
        const InferenceRequest &d = c.measurement.request.deployment;
        const EfficiencyRange range = efficiencyFor(d.engine, d.gpu, table);
        c.predicted = predict(c.measurement, range.nominal);
        // A time's range is its nominal value times the bounds; a rate's, divided.
        const bool rate = isRate(c.measurement.metric);
        c.fastest = rate ? c.predicted / range.fasterBound : c.predicted * range.fasterBound;
        c.slowest = rate ? c.predicted / range.slowerBound : c.predicted * range.slowerBound;
    }
}

const char *familyIdentifier(GpuFamily family);

// Terms of `shipped` more than 1 % (or 1e-6 s) from the fit's.
QStringList differences(const SpeedTable &shipped, const SpeedTable &fit)
{
    QStringList out;
    const auto compare = [&out](const QString &name, double a, double b) {
        if (std::abs(a - b) > std::max(0.01 * std::max(std::abs(a), std::abs(b)), 1e-6))
            out << QStringLiteral("%1 shipped %2, fit %3").arg(name).arg(a).arg(b);
    };
    for (const EngineSpeedTerms &e : fit.engines) {
        const EngineSpeedTerms &s = shipped.engine(e.engine);
        const QString n = QString::fromStdString(e.engine);
        compare(n + QStringLiteral(" compute"), s.compute, e.compute);
        compare(n + QStringLiteral(" memory"), s.memory, e.memory);
        compare(n + QStringLiteral(" hbm"), s.hbmShare, e.hbmShare);
        compare(n + QStringLiteral(" experts"), s.expertMemory, e.expertMemory);
        compare(n + QStringLiteral(" half tokens"), s.gemmHalfTokens, e.gemmHalfTokens);
        compare(n + QStringLiteral(" attention"), s.attention, e.attention);
        compare(n + QStringLiteral(" step"), s.stepSeconds, e.stepSeconds);
        compare(n + QStringLiteral(" sequence"), s.sequenceSeconds, e.sequenceSeconds);
        compare(n + QStringLiteral(" layer"), s.layerSeconds, e.layerSeconds);
        compare(n + QStringLiteral(" request"), s.requestSeconds, e.requestSeconds);
        compare(n + QStringLiteral(" faster"), s.fasterBound, e.fasterBound);
        compare(n + QStringLiteral(" slower"), s.slowerBound, e.slowerBound);
    }
    for (const FamilySpeedTerms &f : fit.families) {
        const QString n = QLatin1String(familyIdentifier(f.family));
        compare(n + QStringLiteral(" compute"), shipped.family(f.family).compute, f.compute);
        compare(n + QStringLiteral(" memory"), shipped.family(f.family).memory, f.memory);
    }
    compare(QStringLiteral("fp8"), shipped.fp8Share, fit.fp8Share);
    compare(QStringLiteral("fp4"), shipped.fp4Share, fit.fp4Share);
    compare(QStringLiteral("network"), shipped.network, fit.network);
    return out;
}

const char *familyIdentifier(GpuFamily family)
{
    switch (family) {
    case GpuFamily::NvidiaAmpereOrOlder: return "NvidiaAmpereOrOlder";
    case GpuFamily::NvidiaAda: return "NvidiaAda";
    case GpuFamily::NvidiaHopper: return "NvidiaHopper";
    case GpuFamily::NvidiaBlackwell: return "NvidiaBlackwell";
    case GpuFamily::AmdCdna3: return "AmdCdna3";
    case GpuFamily::AmdCdna4: return "AmdCdna4";
    case GpuFamily::AmdOther: return "AmdOther";
    case GpuFamily::Apple: return "Apple";
    case GpuFamily::Cpu: return "Cpu";
    case GpuFamily::Other: return "Other";
    }
    return "Other";
}

// The fitted table as the initialisers of core/perf/speedtable.cpp.
void printTableSource(QTextStream &out, const SpeedTable &t)
{
    out << "    t.engines = {\n";
    for (const EngineSpeedTerms &e : t.engines)
        out << QStringLiteral("        {\"%1\", %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13},\n")
                   .arg(QString::fromStdString(e.engine))
                   .arg(e.compute, 0, 'g', 3)
                   .arg(e.memory, 0, 'g', 3)
                   .arg(e.hbmShare, 0, 'g', 3)
                   .arg(e.expertMemory, 0, 'g', 3)
                   .arg(e.gemmHalfTokens, 0, 'g', 3)
                   .arg(e.attention, 0, 'g', 3)
                   .arg(e.stepSeconds, 0, 'g', 3)
                   .arg(e.sequenceSeconds, 0, 'g', 3)
                   .arg(e.layerSeconds, 0, 'g', 3)
                   .arg(e.requestSeconds, 0, 'g', 3)
                   .arg(e.fasterBound, 0, 'g', 3)
                   .arg(e.slowerBound, 0, 'g', 3);
    out << "    };\n    t.families = {\n";
    for (const FamilySpeedTerms &f : t.families)
        out << QStringLiteral("        {GpuFamily::%1, %2, %3},\n")
                   .arg(QLatin1String(familyIdentifier(f.family)))
                   .arg(f.compute, 0, 'g', 3)
                   .arg(f.memory, 0, 'g', 3);
    out << QStringLiteral("    };\n    t.fp8Share = %1;\n    t.fp4Share = %2;\n    t.network = %3;\n")
               .arg(t.fp8Share, 0, 'g', 3)
               .arg(t.fp4Share, 0, 'g', 3)
               .arg(t.network, 0, 'g', 3);
}

// A bound given as a fraction (0.15 = 15 %); a value that is not one ends
// the run with status 2 rather than passing against a bound of 0.
std::optional<double> fractionOption(const QCommandLineParser &parser, const char *name)
{
    if (!parser.isSet(QLatin1String(name)))
        return std::nullopt;
    bool ok = false;
    const double value = parser.value(QLatin1String(name)).toDouble(&ok);
    if (!ok || !(value > 0) || value > 10) {
        std::fprintf(stderr, "planner-accuracy: --%s expects a fraction such as 0.15, got '%s'\n", name,
                     qPrintable(parser.value(QLatin1String(name))));
        std::exit(2);
    }
    return value;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Serving-speed estimates against published measurements."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("fixtures"), QStringLiteral("Directory of measurement CSVs."), QStringLiteral("DIR")},
        {QStringLiteral("max-median"), QStringLiteral("Fail above this median |error| over all cases (0.15 = 15 %)."),
         QStringLiteral("X")},
        {QStringLiteral("max-engine-median"), QStringLiteral("Fail above this median |error| for any engine."),
         QStringLiteral("X")},
        {QStringLiteral("cases"), QStringLiteral("Also list every case with its prediction.")},
        {QStringLiteral("fit"), QStringLiteral("Refit the speed table to the fit set first, print it as the source "
                                               "of core/perf/speedtable.cpp, and report with it.")},
        {QStringLiteral("check-shipped"), QStringLiteral("Refit, and fail unless the shipped table is that fit (each "
                                                         "term within 1 %).")},
    });
    parser.process(app);
    QTextStream out(stdout);

    const Catalogue::OpenResult opened = Catalogue::open({});
    if (!opened.catalogue) {
        std::fprintf(stderr, "planner-accuracy: the shipped catalogue does not open: %s\n", qPrintable(opened.error));
        return 2;
    }
    QString error;
    QStringList skipped;
    std::vector<Case> cases = readCases(parser.value(QStringLiteral("fixtures")), *opened.catalogue, error, skipped);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "planner-accuracy: %s\n", qPrintable(error));
        return 2;
    }
    SpeedTable table = shippedSpeedTable();
    int status = 0;
    const bool checkShipped = parser.isSet(QStringLiteral("check-shipped"));
    if (parser.isSet(QStringLiteral("fit")) || checkShipped) {
        // The fit set without the runs at a request rate: those check the
        // simulator, and simulating them in every step of the search is slow.
        std::vector<Measurement> fitSet;
        for (const Case &c : cases)
            if (!c.heldOut && c.measurement.rate == 0)
                fitSet.push_back(c.measurement);
        const SpeedFitResult fit = fitSpeedTable(fitSet, priorSpeedTable());
        if (checkShipped) {
            for (const QString &difference : differences(shippedSpeedTable(), fit.table))
                std::fprintf(stderr, "planner-accuracy: the shipped table is not the fit: %s\n",
                             qPrintable(difference));
            status = differences(shippedSpeedTable(), fit.table).isEmpty() ? 0 : 1;
        } else {
            table = fit.table;
        }
        out << QStringLiteral("fitted to %1 cases in %2 evaluations: robust log loss %3 -> %4\n")
                   .arg(fitSet.size())
                   .arg(fit.evaluations)
                   .arg(fit.lossBefore, 0, 'f', 3)
                   .arg(fit.lossAfter, 0, 'f', 3);
        printTableSource(out, table);
    }
    predictAll(cases, table);
    // Rows the planner cannot express yet are listed, not hidden.
    if (!skipped.isEmpty()) {
        out << QStringLiteral("%1 published cases the planner cannot estimate yet:\n").arg(skipped.size());
        for (const QString &reason : skipped)
            out << "  " << reason << "\n";
    }

    if (parser.isSet(QStringLiteral("cases"))) {
        out << "case                                                  measured   predicted   error  range\n";
        for (const Case &c : cases)
            out << QStringLiteral("%1 %2 %3 %4% %5%6\n")
                       .arg(QString::fromStdString(c.measurement.label).left(52), -52)
                       .arg(c.measurement.value, 10, 'g', 4)
                       .arg(c.predicted, 11, 'g', 4)
                       .arg(c.error() * 100, 6, 'f', 0)
                       .arg(c.covered() ? QStringLiteral("in") : QStringLiteral("out"))
                       .arg(c.heldOut ? QStringLiteral(" (held out)") : QString());
    }

    std::vector<Case> fit;
    std::vector<Case> heldOut;
    for (const Case &c : cases)
        (c.heldOut ? heldOut : fit).push_back(c);
    for (const auto &[title, set] : {std::pair{"FIT SET", &fit}, std::pair{"HELD-OUT FIFTH", &heldOut}}) {
        const Summary s = summarise(pointers(*set));
        out << QStringLiteral("\n== %1: %2 cases, median |error| %3 %, worst %4 %, median bias %5 %, range "
                              "contains the measurement in %6 %\n")
                   .arg(QLatin1String(title))
                   .arg(s.cases)
                   .arg(s.medianError * 100, 0, 'f', 1)
                   .arg(s.worstError * 100, 0, 'f', 0)
                   .arg(s.medianBias * 100, 0, 'f', 1)
                   .arg(s.coverage * 100, 0, 'f', 0);
        printTable(out, "by engine", *set, byEngine);
        printTable(out, "by GPU family", *set, byFamily);
        printTable(out, "by model kind", *set, byModelKind);
        printTable(out, "by metric", *set, byMetric);
        printTable(out, "by source", *set, bySource);
    }

    std::vector<const Case *> worst = pointers(cases);
    std::sort(worst.begin(), worst.end(),
              [](const Case *a, const Case *b) { return std::abs(a->error()) > std::abs(b->error()); });
    out << "\nworst cases\n";
    for (size_t i = 0; i < std::min<size_t>(10, worst.size()); ++i)
        out << QStringLiteral("  %1% %2 (%3)\n")
                   .arg(worst[i]->error() * 100, 7, 'f', 0)
                   .arg(QString::fromStdString(worst[i]->measurement.label))
                   .arg(QString::fromStdString(worst[i]->file));

    const Summary overall = summarise(pointers(cases));
    out << QStringLiteral("\nall %1 cases: median |error| %2 %, range coverage %3 %\n")
               .arg(overall.cases)
               .arg(overall.medianError * 100, 0, 'f', 1)
               .arg(overall.coverage * 100, 0, 'f', 0);
    printTable(out, "all cases by engine", cases, byEngine);
    out.flush();

    if (const std::optional<double> bound = fractionOption(parser, "max-median");
        bound && overall.medianError > *bound) {
        std::fprintf(stderr, "planner-accuracy: median error %.1f %% is above %.1f %%\n", overall.medianError * 100,
                     *bound * 100);
        status = 1;
    }
    if (const std::optional<double> bound = fractionOption(parser, "max-engine-median"))
        for (const auto &[engine, members] : groupBy(cases, byEngine))
            if (const double median = summarise(members).medianError; median > *bound) {
                std::fprintf(stderr, "planner-accuracy: %s's median error %.1f %% is above %.1f %%\n", engine.c_str(),
                             median * 100, *bound * 100);
                status = 1;
            }
    return status;
}
