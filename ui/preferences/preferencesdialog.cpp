#include "ui/preferences/preferencesdialog.h"

#include "ui/panels/costfields.h"
#include "ui/preferences/language.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace planner {

namespace {

// Offered in the currency box; any other ISO 4217 code can be typed.
const char *const kCommonCurrencies[] = {"USD", "CNY", "EUR", "GBP", "JPY", "KRW", "HKD",
                                         "SGD", "TWD", "INR", "CAD", "AUD", "CHF"};

} // namespace

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
    mCurrency = new QComboBox(general);
    mCurrency->setObjectName(QStringLiteral("currencyBox"));
    mCurrency->setEditable(true);
    mCurrency->setInsertPolicy(QComboBox::NoInsert);
    mCurrency->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z]{0,3}")), mCurrency));
    for (const char *code : kCommonCurrencies)
        mCurrency->addItem(QLatin1String(code));
    mCurrency->setToolTip(
        tr("The currency prices and costs are shown in (an ISO 4217 code); the catalogue keeps its prices in USD"));
    generalForm->addRow(tr("&Currency"), mCurrency);
    mRate = new QDoubleSpinBox(general);
    mRate->setObjectName(QStringLiteral("rateBox"));
    mRate->setDecimals(4);
    // 0 stands for "not entered yet": a new currency never inherits the rate
    // of the one before it.
    mRate->setRange(0, kLargestRatePerUsd);
    mRate->setSpecialValueText(tr("1 USD = ?"));
    mRate->setGroupSeparatorShown(true);
    mRate->setPrefix(tr("1 USD = "));
    mRate->setToolTip(tr("The exchange rate you budget with; the planner ships none"));
    mRateDate = new QDateEdit(general);
    mRateDate->setObjectName(QStringLiteral("rateDateEdit"));
    mRateDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    mRateDate->setCalendarPopup(true);
    mRateDate->setToolTip(tr("The day the rate is from; the proposal states it"));
    auto *rateRow = new QHBoxLayout;
    rateRow->addWidget(mRate, 1);
    rateRow->addWidget(new QLabel(tr("as of"), general));
    rateRow->addWidget(mRateDate);
    auto *rateLabel = new QLabel(tr("E&xchange rate"), general);
    rateLabel->setBuddy(mRate); // a row of several widgets has no buddy of its own
    generalForm->addRow(rateLabel, rateRow);
    mCurrencyProblem = new QLabel(general);
    mCurrencyProblem->setObjectName(QStringLiteral("currencyProblemLabel"));
    mCurrencyProblem->setWordWrap(true);
    generalForm->addRow(mCurrencyProblem);
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

    mButtons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults,
                                    this);
    connect(mButtons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(mButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(mButtons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        mStart.costDefaults = CostAssumptions{};
        showCosts(mStart.costDefaults);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(general);
    layout->addWidget(costs);
    layout->addWidget(mButtons);
    show(current);
    connect(mCurrency, &QComboBox::currentTextChanged, this, &PreferencesDialog::currencyEdited);
    connect(mRate, &QDoubleSpinBox::valueChanged, this, &PreferencesDialog::currencyEdited);
}

void PreferencesDialog::show(const Preferences &p)
{
    mLanguage->setCurrentIndex(std::max(0, mLanguage->findData(p.language)));
    mMemoryUnit->setCurrentIndex(std::max(0, mMemoryUnit->findData(static_cast<int>(p.memoryUnit))));
    mCurrency->setCurrentText(QString::fromStdString(p.currency.code));
    mRateCode = QString::fromStdString(p.currency.code);
    mRate->setValue(p.currency.perUsd);
    const QDate rateDate = QDate::fromString(QString::fromStdString(p.currency.rateDate), Qt::ISODate);
    mRateDate->setDate(rateDate.isValid() ? rateDate : QDate::currentDate());
    mRate->setEnabled(!p.currency.isUsd());
    mRateDate->setEnabled(!p.currency.isUsd());
    mCurrencyProblem->hide();
    mAuthor->setText(p.author);
    mAutosave->setValue(p.autosaveMinutes);
    mCostsCurrency = p.currency;
    showCosts(p.costDefaults);
}

void PreferencesDialog::showCosts(const CostAssumptions &costs)
{
    const std::vector<CostField> &fields = costFields();
    for (size_t i = 0; i < fields.size(); ++i)
        showAssumption(mCostBoxes[i], fields[i], costs.*(fields[i].member), mCostsCurrency);
}

Currency PreferencesDialog::chosenCurrency() const
{
    Currency currency;
    currency.code = mCurrency->currentText().trimmed().toUpper().toStdString();
    if (currency.isUsd())
        return currency;
    currency.perUsd = mRate->value();
    currency.rateDate = mRateDate->date().toString(Qt::ISODate).toStdString();
    return currency;
}

void PreferencesDialog::currencyEdited()
{
    const QString code = QString::fromStdString(chosenCurrency().code);
    const bool wholeCode = code.size() == 3;
    if (wholeCode && code != QLatin1String("USD") && code != mRateCode) {
        // Another currency: its own rate, which only the user knows (or the one saved for it).
        const QSignalBlocker quiet(mRate);
        const bool saved = code == QString::fromStdString(mStart.currency.code);
        mRate->setValue(saved ? mStart.currency.perUsd : 0);
        mRateCode = code;
    }
    const Currency currency = chosenCurrency();
    mRate->setEnabled(!currency.isUsd());
    mRateDate->setEnabled(!currency.isUsd());
    const std::optional<std::string> problem = currencyProblem(currency);
    mCurrencyProblem->setText(wholeCode ? tr("Enter the exchange rate: how many %1 one USD buys.").arg(code)
                                        : tr("Type a three-letter currency code (ISO 4217), such as CNY or EUR."));
    mCurrencyProblem->setVisible(problem.has_value());
    mButtons->button(QDialogButtonBox::Ok)->setEnabled(!problem);
    if (problem || (currency.code == mCostsCurrency.code && currency.perUsd == mCostsCurrency.perUsd))
        return;
    mStart.costDefaults = preferences().costDefaults; // what the boxes hold, in USD, before they change currency
    mCostsCurrency = currency;
    showCosts(mStart.costDefaults);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p = mStart;
    p.language = mLanguage->currentData().toString();
    p.memoryUnit = static_cast<MemoryUnit>(mMemoryUnit->currentData().toInt());
    if (!currencyProblem(chosenCurrency()))
        p.currency = chosenCurrency();
    p.author = mAuthor->text().trimmed();
    p.autosaveMinutes = mAutosave->value();
    const std::vector<CostField> &fields = costFields();
    for (size_t i = 0; i < fields.size(); ++i)
        takeEditedValue(mCostBoxes[i], fields[i], p.costDefaults.*(fields[i].member), mCostsCurrency,
                        tr("Preferences"));
    return p;
}

} // namespace planner
