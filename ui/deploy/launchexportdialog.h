#pragma once
// Scenario ▸ Export Launch Command: the command that serves one model version
// of the scenario on show, with the settings the planner estimated
// (core/deploy/launchexport.h), as a shell script or a Kubernetes manifest.
//
// The text is previewed as the user picks the model version, the engine and
// the kind of output, and can be copied or saved (whole or not at all, a
// script executable). Nothing here edits the plan: the dialog only reads it.

#include "core/plan/plan.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace planner {

class LaunchExportDialog : public QDialog
{
    Q_OBJECT

public:
    LaunchExportDialog(const Plan &plan, size_t scenario, QWidget *parent = nullptr);

    // What the preview shows now; empty while the choice cannot be exported
    // (the reason is then in problem()).
    QString text() const;
    QString problem() const;

    // Saves the text shown to `path`; an error message, or empty on success.
    QString saveTo(const QString &path) const;

    QComboBox *modelBox() const { return mModel; }
    QComboBox *engineBox() const { return mEngine; }
    QComboBox *kindBox() const { return mKind; }

private:
    void refresh();
    void save();

    Plan mPlan;
    size_t mScenario;
    QComboBox *mModel = nullptr;
    QComboBox *mEngine = nullptr;
    QComboBox *mKind = nullptr;
    QPlainTextEdit *mPreview = nullptr;
    QLabel *mProblem = nullptr;
    QPushButton *mSave = nullptr;
    QPushButton *mCopy = nullptr;
};

} // namespace planner
