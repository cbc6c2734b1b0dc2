#pragma once
// The inspector: the properties of the selected server, part or link, each
// editable field one undo command; with nothing selected, the scenario's
// cluster as the engine sees it (GPUs, link bandwidths) and its problems.

#include "core/plan/userprices.h"
#include "ui/panels/redrawsoon.h"

#include <QString>
#include <QWidget>

#include <vector>

class QFormLayout;
class QLabel;

namespace planner {

class PlanDocument;

class InspectorPanel : public QWidget
{
    Q_OBJECT

public:
    explicit InspectorPanel(PlanDocument &document, QWidget *parent = nullptr);
    void refresh();

private:
    // A row of the scenario summary shown when no single item is selected:
    // an empty label spans the row.
    struct TextRow {
        QString label;
        QString text;
    };
    struct ShownRow {
        QString label;
        QLabel *text = nullptr;
    };
    void clearForm();
    std::vector<TextRow> summaryRows() const;
    void showTextRows(const std::vector<TextRow> &rows);
    void showServer(int id);
    void showPart(int id);
    void showLink(int id);
    void showIssues(int id);
    void addCountEditor(int id, int count, const QString &label);
    // "Your price": an amount in the display currency (0: the catalogue's,
    // shown as the special value) and where it comes from; each change one
    // undo step, plan-wide.
    void addPriceEditor(PricedKind kind, const std::string &id, const OptionalPrice &catalogue, const QString &unit);

    PlanDocument &mDocument;
    QFormLayout *mForm = nullptr;
    std::vector<ShownRow> mTextRows; // the summary rows on show; empty when the form shows an item
    bool mStale = false;
    RedrawSoon mRedraw; // the Inspector is a tab behind the Workload most of the time
};

} // namespace planner
