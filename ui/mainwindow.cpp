#include "ui/mainwindow.h"

#include "core/model/builtinmodels.h"
#include "ui/models/modelversiontablemodel.h"

#include <QApplication>
#include <QHeaderView>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>

namespace planner {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("LLM Deployment Planner"));
    mModelVersions = new ModelVersionTableModel(builtinModels(), this);

    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(mModelVersions);
    sorted->setSortRole(Qt::UserRole);

    mModelTable = new QTableView(this);
    mModelTable->setModel(sorted);
    mModelTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mModelTable->setAlternatingRowColors(true);
    mModelTable->verticalHeader()->hide();
    mModelTable->horizontalHeader()->setStretchLastSection(true);
    mModelTable->resizeColumnsToContents();
    setCentralWidget(mModelTable);

    createMenus();
    statusBar()->showMessage(tr("%1 built-in model versions; parameter counts computed from each config.json")
                                 .arg(mModelVersions->rowCount()));
    resize(1280, 720);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About LLM Deployment Planner"), this, &MainWindow::showAbout);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About LLM Deployment Planner"),
                       tr("<h3>LLM Deployment Planner %1</h3>"
                          "<p>Sizes, times and costs large-language-model deployments from the "
                          "model's architecture and the hardware's datasheets.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace planner
