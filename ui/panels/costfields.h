#pragma once
// The editable cost assumptions, as the costs panel and the preferences
// dialog show them: a label, the unit, and a spin box for each that holds only
// what core/cost accepts (kCostAssumptionRanges in core/cost/costmodel.h).

#include "core/cost/costmodel.h"

#include <QString>

#include <vector>

class QDoubleSpinBox;
class QWidget;

namespace planner {

struct CostField {
    CostAssumption CostAssumptions::*member;
    QString label;
    QString suffix;
    int decimals;
};

const std::vector<CostField> &costFields();

// A spin box for one assumption that commits on Enter or focus-out, with the
// default's source as its tooltip.
QDoubleSpinBox *costSpinBox(const CostField &field, QWidget *parent);

// Shows an assumption's value, and its source as the tooltip.
void showAssumption(QDoubleSpinBox *box, const CostAssumption &assumption);

// Takes the box's value into the assumption when the user changed it (the box
// rounds to its decimals, so an untouched box leaves value and source alone);
// the source then says the user set it in `where`.
void takeEditedValue(const QDoubleSpinBox *box, CostAssumption &assumption, const QString &where);

} // namespace planner
