#include "ui/charts/chartsupport.h"

#include "core/plan/planevaluation.h"
#include "ui/canvas/canvascolours.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QPen>
#include <QTextDocument>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <cmath>

namespace planner {

namespace {

bool gPrinting = false;

} // namespace

PrintedCharts::PrintedCharts()
    : mWasPrinting(gPrinting)
{
    gPrinting = true;
}

PrintedCharts::~PrintedCharts()
{
    gPrinting = mWasPrinting;
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    // First: a theme resets the chart's fonts, colours and background.
    if (!gPrinting && isDarkPalette(QGuiApplication::palette()))
        chart->setTheme(QChart::ChartThemeDark);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation); // charts follow every edit: no lag behind it
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setLocalizeNumbers(true); // axis labels with the locale's digit grouping: 2,000,000
    return chart;
}

QLogValueAxis *addLogAxis(QChart *chart, const QString &title, double lowest, double highest)
{
    auto *axis = new QLogValueAxis;
    axis->setBase(2);
    axis->setTitleText(title);
    axis->setLabelFormat(QStringLiteral("%.0f"));
    // The axis spans whole powers of two, so it begins and ends on a labelled
    // tick, and an edit that moves the last point a little keeps the axis
    // (and its labels) as they were.
    const double from = std::exp2(std::floor(std::log2(std::max(lowest, 1e-9))));
    const double to = std::exp2(std::ceil(std::log2(std::max(highest, lowest * 2))));
    axis->setRange(from, std::max(to, from * 2));
    axis->setMinorTickCount(0);
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

QString versionTitle(const QString &what, const VersionEstimate &v)
{
    return AnalysisCharts::tr("%1: %2").arg(what, QString::fromStdString(v.modelName));
}

void explainEmpty(QChart *chart, const QString &why)
{
    // Rich text: a plain title is one line, elided where the reason begins.
    const QString title = Qt::mightBeRichText(chart->title()) ? chart->title() : chart->title().toHtmlEscaped();
    chart->setTitle(QStringLiteral("%1<br><i>%2</i>").arg(title, why.toHtmlEscaped()));
}

QValueAxis *addValueAxis(QChart *chart, const QString &title, Qt::Alignment side)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setMin(0);
    axis->setLabelFormat(QStringLiteral("%.4g"));
    chart->addAxis(axis, side);
    return axis;
}

void setTooltipUnit(QAbstractSeries *series, const QString &unit, int decimals)
{
    series->setProperty("tooltipUnit", unit);
    series->setProperty("tooltipDecimals", decimals);
}

QString tooltipUnit(const QAbstractSeries *series)
{
    return series->property("tooltipUnit").toString();
}

int tooltipDecimals(const QAbstractSeries *series)
{
    const QVariant decimals = series->property("tooltipDecimals");
    return decimals.isValid() ? decimals.toInt() : 2;
}

double axisTopFor(double largestValue, double target)
{
    return target <= 4 * largestValue ? std::max(largestValue, target) : largestValue;
}

QString targetName(const QString &name, double largestValue, double target)
{
    return target <= axisTopFor(largestValue, target) ? name : AnalysisCharts::tr("%1 (above the chart)").arg(name);
}

QLineSeries *addMarkerLine(QChart *chart, const QString &name, QPointF from, QPointF to, QAbstractAxis *x,
                           QAbstractAxis *y, const QColor &color)
{
    auto *line = new QLineSeries;
    line->setName(name);
    line->append(from);
    line->append(to);
    QPen pen(color);
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(1.5);
    line->setPen(pen);
    chart->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);
    return line;
}

void scaleFonts(QChart *chart, double factor)
{
    const auto scaled = [factor](QFont font) {
        if (font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * factor);
        else if (font.pixelSize() > 0)
            font.setPixelSize(std::max(1, static_cast<int>(font.pixelSize() * factor)));
        return font;
    };
    chart->setTitleFont(scaled(chart->titleFont()));
    chart->legend()->setFont(scaled(chart->legend()->font()));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsFont(scaled(axis->labelsFont()));
        axis->setTitleFont(scaled(axis->titleFont()));
    }
}

namespace {

// `text` in lines no wider than `pixels` where a space or a hyphen allows.
QString wrapped(const QString &text, const QFontMetrics &metrics, int pixels)
{
    QStringList lines;
    QString line;
    int start = 0;
    for (int i = 0; i <= text.size(); ++i) {
        const bool end = i == text.size();
        if (!end && text[i] != QLatin1Char(' ') && text[i] != QLatin1Char('-') && text[i] != QLatin1Char('\n'))
            continue;
        // A piece ends here: a word and the hyphen that closes it.
        const bool hyphen = !end && text[i] == QLatin1Char('-');
        const QString piece = text.mid(start, i - start + (hyphen ? 1 : 0));
        if (!line.isEmpty() && metrics.horizontalAdvance(line + piece) > pixels) {
            lines << line.trimmed();
            line.clear();
        }
        line += piece;
        if (!end && text[i] == QLatin1Char(' '))
            line += QLatin1Char(' ');
        if (!end && text[i] == QLatin1Char('\n')) {
            lines << line.trimmed();
            line.clear();
        }
        start = i + 1;
    }
    if (!line.trimmed().isEmpty())
        lines << line.trimmed();
    if (lines.isEmpty())
        return text.isEmpty() ? QStringLiteral(" ") : text.toHtmlEscaped(); // a null name would be dropped
    // Axis labels are drawn as rich text: a line break is <br>.
    for (QString &l : lines)
        l = l.toHtmlEscaped();
    return lines.join(QStringLiteral("<br>"));
}

// The length of the beginning every name shares, up to a space or hyphen
// (0 when under 5 characters or with a single name): what tells the names
// apart is what follows it.
qsizetype sharedBeginning(const QStringList &names)
{
    if (names.size() < 2)
        return 0;
    qsizetype common = names.front().size();
    for (const QString &name : names) {
        qsizetype i = 0;
        while (i < common && i < name.size() && name[i] == names.front()[i])
            ++i;
        common = i;
    }
    while (common > 0 && names.front()[common - 1] != QLatin1Char('-') && names.front()[common - 1] != QLatin1Char(' '))
        --common;
    return common >= 5 ? common : 0;
}

} // namespace

void wrapCategories(QChart *chart, int pixels)
{
    if (pixels <= 0)
        return;
    for (QAbstractAxis *axis : chart->axes(Qt::Horizontal)) {
        auto *bars = qobject_cast<QBarCategoryAxis *>(axis);
        if (!bars || bars->count() == 0)
            continue;
        // The names as built, for the tooltips (ChartView::barToolTip).
        const QStringList names = bars->categories();
        bars->setProperty(kFullCategories, names);
        const QFontMetrics metrics(bars->labelsFont());
        // Qt Charts gives each label the axis' width over one more than the
        // categories, less its padding (horizontalaxis.cpp), and elides past
        // it; `pixels` is an estimate of the plot's width, so a fifth is spared.
        const int each = std::max(pixels * 4 / 5 / static_cast<int>(names.size() + 1) - 8,
                                  metrics.averageCharWidth() * 6);
        const qsizetype shared = sharedBeginning(names);
        QStringList fitted;
        for (const QString &name : names)
            fitted << wrapped(shared > 0 ? QStringLiteral("…") + name.mid(shared) : name, metrics, each);
        bars->setCategories(fitted);
    }
}

void fitAxis(QValueAxis *axis, double largestValue)
{
    if (!(largestValue > 0) || !std::isfinite(largestValue))
        largestValue = 1;
    axis->setRange(0, largestValue * 1.1);
    axis->applyNiceNumbers();
    // Plain figures, never "2e+06": as many decimals as the scale needs.
    const double top = axis->max();
    axis->setLabelFormat(top >= 10  ? QStringLiteral("%.0f")
                         : top >= 1 ? QStringLiteral("%.1f")
                                    : QStringLiteral("%.3f"));
}

} // namespace planner
