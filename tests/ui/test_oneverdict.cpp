// The desktop's Summary, `llm-planner-cli evaluate --json` and the PDF
// proposal's model-version table carry the same verdicts and numbers for
// every shipped sample plan (and for the R1 sample at 5 requests/s, where
// they once disagreed): all three read core's one evaluation.

#include "core/plan/plananalysis.h"
#include "database/catalogue.h"
#include "database/planfile.h"
#include "support/clirun.h"
#include "support/sampleplans.h"
#include "ui/charts/analysischarts.h"
#include "ui/document/plandocument.h"
#include "ui/format/estimatetext.h"
#include "ui/mainwindow.h"
#include "ui/panels/summarypanel.h"
#include "ui/report/proposalcontent.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtCharts/QChart>
#include <QtTest>

#include <memory>

using namespace planner;
using planner::testsupport::runCli;
using planner::testsupport::samplePlan;

namespace {

// The verdict word the Summary and the PDF show, from evaluate's JSON of a
// version: serving, or a training run with or without a deadline.
QString verdictWordOf(const QJsonObject &version)
{
    const QJsonObject verdict = version.value(QStringLiteral("verdict")).toObject();
    const auto answer = [](const QString &text) {
        return text == QLatin1String("yes") ? Answer::Yes : text == QLatin1String("no") ? Answer::No : Answer::Unknown;
    };
    Verdict v;
    v.fits = answer(verdict.value(QStringLiteral("fits")).toString());
    v.serves = answer(verdict.value(QStringLiteral("serves")).toString());
    const QJsonValue training = version.value(QStringLiteral("training"));
    const VerdictTask task = !training.isObject() ? VerdictTask::Serving
                             : training.toObject().value(QStringLiteral("deadline_days")).isNull()
                                 ? VerdictTask::Training
                                 : VerdictTask::TrainingByDeadline;
    return verdictWord(v, task);
}

QString orDash(const QJsonValue &value, const std::function<QString(double)> &format)
{
    return value.isNull() ? QStringLiteral("—") : format(value.toDouble());
}

const ProposalTable *versionsTable(const ProposalContent &content)
{
    for (const ProposalBlock &block : content.blocks)
        if (block.kind == ProposalBlock::Kind::Table && block.table.headers.contains(QStringLiteral("Model version"))
            && block.table.headers.contains(QStringLiteral("Verdict")))
            return &block.table;
    return nullptr;
}

} // namespace

class TestOneVerdict : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Catalogue::OpenResult opened = Catalogue::open(mDir.filePath(QStringLiteral("catalogue.sqlite")));
        QVERIFY2(opened.catalogue, qPrintable(opened.error));
        mCatalogue = std::move(opened.catalogue);
    }

    void summaryCliAndPdfAgree_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<double>("rate"); // 0: the sample's own load
        for (const QString &file : QDir(QStringLiteral(":/plans")).entryList({QStringLiteral("*.llmplan")}))
            QTest::newRow(qPrintable(file)) << file.chopped(8) << 0.0;
        QTest::newRow("deepseek-r1 at 5 requests/s") << QStringLiteral("deepseek-r1-8x-h200") << 5.0;
    }

    void summaryCliAndPdfAgree()
    {
        QFETCH(QString, sample);
        QFETCH(double, rate);
        Plan plan = samplePlan(qPrintable(sample));
        if (rate > 0) {
            plan.workload.byRequestRate = true;
            plan.workload.requestsPerSecond = rate;
        }
        const QString path = mDir.filePath(sample + QStringLiteral(".llmplan"));
        QVERIFY(writePlanFile(plan, path).isEmpty());

        // evaluate --json
        const testsupport::CliResult cli = runCli(mDir.path(),
                                                  {QStringLiteral("evaluate"), path, QStringLiteral("--json")});
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        const QJsonArray scenarios =
            QJsonDocument::fromJson(cli.out).object().value(QStringLiteral("scenarios")).toArray();
        QCOMPARE(scenarios.size(), static_cast<qsizetype>(plan.scenarios.size()));

        // The Summary
        MainWindow window(*mCatalogue);
        window.show(); // the Summary shows figures while on screen
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.document()->reset(plan, QString());
        QCoreApplication::processEvents();
        const QTableWidget *summary = window.summary()->table();

        // The PDF's model-version table
        const ProposalContent content = buildProposalContent(plan, evaluatePlan(plan), {}, {});
        const ProposalTable *pdf = versionsTable(content);
        QVERIFY(pdf);

        const QLocale locale;
        int row = 0;
        for (const QJsonValue &scenario : scenarios) {
            for (const QJsonValue &value : scenario.toObject().value(QStringLiteral("versions")).toArray()) {
                const QJsonObject v = value.toObject();
                const QString where = scenario.toObject().value(QStringLiteral("name")).toString()
                                      + QStringLiteral(" / ") + v.value(QStringLiteral("model")).toString();
                const auto cell = [&](int column) { return summary->item(row, column)->text(); };
                QCOMPARE(cell(SummaryPanel::Version), v.value(QStringLiteral("model")).toString());
                const QString verdict = verdictWordOf(v);
                QCOMPARE(cell(SummaryPanel::ServesLoad), verdict);
                // A training run's tokens are those it trains on a second, its cost per million theirs.
                const QJsonObject training = v.value(QStringLiteral("training")).toObject();
                const QJsonValue run = training.value(QStringLiteral("run"));
                const QString tokens = orDash(training.isEmpty() ? v.value(QStringLiteral("output_tokens_per_s"))
                                              : run.isObject()   ? run.toObject().value(QStringLiteral("tokens_per_s"))
                                                                 : QJsonValue(),
                                              [&](double x) { return locale.toString(x, 'f', 0); });
                QCOMPARE(cell(SummaryPanel::TokensPerSecond), tokens);
                QCOMPARE(cell(SummaryPanel::Ttft), orDash(v.value(QStringLiteral("ttft_s")), [](double s) {
                             return QStringLiteral("%1 s").arg(s, 0, 'f', 2);
                         }));
                QCOMPARE(cell(SummaryPanel::Tpot), orDash(v.value(QStringLiteral("tpot_s")), [](double s) {
                             return QStringLiteral("%1 ms").arg(s * 1000, 0, 'f', 1);
                         }));
                const QJsonValue usd = training.isEmpty() ? v.value(QStringLiteral("usd_per_million_output_tokens"))
                                                          : training.value(QStringLiteral("usd_per_million_tokens"));
                if (!usd.isNull())
                    QCOMPARE(cell(SummaryPanel::CostPerMillion).remove(QStringLiteral("≥ ")),
                             locale.toString(usd.toDouble(), 'f', 2));
                // The reason the Summary's note gives first is core's, as evaluate prints it
                // (a unified-memory GPU's share may follow it).
                const QString reason =
                    v.value(QStringLiteral("verdict")).toObject().value(QStringLiteral("reason")).toString();
                if (!reason.isEmpty()
                    && v.value(QStringLiteral("verdict")).toObject().value(QStringLiteral("code"))
                           != QLatin1String("does-not-fit"))
                    QVERIFY2(cell(SummaryPanel::Note).startsWith(reason),
                             qPrintable(cell(SummaryPanel::Note) + QStringLiteral(" vs ") + reason));

                // The PDF row: the version with its verdict, speed and cost as the Summary shows them.
                QVERIFY2(row < static_cast<int>(pdf->rows.size()), qPrintable(where));
                const QStringList &line = pdf->rows[static_cast<size_t>(row)];
                QVERIFY2(line.at(1).startsWith(v.value(QStringLiteral("model")).toString()), qPrintable(where));
                QVERIFY2(line.contains(verdict),
                         qPrintable(where + QStringLiteral(": ") + line.join(QLatin1Char('|'))));
                QVERIFY2(line.contains(tokens), qPrintable(where + QStringLiteral(": ") + line.join(QLatin1Char('|'))));
                QVERIFY2(line.contains(cell(SummaryPanel::CostPerMillion)),
                         qPrintable(where + QStringLiteral(": ") + line.join(QLatin1Char('|'))));
                ++row;
            }
        }
        QCOMPARE(row, summary->rowCount());
    }

    // A GPU without a price: no capital, monthly cost or cost per token is
    // shown anywhere, and none is drawn as a bar or a line.
    void anUnknownCostHasNoFigure()
    {
        Plan plan = samplePlan("r1-distill-qwen-32b-2x-rtx4090");
        plan.scenarios.resize(1); // the workstation alone
        for (GpuSpec &gpu : plan.parts.gpus)
            gpu.price.reset();
        const std::vector<ScenarioEstimate> estimates = evaluatePlan(plan);
        const ScenarioEstimate &e = estimates.front();
        QVERIFY(e.costCompleteness == CostCompleteness::Unknown);
        for (CompareMetric metric : {CompareMetric::Capex, CompareMetric::MonthlyCost, CompareMetric::CostPerMillion})
            QVERIFY(!compareValue(e, 0, metric));
        QVERIFY(compareValue(e, 0, CompareMetric::TokensPerSecond)); // the speed is known
        QCOMPARE(monthlyCostText(e), QStringLiteral("unknown"));
        QCOMPARE(costPerMillionText(e.versions.front()), QStringLiteral("unknown"));
        QVERIFY(costGapText(e).contains(QStringLiteral("NVIDIA GeForce RTX 4090")));
        std::unique_ptr<QChart> cumulative(cumulativeCostChart(estimates, planBreakEven(estimates)));
        QVERIFY(cumulative->series().isEmpty());
    }

private:
    QTemporaryDir mDir;
    std::unique_ptr<Catalogue> mCatalogue;
};

QTEST_MAIN(TestOneVerdict)
#include "test_oneverdict.moc"
