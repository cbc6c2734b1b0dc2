#include "ui/help/helpdialogs.h"

#include "database/catalogue.h"
#include "database/cataloguesummary.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QLocale>
#include <QMessageBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace planner {

namespace {

class HelpDialogs
{
    Q_DECLARE_TR_FUNCTIONS(HelpDialogs)
};

QString kindName(const QString &table)
{
    if (table == QLatin1String("gpus"))
        return HelpDialogs::tr("GPUs");
    if (table == QLatin1String("cpus"))
        return HelpDialogs::tr("CPUs");
    if (table == QLatin1String("memory"))
        return HelpDialogs::tr("Memory modules");
    if (table == QLatin1String("storage"))
        return HelpDialogs::tr("Storage devices");
    if (table == QLatin1String("links"))
        return HelpDialogs::tr("Links");
    if (table == QLatin1String("switches"))
        return HelpDialogs::tr("Switches");
    if (table == QLatin1String("nics"))
        return HelpDialogs::tr("Network adapters");
    if (table == QLatin1String("cables"))
        return HelpDialogs::tr("Cables and transceivers");
    if (table == QLatin1String("servers"))
        return HelpDialogs::tr("Server templates");
    if (table == QLatin1String("instances"))
        return HelpDialogs::tr("Cloud instances");
    if (table == QLatin1String("models"))
        return HelpDialogs::tr("Model versions");
    return table;
}

QString catalogueTable(const CatalogueSummary &summary)
{
    const QLocale locale;
    QString rows;
    for (const CatalogueSummary::Kind &kind : summary.kinds)
        rows += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td><td align='right'>%3</td></tr>")
                    .arg(kindName(kind.table), locale.toString(kind.parts),
                         kind.hasPrices ? locale.toString(kind.priced) : QStringLiteral("—"));
    return QStringLiteral(
               "<table cellspacing='0' cellpadding='3'><tr><th align='left'>%1</th><th>%2</th><th>%3</th></tr>%4</table>")
        .arg(HelpDialogs::tr("Catalogue"), HelpDialogs::tr("Parts"), HelpDialogs::tr("With a price"), rows);
}

} // namespace

void showAboutBox(QWidget *parent, const Catalogue &catalogue)
{
    const CatalogueSummary summary = summarizeCatalogue(catalogue);
    const QString dates = summary.newestPriceDate.isEmpty()
                              ? HelpDialogs::tr("No part has a price.")
                              : HelpDialogs::tr("Prices seen between %1 and %2; each shows its own date.")
                                    .arg(summary.oldestPriceDate, summary.newestPriceDate);
    QMessageBox::about(
        parent, HelpDialogs::tr("About LLM Deployment Planner"),
        HelpDialogs::tr("<h3>LLM Deployment Planner %1</h3>"
                        "<p>Sizes, times and costs large-language-model deployments from the model's architecture "
                        "and the hardware's datasheets.</p>"
                        "%2<p>%3</p>"
                        "<p>Sources: vendor datasheets and whitepapers, each model's config.json on Hugging Face, "
                        "vendors' list prices, public hardware tables and cloud providers' price pages. Every part "
                        "names its own source: hover it in the Parts palette.</p>"
                        "<p>Your own parts: %4</p><p>Built with Qt %5.</p>")
            .arg(QApplication::applicationVersion(), catalogueTable(summary), dates,
                 Catalogue::defaultUserDatabasePath().toHtmlEscaped(), QString::fromLatin1(qVersion())));
}

QString numbersHelpPage()
{
    const QString translated = QStringLiteral(":/help/numbers_%1.html").arg(QLocale().name());
    return QFile::exists(translated) ? translated : QStringLiteral(":/help/numbers.html");
}

void showNumbersHelp(QWidget *parent)
{
    auto *dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(HelpDialogs::tr("How the Numbers Are Computed"));
    auto *text = new QTextBrowser(dialog);
    text->setObjectName(QStringLiteral("numbersHelp"));
    text->setOpenExternalLinks(true);
    text->setSource(QUrl(QStringLiteral("qrc") + numbersHelpPage()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog->resize(760, 640);
    dialog->show();
}

} // namespace planner
