#pragma once
// A chart view for the analysis charts: hovering a point or bar shows its
// exact value with its unit; the context menu saves the chart as PNG or SVG or
// copies it to the clipboard.

#include <QtCharts/QChartView>

class QAbstractBarSeries;
class QBarSet;
class QXYSeries;

namespace planner {

class ChartView : public QChartView
{
    Q_OBJECT

public:
    explicit ChartView(QWidget *parent = nullptr);

    // Shows what `chart` draws and takes ownership of it: the chart on show
    // takes its data where the two differ only in data (ui/charts/chartdata.h)
    // and `chart` is deleted, else `chart` replaces it.
    void showChart(QChart *chart);
    // How many times showChart() was called: tests wait for a redraw by it.
    int draws() const { return mDraws; }

    // Writes the chart as it is drawn now; the format follows the suffix
    // (.svg, otherwise a PNG at twice the view's size). Empty on success.
    QString saveTo(const QString &path);
    void copyToClipboard();

    // What hovering shows: the series, the exact value and its unit, and
    // where it lies on the horizontal axis (a point) or its category (a bar).
    static QString pointToolTip(QXYSeries *series, const QPointF &point);
    static QString barToolTip(const QChart *chart, const QAbstractBarSeries *series, int index, const QBarSet *set);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void connectTooltips(QChart *chart);
    void askAndSave(const QString &filter);
    QImage image(qreal scale);

    int mDraws = 0;
};

} // namespace planner
