#pragma once
// The planner's main window. For now it shows the built-in model versions with
// their exact parameter counts; the canvas, palette, inspector and analysis
// docks arrive with the desktop-application work.

#include <QMainWindow>

class QTableView;

namespace planner {

class ModelVersionTableModel;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    QTableView *modelTable() const { return mModelTable; }

private:
    void createMenus();
    void showAbout();

    ModelVersionTableModel *mModelVersions = nullptr;
    QTableView *mModelTable = nullptr;
};

} // namespace planner
