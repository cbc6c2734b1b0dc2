#include "ui/report/exportproposaldialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace planner {

ExportProposalDialog::ExportProposalDialog(const QString &title, const QString &author, const QString &path,
                                           QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Export Proposal"));
    mTitle = new QLineEdit(title, this);
    mTitle->setObjectName(QStringLiteral("proposalTitleEdit"));
    mTitle->setPlaceholderText(tr("the plan's name"));
    mAuthor = new QLineEdit(author, this);
    mAuthor->setObjectName(QStringLiteral("proposalAuthorEdit"));
    mAuthor->setPlaceholderText(tr("no “Prepared by” line"));
    mPath = new QLineEdit(QDir::toNativeSeparators(path), this);
    mPath->setObjectName(QStringLiteral("proposalPathEdit"));
    mPath->setMinimumWidth(360);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ExportProposalDialog::browse);
    auto *file = new QHBoxLayout;
    file->addWidget(mPath, 1);
    file->addWidget(browse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *exportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    exportButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // No file, nothing to export.
    connect(mPath, &QLineEdit::textChanged, this,
            [exportButton](const QString &text) { exportButton->setEnabled(!text.trimmed().isEmpty()); });
    exportButton->setEnabled(!mPath->text().trimmed().isEmpty());

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Title:"), mTitle);
    form->addRow(tr("&Author:"), mAuthor);
    form->addRow(tr("&File:"), file);
    form->addRow(buttons);
}

ProposalOptions ExportProposalDialog::options() const
{
    ProposalOptions options;
    options.title = mTitle->text().trimmed();
    options.author = mAuthor->text().trimmed();
    return options;
}

QString ExportProposalDialog::path() const
{
    QString path = QDir::fromNativeSeparators(mPath->text().trimmed());
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".pdf");
    return path;
}

void ExportProposalDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Proposal"), path(),
                                                        tr("PDF documents (*.pdf)"));
    if (!chosen.isEmpty())
        mPath->setText(QDir::toNativeSeparators(chosen));
}

} // namespace planner
