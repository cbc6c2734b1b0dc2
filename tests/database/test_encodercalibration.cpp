// Encoder-only speed (BERT) against NVIDIA's published TensorRT BERT tables
// (tests/fixtures/measurements/bert-tensorrt: every row of the T4, L4 and L40S
// tables, FP16 and INT8, BERT-base and -large, 128 and 384 tokens, batch 1 to
// 128; sources in SOURCE.md there). The compute and memory fractions the
// planner ships for TensorRT encoder passes (core/perf/encoderperf.cpp) are
// `calibrate`'s fit on four rows of five; the fifth row is held out and its
// error reported separately.

#include "core/calibrate/calibration.h"
#include "core/perf/encoderperf.h"
#include "core/plan/planevaluation.h"
#include "core/topology/cluster.h"
#include "database/catalogue.h"
#include "database/measurementcsv.h"

#include <QFile>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace planner;

namespace {

std::vector<Measurement> measurements(const Catalogue &catalogue, const QString &gpu)
{
    QFile file(QStringLiteral(PLANNER_FIXTURES "/measurements/bert-tensorrt/%1.csv").arg(gpu));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const MeasurementsResult read = readMeasurementsCsv(QString::fromUtf8(file.readAll()), catalogue);
    return read.ok() ? read.measurements : std::vector<Measurement>{};
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n == 0 ? 0 : (n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2);
}

} // namespace

class TestEncoderCalibration : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Catalogue::OpenResult opened = Catalogue::open(QString());
        QVERIFY2(opened.catalogue, qPrintable(opened.error));
        mCatalogue = std::move(opened.catalogue);
    }

    void shippedFractionsAreTheFitAndHoldOut_data()
    {
        QTest::addColumn<QString>("gpu");
        QTest::addColumn<double>("heldOutMedian"); // the largest median |error| accepted on the held-out fifth
        // T4 fits within a few per cent; the faster L4 and L40S keep a fixed
        // cost per small pass the model has no term for (batch 1-2 run up to
        // 40 % slow there), so their medians are looser.
        QTest::newRow("T4") << "t4" << 0.10;
        QTest::newRow("L4") << "l4" << 0.15;
        QTest::newRow("L40S") << "l40s" << 0.20;
    }

    void shippedFractionsAreTheFitAndHoldOut()
    {
        QFETCH(QString, gpu);
        QFETCH(double, heldOutMedian);
        const std::vector<Measurement> all = measurements(*mCatalogue, gpu);
        QVERIFY(all.size() >= 40);
        std::vector<Measurement> fit;
        std::vector<Measurement> heldOut;
        for (size_t i = 0; i < all.size(); ++i)
            (i % 5 == 4 ? heldOut : fit).push_back(all[i]);

        const CalibrationResult result = calibrate(fit, Efficiency{});
        const Efficiency shipped = encoderEfficiency(all.front().request).nominal;
        QVERIFY2(
            std::fabs(shipped.compute - result.after.compute) < 0.002,
            qPrintable(QStringLiteral("shipped compute %1, fit %2").arg(shipped.compute).arg(result.after.compute)));
        QVERIFY2(std::fabs(shipped.memory - result.after.memory) < 0.002,
                 qPrintable(QStringLiteral("shipped memory %1, fit %2").arg(shipped.memory).arg(result.after.memory)));

        std::vector<double> fitErrors;
        std::vector<double> heldErrors;
        for (const Measurement &m : fit)
            fitErrors.push_back(std::fabs(predict(m, shipped) / m.value - 1));
        for (const Measurement &m : heldOut)
            heldErrors.push_back(std::fabs(predict(m, shipped) / m.value - 1));
        qInfo(
            "%s: fitted compute %.3f, memory %.3f; fit rows %zu, median |error| %.1f %%, worst %.1f %%; held-out rows %zu, median %.1f %%, worst "
            "%.1f %%",
            qPrintable(gpu), result.after.compute, result.after.memory, fitErrors.size(), 100 * median(fitErrors),
            100 * *std::max_element(fitErrors.begin(), fitErrors.end()), heldErrors.size(), 100 * median(heldErrors),
            100 * *std::max_element(heldErrors.begin(), heldErrors.end()));
        QVERIFY(median(heldErrors) <= heldOutMedian);
    }

    // The guides' "2x T4 with Triton, BERT-base 1,200 QPS": at 128 tokens two
    // T4s serve about 2 x 960-1,010 sequences/s from batch 8 up (the TensorRT
    // table: 8.30 ms at batch 8), so the claim holds at short inputs and
    // batches of 8 or more; at 384 tokens (25.25 ms at batch 8) it does not.
    void guideClaimForTwoT4s()
    {
        PerfRequest r = all(QStringLiteral("t4")).front().request;
        r.deployment.gpuCount = 2;
        const EncoderEstimate shortInputs = estimateEncoder(r, 128, 128);
        QCOMPARE(shortInputs.replicas, 2);
        const auto at = [](const EncoderEstimate &e, std::int64_t batch) {
            return *std::find_if(e.points.begin(), e.points.end(),
                                 [batch](const EncoderBatchPoint &p) { return p.batch == batch; });
        };
        QVERIFY(at(shortInputs, 8).requestsPerSecond > 1200);
        QVERIFY(at(shortInputs, 8).requestsPerSecond < 2 * 1.15 * 8 / 0.0083);
        const EncoderEstimate longInputs = estimateEncoder(r, 384, 128);
        QVERIFY(at(longInputs, 128).requestsPerSecond < 1200);
    }

    // An encoder keeps no KV cache: its memory does not grow with the input
    // beyond the pass's activations, and each token attends to all the others
    // (twice a causal prefill's attention pairs, less the diagonal's half).
    void encoderHoldsNoCache()
    {
        PerfRequest r = all(QStringLiteral("t4")).front().request;
        r.deployment.context = 128;
        const InferenceMemoryEstimate shortInput = estimateInferenceMemory(r.deployment);
        QCOMPARE(units::inBytes(shortInput.kvPerToken), 0.0);
        QCOMPARE(units::inBytes(shortInput.perGpu.kvCache), 0.0);
        r.deployment.context = 512;
        QVERIFY(estimateInferenceMemory(r.deployment).perGpu.total() > shortInput.perGpu.total());
        AttentionMix mix;
        mix.bidirectional = true;
        QCOMPARE(mix.promptPairs(0, 128), 128.0 * 128.0);
        mix.bidirectional = false;
        QCOMPARE(mix.promptPairs(0, 128), 128.0 * 129.0 / 2);
    }

    // Generation estimates refuse an encoder by name rather than invent a TPOT.
    void generationEstimatesRefuseAnEncoder()
    {
        PerfRequest r = all(QStringLiteral("t4")).front().request;
        r.outputTokens = 16;
        const std::vector<Problem> problems = validate(r);
        QVERIFY(!problems.empty());
        QCOMPARE(problems.front().field, std::string("model"));
        QVERIFY(QString::fromStdString(problems.front().message.text()).contains(QStringLiteral("encoder-only")));
    }

    // A plan comparing BERT gets the encoder's reason on its model input,
    // not a generation verdict.
    void planVerdictNamesTheModel()
    {
        const GpuSpec t4 = *mCatalogue->find<GpuSpec>(QStringLiteral("t4"));
        const Cluster cluster = clusterOfServers(t4, 2, 2, singleServerLinks(t4), {});
        const VersionEstimate v = estimateVersion(*mCatalogue->find<ModelSpec>(QStringLiteral("bert-base-uncased")),
                                                  cluster, DeploymentSettings{}, PlanWorkload{});
        QCOMPARE(v.verdict.code, std::string("cannot-estimate"));
        QCOMPARE(v.problemField, std::string("model"));
        QVERIFY(!v.speed.has_value());
        QVERIFY(QString::fromStdString(v.verdict.reason.text()).contains(QStringLiteral("encoder-only")));
    }

private:
    std::vector<Measurement> all(const QString &gpu) { return measurements(*mCatalogue, gpu); }

    std::unique_ptr<Catalogue> mCatalogue;
};

QTEST_MAIN(TestEncoderCalibration)
#include "test_encodercalibration.moc"
