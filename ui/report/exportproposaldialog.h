#pragma once
// File ▸ Export Proposal: the title and author printed on the proposal's
// title page and the file it is written to. The title starts as the plan's
// name and the author as Preferences' (changing them here does not change
// either); the file as the plan's name next to the plan file.

#include "ui/report/proposaloptions.h"

#include <QDialog>

class QLineEdit;

namespace planner {

class ExportProposalDialog : public QDialog
{
    Q_OBJECT

public:
    ExportProposalDialog(const QString &title, const QString &author, const QString &path, QWidget *parent = nullptr);

    ProposalOptions options() const;
    // The PDF to write, with a .pdf suffix when the user typed none.
    QString path() const;

    QLineEdit *titleEdit() const { return mTitle; }
    QLineEdit *authorEdit() const { return mAuthor; }
    QLineEdit *pathEdit() const { return mPath; }

private:
    void browse();

    QLineEdit *mTitle = nullptr;
    QLineEdit *mAuthor = nullptr;
    QLineEdit *mPath = nullptr;
};

} // namespace planner
