#pragma once
// Runs llm-planner-cli (PLANNER_CLI, the built binary) as a user would, with
// a private XDG_DATA_HOME so the user catalogue it opens is the test's own.

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace planner::testsupport {

struct CliResult {
    int exitCode = -1; // -1: did not finish within the time limit
    QByteArray out;
    QByteArray err;
};

// How many times longer a run may take in this build (tests/CMakeLists.txt:
// 10 under the sanitizers).
inline constexpr int kTimeScale = PLANNER_TEST_TIME_SCALE;

inline CliResult runCli(const QString &dataHome, const QStringList &arguments, int timeoutMs = 30000)
{
    timeoutMs *= kTimeScale;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(PLANNER_CLI), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace planner::testsupport
