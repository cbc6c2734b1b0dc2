// A full-catalogue build recommendation (every server template and cloud
// instance, on-demand prices; every parallelism and the default weight and KV
// formats): DeepSeek-R1 (2,000-token prompts, 1,000-token answers, 2 req/s,
// TTFT <= 2 s, TPOT <= 50 ms) and DeepSeek-R1-Distill-Qwen-7B (1,000 / 500
// tokens, 5 req/s, TTFT <= 1 s, TPOT <= 50 ms). Prints the layouts evaluated,
// the performance points computed and the wall time of each search.
// Target (issue "Cost model, cloud vs on-prem comparison, and build
// recommendations"): under 1 second each on one core, so the search can
// follow a slider.

#include "core/model/builtinmodels.h"
#include "core/search/recommender.h"
#include "database/catalogue.h"
#include "database/hardwareoptions.h"

#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cstdio>

class BenchRecommender : public QObject
{
    Q_OBJECT

private slots:
    void fullCatalogue_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("input");
        QTest::addColumn<int>("output");
        QTest::addColumn<double>("qps");
        QTest::addColumn<double>("ttft");
        QTest::newRow("deepseek-r1") << "deepseek-r1" << 2000 << 1000 << 2.0 << 2.0;
        QTest::newRow("deepseek-r1-distill-qwen-7b") << "deepseek-r1-distill-qwen-7b" << 1000 << 500 << 5.0 << 1.0;
    }

    void fullCatalogue()
    {
        using namespace planner;
        QFETCH(QString, model);
        QFETCH(int, input);
        QFETCH(int, output);
        QFETCH(double, qps);
        QFETCH(double, ttft);
        QTemporaryDir dir;
        Catalogue::OpenResult opened = Catalogue::open(dir.filePath(QStringLiteral("catalogue.sqlite")));
        QVERIFY(opened.catalogue);
        const HardwareOptionList options = hardwareOptions(*opened.catalogue, CloudTier::OnDemand);

        RecommendRequest request;
        ServiceLoad load;
        load.model = *findBuiltinModel(model.toStdString());
        load.inputTokens = input;
        load.outputTokens = output;
        load.requestsPerSecond = qps;
        load.ttftSlo = units::seconds(ttft);
        load.tpotSlo = units::seconds(0.05);
        request.loads = {load};

        constexpr int kRuns = 5;
        double worst = 0;
        RecommendResult result;
        for (int run = 0; run < kRuns; ++run) {
            const auto start = std::chrono::steady_clock::now();
            result = recommend(request, options.options);
            worst = std::max(worst, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
        std::printf("recommend %s: %zu hardware options, %lld layouts evaluated, %lld performance points, "
                    "%lld builds costed, %zu ranked; worst of %d runs %.1f ms on one core\n",
                    qPrintable(model), options.options.size(), static_cast<long long>(result.layoutsEvaluated),
                    static_cast<long long>(result.performanceEvaluations), static_cast<long long>(result.buildsCosted),
                    result.ranked.size(), kRuns, worst * 1000);
        QVERIFY(!result.ranked.empty());
#ifdef NDEBUG
        QVERIFY2(worst < 1.0, "a full-catalogue recommendation must take under 1 s");
#endif
    }
};

QTEST_GUILESS_MAIN(BenchRecommender)
#include "bench_recommender.moc"
