#pragma once
// The inspector: the properties of the selected server, part or link, each
// editable field one undo command; with nothing selected, the scenario's
// cluster as the engine sees it (GPUs, link bandwidths) and its problems.

#include <QWidget>

class QFormLayout;

namespace planner {

class PlanDocument;

class InspectorPanel : public QWidget
{
    Q_OBJECT

public:
    explicit InspectorPanel(PlanDocument &document, QWidget *parent = nullptr);
    void refresh();

private:
    void showNothingSelected();
    void showServer(int id);
    void showPart(int id);
    void showLink(int id);
    void showIssues(int id);
    void addCountEditor(int id, int count, const QString &label);

    PlanDocument &mDocument;
    QFormLayout *mForm = nullptr;
};

} // namespace planner
