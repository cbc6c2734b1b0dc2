// Numeric robustness of the engine over random valid inputs: every built-in
// model version and GPU, 1-8 GPUs split as tensor and pipeline parallelism,
// every weight and KV-cache format and engine profile, contexts of 256-32,768
// tokens and 1-256 sequences. For each request the engine accepts:
//  - every memory and speed figure is finite and non-negative;
//  - memory per GPU never shrinks when the context or the concurrency grows;
//  - a decode step is never faster than reading its bytes at the GPU's peak
//    memory bandwidth (the roofline), so output tokens/s never exceed it;
//  - doubling the memory bandwidth, or the links', never makes TTFT or TPOT
//    worse.
// The seed is fixed so a failure repeats; the message names the case.

#include "core/memory/inferencememory.h"
#include "core/model/builtinmodels.h"
#include "core/model/precision.h"
#include "core/perf/perfmodel.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace planner;

namespace {

constexpr int kCases = 20000;
// Floating-point slack for comparisons of sums computed in different orders.
constexpr double kSlack = 1e-9;

template <typename T>
const T &pick(const std::vector<T> &items, std::mt19937 &random)
{
    return items[std::uniform_int_distribution<size_t>(0, items.size() - 1)(random)];
}

bool finiteNonNegative(double value)
{
    return std::isfinite(value) && value >= 0;
}

QByteArray describe(const InferenceRequest &r)
{
    return QStringLiteral("%1 on %2 x %3, TP %4 PP %5, %6 weights, %7 KV, %8, context %9, %10 sequences")
        .arg(QString::fromStdString(r.model.id), QString::number(r.gpuCount), QString::fromStdString(r.gpu.id))
        .arg(r.parallel.tensor)
        .arg(r.parallel.pipeline)
        .arg(QString::fromStdString(r.weights.id), QString::fromStdString(r.kvCache.id),
             QString::fromStdString(r.engine.id))
        .arg(r.context)
        .arg(r.concurrency)
        .toUtf8();
}

// A random request the engine accepts (validate() passes), or nullopt.
std::optional<InferenceRequest> randomRequest(std::mt19937 &random)
{
    InferenceRequest r;
    r.model = pick(builtinModels(), random);
    r.gpu = pick(builtinGpus(), random);
    r.weights = pick(weightFormats(), random);
    r.kvCache = pick(kvCacheFormats(), random);
    r.engine = pick(engineProfiles(), random);
    static const std::vector<int> counts{1, 2, 4, 8};
    r.gpuCount = pick(counts, random);
    const bool staged = r.gpuCount > 1 && std::bernoulli_distribution(0.3)(random);
    r.parallel.pipeline = staged ? 2 : 1;
    r.parallel.tensor = r.gpuCount / r.parallel.pipeline;
    r.context = std::int64_t(256) << std::uniform_int_distribution<int>(0, 7)(random); // 256 .. 32,768
    if (r.model.maxContext > 0)
        r.context = std::min(r.context, r.model.maxContext);
    r.concurrency = std::int64_t(1) << std::uniform_int_distribution<int>(0, 8)(random); // 1 .. 256
    if (!validate(r).empty())
        return std::nullopt;
    return r;
}

double memoryTotal(const InferenceRequest &r)
{
    return units::inBytes(estimateInferenceMemory(r).perGpu.total());
}

PerfRequest perfRequest(const InferenceRequest &r)
{
    PerfRequest p;
    p.deployment = r;
    p.links = singleServerLinks(r.gpu);
    p.inputTokens = std::max<std::int64_t>(1, r.context * 3 / 4);
    p.outputTokens = std::max<std::int64_t>(1, r.context - p.inputTokens);
    p.concurrency = r.concurrency;
    return p;
}

} // namespace

class TestNumericProperties : public QObject
{
    Q_OBJECT

private slots:
    void randomRequestsStayPhysical()
    {
        std::mt19937 random(20261123);
        int accepted = 0;
        int timed = 0;
        for (int i = 0; i < kCases; ++i) {
            const std::optional<InferenceRequest> drawn = randomRequest(random);
            if (!drawn)
                continue;
            const InferenceRequest &r = *drawn;
            const QByteArray what = describe(r);
            ++accepted;

            const InferenceMemoryEstimate m = estimateInferenceMemory(r);
            for (const units::Bytes &part : {m.perGpu.weights, m.perGpu.kvCache, m.perGpu.activations,
                                             m.perGpu.overhead, m.capacity, m.shortfall, m.hostMemory})
                QVERIFY2(finiteNonNegative(units::inBytes(part)), what.constData());
            QVERIFY2(m.maxConcurrency >= 0 && m.maxContext >= 0, what.constData());

            // More context or more sequences: never less memory per GPU.
            InferenceRequest longer = r;
            longer.context = r.context * 2;
            if (validate(longer).empty())
                QVERIFY2(memoryTotal(longer) >= memoryTotal(r) * (1 - kSlack), what.constData());
            InferenceRequest busier = r;
            busier.concurrency = r.concurrency * 2;
            if (validate(busier).empty())
                QVERIFY2(memoryTotal(busier) >= memoryTotal(r) * (1 - kSlack), what.constData());

            const PerfRequest p = perfRequest(r);
            if (!m.fits || !validate(p).empty())
                continue;
            const PerfEstimate e = estimatePerformance(p);
            if (!e.fits)
                continue;
            ++timed;
            for (const PerfPoint &point : {e.nominal, e.pessimistic, e.optimistic}) {
                QVERIFY2(finiteNonNegative(units::inSeconds(point.ttft)) && point.ttft > units::seconds(0),
                         what.constData());
                QVERIFY2(finiteNonNegative(units::inSeconds(point.tpot)) && point.tpot > units::seconds(0),
                         what.constData());
                QVERIFY2(finiteNonNegative(point.outputTokensPerSecond), what.constData());
                QVERIFY2(finiteNonNegative(point.inputTokensPerSecond), what.constData());
            }

            // The memory roofline: a decode step reads decode.bytes at most at peak bandwidth.
            const double floorSeconds = units::inBytes(e.decode.bytes)
                                        / (units::inGBPerSecond(r.gpu.memoryBandwidth) * units::kGB);
            QVERIFY2(units::inSeconds(e.optimistic.tpot) >= floorSeconds * (1 - kSlack), what.constData());
            QVERIFY2(e.optimistic.outputTokensPerSecond <= r.concurrency / floorSeconds * (1 + kSlack),
                     what.constData());

            // Faster memory or faster links never slow anything down.
            PerfRequest faster = p;
            faster.deployment.gpu.memoryBandwidth = r.gpu.memoryBandwidth * 2.0;
            faster.links.tensorParallel.bandwidth = p.links.tensorParallel.bandwidth * 2.0;
            faster.links.pipeline.bandwidth = p.links.pipeline.bandwidth * 2.0;
            const PerfEstimate quicker = estimatePerformance(faster);
            QVERIFY2(quicker.nominal.tpot <= e.nominal.tpot * (1 + kSlack), what.constData());
            QVERIFY2(quicker.nominal.ttft <= e.nominal.ttft * (1 + kSlack), what.constData());
        }
        // The draw must exercise the engine, not only its validation.
        QVERIFY2(accepted > kCases / 4, qPrintable(QString::number(accepted)));
        QVERIFY2(timed > kCases / 10, qPrintable(QString::number(timed)));
        qInfo("%d random requests accepted, %d timed", accepted, timed);
    }
};

QTEST_APPLESS_MAIN(TestNumericProperties)
#include "test_numericproperties.moc"
