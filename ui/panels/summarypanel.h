#pragma once
// The live summary: per scenario and model version, whether it fits, how fast
// it serves and what it costs — re-read from the document's estimates after
// every edit while it is on screen, and when it comes back on screen.

#include "ui/panels/redrawsoon.h"

#include <QWidget>

class QTableWidget;
class QLabel;

namespace planner {

class PlanDocument;

class SummaryPanel : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        Scenario,
        Version,
        Fits,
        MemoryPerGpu,
        TokensPerSecond,
        Ttft,
        Tpot,
        ServesLoad,
        MonthlyCost,
        CostPerMillion,
        Note,
        ColumnCount
    };

    explicit SummaryPanel(PlanDocument &document, QWidget *parent = nullptr);
    QTableWidget *table() const { return mTable; }
    QLabel *footer() const { return mFooter; } // the units and how the figures were made
    void refresh();

private:
    PlanDocument &mDocument;
    QTableWidget *mTable = nullptr;
    QLabel *mFooter = nullptr;
    bool mStale = false;
    RedrawSoon mRedraw;
};

} // namespace planner
