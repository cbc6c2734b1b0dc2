// Preferences: they survive a save and load through QSettings, the dialog
// marks what the user changed, and a settings file with values the cost model
// refuses falls back to the sourced defaults.

#include "ui/preferences/preferences.h"
#include "ui/preferences/preferencesdialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPushButton>
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
        p.currency = {"CNY", 7.12, "2026-11-20"};
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
        settings.setValue(QStringLiteral("preferences/costs/pue/value"), 0.5); // PUE below 1
        settings.setValue(QStringLiteral("preferences/autosaveMinutes"), -3);
        settings.setValue(QStringLiteral("preferences/language"), QStringLiteral("tlh")); // not offered
        settings.setValue(QStringLiteral("preferences/currency/code"), QStringLiteral("CNY"));
        settings.setValue(QStringLiteral("preferences/currency/perUsd"), -7); // no currency has a negative rate
        const Preferences p = Preferences::load();
        QVERIFY(p.currency == Currency{}); // US dollars
        QCOMPARE(p.costDefaults.pue.value, CostAssumptions{}.pue.value);
        QCOMPARE(p.autosaveMinutes, 1);
        QCOMPARE(p.language, QString()); // follows the system
    }

    void dialogMarksWhatTheUserChanged()
    {
        Preferences start;
        start.author = QStringLiteral("A. Planner");
        PreferencesDialog dialog(start);
        QVERIFY(dialog.preferences() == start); // nothing touched, nothing changes

        auto *author = dialog.findChild<QLineEdit *>(QStringLiteral("authorEdit"));
        QVERIFY(author);
        author->setText(QStringLiteral("  B. Planner "));
        const QList<QDoubleSpinBox *> boxes = costBoxes(dialog);
        QCOMPARE(boxes.size(), 9);
        boxes.front()->setValue(0.2); // electricity, the first cost field
        const Preferences chosen = dialog.preferences();
        QCOMPARE(chosen.author, QStringLiteral("B. Planner"));
        QCOMPARE(chosen.costDefaults.electricityUsdPerKwh.value, 0.2);
        QCOMPARE(chosen.costDefaults.electricityUsdPerKwh.source, std::string("set by the user in Preferences"));
        QCOMPARE(chosen.costDefaults.pue.source, CostAssumptions{}.pue.source);

        auto *language = dialog.findChild<QComboBox *>(QStringLiteral("languageBox"));
        QVERIFY(language);
        QCOMPARE(language->currentData().toString(), QString()); // the system's
        language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
        QCOMPARE(dialog.preferences().language, QStringLiteral("zh_CN"));
        auto *unit = dialog.findChild<QComboBox *>(QStringLiteral("memoryUnitBox"));
        QVERIFY(unit);
        QCOMPARE(dialog.preferences().memoryUnit, MemoryUnit::GB);
        unit->setCurrentIndex(1);
        QCOMPARE(dialog.preferences().memoryUnit, MemoryUnit::GiB);
    }

    // Costs are shown and typed in the chosen currency and kept in USD; a
    // value the user typed survives a change of currency.
    void dialogConvertsCostsToTheChosenCurrency()
    {
        PreferencesDialog dialog(Preferences{});
        auto *currency = dialog.findChild<QComboBox *>(QStringLiteral("currencyBox"));
        auto *rate = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("rateBox"));
        auto *rateDate = dialog.findChild<QDateEdit *>(QStringLiteral("rateDateEdit"));
        QVERIFY(currency && rate && rateDate);
        QVERIFY(!rate->isEnabled()); // one USD is one USD
        const QList<QDoubleSpinBox *> boxes = costBoxes(dialog);
        QDoubleSpinBox *electricity = boxes.at(0);
        QDoubleSpinBox *integration = boxes.at(6);
        QCOMPARE(electricity->suffix(), QStringLiteral(" USD/kWh"));

        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        currency->setCurrentText(QStringLiteral("cny"));
        QVERIFY(rate->isEnabled());
        // A new currency never inherits the dollar's rate of 1: OK waits for the user's.
        QCOMPARE(rate->value(), 0.0);
        QVERIFY(!ok->isEnabled());
        QCOMPARE(electricity->suffix(), QStringLiteral(" USD/kWh"));
        rate->setValue(7.0);
        QVERIFY(ok->isEnabled());
        rateDate->setDate(QDate(2026, 11, 20));
        QCOMPARE(electricity->suffix(), QStringLiteral(" CNY/kWh"));
        // The sourced default, 0.0806 USD/kWh (EIA), at 7 CNY per USD.
        QCOMPARE(electricity->value(), 0.5642);
        QCOMPARE(electricity->maximum(), 70.0); // the cost model's 10 USD/kWh

        integration->setValue(7000);
        Preferences chosen = dialog.preferences();
        QVERIFY(chosen.currency == (Currency{"CNY", 7.0, "2026-11-20"}));
        QCOMPARE(chosen.costDefaults.integrationUsdPerServer.value, 1000.0);
        QCOMPARE(chosen.costDefaults.electricityUsdPerKwh.value,
                 CostAssumptions{}.electricityUsdPerKwh.value); // untouched

        currency->setCurrentText(QStringLiteral("EUR"));
        QVERIFY(!ok->isEnabled());
        rate->setValue(0.5);
        QCOMPARE(integration->value(), 500.0);
        QCOMPARE(dialog.preferences().costDefaults.integrationUsdPerServer.value, 1000.0);

        electricity->setValue(electricity->maximum()); // rounds back to at most the model's bound
        QCOMPARE(dialog.preferences().costDefaults.electricityUsdPerKwh.value, 10.0);

        currency->setCurrentText(QStringLiteral("EU")); // half typed
        QVERIFY(!ok->isEnabled());
        currency->setCurrentText(QStringLiteral("USD"));
        QVERIFY(ok->isEnabled());
        QVERIFY(dialog.preferences().currency == Currency{});
        QCOMPARE(integration->value(), 1000.0);
    }

    // The rate saved for a currency comes back when the user returns to it.
    void savedRateReturnsWithItsCurrency()
    {
        Preferences start;
        start.currency = {"CNY", 7.12, "2026-11-20"};
        PreferencesDialog dialog(start);
        auto *currency = dialog.findChild<QComboBox *>(QStringLiteral("currencyBox"));
        auto *rate = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("rateBox"));
        QVERIFY(currency && rate);
        QCOMPARE(rate->value(), 7.12);
        currency->setCurrentText(QStringLiteral("EUR"));
        QCOMPARE(rate->value(), 0.0);
        currency->setCurrentText(QStringLiteral("CNY"));
        QCOMPARE(rate->value(), 7.12);
        QVERIFY(dialog.preferences().currency == start.currency);
    }

private:
    static QList<QDoubleSpinBox *> costBoxes(const PreferencesDialog &dialog)
    {
        QList<QDoubleSpinBox *> boxes = dialog.findChildren<QDoubleSpinBox *>();
        boxes.removeIf([](const QDoubleSpinBox *box) { return box->objectName() == QLatin1String("rateBox"); });
        return boxes;
    }
};

QTEST_MAIN(TestPreferences)
#include "test_preferences.moc"
