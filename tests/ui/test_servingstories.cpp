// The serving stories of USER-STORIES.md (1, 2, 3, 6, 7, 8 and 9) walked
// through the desktop's real widgets, offscreen, on the sample plan each
// story ships as. Each test makes the story's edits with the panels' own
// fields and checks what the screen then shows against what the engine
// computed for the same plan (core/plan/planevaluation.h): the verdict words,
// the notes, the Costs dock's totals and the "Versions side by side" charts.
// (Stories 4 and 5, training, are in test_trainingstories.cpp.)

#include "core/plan/plananalysis.h"
#include "database/catalogue.h"
#include "support/testcatalogue.h"
#include "ui/charts/analysispanel.h"
#include "ui/charts/chartview.h"
#include "ui/charts/sidebysidepanel.h"
#include "ui/document/plandocument.h"
#include "ui/document/planedits.h"
#include "ui/format/memoryunit.h"
#include "ui/mainwindow.h"
#include "ui/panels/costpanel.h"
#include "ui/panels/summarypanel.h"
#include "ui/panels/workloadpanel.h"

#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtTest>

#include <memory>

using namespace planner;

namespace {

void settle()
{
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

// The Summary's rows of one scenario, by model version name.
int summaryRow(MainWindow &window, const QString &scenario, const QString &version)
{
    const QTableWidget *table = window.summary()->table();
    QString current;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (const QTableWidgetItem *s = table->item(row, SummaryPanel::Scenario); s && !s->text().isEmpty())
            current = s->text();
        if (current == scenario && table->item(row, SummaryPanel::Version)->text() == version)
            return row;
    }
    return -1;
}

QString cell(MainWindow &window, int row, int column)
{
    const QTableWidgetItem *item = window.summary()->table()->item(row, column);
    return item ? item->text() : QString();
}

size_t scenarioNamed(const PlanDocument &doc, const std::string &name)
{
    for (size_t i = 0; i < doc.plan().scenarios.size(); ++i)
        if (doc.plan().scenarios[i].name == name)
            return i;
    return doc.plan().scenarios.size();
}

// The value the side-by-side memory chart draws for `set` of the bar at `bar`.
double memoryBar(SideBySidePanel *panel, const QString &set, int bar)
{
    for (QAbstractSeries *series : panel->chartView(SideBySidePanel::Memory)->chart()->series())
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series))
            for (QBarSet *s : bars->barSets())
                if (s->label() == set && bar < s->count())
                    return s->at(bar);
    return -1;
}

// Raises the "Versions side by side" tab, as the what-if user does.
SideBySidePanel *showSideBySide(MainWindow &window)
{
    window.findChild<QDockWidget *>(QStringLiteral("sideBySideDock"))->raise();
    settle();
    return window.sideBySide();
}

QStringList lineNames(ChartView *view)
{
    QStringList names;
    for (QAbstractSeries *series : view->chart()->series())
        if (series->type() == QAbstractSeries::SeriesTypeLine)
            names << series->name();
    return names;
}

void chooseData(QComboBox *box, const QString &data)
{
    const int index = box->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    box->setCurrentIndex(index);
    settle();
}

} // namespace

class TestServingStories : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    std::unique_ptr<Catalogue> mCatalogue;

    std::unique_ptr<MainWindow> open(const char *sample)
    {
        auto window = std::make_unique<MainWindow>(*mCatalogue);
        if (!window->openPlan(QStringLiteral(":/plans/%1.llmplan").arg(QLatin1String(sample))))
            return nullptr;
        window->show();
        settle();
        return window;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(mDir.isValid());
        mCatalogue = testsupport::testCatalogue(mDir);
    }

    // Story 1: DeepSeek-R1 for 2,000 employees at 5 requests/s. Every
    // candidate of the story is a scenario; each row answers "does it fit"
    // and "does it serve the load", with the monthly cost; the Costs dock
    // gives the 3-year cash, and the cost chart marks when buying beats renting.
    void enterpriseRolloutAnswersEachCandidate()
    {
        const auto window = open("deepseek-r1-8x-h200");
        QVERIFY(window);
        PlanDocument *doc = window->document();
        WorkloadPanel *workload = window->workload();
        workload->loadKindBox()->setCurrentIndex(1);
        settle();
        workload->rateBox()->setValue(5);
        settle();
        QVERIFY(doc->plan().workload.byRequestRate);
        QCOMPARE(doc->plan().workload.requestsPerSecond, 5.0);
        for (const char *candidate : {"On-prem: HGX H200 8-GPU", "Cloud: AWS p5en.48xlarge",
                                      "On-prem: 2x HGX H100 over InfiniBand", "On-prem: HGX H100 8-GPU, INT4 (AWQ)"}) {
            const size_t index = scenarioNamed(*doc, candidate);
            QVERIFY2(index < doc->plan().scenarios.size(), candidate);
            const VersionEstimate &v = doc->estimates()[index].versions.front();
            const int row = summaryRow(*window, QString::fromLatin1(candidate), QString::fromStdString(v.modelName));
            QVERIFY2(row >= 0, candidate);
            QCOMPARE(cell(*window, row, SummaryPanel::Fits), QStringLiteral("yes"));
            QVERIFY2(v.verdict.fits == Answer::Yes, candidate);
            // The verdict word is the engine's, and a load it does not serve says why.
            const QString verdict = cell(*window, row, SummaryPanel::ServesLoad);
            QCOMPARE(verdict, v.verdict.serves == Answer::Yes  ? QStringLiteral("serves")
                              : v.verdict.serves == Answer::No ? QStringLiteral("does not serve")
                                                               : QStringLiteral("unknown"));
            if (v.verdict.serves == Answer::No)
                QVERIFY(!cell(*window, row, SummaryPanel::Note).isEmpty());
            QVERIFY2(cell(*window, row, SummaryPanel::MonthlyCost) != QStringLiteral("—"), candidate);
        }
        // The 3-year total of the scenario on show.
        QVERIFY2(window->costs()->totalsLabel()->text().contains(QStringLiteral("over 36 months")),
                 qPrintable(window->costs()->totalsLabel()->text()));
        // When buying beats renting: the break-even the cost chart marks.
        const std::optional<PlanBreakEven> breakEven = planBreakEven(doc->estimates());
        window->analysis()->tabs()->setCurrentIndex(AnalysisPanel::CostTab);
        window->analysis()->refreshCurrentTab();
        QStringList names;
        for (QAbstractSeries *s : window->analysis()->chartView(AnalysisPanel::CumulativeCost)->chart()->series())
            names << s->name();
        QVERIFY2(breakEven && breakEven->month, "buying HGX H200 beats renting p5en within the horizon");
        QVERIFY2(names.contains(QStringLiteral("Break-even: month %1").arg(*breakEven->month)),
                 qPrintable(names.join(QLatin1Char('|'))));
    }

    // Story 2: which formats of R1-Distill-Qwen-32B fit the team's candidates.
    // In BF16 (65 GB of weights) the 2x RTX 4090 and the L40S are short and
    // the A100 80 GB holds it; AWQ INT4 fits all; twenty users get more
    // tokens/s in all than five, each fewer.
    void teamServerFormatsAndUsers()
    {
        const auto window = open("r1-distill-qwen-32b-2x-rtx4090");
        QVERIFY(window);
        PlanDocument *doc = window->document();
        const QString version = QStringLiteral("DeepSeek-R1-Distill-Qwen-32B");
        const QStringList candidates{
            QStringLiteral("Workstation: 2x RTX 4090"), QStringLiteral("Server: one A100 80 GB PCIe"),
            QStringLiteral("Server: one L40S 48 GB"), QStringLiteral("Cloud: AWS g6e.xlarge (1x L40S)")};
        for (const QString &c : candidates)
            QVERIFY2(summaryRow(*window, c, version) >= 0, qPrintable(c));
        // The weights box edits the scenario on show; apply BF16 to each in turn.
        for (size_t i = 0; i < doc->plan().scenarios.size(); ++i) {
            doc->setCurrentScenario(i);
            settle();
            chooseData(window->workload()->weightsBox(), QStringLiteral("bf16"));
        }
        const QStringList bf16Fits{QStringLiteral("no"), QStringLiteral("yes"), QStringLiteral("no"),
                                   QStringLiteral("no")};
        for (int i = 0; i < candidates.size(); ++i) {
            const int row = summaryRow(*window, candidates[i], version);
            QCOMPARE(cell(*window, row, SummaryPanel::Fits), bf16Fits[i]);
            if (bf16Fits[i] == QLatin1String("no"))
                QVERIFY2(cell(*window, row, SummaryPanel::ServesLoad) == QStringLiteral("does not fit"),
                         qPrintable(candidates[i]));
        }
        for (size_t i = 0; i < doc->plan().scenarios.size(); ++i) {
            doc->setCurrentScenario(i);
            settle();
            chooseData(window->workload()->weightsBox(), QStringLiteral("awq-int4-g128"));
        }
        for (const QString &c : candidates)
            QCOMPARE(cell(*window, summaryRow(*window, c, version), SummaryPanel::Fits), QStringLiteral("yes"));

        // Five users, then twenty, on the A100.
        const size_t a100 = scenarioNamed(*doc, "Server: one A100 80 GB PCIe");
        window->workload()->concurrencyBox()->setValue(5);
        settle();
        const PerfPoint five = doc->estimates()[a100].versions.front().speed->nominal;
        window->workload()->concurrencyBox()->setValue(20);
        settle();
        const PerfPoint twenty = doc->estimates()[a100].versions.front().speed->nominal;
        QVERIFY(twenty.outputTokensPerSecond > five.outputTokensPerSecond);
        QVERIFY(twenty.outputTokensPerSecond / 20 < five.outputTokensPerSecond / 5);
        const int row = summaryRow(*window, candidates[1], version);
        QCOMPARE(cell(*window, row, SummaryPanel::TokensPerSecond),
                 QLocale().toString(twenty.outputTokensPerSecond, 'f', 0));
    }

    // Story 3: 7B and 8B on a desktop and a Mac at 32k context (the
    // catalogue has no BF16 rate for the Jetson AGX Orin, so it is not timed).
    // Q4_K_M fits the 3060; BF16 on it needs layers in host RAM, which the
    // Summary counts and which slows it; at 8k fewer layers must go.
    void laptopAndEdgeOffload()
    {
        const auto window = open("r1-distill-7b-8b-desktop-and-mac");
        QVERIFY(window);
        PlanDocument *doc = window->document();
        const QString llama = QStringLiteral("DeepSeek-R1-Distill-Llama-8B");
        const QString q4 = QStringLiteral("Desktop: RTX 3060 12 GB, GGUF Q4_K_M");
        const QString offloaded = QStringLiteral("Desktop: RTX 3060 12 GB, BF16 with layers in RAM");
        for (const QString &s : {q4, QStringLiteral("MacBook Pro: M4 Max 36 GB, GGUF Q8_0")})
            QCOMPARE(cell(*window, summaryRow(*window, s, llama), SummaryPanel::Fits), QStringLiteral("yes"));
        const size_t bf16 = scenarioNamed(*doc, offloaded.toStdString());
        const VersionEstimate at32k = doc->estimates()[bf16].versions.back(); // a copy: edits replace the estimates
        QVERIFY(at32k.memory.offloadedLayers > 0);
        const QString note = cell(*window, summaryRow(*window, offloaded, llama), SummaryPanel::Note);
        QVERIFY2(note.contains(QStringLiteral("%1 layers in host RAM").arg(at32k.memory.offloadedLayers)),
                 qPrintable(note));
        // Offloading slows it: the Q4_K_M build on the same card is faster.
        const size_t quantized = scenarioNamed(*doc, q4.toStdString());
        QVERIFY(doc->estimates()[quantized].versions.back().speed->nominal.outputTokensPerSecond
                > at32k.speed->nominal.outputTokensPerSecond);

        window->workload()->contextBox()->setValue(8192);
        settle();
        QCOMPARE(doc->plan().workload.contextTokens, std::int64_t(8192));
        const VersionEstimate at8k = doc->estimates()[bf16].versions.back();
        QVERIFY(at8k.memory.offloadedLayers < at32k.memory.offloadedLayers);
        // The workload panel says what the build holds at this load.
        QVERIFY2(!window->workload()->limitsLabel()->text().isEmpty(), "the limits row");
    }

    // Story 6: the procurement review. A new tariff and amortisation period
    // are one undo step each; the on-prem monthly cost moves and the cloud's
    // does not; the Compare tab sets the two scenarios side by side.
    void procurementReviewEditsCosts()
    {
        const auto window = open("cloud-vs-onprem-llama-3.1-70b");
        QVERIFY(window);
        PlanDocument *doc = window->document();
        doc->setCurrentScenario(0);
        settle();
        const double onPrem = doc->estimates()[0].cost.monthlyTotalUsd;
        const double cloud = doc->estimates()[1].cost.monthlyTotalUsd;
        const std::vector<QDoubleSpinBox *> &boxes = window->costs()->assumptionBoxes();
        const int steps = doc->undoStack()->count();
        boxes[0]->setValue(boxes[0]->value() * 2); // electricity
        settle();
        boxes[3]->setValue(5); // amortisation, years
        settle();
        QCOMPARE(doc->undoStack()->count(), steps + 2);
        QCOMPARE(doc->scenario().costs.amortisationYears.value, 5.0);
        QVERIFY(doc->estimates()[0].cost.monthlyTotalUsd != onPrem);
        QCOMPARE(doc->estimates()[1].cost.monthlyTotalUsd, cloud);
        window->analysis()->tabs()->setCurrentIndex(AnalysisPanel::CompareTab);
        window->analysis()->refreshCurrentTab();
        const QTableWidget *compare = window->analysis()->compareTable();
        QCOMPARE(compare->columnCount(), 2);
        QCOMPARE(compare->horizontalHeaderItem(0)->text(), QString::fromStdString(doc->plan().scenarios[0].name));
        QCOMPARE(compare->horizontalHeaderItem(1)->text(), QString::fromStdString(doc->plan().scenarios[1].name));
        // And the proposal for the committee.
        const QString pdf = mDir.filePath(QStringLiteral("review.pdf"));
        QVERIFY(window->exportProposalTo(pdf));
        QVERIFY(QFileInfo(pdf).size() > 10000);
    }

    // Story 7: the what-if afternoon with "Versions side by side" in view.
    // Raising the context, switching the KV cache to FP8 and relinking the
    // GPUs each show at once, with the engine's figures.
    void whatIfChartsFollowEveryEdit()
    {
        const auto window = open("cloud-vs-onprem-llama-3.1-70b");
        QVERIFY(window);
        PlanDocument *doc = window->document();
        SideBySidePanel *side = showSideBySide(*window);
        QVERIFY(side->isVisible());
        const QString kv = QStringLiteral("KV cache");
        const auto shownKv = [&] { return memoryBar(side, kv, 0); };
        const auto engineKv = [&] {
            return inMemoryUnit(doc->estimates()[doc->currentScenario()].versions.front().memory.perGpu.kvCache);
        };
        QCOMPARE(shownKv(), engineKv());

        // The KV cache at the operating point is the requests' own tokens: a
        // longer context is checked for one sequence (the fit), and the
        // charts are redrawn from the new estimate.
        const int drawsBefore4k = side->chartView(SideBySidePanel::Memory)->draws();
        window->workload()->contextBox()->setValue(131072);
        settle();
        QCOMPARE(doc->plan().workload.contextTokens, std::int64_t(131072));
        QVERIFY(side->chartView(SideBySidePanel::Memory)->draws() > drawsBefore4k);
        QCOMPARE(shownKv(), engineKv());
        const double bf16Kv = shownKv();

        chooseData(window->workload()->kvBox(), QStringLiteral("fp8"));
        QCOMPARE(shownKv(), engineKv());
        QVERIFY(shownKv() < bf16Kv);

        // PCIe instead of NVSwitch among the GPUs: the speed chart follows.
        const QStringList versions = lineNames(side->chartView(SideBySidePanel::Speed));
        QCOMPARE(versions.size(), static_cast<qsizetype>(doc->plan().modelIds.size()));
        int gpus = 0;
        for (const TopologyNode &n : doc->scenario().topology.nodes)
            if (n.kind == NodeKind::Gpu)
                gpus = n.id;
        const double before = doc->estimates()[0].versions.front().speed->nominal.outputTokensPerSecond;
        edits::setFabric(*doc, gpus, QString());
        settle();
        const double after = doc->estimates()[0].versions.front().speed->nominal.outputTokensPerSecond;
        QVERIFY(after < before);
        // The first version's operating point, redrawn at the new figure.
        QScatterSeries *point = nullptr;
        for (QAbstractSeries *series : side->chartView(SideBySidePanel::Speed)->chart()->series())
            if (!point && series->type() == QAbstractSeries::SeriesTypeScatter)
                point = static_cast<QScatterSeries *>(series);
        QVERIFY(point && point->count() == 1);
        QCOMPARE(point->at(0).y(), after);
        QCOMPARE(point->at(0).x(), static_cast<double>(doc->estimates()[0].versions.front().concurrency));
    }

    // Story 8: gpt-oss-120b and 20b on the Blackwell and MI355X candidates;
    // the side-by-side charts name both versions.
    void newOpenModelsSideBySide()
    {
        const auto window = open("gpt-oss-120b-blackwell");
        QVERIFY(window);
        PlanDocument *doc = window->document();
        SideBySidePanel *side = showSideBySide(*window);
        const ScenarioEstimate &shown = doc->estimates()[doc->currentScenario()];
        QStringList names;
        for (const VersionEstimate &v : shown.versions)
            if (v.request)
                names << QString::fromStdString(v.modelName);
        QCOMPARE(lineNames(side->chartView(SideBySidePanel::Speed)).mid(0, names.size()), names);
        for (int row = 0; row < window->summary()->table()->rowCount(); ++row)
            QVERIFY(!cell(*window, row, SummaryPanel::Fits).isEmpty());
        // The cost chart has a category per scenario.
        bool found = false;
        for (QAbstractAxis *axis : side->chartView(SideBySidePanel::Cost)->chart()->axes(Qt::Horizontal))
            if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis)) {
                QCOMPARE(categories->count(), static_cast<int>(doc->plan().scenarios.size()));
                found = true;
            }
        QVERIFY(found);
    }

    // Story 9: the desk-side boxes at 32k context for five people: each row
    // says whether the format fits the GPU-usable share of unified memory.
    void deskSideBoxFitsInUsableMemory()
    {
        const auto window = open("qwen3-desk-side-box");
        QVERIFY(window);
        PlanDocument *doc = window->document();
        for (size_t s = 0; s < doc->estimates().size(); ++s) {
            const ScenarioEstimate &e = doc->estimates()[s];
            for (const VersionEstimate &v : e.versions) {
                const int row = summaryRow(*window, QString::fromStdString(e.name),
                                           QString::fromStdString(v.modelName));
                QVERIFY(row >= 0);
                QCOMPARE(cell(*window, row, SummaryPanel::Fits), v.verdict.fits == Answer::Yes ? QStringLiteral("yes")
                                                                 : v.verdict.fits == Answer::No
                                                                     ? QStringLiteral("no")
                                                                     : QStringLiteral("unknown"));
            }
        }
        // The Mac's share of its memory is named where the GPU is shown.
        const VersionEstimate &mac = doc->estimates().front().versions.front();
        QVERIFY(mac.capacityNote.has_value());
    }
};

QTEST_MAIN(TestServingStories)
#include "test_servingstories.moc"
