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
