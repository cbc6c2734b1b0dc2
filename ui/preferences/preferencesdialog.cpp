#include "ui/preferences/preferencesdialog.h"

#include "ui/panels/costfields.h"
#include "ui/preferences/language.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace planner {

PreferencesDialog::PreferencesDialog(const Preferences &current, QWidget *parent)
    : QDialog(parent)
    , mStart(current)
{
    setWindowTitle(tr("Preferences"));

    auto *general = new QGroupBox(tr("General"), this);
    auto *generalForm = new QFormLayout(general);
    mLanguage = new QComboBox(general);
    mLanguage->setObjectName(QStringLiteral("languageBox"));
    for (const InterfaceLanguage &language : interfaceLanguages())
        mLanguage->addItem(language.name, language.code);
    mLanguage->setToolTip(tr("Takes effect when the planner starts again"));
    generalForm->addRow(tr("&Language"), mLanguage);
    mMemoryUnit = new QComboBox(general);
    mMemoryUnit->setObjectName(QStringLiteral("memoryUnitBox"));
    mMemoryUnit->addItem(tr("GB (10⁹ bytes, as datasheets)"), QVariant::fromValue(static_cast<int>(MemoryUnit::GB)));
    mMemoryUnit->addItem(tr("GiB (2³⁰ bytes, as nvidia-smi)"), QVariant::fromValue(static_cast<int>(MemoryUnit::GiB)));
    generalForm->addRow(tr("&Memory sizes in"), mMemoryUnit);
    mAuthor = new QLineEdit(general);
    mAuthor->setObjectName(QStringLiteral("authorEdit"));
    mAuthor->setPlaceholderText(tr("Your name, as proposals should show it"));
    generalForm->addRow(tr("&Author"), mAuthor);
    mAutosave = new QSpinBox(general);
    mAutosave->setRange(1, 60);
    mAutosave->setSuffix(tr(" min"));
    mAutosave->setToolTip(tr("How often a plan with unsaved changes is saved aside for recovery after a crash"));
    generalForm->addRow(tr("Auto&save every"), mAutosave);

    auto *costs = new QGroupBox(tr("Cost assumptions of new plans and scenarios"), this);
    auto *costForm = new QFormLayout(costs);
    for (const CostField &field : costFields()) {
        QDoubleSpinBox *box = costSpinBox(field, costs);
        costForm->addRow(field.label, box);
        mCostBoxes.push_back(box);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        mStart.costDefaults = CostAssumptions{};
        Preferences kept = preferences();
        kept.costDefaults = CostAssumptions{};
        show(kept);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(general);
    layout->addWidget(costs);
    layout->addWidget(buttons);
    show(current);
}

void PreferencesDialog::show(const Preferences &p)
{
    mLanguage->setCurrentIndex(std::max(0, mLanguage->findData(p.language)));
    mMemoryUnit->setCurrentIndex(std::max(0, mMemoryUnit->findData(static_cast<int>(p.memoryUnit))));
    mAuthor->setText(p.author);
    mAutosave->setValue(p.autosaveMinutes);
    const std::vector<CostField> &fields = costFields();
    for (size_t i = 0; i < fields.size(); ++i)
        showAssumption(mCostBoxes[i], p.costDefaults.*(fields[i].member));
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p = mStart;
    p.language = mLanguage->currentData().toString();
    p.memoryUnit = static_cast<MemoryUnit>(mMemoryUnit->currentData().toInt());
    p.author = mAuthor->text().trimmed();
    p.autosaveMinutes = mAutosave->value();
    const std::vector<CostField> &fields = costFields();
    for (size_t i = 0; i < fields.size(); ++i)
        takeEditedValue(mCostBoxes[i], p.costDefaults.*(fields[i].member), tr("Preferences"));
    return p;
}

} // namespace planner
