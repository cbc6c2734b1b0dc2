// llm-planner: the desktop application.

#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

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
    parser.process(app);

    planner::MainWindow window;
    window.show();
    return QApplication::exec();
}
