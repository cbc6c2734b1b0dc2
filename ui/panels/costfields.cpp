#include "ui/panels/costfields.h"

#include <QCoreApplication>
#include <QDoubleSpinBox>

#include <algorithm>

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
        {&CostAssumptions::electricityUsdPerKwh, CostFields::tr("Electricity"), CostFields::tr(" %1/kWh"), 4, true},
        {&CostAssumptions::pue, CostFields::tr("PUE"), QString(), 2},
        {&CostAssumptions::averageDrawShare, CostFields::tr("Average draw"), CostFields::tr(" of TDP"), 2},
        {&CostAssumptions::amortisationYears, CostFields::tr("Amortisation"), CostFields::tr(" years"), 1},
        {&CostAssumptions::maintenanceSharePerYear, CostFields::tr("Maintenance"), CostFields::tr(" of capital a year"),
         3},
        {&CostAssumptions::colocationUsdPerKwMonth, CostFields::tr("Colocation"), CostFields::tr(" %1 per kW-month"), 0,
         true},
        {&CostAssumptions::integrationUsdPerServer, CostFields::tr("Integration"), CostFields::tr(" %1 per server"), 0,
         true},
        {&CostAssumptions::horizonMonths, CostFields::tr("Horizon"), CostFields::tr(" months"), 0},
        {&CostAssumptions::cloudHoursPerMonth, CostFields::tr("Cloud hours"), CostFields::tr(" h per month"), 0},
    };
    return fields;
}

QString CostField::unitIn(const Currency &currency) const
{
    return isMoney ? unit.arg(QString::fromStdString(currency.code)) : unit;
}

double CostField::shownValue(double value, const Currency &currency) const
{
    return isMoney ? currency.fromUsd(value) : value;
}

QDoubleSpinBox *costSpinBox(const CostField &field, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setDecimals(field.decimals);
    box->setGroupSeparatorShown(true);
    box->setKeyboardTracking(false);
    box->setAccessibleName(field.label);
    return box;
}

void showAssumption(QDoubleSpinBox *box, const CostField &field, const CostAssumption &assumption,
                    const Currency &currency)
{
    // The cost model's own bounds: a spin box cannot hold a value it refuses.
    const CostAssumptionRange &range = rangeOf(field.member);
    box->setRange(field.shownValue(range.minimum, currency), field.shownValue(range.maximum, currency));
    box->setSuffix(field.unitIn(currency));
    box->setValue(field.shownValue(assumption.value, currency));
    box->setToolTip(CostFields::tr("Source: %1").arg(QString::fromStdString(assumption.source)));
}

void takeEditedValue(const QDoubleSpinBox *box, const CostField &field, CostAssumption &assumption,
                     const Currency &currency, const QString &where)
{
    if (box->value() == box->valueFromText(box->textFromValue(field.shownValue(assumption.value, currency))))
        return;
    const CostAssumptionRange &range = rangeOf(field.member);
    // Back to USD; the clamp keeps the round trip's last bit inside the range.
    const double value = field.isMoney ? currency.toUsd(box->value()) : box->value();
    assumption.value = std::clamp(value, range.minimum, range.maximum);
    assumption.source = CostFields::tr("set by the user in %1").arg(where).toStdString();
}

} // namespace planner
