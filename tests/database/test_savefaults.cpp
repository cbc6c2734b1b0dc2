// Saving a plan when things go wrong, in a separate process
// (tests/fault/savehelper.cpp) that saves exactly as the planner does:
// killed in the middle of writing, the previous plan file is still whole;
// refused by a read-only folder, it says so and the previous file keeps its
// bytes. (A full disk is in test_planfile; a corrupt catalogue in
// test_catalogue; autosave recovery in tests/ui/test_recovery.cpp.)
#include "database/planfile.h"
#include "support/filebytes.h"
#include "support/sampleplans.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace planner;
using planner::testsupport::fileBytes;

namespace {

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// The DeepSeek-R1 sample with its scenario repeated until the file is about
// 2 MB, so that one save takes long enough for a kill to land inside it.
Plan largePlan()
{
    Plan plan = testsupport::samplePlan("deepseek-r1-8x-h200");
    const Scenario first = plan.scenarios.front();
    const qsizetype perScenario = serializePlan(plan).size();
    for (qsizetype copy = 2; copy <= 2'000'000 / perScenario; ++copy) {
        Scenario again = first;
        again.name = first.name + " #" + std::to_string(copy);
        plan.scenarios.push_back(again);
    }
    return plan;
}

} // namespace

class TestSaveFaults : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;

    QString path(const char *name) const { return mDir.filePath(QLatin1String(name)); }

private slots:
    void initTestCase()
    {
        QVERIFY(mDir.isValid());
        // The helper may run as nobody (see readOnlyFolder...): let it in.
        QVERIFY(QFile::setPermissions(mDir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                       | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                                       | QFileDevice::ExeOther | QFileDevice::ReadGroup
                                                       | QFileDevice::ExeGroup));
    }

    void killedMidSaveLeavesAWholePlan()
    {
        const Plan plan = largePlan();
        const QString source = path("source.llmplan");
        const QString target = path("target.llmplan");
        QCOMPARE(writePlanFile(plan, source), QString());
        QCOMPARE(writePlanFile(plan, target), QString());
        const std::string name = plan.name;

        QRandomGenerator random(20261123); // fixed: a failure can be replayed
        constexpr int kKills = 12;
        for (int kill = 0; kill < kKills; ++kill) {
            QProcess helper;
            helper.start(QStringLiteral(PLANNER_SAVE_HELPER), {source, target, QStringLiteral("--loop")});
            QVERIFY(helper.waitForStarted());
            // "saving" comes after the first whole save: from then on the
            // helper does nothing but rewrite the file.
            QVERIFY2(helper.waitForReadyRead(30000), helper.readAllStandardError().constData());
            QTest::qSleep(static_cast<int>(random.bounded(1, 60)));
            helper.kill(); // SIGKILL: no handler, no cleanup
            QVERIFY(helper.waitForFinished());
            QCOMPARE(helper.exitStatus(), QProcess::CrashExit);

            const PlanFileResult read = readPlanFile(target);
            QVERIFY2(read.ok(), qPrintable(QStringLiteral("after kill %1: %2").arg(kill).arg(read.error)));
            const std::string saved = read.plan->name;
            QVERIFY2(saved == name + " A" || saved == name + " B", saved.c_str());
            QCOMPARE(read.plan->scenarios.size(), plan.scenarios.size());
        }
        // Nothing half-written is left beside the plan either. A kill in the
        // instant between QSaveFile naming its finished temporary file and
        // renaming it over the plan (Qt links the unnamed O_TMPFILE first)
        // can leave that whole copy behind: it must read as a whole plan.
        const QStringList files = QDir(mDir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name);
        QVERIFY(files.contains(QStringLiteral("source.llmplan")) && files.contains(QStringLiteral("target.llmplan")));
        for (const QString &file : files) {
            const PlanFileResult read = readPlanFile(mDir.filePath(file));
            QVERIFY2(read.ok(), qPrintable(file + QStringLiteral(": ") + read.error));
        }
    }

    void readOnlyFolderRefusesAndKeepsTheOldFile()
    {
        const QString source = path("small.llmplan");
        QCOMPARE(writePlanFile(testsupport::samplePlan("r1-distill-qwen-32b-2x-rtx4090"), source), QString());
        QVERIFY(QDir(mDir.path()).mkdir(QStringLiteral("locked")));
        const QString target = path("locked/plan.llmplan");
        const QByteArray before = "{\"an\": \"earlier plan\"}\n";
        QVERIFY(writeBytes(target, before));
        // The file itself may be written by anyone: only the folder refuses.
        QVERIFY(QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther
                                                  | QFileDevice::WriteOther));
        QVERIFY(QFile::setPermissions(path("locked"), QFileDevice::ReadOwner | QFileDevice::ExeOwner
                                                          | QFileDevice::ReadOther | QFileDevice::ExeOther));

        QProcess helper;
        // As root the folder's mode means nothing; the helper then saves as nobody.
        helper.start(QStringLiteral(PLANNER_SAVE_HELPER), {source, target, QStringLiteral("--as-nobody")});
        QVERIFY(helper.waitForFinished(30000));
        const QString error = QString::fromLocal8Bit(helper.readAllStandardError());
        QFile::setPermissions(path("locked"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY2(helper.exitStatus() == QProcess::NormalExit && helper.exitCode() == 1, qPrintable(error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(target)), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("ermission denied")), qPrintable(error)); // the system's reason
        QCOMPARE(fileBytes(target), before);
        QCOMPARE(QDir(path("locked")).entryList(QDir::Files | QDir::Hidden),
                 QStringList(QStringLiteral("plan.llmplan")));
    }
};

QTEST_GUILESS_MAIN(TestSaveFaults)
#include "test_savefaults.moc"
