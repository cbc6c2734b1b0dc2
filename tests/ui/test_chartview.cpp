// The chart view every analysis chart is shown in: hovering shows the exact
// value with its unit, and a chart saves as PNG or SVG and copies to the
// clipboard as drawn.

#include "core/perf/perfmodel.h"
#include "core/plan/planevaluation.h"
#include "ui/charts/analysischarts.h"
#include "ui/charts/chartview.h"

#include "support/sampleplans.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtCharts/QBarSet>
#include <QtCharts/QLineSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtTest>

#include <functional>
#include <memory>

using namespace planner;
using planner::testsupport::samplePlan;

class TestChartView : public QObject
{
    Q_OBJECT

private:
    // DeepSeek-R1 on one HGX H200: the Speed tab's throughput chart.
    static QChart *throughput()
    {
        const Plan plan = samplePlan("deepseek-r1-8x-h200");
        const VersionEstimate v = evaluatePlan(plan).front().versions.front();
        return throughputChart(v, plan.workload);
    }

    static QStringList seriesNames(QChart *chart)
    {
        QStringList names;
        for (const QAbstractSeries *series : chart->series())
            names << series->name();
        return names;
    }

private slots:
    void pointToolTipShowsTheExactValue()
    {
        ChartView view;
        view.showChart(throughput());
        QLineSeries *tokens = nullptr;
        for (QAbstractSeries *s : view.chart()->series())
            if (s->name() == QLatin1String("Output tokens/s"))
                tokens = qobject_cast<QLineSeries *>(s);
        QVERIFY(tokens && tokens->count() > 2);
        const QPointF point = tokens->at(2);
        const QString tip = ChartView::pointToolTip(tokens, point);
        QCOMPARE(tip, QStringLiteral("Output tokens/s\n%1 tokens/s\nConcurrent sequences (all replicas): %2")
                          .arg(QLocale().toString(point.y(), 'f', 0), QLocale().toString(point.x(), 'g', 4)));
    }

    void barToolTipNamesCategoryAndSet()
    {
        const Plan plan = samplePlan("deepseek-r1-8x-h200");
        ChartView view;
        view.showChart(memoryFitChart(evaluatePlan(plan).front()));
        const auto *bars = qobject_cast<QStackedBarSeries *>(view.chart()->series().front());
        QVERIFY(bars);
        const QBarSet *weights = bars->barSets().front();
        const QString tip = ChartView::barToolTip(view.chart(), bars, 0, weights);
        QVERIFY2(tip.startsWith(QStringLiteral("DeepSeek-R1 671B · ") + weights->label() + QLatin1Char('\n')),
                 qPrintable(tip));
        QVERIFY2(tip.endsWith(QLatin1Char('\n') + QLocale().toString(weights->at(0), 'f', 1) + QStringLiteral(" GB")),
                 qPrintable(tip));
    }

    void savesPngAndSvg()
    {
        ChartView view;
        view.resize(640, 400);
        view.showChart(throughput());
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        QCOMPARE(view.saveTo(png), QString());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1280, 800)); // twice the view, for print
        const QString svg = dir.filePath(QStringLiteral("chart.svg"));
        QCOMPARE(view.saveTo(svg), QString());
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("Throughput and TPOT against concurrency")); // text stays text
        // A folder that does not exist: a message naming the file, nothing written.
        const QString nowhere = dir.filePath(QStringLiteral("no/such/chart.png"));
        QVERIFY(view.saveTo(nowhere).contains(nowhere));
        QVERIFY(!QFile::exists(nowhere));
    }

    // An edit's new chart usually differs from the one on show only in its
    // data; the view then keeps its chart and moves the data in (a new chart
    // costs a whole layout). What it draws must be exactly what the new
    // chart would draw: lines and bars (the memory chart's stacked bars),
    // with axis ranges that move.
    void aChartThatTakesNewDataDrawsLikeTheNewChart()
    {
        const Plan plan = samplePlan("deepseek-r1-8x-h200");
        Plan longer = plan;
        longer.workload.contextTokens *= 4;
        longer.workload.outputTokens *= 2;
        const ScenarioEstimate before = evaluatePlan(plan).front();
        const ScenarioEstimate after = evaluatePlan(longer).front();
        const std::function<QChart *(const ScenarioEstimate &, const Plan &)> builders[] = {
            [](const ScenarioEstimate &e, const Plan &p) { return throughputChart(e.versions.front(), p.workload); },
            [](const ScenarioEstimate &e, const Plan &p) { return ttftChart(e.versions.front(), p.workload); },
            [](const ScenarioEstimate &e, const Plan &) { return memoryFitChart(e); },
        };
        for (const auto &build : builders) {
            ChartView updated;
            ChartView fresh;
            for (ChartView *view : {&updated, &fresh}) {
                view->resize(640, 400);
                view->show();
                QVERIFY(QTest::qWaitForWindowExposed(view));
            }
            updated.showChart(build(before, plan));
            QCoreApplication::processEvents();
            const QChart *kept = updated.chart();
            const QImage old = updated.grab().toImage();
            updated.showChart(build(after, longer));
            fresh.showChart(build(after, longer));
            QCoreApplication::processEvents();
            QVERIFY(updated.chart() == kept); // not QCOMPARE: it would print the chart
            QCOMPARE(updated.draws(), 2);
            const QImage drawn = updated.grab().toImage();
            QVERIFY2(drawn != old, qPrintable(kept->title())); // the data did change
            QVERIFY2(drawn == fresh.grab().toImage(), qPrintable(kept->title()));
        }
    }

    // A chart with other series, names or axes replaces the one on show.
    void aChartOfAnotherMakeUpReplacesTheOneOnShow()
    {
        const Plan plan = samplePlan("deepseek-r1-8x-h200");
        const VersionEstimate v = evaluatePlan(plan).front().versions.front();
        ChartView view;
        view.showChart(throughputChart(v, plan.workload));
        const QChart *throughputShown = view.chart();
        view.showChart(ttftChart(v, plan.workload));
        QVERIFY(view.chart() != throughputShown);
        QCOMPARE(view.chart()->title(), std::unique_ptr<QChart>(ttftChart(v, plan.workload))->title());
        // A version without an estimate draws no series, only why.
        const QChart *ttftShown = view.chart();
        view.showChart(ttftChart(VersionEstimate{}, plan.workload));
        QVERIFY(view.chart() != ttftShown);
        QVERIFY(view.chart()->series().isEmpty());
    }

    // A legend entry that quotes a figure (the target's line) is data: the
    // chart on show takes the new name.
    void aRenamedSeriesIsTakenInPlace()
    {
        const Plan plan = samplePlan("deepseek-r1-8x-h200");
        const VersionEstimate v = evaluatePlan(plan).front().versions.front();
        ChartView view;
        view.showChart(ttftChart(v, plan.workload));
        const QChart *shown = view.chart(); // the target's line is named "TTFT target 2 s"
        PlanWorkload stricter = plan.workload;
        stricter.ttftSloSeconds /= 2;
        const std::unique_ptr<QChart> fresh(ttftChart(v, stricter));
        view.showChart(ttftChart(v, stricter));
        QVERIFY(view.chart() == shown);
        const QString names = seriesNames(view.chart()).join(QLatin1Char(';'));
        QCOMPARE(names, seriesNames(fresh.get()).join(QLatin1Char(';')));
        QVERIFY2(names.contains(QStringLiteral("TTFT target 1 s")), qPrintable(names));
    }

    void copiesToTheClipboard()
    {
        ChartView view;
        view.resize(500, 300);
        view.showChart(throughput());
        QApplication::clipboard()->clear();
        view.copyToClipboard();
        const QImage copied = QApplication::clipboard()->image();
        QVERIFY(!copied.isNull());
        QVERIFY(copied.width() >= 500 && copied.height() >= 300);
    }
};

QTEST_MAIN(TestChartView)
#include "test_chartview.moc"
