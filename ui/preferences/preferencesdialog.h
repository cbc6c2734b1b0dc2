#pragma once
// Edit ▸ Preferences: the interface language, the memory unit, the currency
// and its exchange rate, the author named on proposals, the autosave interval
// and the cost assumptions new plans and scenarios start from.

#include "ui/preferences/preferences.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace planner {

class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const Preferences &current, QWidget *parent = nullptr);

    // What the dialog holds now: the values shown, each changed cost keeping
    // "set by the user" as its source.
    Preferences preferences() const;

private:
    void show(const Preferences &p);
    void showCosts(const CostAssumptions &costs);
    Currency chosenCurrency() const;
    // The currency or rate changed: the costs are shown again in the new
    // currency, a value the user typed kept, and OK waits for a usable one.
    void currencyEdited();

    Preferences mStart;
    Currency mCostsCurrency; // the currency the cost boxes show their amounts in
    QString mRateCode;       // the currency the rate box holds a rate for
    QComboBox *mLanguage = nullptr;
    QComboBox *mMemoryUnit = nullptr;
    QComboBox *mCurrency = nullptr;
    QDoubleSpinBox *mRate = nullptr;
    QDateEdit *mRateDate = nullptr;
    QLabel *mCurrencyProblem = nullptr;
    QDialogButtonBox *mButtons = nullptr;
    QLineEdit *mAuthor = nullptr;
    QSpinBox *mAutosave = nullptr;
    std::vector<QDoubleSpinBox *> mCostBoxes; // in the order of costFields()
};

} // namespace planner
