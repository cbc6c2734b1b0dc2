#include "ui/format/money.h"

#include <QCoreApplication>

namespace planner {

namespace {

Currency gCurrency;

class Money
{
    Q_DECLARE_TR_FUNCTIONS(Money)
};

} // namespace

const Currency &displayCurrency()
{
    return gCurrency;
}

void setDisplayCurrency(const Currency &currency)
{
    gCurrency = currency;
}

QString currencyCode()
{
    return QString::fromStdString(gCurrency.code);
}

double inDisplayCurrency(double usd)
{
    return gCurrency.fromUsd(usd);
}

double usdFromDisplayCurrency(double amount)
{
    return gCurrency.toUsd(amount);
}

QString moneyAmount(double usd, int decimals, const QLocale &locale)
{
    return locale.toString(inDisplayCurrency(usd), 'f', decimals);
}

QString withCurrencyCode(const QString &amount)
{
    return Money::tr("%1 %2").arg(amount, currencyCode());
}

QString moneyText(double usd, int decimals, const QLocale &locale)
{
    return withCurrencyCode(moneyAmount(usd, decimals, locale));
}

QString currencyNote(const QLocale &locale)
{
    if (gCurrency.isUsd())
        return QString();
    const QString rate = locale.toString(gCurrency.perUsd, 'f', QLocale::FloatingPointShortest);
    if (gCurrency.rateDate.empty())
        return Money::tr("Amounts in %1 at the user's rate of %2 %1 per USD; catalogue prices are quoted in USD.")
            .arg(currencyCode(), rate);
    return Money::tr("Amounts in %1 at the user's rate of %2 %1 per USD (%3); catalogue prices are quoted in USD.")
        .arg(currencyCode(), rate, QString::fromStdString(gCurrency.rateDate));
}

} // namespace planner
