#include "ui/panels/costfields.h"

#include <QCoreApplication>
#include <QDoubleSpinBox>

namespace planner {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CostFields", text);
}

} // namespace

const std::vector<CostField> &costFields()
{
    // Ranges mirror validate(CostAssumptions): a spin box cannot hold a value
    // the cost model would refuse.
    static const std::vector<CostField> fields{
        {&CostAssumptions::electricityUsdPerKwh, tr("Electricity"), tr(" USD/kWh"), 0, 10, 4},
        {&CostAssumptions::pue, tr("PUE"), QString(), 1, 5, 2},
        {&CostAssumptions::averageDrawShare, tr("Average draw"), tr(" of TDP"), 0.01, 1, 2},
        {&CostAssumptions::amortisationYears, tr("Amortisation"), tr(" years"), 0.5, 20, 1},
        {&CostAssumptions::maintenanceSharePerYear, tr("Maintenance"), tr(" of capital a year"), 0, 1, 3},
        {&CostAssumptions::colocationUsdPerKwMonth, tr("Colocation"), tr(" USD per kW-month"), 0, 10000, 0},
        {&CostAssumptions::integrationUsdPerServer, tr("Integration"), tr(" USD per server"), 0, 1e7, 0},
        {&CostAssumptions::horizonMonths, tr("Horizon"), tr(" months"), 1, 240, 0},
        {&CostAssumptions::cloudHoursPerMonth, tr("Cloud hours"), tr(" h per month"), 1, 730, 0},
    };
    return fields;
}

QDoubleSpinBox *costSpinBox(const CostField &field, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(field.minimum, field.maximum);
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
    box->setToolTip(tr("Source: %1").arg(QString::fromStdString(assumption.source)));
}

void takeEditedValue(const QDoubleSpinBox *box, CostAssumption &assumption, const QString &where)
{
    if (box->value() == box->valueFromText(box->textFromValue(assumption.value)))
        return;
    assumption.value = box->value();
    assumption.source = tr("set by the user in %1").arg(where).toStdString();
}

} // namespace planner
