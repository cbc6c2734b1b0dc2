#include "app/cli/calibratecommand.h"

#include "app/cli/clisupport.h"
#include "app/cli/deploymentoptions.h"
#include "core/calibrate/calibration.h"
#include "database/measurementcsv.h"
#include "database/wholefile.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace planner::cli {

namespace {

QJsonObject efficiencyToJson(const Efficiency &e)
{
    return QJsonObject{{"compute", e.compute}, {"memory", e.memory}, {"network", e.network}};
}

QString percentError(double predicted, double measured)
{
    return QStringLiteral("%1%2 %")
        .arg(predicted >= measured ? QStringLiteral("+") : QString())
        .arg((predicted / measured - 1) * 100, 0, 'f', 1);
}

} // namespace

int runCalibrate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fit the achievable fractions of compute, memory and link bandwidth to your own measurements and show "
        "each case's error before and after. FILE is a CSV with the columns model, gpu, metric "
        "(tpot_s, ttft_s, output_tokens_per_s) and value, and optionally gpus, tp, pp, weights, kv, engine, "
        "concurrency, input_len, output_len, label. Use the result with 'perf --efficiency C,M,N'."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("CSV of measurements"));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON instead of a table.")});
    parseOptions(parser, arguments);
    if (parser.positionalArguments().size() != 1)
        throw UsageError(QStringLiteral("calibrate needs exactly one CSV FILE"));

    const QString path = parser.positionalArguments().first();
    // A measurement table is a few kilobytes; 64 MiB bounds a wrong file.
    const WholeFileRead csv = readWholeFile(path, 64 * 1024 * 1024);
    if (!csv.ok())
        throw UsageError(csv.error);
    const MeasurementsResult read = readMeasurementsCsv(QString::fromUtf8(csv.bytes), catalogue());
    if (!read.ok())
        throw UsageError(QStringLiteral("%1: %2").arg(path, read.error));
    throwIfInvalid(validate(read.measurements));

    const Measurement &first = read.measurements.front();
    const Efficiency start = efficiencyFor(first.request.deployment.engine, first.request.deployment.gpu).nominal;
    const CalibrationResult fit = calibrate(read.measurements, start);

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray cases;
        for (size_t i = 0; i < read.measurements.size(); ++i) {
            const Measurement &m = read.measurements[i];
            cases.append(QJsonObject{{"label", QString::fromStdString(m.label)},
                                     {"metric", QString::fromUtf8(toString(m.metric).data())},
                                     {"measured", m.value},
                                     {"predicted_before", fit.predictedBefore[i]},
                                     {"predicted_after", fit.predictedAfter[i]}});
        }
        printJson(QJsonObject{{"before", efficiencyToJson(fit.before)},
                              {"after", efficiencyToJson(fit.after)},
                              {"rms_log_error_before", fit.rmsLogErrorBefore},
                              {"rms_log_error_after", fit.rmsLogErrorAfter},
                              {"cases", cases}});
        return 0;
    }
    printLine(QStringLiteral("%1 measurements from %2").arg(read.measurements.size()).arg(path));
    for (size_t i = 0; i < read.measurements.size(); ++i) {
        const Measurement &m = read.measurements[i];
        printLine(QStringLiteral("  %1 %2 measured %3: before %4 (%5), after %6 (%7)")
                      .arg(QString::fromStdString(m.label), -24)
                      .arg(QString::fromUtf8(toString(m.metric).data()), -20)
                      .arg(m.value, 0, 'g', 4)
                      .arg(fit.predictedBefore[i], 0, 'g', 4)
                      .arg(percentError(fit.predictedBefore[i], m.value))
                      .arg(fit.predictedAfter[i], 0, 'g', 4)
                      .arg(percentError(fit.predictedAfter[i], m.value)));
    }
    printLine(QStringLiteral("Error (RMS of ln ratio): %1 before, %2 after")
                  .arg(fit.rmsLogErrorBefore, 0, 'f', 3)
                  .arg(fit.rmsLogErrorAfter, 0, 'f', 3));
    printLine(QStringLiteral("Fitted: compute %1, memory %2, network %3 — use: perf --efficiency %1,%2,%3")
                  .arg(fit.after.compute, 0, 'f', 3)
                  .arg(fit.after.memory, 0, 'f', 3)
                  .arg(fit.after.network, 0, 'f', 3));
    return 0;
}

} // namespace planner::cli
