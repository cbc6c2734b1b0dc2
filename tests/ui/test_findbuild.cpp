// Scenario ▸ Find a Build, offscreen: the search runs off the GUI thread over
// the whole catalogue for the plan's version and workload, lists the ranked
// builds with the Pareto chart, says what a constraint ruled out, and adds
// the chosen build as a new scenario (one undo step) that the plan's own
// evaluation finds fitting.

#include "database/catalogue.h"
#include "support/testcatalogue.h"
#include "ui/charts/chartview.h"
#include "ui/document/plandocument.h"
#include "ui/mainwindow.h"
#include "ui/search/findbuilddialog.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtCharts/QXYSeries>
#include <QtTest>

#include <memory>

using namespace planner;

class TestFindBuild : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    std::unique_ptr<Catalogue> mCatalogue;

    static bool searchAndWait(FindBuildDialog &dialog)
    {
        QSignalSpy done(&dialog, &FindBuildDialog::searched);
        dialog.search();
        return done.wait(20000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(mDir.isValid());
        mCatalogue = testsupport::testCatalogue(mDir);
    }

    void findsRanksAndAddsABuild()
    {
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QStringLiteral(":/plans/r1-distill-qwen-32b-2x-rtx4090.llmplan")));
        PlanDocument *doc = window.document();
        FindBuildDialog dialog(*doc);
        QVERIFY(searchAndWait(dialog));
        const RecommendResult &result = dialog.result();
        QVERIFY(!result.ranked.empty());
        QCOMPARE(dialog.resultsTable()->rowCount(), static_cast<int>(result.ranked.size()));
        // Cheapest first, and the Pareto front drawn.
        for (size_t i = 1; i < result.ranked.size(); ++i)
            QVERIFY(result.ranked[i - 1].cost.monthlyTotalUsd <= result.ranked[i].cost.monthlyTotalUsd);
        const QList<QAbstractSeries *> series = dialog.paretoView()->chart()->series();
        QCOMPARE(series.size(), 2);
        QCOMPARE(static_cast<QXYSeries *>(series[0])->count(), static_cast<int>(result.ranked.size()));
        QVERIFY(static_cast<QXYSeries *>(series[1])->count() >= 1);
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("Ruled out:")));

        // The first build whose replicas each fit one unit.
        int row = -1;
        for (size_t i = 0; i < result.ranked.size() && row < 0; ++i)
            if (result.ranked[i].plans.front().gpusPerReplica <= result.ranked[i].option.gpusPerUnit)
                row = static_cast<int>(i);
        QVERIFY(row >= 0);
        dialog.resultsTable()->selectRow(row);
        QVERIFY(dialog.addButton()->isEnabled());
        const size_t scenarios = doc->plan().scenarios.size();
        const int steps = doc->undoStack()->count();
        QVERIFY(dialog.addSelectedAsScenario());
        QCOMPARE(doc->plan().scenarios.size(), scenarios + 1);
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QCOMPARE(doc->currentScenario(), scenarios);
        const Recommendation &chosen = result.ranked[static_cast<size_t>(row)];
        const ScenarioEstimate &added = doc->estimates().back();
        QCOMPARE(added.cluster.servers, chosen.units);
        QCOMPARE(added.cluster.gpuCount, chosen.gpus);
        QVERIFY(chosen.units == 1 || added.cluster.fleet);
        const VersionEstimate &v = added.versions.front();
        QVERIFY2(v.verdict.fits == Answer::Yes, v.verdict.reason.text().c_str());
        QCOMPARE(v.parallel.tensor, chosen.plans.front().parallel.tensor);
        QCOMPARE(doc->scenario().deployment.weightFormat, chosen.plans.front().weightFormat);
        doc->undoStack()->undo();
        QCOMPARE(doc->plan().scenarios.size(), scenarios);
    }

    // A build whose replica spans servers (DeepSeek-R1 on H100 servers) is
    // added with its units linked by their network, so the plan's own
    // evaluation runs the replica across them instead of refusing a fleet.
    void aReplicaAcrossServersIsAddedLinked()
    {
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QStringLiteral(":/plans/deepseek-r1-8x-h200.llmplan")));
        PlanDocument *doc = window.document();
        FindBuildDialog dialog(*doc);
        QVERIFY(searchAndWait(dialog));
        const RecommendResult &result = dialog.result();
        int row = -1;
        for (size_t i = 0; i < result.ranked.size() && row < 0; ++i) {
            const Recommendation &r = result.ranked[i];
            if (r.option.placement == Placement::OnPrem && r.plans.front().gpusPerReplica > r.option.gpusPerUnit)
                row = static_cast<int>(i);
        }
        QVERIFY2(row >= 0, "an on-prem build whose replica spans servers");
        dialog.resultsTable()->selectRow(row);
        QVERIFY(dialog.addButton()->isEnabled());
        QVERIFY(dialog.addSelectedAsScenario());
        const Recommendation &chosen = result.ranked[static_cast<size_t>(row)];
        const Topology &t = doc->scenario().topology;
        QCOMPARE(static_cast<int>(t.links.size()), chosen.units - 1);
        const std::optional<ResolvedServer> server = mCatalogue->resolveServer(
            QString::fromStdString(chosen.option.id));
        QVERIFY(server && server->nic);
        for (const TopologyLink &link : t.links) {
            QCOMPARE(link.linkId, server->nic->id);
            QCOMPARE(link.count, server->server.nic.count);
        }
        const ScenarioEstimate &added = doc->estimates().back();
        QVERIFY(!added.cluster.fleet);
        QCOMPARE(added.cluster.servers, chosen.units);
        const VersionEstimate &v = added.versions.front();
        QVERIFY2(v.verdict.fits == Answer::Yes, v.verdict.reason.text().c_str());
        QCOMPARE(v.parallel.tensor * v.parallel.pipeline, chosen.plans.front().gpusPerReplica);
    }

    // A budget below every build: nothing is listed, and the status names the budget.
    void aBudgetRulesBuildsOut()
    {
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QStringLiteral(":/plans/r1-distill-qwen-32b-2x-rtx4090.llmplan")));
        FindBuildDialog dialog(*window.document());
        dialog.budgetBox()->setValue(1);
        QVERIFY(searchAndWait(dialog));
        QVERIFY(dialog.result().ranked.empty());
        QCOMPARE(dialog.resultsTable()->rowCount(), 0);
        QVERIFY(dialog.result().ruledOut.budget > 0);
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("budget")),
                 qPrintable(dialog.statusLabel()->text()));
        QVERIFY(!dialog.addButton()->isEnabled());
    }
};

QTEST_MAIN(TestFindBuild)
#include "test_findbuild.moc"
