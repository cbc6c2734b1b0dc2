#pragma once
// The "Versions side by side" dock: every checked model version of the
// scenario on show in three charts next to each other — memory per GPU
// against the usable capacity, output tokens/s against concurrency (or days
// to train), and the cost per million tokens in every scenario. It docks
// beside the canvas, so a drag, a relink, a longer context or another KV
// format shows in all three at once.
//
// Redrawn once per turn of the event loop after an edit, and only while it
// is visible (a hidden dock is redrawn when it is shown).

#include "ui/panels/redrawsoon.h"

#include <QWidget>

#include <array>

namespace planner {

class ChartView;
class PlanDocument;

class SideBySidePanel : public QWidget
{
    Q_OBJECT

public:
    enum Chart { Memory, Speed, Cost, ChartCount };

    explicit SideBySidePanel(PlanDocument &document, QWidget *parent = nullptr);

    ChartView *chartView(Chart chart) const { return mViews[chart]; }

    // Redraws now if an edit came since the last drawing (tests call it).
    void refresh();

protected:
    void changeEvent(QEvent *event) override;       // a palette change (dark mode) redraws the charts
    void resizeEvent(QResizeEvent *event) override; // names are wrapped to the width: a new width redraws

private:
    void markStale();
    // Whether a chart is now much wider or narrower than when it was drawn
    // (its names were wrapped to that width).
    bool widthsChanged() const;

    PlanDocument &mDocument;
    std::array<ChartView *, ChartCount> mViews{};
    std::array<int, ChartCount> mDrawnWidths{};
    bool mStale = true;
    RedrawSoon mRedraw;
};

} // namespace planner
