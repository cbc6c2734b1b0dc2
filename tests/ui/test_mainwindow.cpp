// The main window opens offscreen and lists the built-in model versions with
// the parameter counts core/ derives.

#include "core/model/builtinmodels.h"
#include "ui/mainwindow.h"
#include "ui/models/modelversiontablemodel.h"

#include <QTableView>
#include <QtTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void listsEveryBuiltinVersion()
    {
        planner::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAbstractItemModel *model = window.modelTable()->model();
        QCOMPARE(model->rowCount(), static_cast<int>(planner::builtinModels().size()));
    }

    void showsExactCountsAndSortsByThem()
    {
        planner::MainWindow window;
        QAbstractItemModel *model = window.modelTable()->model();
        window.modelTable()->sortByColumn(planner::ModelVersionTableModel::TotalParameters, Qt::DescendingOrder);
        // The largest built-in version is DeepSeek-R1/V3's 671,026,419,200 (main model).
        const QModelIndex top = model->index(0, planner::ModelVersionTableModel::TotalParameters);
        QCOMPARE(model->data(top, Qt::UserRole).toLongLong(), Q_INT64_C(671026419200));
        QVERIFY(model->data(top).toString().contains(QStringLiteral("671")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
