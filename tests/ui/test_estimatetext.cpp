// Why a version has no estimate, as the summary and the proposal word it: the
// shortfall in the chosen memory unit, the rate memory cannot serve, and
// otherwise core's own sentence.

#include "core/plan/planevaluation.h"
#include "ui/format/estimatetext.h"
#include "ui/format/memoryunit.h"

#include "support/sampleplans.h"

#include <QtTest>

using namespace planner;
using planner::testsupport::samplePlan;

class TestEstimateText : public QObject
{
    Q_OBJECT

private slots:
    void shortfallInTheChosenUnit()
    {
        // DeepSeek-R1 in BF16 (about 1.34 TB of weights) cannot fit 8 x H200.
        Plan plan = samplePlan("deepseek-r1-8x-h200");
        plan.scenarios.front().deployment.weightFormat = "bf16";
        const VersionEstimate v = evaluateScenario(plan, plan.scenarios.front()).versions.front();
        QVERIFY(!v.memory.fits);
        const QLocale locale;
        QCOMPARE(versionProblem(v, plan.workload), QStringLiteral("does not fit: %1 GB short per GPU")
                                                       .arg(locale.toString(units::inGB(v.memory.shortfall), 'f', 1)));
        setMemoryUnit(MemoryUnit::GiB);
        QCOMPARE(versionProblem(v, plan.workload), QStringLiteral("does not fit: %1 GiB short per GPU")
                                                       .arg(locale.toString(units::inGiB(v.memory.shortfall), 'f', 1)));
        setMemoryUnit(MemoryUnit::GB);
    }

    void rateMemoryCannotServe()
    {
        // Llama 3.1 70B on one 8 x H100 server holds a few hundred sequences:
        // about 23 requests/s of this workload, not 100.
        Plan plan = samplePlan("cloud-vs-onprem-llama-3.1-70b");
        plan.workload.requestsPerSecond = 100;
        const VersionEstimate v = evaluateScenario(plan, plan.scenarios.front()).versions.front();
        QVERIFY(v.verdict.fits == Answer::Yes);
        QVERIFY(v.verdict.serves == Answer::No);
        // Core's sentence names what it holds and, where a concurrency serves the rate, what the load needs.
        QCOMPARE(versionProblem(v, plan.workload), QString::fromStdString(v.verdict.reason.text()));
        QVERIFY2(versionProblem(v, plan.workload).contains(QString::number(v.sequencesHeld)),
                 qPrintable(versionProblem(v, plan.workload)));
        QCOMPARE(verdictWord(v.verdict), QStringLiteral("does not serve"));
    }

    void otherReasonsAreCores()
    {
        Plan plan = samplePlan("deepseek-r1-8x-h200");
        plan.scenarios.front().topology = {};
        const VersionEstimate v = evaluateScenario(plan, plan.scenarios.front()).versions.front();
        QVERIFY(!v.verdict.reason.empty());
        QVERIFY(v.verdict.fits == Answer::Unknown);
        QCOMPARE(verdictWord(v.verdict), QStringLiteral("unknown"));
        QCOMPARE(versionProblem(v, plan.workload), QString::fromStdString(v.verdict.reason.text()));
    }
};

QTEST_GUILESS_MAIN(TestEstimateText)
#include "test_estimatetext.moc"
