// Fitting efficiency factors to measurements: a known efficiency is recovered
// from measurements the model itself generated, and the fit never worsens the
// error on published ones.

#include "core/calibrate/calibration.h"
#include "support/measurementsupport.h"

#include <QtTest>

#include <cmath>

using namespace planner;
using namespace planner::testing;

class TestCalibration : public QObject
{
    Q_OBJECT

private slots:
    void recoversAKnownEfficiency()
    {
        // Measurements made by the model at compute 0.5 and memory 0.62: a
        // memory-bound decode and a compute-bound prefill pin both factors.
        const Efficiency truth{0.5, 0.62, 0.75};
        std::vector<Measurement> cases{
            measurement(QStringLiteral("llama-3.1-8b"), QStringLiteral("h100-sxm"), QStringLiteral("bf16"),
                        MeasuredMetric::Tpot, 128, 512, 1),
            measurement(QStringLiteral("llama-3.1-8b"), QStringLiteral("h100-sxm"), QStringLiteral("bf16"),
                        MeasuredMetric::Ttft, 8000, 1, 1),
            measurement(QStringLiteral("qwen2.5-7b"), QStringLiteral("a100-80gb"), QStringLiteral("bf16"),
                        MeasuredMetric::OutputTokensPerSecond, 1000, 200, 16),
        };
        for (Measurement &m : cases)
            m.value = predict(m, truth);
        QVERIFY2(validate(cases).empty(), joinedMessages(validate(cases)));
        const CalibrationResult fit = calibrate(cases, Efficiency{});
        QVERIFY(fit.rmsLogErrorBefore > 0.05);
        QVERIFY2(fit.rmsLogErrorAfter < 0.005, qPrintable(QString::number(fit.rmsLogErrorAfter)));
        QVERIFY2(std::abs(fit.after.compute / truth.compute - 1) < 0.02,
                 qPrintable(QString::number(fit.after.compute)));
        QVERIFY2(std::abs(fit.after.memory / truth.memory - 1) < 0.02, qPrintable(QString::number(fit.after.memory)));
    }

    void neverWorsensPublishedCases()
    {
        // llama-bench figures (XiongjieDai/GPU-Benchmarks-on-LLM-Inference, May 2024).
        Measurement tg = measurement(QStringLiteral("llama-3.1-8b"), QStringLiteral("rtx-4090"), QStringLiteral("fp16"),
                                     MeasuredMetric::Tpot, 1, 1024, 1);
        tg.request.deployment.engine = engineProfile(QStringLiteral("llama.cpp"));
        tg.value = 1 / 54.34;
        Measurement pp = measurement(QStringLiteral("llama-3.1-8b"), QStringLiteral("rtx-4090"), QStringLiteral("fp16"),
                                     MeasuredMetric::Ttft, 512, 1, 1);
        pp.request.deployment.engine = tg.request.deployment.engine;
        pp.value = 512 / 9382.0;
        const CalibrationResult fit = calibrate({tg, pp}, Efficiency{});
        QVERIFY(fit.rmsLogErrorAfter <= fit.rmsLogErrorBefore);
        QVERIFY(fit.rmsLogErrorAfter < 0.05);
        for (double v : {fit.after.compute, fit.after.memory, fit.after.network})
            QVERIFY(v > 0 && v <= 1);
    }

    void rejectsUnusableMeasurements()
    {
        Measurement zero = measurement(QStringLiteral("llama-3.1-8b"), QStringLiteral("h100-sxm"),
                                       QStringLiteral("bf16"), MeasuredMetric::Tpot, 128, 128, 1);
        zero.value = 0;
        QVERIFY(anyContains(validate(std::vector<Measurement>{zero}), "must be a positive number"));
        QVERIFY(anyContains(validate(std::vector<Measurement>{}), "no measurements"));
        Measurement tooBig = measurement(QStringLiteral("deepseek-r1"), QStringLiteral("rtx-4090"),
                                         QStringLiteral("fp8-block"), MeasuredMetric::Tpot, 128, 128, 1);
        tooBig.value = 1;
        QVERIFY(anyContains(validate(std::vector<Measurement>{tooBig}), "does not fit"));
    }
};

QTEST_APPLESS_MAIN(TestCalibration)
#include "test_calibration.moc"
