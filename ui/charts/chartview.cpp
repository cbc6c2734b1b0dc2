#include "ui/charts/chartview.h"

#include "database/wholefile.h"
#include "ui/charts/chartdata.h"
#include "ui/charts/chartsupport.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSvgGenerator>
#include <QToolTip>
#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QValueAxis>
#include <QtCharts/QXYSeries>

namespace planner {

namespace {

QString axisTitle(QAbstractSeries *series, Qt::Orientation orientation)
{
    for (const QAbstractAxis *axis : series->attachedAxes())
        if (axis->orientation() == orientation && axis->isVisible())
            return axis->titleText();
    return {};
}

} // namespace

ChartView::ChartView(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(260, 170);
}

void ChartView::showChart(QChart *chart)
{
    ++mDraws;
    QChart *previous = this->chart();
    if (takeDataOf(previous, chart)) {
        delete chart; // the shown chart now draws its data (ui/charts/chartdata.h)
        return;
    }
    setChart(chart);
    delete previous;
    connectTooltips(chart);
}

QString ChartView::pointToolTip(QXYSeries *series, const QPointF &point)
{
    const QLocale locale;
    return tr("%1\n%2 %3\n%4: %5")
        .arg(series->name(), locale.toString(point.y(), 'f', tooltipDecimals(series)), tooltipUnit(series),
             axisTitle(series, Qt::Horizontal), locale.toString(point.x(), 'g', 4));
}

QString ChartView::barToolTip(const QChart *chart, const QAbstractBarSeries *series, int index, const QBarSet *set)
{
    QString category;
    for (const QAbstractAxis *axis : chart->axes(Qt::Horizontal))
        if (const auto *categories = qobject_cast<const QBarCategoryAxis *>(axis)) {
            // A wrapped axis (wrapCategories) shows shortened rich text: name the bar in full.
            const QStringList full = categories->property(kFullCategories).toStringList();
            category = index < full.size() ? full.at(index) : categories->at(index);
        }
    const QString what = category.isEmpty() ? set->label() : category + QStringLiteral(" · ") + set->label();
    return tr("%1\n%2 %3")
        .arg(what, QLocale().toString(set->at(index), 'f', tooltipDecimals(series)), tooltipUnit(series));
}

void ChartView::connectTooltips(QChart *chart)
{
    for (QAbstractSeries *series : chart->series()) {
        if (auto *xy = qobject_cast<QXYSeries *>(series)) {
            connect(xy, &QXYSeries::hovered, this, [xy](const QPointF &point, bool entered) {
                if (entered)
                    QToolTip::showText(QCursor::pos(), pointToolTip(xy, point));
                else
                    QToolTip::hideText();
            });
        } else if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            connect(bars, &QAbstractBarSeries::hovered, this, [chart, bars](bool entered, int index, QBarSet *set) {
                if (entered)
                    QToolTip::showText(QCursor::pos(), barToolTip(chart, bars, index, set));
                else
                    QToolTip::hideText();
            });
        }
    }
}

QImage ChartView::image(qreal scale)
{
    QImage image(size() * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    render(&painter);
    return image;
}

QString ChartView::saveTo(const QString &path)
{
    // Drawn in memory, then written whole (database/wholefile.h): a full disk
    // or a failed write leaves any earlier file as it was.
    QBuffer drawn;
    drawn.open(QIODevice::WriteOnly);
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator svg;
        svg.setOutputDevice(&drawn);
        svg.setSize(size());
        svg.setViewBox(rect());
        svg.setTitle(chart() ? chart()->title() : QString());
        QPainter painter(&svg);
        render(&painter);
    } else if (!image(2).save(&drawn, "PNG")) {
        return tr("cannot write %1 as PNG").arg(path);
    }
    if (const QString reason = writeWholeFile(path, drawn.data()); !reason.isEmpty())
        return tr("cannot write %1: %2").arg(path, reason);
    return {};
}

void ChartView::copyToClipboard()
{
    QApplication::clipboard()->setImage(image(devicePixelRatioF()));
}

void ChartView::askAndSave(const QString &filter)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Chart"), QString(), filter);
    if (path.isEmpty())
        return;
    if (const QString error = saveTo(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Cannot save chart"), error);
}

void ChartView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Save Chart as PNG…"), this, [this] { askAndSave(tr("PNG images (*.png)")); });
    menu.addAction(tr("Save Chart as SVG…"), this, [this] { askAndSave(tr("SVG drawings (*.svg)")); });
    menu.addAction(tr("Copy Chart"), this, &ChartView::copyToClipboard);
    menu.exec(event->globalPos());
}

} // namespace planner
