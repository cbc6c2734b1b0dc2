// Preferences: they survive a save and load through QSettings, the dialog
// marks what the user changed, and a settings file with values the cost model
// refuses falls back to the sourced defaults.

#include "ui/preferences/preferences.h"
#include "ui/preferences/preferencesdialog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

using namespace planner;

class TestPreferences : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("llm-planner-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test-preferences"));
    }

    void init() { QSettings().clear(); }

    void defaultsWithoutSettings()
    {
        const Preferences p = Preferences::load();
        QVERIFY(p.author.isEmpty());
        QCOMPARE(p.autosaveMinutes, 1);
        QVERIFY(p == Preferences{});
    }

    void roundTrip()
    {
        Preferences p;
        p.language = QStringLiteral("zh_CN");
        p.memoryUnit = MemoryUnit::GiB;
        p.author = QStringLiteral("张伟 (Infrastructure)");
        p.autosaveMinutes = 5;
        p.costDefaults.electricityUsdPerKwh = {0.12, "our 2026 utility contract"};
        p.costDefaults.pue = {1.3, "our data hall, measured 2025"};
        p.costDefaults.horizonMonths = {48, "finance: 4-year plans"};
        p.save();
        const Preferences back = Preferences::load();
        QVERIFY(back == p);
        QCOMPARE(back.costDefaults.pue.source, std::string("our data hall, measured 2025"));
        // Values left at the planner's default are not stored: a later release's default applies.
        QVERIFY(!QSettings().contains(QStringLiteral("preferences/costs/amortisation_years/value")));
    }

    void refusedValuesFallBackToDefaults()
    {
        QSettings settings;
        settings.setValue(QStringLiteral("preferences/costs/pue/value"), 0.5);  // PUE below 1
        settings.setValue(QStringLiteral("preferences/autosaveMinutes"), -3);
        settings.setValue(QStringLiteral("preferences/language"), QStringLiteral("tlh"));  // not offered
        const Preferences p = Preferences::load();
        QCOMPARE(p.costDefaults.pue.value, CostAssumptions{}.pue.value);
        QCOMPARE(p.autosaveMinutes, 1);
        QCOMPARE(p.language, QString());  // follows the system
    }

    void dialogMarksWhatTheUserChanged()
    {
        Preferences start;
        start.author = QStringLiteral("A. Planner");
        PreferencesDialog dialog(start);
        QVERIFY(dialog.preferences() == start);  // nothing touched, nothing changes

        auto *author = dialog.findChild<QLineEdit *>(QStringLiteral("authorEdit"));
        QVERIFY(author);
        author->setText(QStringLiteral("  B. Planner "));
        const QList<QDoubleSpinBox *> boxes = dialog.findChildren<QDoubleSpinBox *>();
        QCOMPARE(boxes.size(), 9);
        boxes.front()->setValue(0.2);  // electricity, the first cost field
        const Preferences chosen = dialog.preferences();
        QCOMPARE(chosen.author, QStringLiteral("B. Planner"));
        QCOMPARE(chosen.costDefaults.electricityUsdPerKwh.value, 0.2);
        QCOMPARE(chosen.costDefaults.electricityUsdPerKwh.source, std::string("set by the user in Preferences"));
        QCOMPARE(chosen.costDefaults.pue.source, CostAssumptions{}.pue.source);

        auto *language = dialog.findChild<QComboBox *>(QStringLiteral("languageBox"));
        QVERIFY(language);
        QCOMPARE(language->currentData().toString(), QString());  // the system's
        language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
        QCOMPARE(dialog.preferences().language, QStringLiteral("zh_CN"));
        auto *unit = dialog.findChild<QComboBox *>(QStringLiteral("memoryUnitBox"));
        QVERIFY(unit);
        QCOMPARE(dialog.preferences().memoryUnit, MemoryUnit::GB);
        unit->setCurrentIndex(1);
        QCOMPARE(dialog.preferences().memoryUnit, MemoryUnit::GiB);
    }
};

QTEST_MAIN(TestPreferences)
#include "test_preferences.moc"
