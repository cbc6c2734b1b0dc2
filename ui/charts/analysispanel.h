#pragma once
// The Analysis dock: the charts of ui/charts/analysischarts.h in tabs —
// memory fit, speed (throughput and TTFT curves), latency under load (the
// serving simulation), cost (cumulative and per million tokens) and a
// side-by-side comparison of the plan's scenarios (a table and a small chart
// per figure). The per-version charts show the version chosen above the tabs.
//
// After an edit only the tab on show is redrawn (coalesced to one redraw per
// turn of the event loop); the others are redrawn when they are opened.

#include "ui/panels/redrawsoon.h"

#include <QThreadPool>
#include <QWidget>

#include <array>
#include <stop_token>
#include <vector>

class QComboBox;
class QLabel;
class QTableWidget;
class QTabWidget;

namespace planner {

class ChartView;
class PlanDocument;

class AnalysisPanel : public QWidget
{
    Q_OBJECT

public:
    enum Chart { MemoryFit, Throughput, Ttft, LatencyByRate, CumulativeCost, CostPerMillion, ChartCount };
    enum Tab { MemoryTab, SpeedTab, LoadTab, CostTab, CompareTab, TabCount };

    explicit AnalysisPanel(PlanDocument &document, QWidget *parent = nullptr);
    ~AnalysisPanel() override;

    ChartView *chartView(Chart chart) const { return mViews[chart]; }
    const std::vector<ChartView *> &compareViews() const { return mCompareViews; }
    QTableWidget *compareTable() const { return mCompareTable; }
    QTabWidget *tabs() const { return mTabs; }
    QComboBox *versionBox() const { return mVersion; }

    // Redraws the tab on show now (tests call it; edits schedule it). The
    // "Under load" chart follows when its simulation, off the GUI thread, ends.
    void refreshCurrentTab();

signals:
    void loadChartDrawn();

protected:
    void changeEvent(QEvent *event) override; // a palette change (dark mode) redraws the charts

private:
    void planChanged();
    void scheduleRefresh();
    void fillVersions();
    void drawMemory();
    void drawSpeed();
    void drawLoad();
    void drawCost();
    void drawCompare();

    PlanDocument &mDocument;
    QComboBox *mVersion = nullptr;
    QTabWidget *mTabs = nullptr;
    std::array<ChartView *, ChartCount> mViews{};
    std::vector<ChartView *> mCompareViews;
    QTableWidget *mCompareTable = nullptr;
    QLabel *mCompareLegend = nullptr;
    std::array<bool, TabCount> mStale{};
    RedrawSoon mRedraw;
    int mLoadGeneration = 0; // the latest simulation asked for; older results are dropped
    // The Under load simulations run here, one at a time, and not in Qt's
    // global pool, whose threads the raster paint engine borrows: a busy
    // global pool stalled painting. Each edit stops the run before it.
    QThreadPool mSimulations;
    std::stop_source mLoadStop;
};

} // namespace planner
