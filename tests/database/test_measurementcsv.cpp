// Reading measurements from CSV: the columns of the published calibration set
// (expert parallelism smaller than tensor parallelism, data-parallel
// attention, servers and their network, max-throughput runs, runs at a
// request rate) and the rows it refuses or, for the accuracy check, skips.

#include "core/perf/perfmodel.h"
#include "database/catalogue.h"
#include "database/measurementcsv.h"
#include "support/shippedcatalogue.h"

#include <QtTest>

using namespace planner;
using planner::testsupport::shippedCatalogue;

namespace {

const QString kHeader = QStringLiteral(
    "label,model,gpu,gpus,gpus_per_server,tp,ep,dp_attention,weights,kv,engine,concurrency,input_len,output_len,rate,"
    "speculative,metric,value\n");

MeasurementsResult read(const QString &rows, BadRows badRows = BadRows::Refuse)
{
    return readMeasurementsCsv(kHeader + rows, shippedCatalogue(), badRows);
}

} // namespace

class TestMeasurementCsv : public QObject
{
    Q_OBJECT

private slots:
    void maxConcurrencyIsWhatTheEngineRuns()
    {
        // vLLM runs up to 1,024 sequences on a GPU of 70 GiB or more (256 on
        // smaller ones and on the A100); the memory may hold fewer.
        const MeasurementsResult r = read(
            QStringLiteral("h200,llama-3.1-8b,h200,1,,1,,,bf16,,vllm,max,128,128,,,output_tokens_per_s,20000\n"
                           "a100,llama-3.1-8b,a100-80gb,1,,1,,,bf16,,vllm,max,128,128,,,output_tokens_per_s,9000\n"
                           "long,llama-3.1-70b,h200,2,,2,,,fp8,,vllm,max,20000,2000,,,output_tokens_per_s,500\n"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.measurements.size(), size_t(3));
        QCOMPARE(r.measurements[0].request.concurrency, std::int64_t(1024));
        QCOMPARE(r.measurements[1].request.concurrency, std::int64_t(256));
        const std::int64_t held = r.measurements[2].request.concurrency;
        QVERIFY2(held > 1 && held < 256, qPrintable(QString::number(held)));
        QCOMPARE(held, saturatedConcurrency(r.measurements[2].request));
    }

    void expertParallelismInsideTensorParallelism()
    {
        // TP 8 with EP 4 splits each expert two ways inside its EP group: the
        // experts take the same memory per GPU as plain TP 8, not twice it.
        const MeasurementsResult r = read(QStringLiteral(
            "tp8ep4,deepseek-r1,h200,8,,8,4,,fp8-block,,tensorrt-llm,1,1024,2048,,,output_tokens_per_s,150\n"
            "tp8,deepseek-r1,h200,8,,8,,,fp8-block,,tensorrt-llm,1,1024,2048,,,output_tokens_per_s,150\n"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const PerfEstimate withEp = estimatePerformance(r.measurements[0].request);
        const PerfEstimate plain = estimatePerformance(r.measurements[1].request);
        QVERIFY(withEp.fits && plain.fits);
        QCOMPARE(r.measurements[0].request.deployment.parallel.expert, 4);
        // An EP size that does not divide TP is refused with its reason.
        const MeasurementsResult bad = read(QStringLiteral(
            "bad,deepseek-r1,h200,8,,8,3,,fp8-block,,tensorrt-llm,1,1024,2048,,,output_tokens_per_s,150\n"));
        QVERIFY(!bad.ok());
    }

    void serversAndDataParallelAttention()
    {
        const MeasurementsResult r = read(QStringLiteral(
            "dp,deepseek-r1,h200,16,8,8,16,1,fp8-block,,sglang,64,2000,100,,,output_tokens_per_s,5000\n"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const PerfRequest &request = r.measurements.front().request;
        QVERIFY(request.deployment.parallel.dataParallelAttention);
        QCOMPARE(request.deployment.gpuCount, 16);
        // Expert parallelism over two servers crosses the InfiniBand link,
        // far slower than NVLink inside one.
        QVERIFY(request.links.expertParallel.bandwidth < request.links.tensorParallel.bandwidth);
        const MeasurementsResult flag = read(QStringLiteral(
            "dp,deepseek-r1,h200,8,,8,8,maybe,fp8-block,,sglang,64,2000,100,,,output_tokens_per_s,5000\n"));
        QVERIFY(!flag.ok());
        QVERIFY(flag.error.contains(QLatin1String("dp_attention")));
    }

    void aRateRunIsSimulated()
    {
        const MeasurementsResult r = read(
            QStringLiteral("rated,llama-3.1-8b,h100-sxm,1,,1,,,bf16,,vllm,,512,128,4,,ttft_median_s,0.05\n"
                           "rated tput,llama-3.1-8b,h100-sxm,1,,1,,,bf16,,vllm,,512,128,4,,output_tokens_per_s,512\n"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.measurements[0].rate, 4.0);
        const Efficiency nominal = efficiencyRange(r.measurements[0].request).nominal;
        QVERIFY(predict(r.measurements[0], nominal) > 0);
        // Far below capacity, the stream's throughput is its rate x output.
        QVERIFY(std::abs(predict(r.measurements[1], nominal) / 512.0 - 1) < 0.1);
        // A median without the rate it was measured at means nothing.
        const MeasurementsResult noRate = read(
            QStringLiteral("median,llama-3.1-8b,h100-sxm,1,,1,,,bf16,,vllm,4,512,128,,,tpot_median_s,0.01\n"));
        QVERIFY(!noRate.ok());
        QVERIFY(noRate.error.contains(QLatin1String("rate")));
    }

    void speculativeRowsNeedTheirAcceptance()
    {
        // DeepSeek's one-token MTP draft has a published acceptance; three
        // draft tokens do not, so that row is skipped with the reason.
        const MeasurementsResult mtp = read(QStringLiteral(
            "mtp,deepseek-r1,h200,8,,8,,,fp8-block,,tensorrt-llm,1,1024,2048,,mtp,output_tokens_per_s,158\n"));
        QVERIFY2(mtp.ok(), qPrintable(mtp.error));
        QVERIFY(mtp.measurements.front().request.speculative.kind == DraftKind::Mtp);
        QVERIFY(mtp.measurements.front().request.deployment.loadMtp);
        const QString rows = QStringLiteral(
            "mtp3,deepseek-r1,h200,8,,8,,,fp8-block,,tensorrt-llm,1,1024,2048,,mtp:3,output_tokens_per_s,158\n"
            "plain,llama-3.1-8b,h100-sxm,1,,1,,,bf16,,vllm,1,128,128,,,tpot_s,0.007\n");
        const MeasurementsResult refused = read(rows);
        QVERIFY(!refused.ok());
        QVERIFY2(
            refused.error.contains(QLatin1String("line 2: unknown speculative draft: give the tokens a step emits")),
            qPrintable(refused.error));
        const MeasurementsResult skipped = read(rows, BadRows::Skip);
        QVERIFY(skipped.ok());
        QCOMPARE(skipped.measurements.size(), size_t(1));
        QCOMPARE(skipped.rows, std::vector<int>{2});
        QCOMPARE(skipped.skipped.size(), 1);
    }
};

QTEST_MAIN(TestMeasurementCsv)
#include "test_measurementcsv.moc"
