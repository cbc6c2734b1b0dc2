// Training scenarios (core/plan/trainingscenario.h): a plan's scenario that
// trains or fine-tunes its versions on the drawn cluster. Walks the two
// sample plans of user stories 4 and 5 through evaluatePlan and checks what
// each figure must be consistent with: the memory engine's fit, the time
// engine's run on the drawn GPUs, the deadline search against a re-estimate
// on the server count it found, and the run's cost against the scenario's
// hourly cost. Bad settings give an unknown verdict naming the field.

#include "core/plan/planedit.h"
#include "core/plan/planevaluation.h"
#include "support/sampleplans.h"

#include <QtTest>

#include <cmath>

using namespace planner;
using testsupport::samplePlan;

namespace {

const ScenarioEstimate &scenarioNamed(const std::vector<ScenarioEstimate> &all, const std::string &part)
{
    for (const ScenarioEstimate &s : all)
        if (s.name.find(part) != std::string::npos)
            return s;
    qFatal("no scenario named %s…", part.c_str());
}

constexpr double kHoursPerMonth = 8760.0 / 12;

} // namespace

class TestTrainingScenario : public QObject
{
    Q_OBJECT

private slots:
    // Story 4: a QLoRA fine-tune of an 8B model fits one 24 GB card, a full
    // fine-tune needs the DGX's eight 80 GB GPUs, and the bigger build is
    // the faster one.
    void fineTuningSampleFitsWhereItShould()
    {
        const Plan plan = samplePlan("fine-tuning-r1-distill-llama-8b");
        const std::vector<ScenarioEstimate> all = evaluatePlan(plan);
        QCOMPARE(all.size(), plan.scenarios.size());
        for (const ScenarioEstimate &s : all) {
            QVERIFY2(s.training, s.name.c_str());
            QCOMPARE(s.versions.size(), std::size_t(1));
            const VersionEstimate &v = s.versions.front();
            QVERIFY2(v.training && v.training->time, s.name.c_str());
            QVERIFY(v.verdict.fits == Answer::Yes);
            QVERIFY(v.verdict.serves == Answer::Yes); // no deadline asked
            QVERIFY(v.training->deadlineSizing == DeadlineSizing::NotAsked);
            // The memory the verdict fits is the training engine's, under the GPU's capacity.
            QVERIFY(v.training->memory.total() <= v.training->memory.capacity);
            QCOMPARE(v.replicas, v.training->memory.dataParallelRanks);
            // Every figure of the run is positive and finite.
            const TrainingRunEstimate &t = *v.training->time;
            QVERIFY(t.nominal.seconds > 0 && std::isfinite(t.nominal.seconds));
            QVERIFY(t.optimistic.seconds <= t.nominal.seconds && t.nominal.seconds <= t.pessimistic.seconds);
            QVERIFY(t.nominal.mfu > 0 && t.nominal.mfu < 1);
        }
        const VersionEstimate &qloraOn3090 = scenarioNamed(all, "QLoRA on one RTX 3090").versions.front();
        const VersionEstimate &fullOnDgx = scenarioNamed(all, "Full fine-tuning on a DGX A100").versions.front();
        QVERIFY(qloraOn3090.training->run.setup.method == TrainingMethod::Qlora);
        QCOMPARE(qloraOn3090.training->run.setup.gpuCount, 1);
        QCOMPARE(fullOnDgx.training->run.setup.gpuCount, 8);
        QVERIFY(fullOnDgx.training->time->nominal.seconds < qloraOn3090.training->time->nominal.seconds);
    }

    // A run's cost is its hours at the scenario's hourly cost: the rented
    // instance's price, or the on-prem build's monthly cost of ownership
    // spread over the month's hours.
    void runCostIsTheScenariosHourlyCostForTheRunsHours()
    {
        const Plan plan = samplePlan("fine-tuning-r1-distill-llama-8b");
        for (const ScenarioEstimate &s : evaluatePlan(plan)) {
            const TrainingOutcome &t = *s.versions.front().training;
            QVERIFY2(s.costCompleteness != CostCompleteness::Unknown, s.name.c_str());
            QVERIFY2(t.runCostUsd, s.name.c_str());
            const double hours = t.time->nominal.seconds / 3600;
            QVERIFY2(std::abs(*t.runCostUsd - hours * s.cost.monthlyTotalUsd / kHoursPerMonth) < 1e-6 * *t.runCostUsd,
                     s.name.c_str());
            QCOMPARE(t.costIsLowerBound, s.costCompleteness == CostCompleteness::LowerBound);
            QVERIFY(std::abs(*t.usdPerMillionTokens - *t.runCostUsd / t.run.tokens * 1e6) < 1e-9 * *t.runCostUsd);
        }
    }

    // Story 5: 1 T tokens on a 33B model in 30 days. Over InfiniBand the
    // drawn 8 servers take longer and the search finds a count that makes
    // it; re-estimating on that count finishes in time and on the next
    // smaller candidate does not. Over one 100 GbE port per server no count
    // finishes.
    void deadlineSearchFindsTheFewestServers()
    {
        const Plan plan = samplePlan("training-33b-a100-cluster");
        const std::vector<ScenarioEstimate> all = evaluatePlan(plan);
        const VersionEstimate &infiniBand = scenarioNamed(all, "8 InfiniBand").versions.front();
        QVERIFY(infiniBand.training && infiniBand.training->time);
        const TrainingOutcome &ib = *infiniBand.training;
        const double deadlineDays = plan.scenarios.front().training->deadlineDays;
        QCOMPARE(ib.deadlineDays, deadlineDays);
        QVERIFY(ib.time->nominal.seconds > deadlineDays * 86400);
        QVERIFY(infiniBand.verdict.serves == Answer::No);
        QCOMPARE(infiniBand.verdict.code, std::string("training-deadline"));
        QVERIFY(ib.deadlineSizing == DeadlineSizing::Found);
        QCOMPARE(ib.gpusPerServer, 8);
        QVERIFY(ib.serversForDeadline > 8);

        const ScenarioEstimate &drawn = scenarioNamed(all, "8 InfiniBand");
        const auto daysOn = [&](int servers) -> std::optional<double> {
            const std::optional<TrainingRunEstimate> e = runOnServers(ib.run, drawn.cluster, servers);
            return e ? std::optional<double>(e->nominal.seconds / 86400) : std::nullopt;
        };
        QCOMPARE(*daysOn(8), ib.time->nominal.seconds / 86400); // the drawn count is the drawn run
        const std::optional<double> atFound = daysOn(ib.serversForDeadline);
        QVERIFY(atFound && *atFound <= deadlineDays);
        int smaller = ib.serversForDeadline - 1;
        while (smaller > 0 && !daysOn(smaller))
            --smaller; // counts whose data-parallel ranks do not divide the global batch
        QVERIFY(smaller > 0);
        QVERIFY(*daysOn(smaller) > deadlineDays);

        const VersionEstimate &roce = scenarioNamed(all, "one 100 GbE").versions.front();
        QVERIFY(roce.training->deadlineSizing == DeadlineSizing::NoneFinishes);
        QVERIFY(roce.verdict.serves == Answer::No);
        // The slower network makes the same run slower.
        QVERIFY(roce.training->time->nominal.seconds > ib.time->nominal.seconds);
    }

    // The scaling curve: ascending server counts the global batch allows,
    // the drawn count among them at the drawn run's time and cost, and more
    // servers finishing sooner; its cost grows with the server-hours.
    void scalingCurvePassesThroughTheDrawnRun()
    {
        const Plan plan = samplePlan("training-33b-a100-cluster");
        const ScenarioEstimate e = evaluateScenario(plan, plan.scenarios.front());
        const TrainingOutcome &t = *e.versions.front().training;
        const std::vector<TrainingScalePoint> curve = trainingScaling(t, e.cluster);
        QVERIFY(curve.size() >= 5 && curve.size() <= 25);
        QVERIFY(
            std::is_sorted(curve.begin(), curve.end(), [](const TrainingScalePoint &a, const TrainingScalePoint &b) {
                return a.servers < b.servers;
            }));
        const auto drawn = std::find_if(curve.begin(), curve.end(),
                                        [](const TrainingScalePoint &p) { return p.servers == 8; });
        QVERIFY(drawn != curve.end());
        QCOMPARE(drawn->days, t.time->nominal.seconds / 86400);
        QVERIFY(std::abs(*drawn->runCostUsd - *t.runCostUsd) < 1e-6 * *t.runCostUsd);
        QCOMPARE(drawn->gpus, 64);
        // 1024 sequences over TP 8: every count's data-parallel ranks divide them.
        for (const TrainingScalePoint &p : curve)
            QVERIFY2(1024 % (p.gpus / 8) == 0, qPrintable(QString::number(p.servers)));
        QVERIFY(curve.back().servers >= t.serversForDeadline);
        QVERIFY(curve.back().days < curve.front().days);
        const double perGpuHour = *curve.front().runCostUsd / curve.front().gpuHours;
        QVERIFY(std::abs(*curve.back().runCostUsd / curve.back().gpuHours - perGpuHour) < 1e-9 * perGpuHour);
    }

    // One drawn server has no network between servers to scale over.
    void oneServerCannotBeSizedForADeadline()
    {
        Plan plan = samplePlan("fine-tuning-r1-distill-llama-8b");
        Scenario &s = plan.scenarios.front();
        s.training->deadlineDays = 0.01;
        const ScenarioEstimate e = evaluateScenario(plan, s);
        QVERIFY(e.versions.front().training->deadlineSizing == DeadlineSizing::NoPathBetweenServers);
        QVERIFY(e.versions.front().verdict.serves == Answer::No);
    }

    // A full fine-tune of an 8B model does not fit one 24 GB card: the
    // verdict says by how much, and there is no time or cost.
    void aRunThatDoesNotFitSaysByHowMuch()
    {
        Plan plan = samplePlan("fine-tuning-r1-distill-llama-8b");
        Scenario &s = plan.scenarios.front();
        s.training->method = TrainingMethod::Full;
        s.training->sharding = OptimizerSharding::None;
        const VersionEstimate v = evaluateScenario(plan, s).versions.front();
        QVERIFY(v.verdict.fits == Answer::No);
        QCOMPARE(v.verdict.code, std::string("does-not-fit"));
        QVERIFY(v.training && !v.training->memory.fits && !v.training->time && !v.training->runCostUsd);
        QVERIFY(v.training->memory.shortfall > units::Bytes{});
    }

    // Impossible settings are unknown, naming the field to fix.
    void badSettingsNameTheirField_data()
    {
        QTest::addColumn<int>("what");
        QTest::addColumn<QString>("field");
        QTest::newRow("tensor parallel not dividing the GPUs") << 0 << QStringLiteral("tp");
        QTest::newRow("global batch not a multiple") << 1 << QStringLiteral("global-batch");
        QTest::newRow("negative tokens") << 2 << QStringLiteral("tokens");
        QTest::newRow("negative deadline") << 3 << QStringLiteral("deadline");
        QTest::newRow("zero sequence length") << 4 << QStringLiteral("seq-len");
    }

    void badSettingsNameTheirField()
    {
        QFETCH(int, what);
        QFETCH(QString, field);
        Plan plan = samplePlan("training-33b-a100-cluster");
        TrainingSettings &t = *plan.scenarios.front().training;
        switch (what) {
        case 0: t.tensorParallel = 3; break;
        case 1: t.globalBatch = 1001; break;
        case 2: t.tokens = -1; break;
        case 3: t.deadlineDays = -2; break;
        case 4: t.sequenceLength = 0; break;
        }
        const VersionEstimate v = evaluateScenario(plan, plan.scenarios.front()).versions.front();
        QVERIFY(v.verdict.fits == Answer::Unknown);
        QCOMPARE(QString::fromStdString(v.problemField), field);
        QVERIFY(!v.verdict.reason.empty());
        QVERIFY(!v.training);
    }

    // A canvas without GPUs, or with a CPU only, cannot train.
    void noGpusNoTraining()
    {
        Plan plan = samplePlan("fine-tuning-r1-distill-llama-8b");
        Scenario &s = plan.scenarios.front();
        s.topology = {};
        const VersionEstimate v = evaluateScenario(plan, s).versions.front();
        QVERIFY(v.verdict.fits == Answer::Unknown);
        QCOMPARE(v.verdict.code, std::string("cannot-estimate"));
        QVERIFY(!v.verdict.reason.empty());
    }

    // Switching a scenario to training and back keeps its serving settings;
    // setting what is already set changes nothing (no empty undo step).
    void setTrainingKeepsTheServingSettings()
    {
        Plan plan = samplePlan("deepseek-r1-8x-h200");
        const DeploymentSettings serving = plan.scenarios.front().deployment;
        TrainingSettings settings;
        settings.tensorParallel = 8;
        QVERIFY(planedit::setTraining(plan, 0, settings).touches(PlanChange::Deployment));
        QVERIFY(!planedit::setTraining(plan, 0, settings).any());
        QVERIFY(evaluateScenario(plan, plan.scenarios.front()).training);
        QVERIFY(planedit::setTraining(plan, 0, std::nullopt).touches(PlanChange::Deployment));
        QVERIFY(!planedit::setTraining(plan, 0, std::nullopt).any());
        QVERIFY(plan.scenarios.front().deployment == serving);
    }

    // The setup reads as the CLI and the Summary show it.
    void setupPartsNameWhatIsSet()
    {
        TrainingRequest r;
        r.contextParallel = 2;
        r.virtualStages = 4;
        r.parallel.expert = 8;
        r.precision = TrainingPrecision::Fp8;
        r.recompute = Recompute::Selective;
        r.sharding = OptimizerSharding::Zero1;
        QStringList parts;
        for (const Message &m : trainingSetupParts(r))
            parts << QString::fromStdString(m.text());
        QCOMPARE(parts, (QStringList{"CP 2", "VPP 4", "EP 8", "FP8 matmuls", "selective recomputation",
                                     "ZeRO-1 (distributed optimizer)"}));
        r = {};
        r.method = TrainingMethod::Qlora;
        r.loraRank = 64;
        r.sharding = OptimizerSharding::None;
        parts.clear();
        for (const Message &m : trainingSetupParts(r))
            parts << QString::fromStdString(m.text());
        QCOMPARE(parts, (QStringList{"LoRA rank 64", "BF16", "no state sharding"}));
    }
};

QTEST_GUILESS_MAIN(TestTrainingScenario)
#include "test_trainingscenario.moc"
