// llm-planner: the desktop application.

#include "database/catalogue.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("llm-planner"));
    QApplication::setApplicationDisplayName(QStringLiteral("LLM Deployment Planner"));
    QApplication::setOrganizationName(QStringLiteral("llm-planner"));
    QApplication::setApplicationVersion(QStringLiteral(PLANNER_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/llm-planner.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plan the hardware for serving and training LLMs."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("A plan file (.llmplan) to open."), QStringLiteral("[plan]"));
    parser.process(app);

    planner::Catalogue::OpenResult opened = planner::Catalogue::open(planner::Catalogue::defaultUserDatabasePath());
    if (!opened.catalogue) {
        QMessageBox::critical(nullptr, QStringLiteral("LLM Deployment Planner"),
                              QStringLiteral("The catalogue cannot be opened:\n%1").arg(opened.error));
        return 1;
    }
    planner::MainWindow window(*opened.catalogue);
    window.show();
    for (const QString &warning : opened.warnings)
        QMessageBox::warning(&window, QStringLiteral("Catalogue"), warning);
    if (!parser.positionalArguments().isEmpty())
        window.openPlan(parser.positionalArguments().constFirst());
    else
        window.offerRecovery();
    return QApplication::exec();
}
