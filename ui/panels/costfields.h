#pragma once
// The editable cost assumptions, as the costs panel and the preferences
// dialog show them: a label, the unit, and a spin box for each that holds only
// what core/cost accepts (kCostAssumptionRanges in core/cost/costmodel.h).
// Amounts of money are shown and typed in a currency (core/cost/currency.h)
// and kept in USD.

#include "core/cost/costmodel.h"
#include "core/cost/currency.h"

#include <QString>

#include <vector>

class QDoubleSpinBox;
class QWidget;

namespace planner {

struct CostField {
    CostAssumption CostAssumptions::*member;
    QString label;
    QString unit; // " USD/kWh" as a pattern: %1 stands for the currency where `isMoney`
    int decimals;
    bool isMoney = false; // the value is in USD (per something)

    QString unitIn(const Currency &currency) const;                  // " CNY/kWh"
    double shownValue(double value, const Currency &currency) const; // in `currency` where money
};

const std::vector<CostField> &costFields();

// A spin box for one assumption that commits on Enter or focus-out.
QDoubleSpinBox *costSpinBox(const CostField &field, QWidget *parent);

// Shows an assumption's value in `currency`, with its range and unit there,
// and the value's source as the tooltip.
void showAssumption(QDoubleSpinBox *box, const CostField &field, const CostAssumption &assumption,
                    const Currency &currency);

// Takes the box's value (shown in `currency`) into the assumption when the
// user changed it: the box rounds to its decimals, so an untouched box leaves
// value and source alone; the source then says the user set it in `where`.
void takeEditedValue(const QDoubleSpinBox *box, const CostField &field, CostAssumption &assumption,
                     const Currency &currency, const QString &where);

} // namespace planner
