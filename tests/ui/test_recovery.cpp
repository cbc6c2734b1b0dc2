// Nothing the user did is lost: after a crash the autosaved plan comes back
// exactly; declining it removes it; a damaged autosave is set aside and the user told; a save
// that fails (a full disk) says why, keeps the previous file and leaves the
// plan marked unsaved.
#include "database/catalogue.h"
#include "database/planfile.h"
#include "support/filebytes.h"
#include "ui/document/plandocument.h"
#include "ui/document/planedits.h"
#include "ui/mainwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <csignal>
#include <memory>
#include <sys/resource.h>

using namespace planner;
using planner::testsupport::fileBytes;

namespace {

// Answers the next message box with `button` once it is shown, keeping its text.
void answerNextMessageBox(QMessageBox::StandardButton button, QString *text = nullptr)
{
    QTimer::singleShot(0, [button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        if (text)
            *text = box->text();
        if (QAbstractButton *b = box->button(button))
            b->click();
        else
            box->close();
    });
}

constexpr auto kSample = ":/plans/deepseek-r1-8x-h200.llmplan";

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    std::unique_ptr<Catalogue> mCatalogue;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(mDir.isValid());
        Catalogue::OpenResult opened = Catalogue::open(mDir.filePath(QStringLiteral("catalogue.sqlite")));
        QVERIFY2(opened.catalogue, qPrintable(opened.error));
        mCatalogue = std::move(opened.catalogue);
    }

    void init() { QFile::remove(MainWindow::autosavePath()); }
    // A pending answer to a box that never came must not outlive its test.
    void cleanup() { QCoreApplication::processEvents(); }

    void autosaveIsRestoredAfterACrash()
    {
        const QByteArray edited = crashAfterAnEdit(QString::fromLatin1(kSample));
        QVERIFY(!edited.isEmpty());
        QVERIFY(QFile::exists(MainWindow::autosavePath()));

        MainWindow next(*mCatalogue);
        const QByteArray fresh = serializePlan(next.document()->plan());
        QVERIFY(fresh != edited);
        QString question;
        answerNextMessageBox(QMessageBox::Yes, &question);
        next.offerRecovery();
        QVERIFY2(question.contains(QLatin1String("Recover")), qPrintable(question));
        QCOMPARE(serializePlan(next.document()->plan()), edited);
        // Recovered work is unsaved work: closing asks, and it has no file yet.
        QVERIFY(next.document()->isModified());
        QVERIFY(next.document()->filePath().isEmpty());
    }

    // A plan opened from a file comes back to that file: Save writes the
    // recovered plan there, and the question names it.
    void recoveredPlanKeepsItsFile()
    {
        const QString path = mDir.filePath(QStringLiteral("team-plan.llmplan"));
        QFile::remove(path);
        QVERIFY(QFile::copy(QString::fromLatin1(kSample), path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QByteArray edited = crashAfterAnEdit(path);
        QVERIFY(!edited.isEmpty());
        MainWindow next(*mCatalogue);
        QString question;
        answerNextMessageBox(QMessageBox::Yes, &question);
        next.offerRecovery();
        QVERIFY2(question.contains(QDir::toNativeSeparators(path)), qPrintable(question));
        QCOMPARE(next.document()->filePath(), path);
        QVERIFY(next.document()->isModified());
        QVERIFY(fileBytes(path) != edited);                    // the file still holds what was last saved
        QVERIFY(next.savePlanTo(next.document()->filePath())); // what File ▸ Save does with a file
        QCOMPARE(readPlanFile(path).plan.has_value(), true);
        QCOMPARE(serializePlan(*readPlanFile(path).plan), edited);
        QVERIFY(!QFile::exists(MainWindow::autosavePath()));
    }

    // Changes the user chose to discard are not offered back after a later crash.
    void discardedChangesAreNotRecovered()
    {
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QString::fromLatin1(kSample)));
        edits::arrangeInGrid(*window.document());
        window.autosave();
        QVERIFY(QFile::exists(MainWindow::autosavePath()));
        answerNextMessageBox(QMessageBox::Discard);
        QVERIFY(window.maybeSave());
        QVERIFY(!QFile::exists(MainWindow::autosavePath()));
    }

    void decliningRecoveryRemovesTheAutosave()
    {
        QVERIFY(!crashAfterAnEdit(QString::fromLatin1(kSample)).isEmpty());
        MainWindow next(*mCatalogue);
        const QByteArray fresh = serializePlan(next.document()->plan());
        answerNextMessageBox(QMessageBox::No);
        next.offerRecovery();
        QCOMPARE(serializePlan(next.document()->plan()), fresh);
        QVERIFY(!QFile::exists(MainWindow::autosavePath()));
    }

    void unchangedPlansAreNotAutosaved()
    {
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QString::fromLatin1(kSample)));
        window.autosave();
        QVERIFY(!QFile::exists(MainWindow::autosavePath()));
    }

    // A damaged autosave is not offered as a plan: it is kept under a name of
    // its own (twice: neither overwrites the other) and the user is told why
    // nothing was recovered and where the file is.
    void damagedAutosaveIsSetAsideAndTold()
    {
        QDir().mkpath(QFileInfo(MainWindow::autosavePath()).absolutePath());
        const QByteArray broken("{\"format\": \"llm-planner-plan\", \"vers");
        for (int crash = 0; crash < 2; ++crash) {
            QFile damaged(MainWindow::autosavePath());
            QVERIFY(damaged.open(QIODevice::WriteOnly));
            damaged.write(broken);
            damaged.close();
            MainWindow next(*mCatalogue);
            QString message;
            answerNextMessageBox(QMessageBox::Ok, &message);
            next.offerRecovery();
            QVERIFY2(message.contains(QStringLiteral("cannot be read")) && message.contains(QStringLiteral("kept as")),
                     qPrintable(message));
            QVERIFY(!QFile::exists(MainWindow::autosavePath()));
        }
        const QFileInfo autosave(MainWindow::autosavePath());
        const QStringList aside = autosave.dir().entryList({autosave.fileName() + QStringLiteral(".damaged-*")},
                                                           QDir::Files);
        QCOMPARE(aside.size(), 2);
        for (const QString &name : aside) {
            QCOMPARE(fileBytes(autosave.dir().filePath(name)), broken);
            QFile::remove(autosave.dir().filePath(name));
        }
    }

    void failedSaveSaysWhyAndLosesNothing()
    {
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QString::fromLatin1(kSample)));
        const QString path = mDir.filePath(QStringLiteral("plan.llmplan"));
        QVERIFY(window.savePlanTo(path));
        const QByteArray before = fileBytes(path);
        edits::renameScenario(*window.document(), 0, QStringLiteral("Renamed before the disk filled up"));
        QVERIFY(before.size() > 4 * 1024); // larger than the limit below
        QVERIFY(window.document()->isModified());

        // Files may not grow past 4 KiB: the write fails with EFBIG, as on a
        // full disk (and for root too, unlike a read-only folder).
        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        rlimit small = saved;
        small.rlim_cur = 4 * 1024;
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        QString message;
        answerNextMessageBox(QMessageBox::Ok, &message);
        const bool savedOk = window.savePlanTo(path);
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(!savedOk);
        QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
        QCOMPARE(fileBytes(path), before);
        QVERIFY(window.document()->isModified());
        QCOMPARE(window.document()->filePath(), path);
    }

private:
    // A session that opens `path`, edits the plan, autosaves and then
    // "crashes": the window goes away without being closed. Returns the plan
    // it autosaved, serialized; empty when the plan did not open or the edit
    // left it unmodified.
    QByteArray crashAfterAnEdit(const QString &path)
    {
        MainWindow crashed(*mCatalogue);
        if (!crashed.openPlan(path))
            return {};
        edits::arrangeInGrid(*crashed.document());
        if (!crashed.document()->isModified())
            return {};
        crashed.autosave();
        return serializePlan(crashed.document()->plan());
    }
};

QTEST_MAIN(TestRecovery)
#include "test_recovery.moc"
