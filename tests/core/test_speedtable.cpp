// The speed table and its fit: the procedure recovers a table from
// measurements the model itself made, the shipped table gives plausible
// shares and host times for every engine and GPU, and every estimate's range
// brackets its nominal figure without beating the roofline at peak.

#include "core/calibrate/speedfit.h"
#include "core/perf/speedtable.h"
#include "support/measurementsupport.h"

#include <QtTest>

#include <cmath>

using namespace planner;
using namespace planner::testing;

namespace {

Measurement measurement(const QString &gpu, MeasuredMetric metric, std::int64_t input, std::int64_t output,
                        std::int64_t concurrency)
{
    return planner::testing::measurement(QStringLiteral("llama-3.1-8b"), gpu, QStringLiteral("bf16"), metric, input,
                                         output, concurrency);
}

EngineSpeedTerms &vllmTerms(SpeedTable &table)
{
    for (EngineSpeedTerms &e : table.engines)
        if (e.engine == "vllm")
            return e;
    qFatal("no vllm row");
}

} // namespace

class TestSpeedTable : public QObject
{
    Q_OBJECT

private slots:
    void fitRecoversAKnownTable()
    {
        // Cases the model made with known vLLM terms on a Hopper and an Ampere
        // GPU: batch-1 decode (memory), long prefill (compute), large batches
        // (per-sequence host time) and a short prompt (the per-request time).
        SpeedTable truth = priorSpeedTable();
        EngineSpeedTerms &t = vllmTerms(truth);
        t.compute = 0.45;
        t.memory = 0.7;
        t.stepSeconds = 2e-3;
        t.sequenceSeconds = 5e-5;
        t.requestSeconds = 0.03;
        std::vector<Measurement> cases;
        for (const QString &gpu : {QStringLiteral("h100-sxm"), QStringLiteral("a100-80gb")}) {
            cases.push_back(measurement(gpu, MeasuredMetric::Tpot, 128, 512, 1));
            cases.push_back(measurement(gpu, MeasuredMetric::Ttft, 8000, 1, 1));
            cases.push_back(measurement(gpu, MeasuredMetric::Ttft, 64, 128, 1));
            cases.push_back(measurement(gpu, MeasuredMetric::Tpot, 1000, 500, 64));
            cases.push_back(measurement(gpu, MeasuredMetric::OutputTokensPerSecond, 1000, 1000, 200));
            cases.push_back(measurement(gpu, MeasuredMetric::OutputTokensPerSecond, 200, 200, 32));
        }
        for (Measurement &m : cases)
            m.value = predictWith(m, truth);
        const SpeedFitResult fit = fitSpeedTable(cases, priorSpeedTable());
        QVERIFY2(fit.lossBefore > 0.1, qPrintable(QString::number(fit.lossBefore)));
        // The priors hold a share the cases barely pin near its typical value
        // (two long prefills alone set compute 0.45 against a prior of 0.6),
        // so the fit comes close to the truth rather than onto it.
        QVERIFY2(fit.lossAfter < fit.lossBefore / 4,
                 qPrintable(QStringLiteral("%1 -> %2").arg(fit.lossBefore).arg(fit.lossAfter)));
        for (const Measurement &m : cases)
            QVERIFY2(std::abs(predictWith(m, fit.table) / m.value - 1) < 0.15,
                     qPrintable(QStringLiteral("%1 %2: %3 vs %4")
                                    .arg(QString::fromStdString(m.label))
                                    .arg(QString::fromStdString(std::string(toString(m.metric))))
                                    .arg(predictWith(m, fit.table))
                                    .arg(m.value)));
        // Terms no case depends on stay at the prior.
        for (const EngineSpeedTerms &e : fit.table.engines)
            if (e.engine != "vllm")
                QCOMPARE(e.compute, priorSpeedTable().engine(e.engine).compute);
    }

    void shippedTermsArePlausible()
    {
        for (const EngineProfile &engine : engineProfiles())
            for (const QString &gpu : {QStringLiteral("h100-sxm"), QStringLiteral("h200"), QStringLiteral("a100-80gb"),
                                       QStringLiteral("l40s"), QStringLiteral("rtx-4090")}) {
                const EfficiencyRange r = efficiencyFor(engine, builtinGpu(gpu));
                QVERIFY2(r.nominal.plausible(), engine.id.c_str());
                QVERIFY(r.fasterBound > 0 && r.fasterBound <= 1 && r.slowerBound >= 1);
                for (double seconds : {r.nominal.stepSeconds, r.nominal.sequenceSeconds, r.nominal.layerSeconds,
                                       r.nominal.requestSeconds})
                    QVERIFY(seconds >= 0 && seconds < 1);
                QVERIFY(r.source.find("planner-accuracy") != std::string::npos);
            }
    }

    void rangeBracketsNominalAndNeverBeatsThePeak()
    {
        for (const EngineProfile &engine : engineProfiles())
            for (std::int64_t concurrency : {1, 16, 128}) {
                Measurement m = measurement(QStringLiteral("h100-sxm"), MeasuredMetric::Tpot, 1000, 200, concurrency);
                m.request.deployment.engine = engine;
                const PerfEstimate e = estimatePerformance(m.request);
                QVERIFY(e.fits);
                QVERIFY(e.optimistic.tpot <= e.nominal.tpot && e.nominal.tpot <= e.pessimistic.tpot);
                QVERIFY(e.optimistic.ttft <= e.nominal.ttft && e.nominal.ttft <= e.pessimistic.ttft);
                QVERIFY(e.optimistic.outputTokensPerSecond >= e.nominal.outputTokensPerSecond);
                Efficiency peak;
                peak.compute = peak.memory = peak.network = peak.attention = 1;
                const PerfPoint roofline = performanceAt(m.request, peak);
                QVERIFY(e.optimistic.tpot >= roofline.tpot);
                QVERIFY(e.optimistic.outputTokensPerSecond <= roofline.outputTokensPerSecond);
            }
    }

    void hostTimeSlowsAnEagerEngine()
    {
        // Transformers' generate() launches every layer's kernels from Python:
        // at batch 1 its time per token is well above the bandwidth floor,
        // where vLLM's CUDA graphs stay close to it.
        Measurement m = measurement(QStringLiteral("h100-sxm"), MeasuredMetric::Tpot, 128, 256, 1);
        const double vllm = predict(m, efficiencyRange(m.request).nominal);
        m.request.deployment.engine = engineProfile(QStringLiteral("transformers"));
        const double eager = predict(m, efficiencyRange(m.request).nominal);
        QVERIFY2(eager > 1.5 * vllm, qPrintable(QStringLiteral("%1 vs %2").arg(eager).arg(vllm)));
    }
};

QTEST_APPLESS_MAIN(TestSpeedTable)
#include "test_speedtable.moc"
