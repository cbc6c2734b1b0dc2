#include "ui/charts/sidebysidepanel.h"

#include "ui/charts/analysischarts.h"
#include "ui/charts/chartsupport.h"
#include "ui/charts/chartview.h"
#include "ui/document/plandocument.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QResizeEvent>
#include <QSplitter>

#include <cstdlib>

namespace planner {

SideBySidePanel::SideBySidePanel(PlanDocument &document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mRedraw(this, [this] { refresh(); })
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    for (ChartView *&view : mViews) {
        view = new ChartView(splitter);
        view->setMinimumSize(220, 180); // three fit beside each other at 1280 px
        splitter->addWidget(view);
    }
    mViews[Memory]->setObjectName(QStringLiteral("sideBySideMemory"));
    mViews[Speed]->setObjectName(QStringLiteral("sideBySideSpeed"));
    mViews[Cost]->setObjectName(QStringLiteral("sideBySideCost"));
    // Moving the handle between two charts resizes them, not the panel.
    connect(splitter, &QSplitter::splitterMoved, this, [this] {
        if (widthsChanged())
            markStale();
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(&mDocument, &PlanDocument::planChanged, this, [this](const PlanChange &change) {
        if (!change.onlyLayout())
            markStale();
    });
    connect(&mDocument, &PlanDocument::currentScenarioChanged, this, &SideBySidePanel::markStale);
}

void SideBySidePanel::markStale()
{
    mStale = true;
    mRedraw.schedule();
}

void SideBySidePanel::refresh()
{
    if (!mStale || mDocument.estimates().empty())
        return;
    mStale = false;
    const std::vector<ScenarioEstimate> &estimates = mDocument.estimates();
    const ScenarioEstimate &shown = estimates.at(mDocument.currentScenario());
    // Three charts share the dock's width: smaller type, and names that
    // begin alike shortened and wrapped to the plot's width (roughly the
    // view's less the value axis and, for the memory chart, its legend beside
    // the plot) rather than cut to the same "DeepSeek-R1-D…".
    constexpr int kValueAxis = 80;
    constexpr int kSideLegend = 160;
    const auto compact = [](QChart *chart, int plotWidth) {
        scaleFonts(chart, 0.85);
        wrapCategories(chart, plotWidth);
        return chart;
    };
    QChart *memory = memoryFitChart(shown);
    memory->legend()->setAlignment(Qt::AlignRight); // five long entries: one to a line
    mViews[Memory]->showChart(compact(memory, mViews[Memory]->width() - kValueAxis - kSideLegend));
    mViews[Speed]->showChart(compact(versionsSpeedChart(shown), mViews[Speed]->width() - kValueAxis));
    mViews[Cost]->showChart(compact(costPerMillionChart(estimates), mViews[Cost]->width() - kValueAxis));
    for (int chart = 0; chart < ChartCount; ++chart)
        mDrawnWidths[chart] = mViews[chart]->width();
}

bool SideBySidePanel::widthsChanged() const
{
    for (int chart = 0; chart < ChartCount; ++chart)
        if (std::abs(mViews[chart]->width() - mDrawnWidths[chart]) > 24)
            return true;
    return false;
}

void SideBySidePanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (widthsChanged())
        markStale();
}

void SideBySidePanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        markStale();
}

} // namespace planner
