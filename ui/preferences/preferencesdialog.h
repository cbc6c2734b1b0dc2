#pragma once
// Edit ▸ Preferences: the interface language, the memory unit, the author named on proposals,
// the autosave interval and the cost assumptions new plans and scenarios
// start from.

#include "ui/preferences/preferences.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
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

    Preferences mStart;
    QComboBox *mLanguage = nullptr;
    QComboBox *mMemoryUnit = nullptr;
    QLineEdit *mAuthor = nullptr;
    QSpinBox *mAutosave = nullptr;
    std::vector<QDoubleSpinBox *> mCostBoxes;  // in the order of costFields()
};

} // namespace planner
