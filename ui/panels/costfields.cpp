#include "ui/panels/costfields.h"

#include <QCoreApplication>
#include <QDoubleSpinBox>

namespace planner {

namespace {

// The translation context of the field labels (lupdate reads CostFields::tr).
class CostFields
{
    Q_DECLARE_TR_FUNCTIONS(CostFields)
};

} // namespace

const std::vector<CostField> &costFields()
{
    static const std::vector<CostField> fields{
        {&CostAssumptions::electricityUsdPerKwh, CostFields::tr("Electricity"), CostFields::tr(" USD/kWh"), 4},
        {&CostAssumptions::pue, CostFields::tr("PUE"), QString(), 2},
        {&CostAssumptions::averageDrawShare, CostFields::tr("Average draw"), CostFields::tr(" of TDP"), 2},
        {&CostAssumptions::amortisationYears, CostFields::tr("Amortisation"), CostFields::tr(" years"), 1},
        {&CostAssumptions::maintenanceSharePerYear, CostFields::tr("Maintenance"), CostFields::tr(" of capital a year"), 3},
        {&CostAssumptions::colocationUsdPerKwMonth, CostFields::tr("Colocation"), CostFields::tr(" USD per kW-month"), 0},
        {&CostAssumptions::integrationUsdPerServer, CostFields::tr("Integration"), CostFields::tr(" USD per server"), 0},
        {&CostAssumptions::horizonMonths, CostFields::tr("Horizon"), CostFields::tr(" months"), 0},
        {&CostAssumptions::cloudHoursPerMonth, CostFields::tr("Cloud hours"), CostFields::tr(" h per month"), 0},
    };
    return fields;
}

QDoubleSpinBox *costSpinBox(const CostField &field, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    // The cost model's own bounds: a spin box cannot hold a value it refuses.
    const CostAssumptionRange &range = rangeOf(field.member);
    box->setRange(range.minimum, range.maximum);
    box->setDecimals(field.decimals);
    box->setSuffix(field.suffix);
    box->setGroupSeparatorShown(true);
    box->setKeyboardTracking(false);
    box->setAccessibleName(field.label);
    return box;
}

void showAssumption(QDoubleSpinBox *box, const CostAssumption &assumption)
{
    box->setValue(assumption.value);
    box->setToolTip(CostFields::tr("Source: %1").arg(QString::fromStdString(assumption.source)));
}

void takeEditedValue(const QDoubleSpinBox *box, CostAssumption &assumption, const QString &where)
{
    if (box->value() == box->valueFromText(box->textFromValue(assumption.value)))
        return;
    assumption.value = box->value();
    assumption.source = CostFields::tr("set by the user in %1").arg(where).toStdString();
}

} // namespace planner
