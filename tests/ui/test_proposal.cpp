// The PDF proposal (ui/report/proposalwriter.h), read back as text with
// pdftotext (poppler-utils): the title page, every section heading on a page
// of its own, "Page N of M" on every page, the bill of materials and the
// monthly totals as the engine computes them (core/plan/billofmaterials.h,
// the plan's estimates), the recommended scenario (core/plan/scenariochoice.h)
// in the executive summary, each version's tokens/s, a CJK plan name, and a
// failed export that names the path and leaves an earlier file as it was.

#include "core/plan/billofmaterials.h"
#include "core/plan/planevaluation.h"
#include "core/plan/scenariochoice.h"
#include "database/catalogue.h"
#include "database/planfile.h"
#include "ui/format/money.h"
#include "ui/report/proposalcontent.h"
#include "ui/report/proposaldocument.h"
#include "ui/report/proposalwriter.h"

#include "support/sampleplans.h"

#include <QAbstractTextDocumentLayout>
#include <QFontDatabase>
#include <QLocale>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QtTest>

#include <cmath>
#include <memory>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace planner;
using planner::testsupport::samplePlan;

namespace {

// USD as the proposal prints it (ui/report/proposalcontent.cpp usd()): no
// decimals, US thousands separators, whatever the system locale.
QString usd(double value)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(value, 'f', 0);
}

// Runs a poppler tool; nullopt when it cannot be started.
std::optional<QString> runTool(const QString &program, const QStringList &arguments, QString *error)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        *error = QStringLiteral("%1 could not be started: %2").arg(program, process.errorString());
        return std::nullopt;
    }
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("%1 failed: %2").arg(program, QString::fromUtf8(process.readAllStandardError()));
        return QString();
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

// Whitespace runs (line breaks of wrapped paragraphs included) as one space.
QString simplified(const QString &text)
{
    return text.simplified();
}

// The text of each page (pdftotext ends every page with a form feed).
QStringList pagesOf(const QString &text)
{
    QStringList pages = text.split(QLatin1Char('\f'));
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

QString firstLine(const QString &page)
{
    for (const QString &line : page.split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            return line.trimmed();
    return {};
}

// The pages from the one starting with `heading` up to the one before `next`'s.
QString sectionText(const QStringList &pages, const QString &heading, const QString &next)
{
    QString text;
    bool in = false;
    for (const QString &page : pages) {
        if (firstLine(page) == heading)
            in = true;
        else if (in && firstLine(page) == next)
            break;
        if (in)
            text += page;
    }
    return text;
}

// A line of the layout text holding every one of `parts`.
bool anyLineHolds(const QString &text, const QStringList &parts)
{
    for (const QString &line : text.split(QLatin1Char('\n')))
        if (std::all_of(parts.begin(), parts.end(), [&line](const QString &p) { return line.contains(p); }))
            return true;
    return false;
}

QByteArray quote(const QString &what, const QString &text)
{
    return (what + QStringLiteral(" not found in:\n") + text.left(6000)).toUtf8();
}

} // namespace

class TestProposal : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    std::unique_ptr<Catalogue> mCatalogue;
    bool mHavePoppler = false;

    // The PDF of `plan` at `path`, as `pdftotext -layout` and plain pdftotext read it.
    struct Readback {
        QString layout;
        QString plain;
        int pages = 0;
    };

    std::optional<Readback> writeAndRead(const Plan &plan, const ProposalOptions &options, const QString &path)
    {
        const QString error = writeProposalPdf(plan, *mCatalogue, options, path);
        if (!error.isEmpty()) {
            qWarning("%s", qPrintable(error));
            return std::nullopt;
        }
        QString problem;
        Readback r;
        const std::optional<QString> layout = runTool(QStringLiteral("pdftotext"),
                                                      {QStringLiteral("-layout"), path, QStringLiteral("-")}, &problem);
        const std::optional<QString> plain = runTool(QStringLiteral("pdftotext"), {path, QStringLiteral("-")},
                                                     &problem);
        QString noInfo; // pdfinfo is optional: the form feeds count the pages too
        const std::optional<QString> info = runTool(QStringLiteral("pdfinfo"), {path}, &noInfo);
        if (!problem.isEmpty() || !layout || !plain) {
            qWarning("%s", qPrintable(problem));
            return std::nullopt;
        }
        // In NFKC: Qt's PDF maps the "fi" and "fl" ligature glyphs to U+FB01 and
        // U+FB02, which pdftotext passes on ("ﬁts"); NFKC spells them out.
        r.layout = layout->normalized(QString::NormalizationForm_KC);
        r.plain = plain->normalized(QString::NormalizationForm_KC);
        // The page count from pdfinfo where it is installed, else from pdftotext's form feeds.
        const QRegularExpression pagesLine(QStringLiteral("^Pages:\\s+(\\d+)$"), QRegularExpression::MultilineOption);
        const QRegularExpressionMatch pages = info && noInfo.isEmpty() ? pagesLine.match(*info)
                                                                       : QRegularExpressionMatch();
        r.pages = pages.hasMatch() ? pages.captured(1).toInt() : static_cast<int>(pagesOf(r.layout).size());
        return r;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(mDir.isValid());
        Catalogue::OpenResult opened = Catalogue::open(QString()); // the shipped catalogue alone
        QVERIFY2(opened.catalogue, qPrintable(opened.error));
        mCatalogue = std::move(opened.catalogue);
        mHavePoppler = !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty();
    }

    void theSampleProposal()
    {
        if (!mHavePoppler)
            QSKIP("pdftotext is not installed (Debian: poppler-utils, see packaging/install-deps.sh)");
        const Plan plan = samplePlan("cloud-vs-onprem-llama-3.1-70b");
        ProposalOptions options;
        options.title = QStringLiteral("Llama 3.1 70B serving proposal");
        options.author = QStringLiteral("Ada Lovelace");
        options.date = QDate(2026, 3, 14);
        const QString path = mDir.filePath(QStringLiteral("llama.pdf"));
        const std::optional<Readback> read = writeAndRead(plan, options, path);
        QVERIFY(read);

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");

        const QString layout = read->layout;
        const QStringList pages = pagesOf(layout);
        QVERIFY(read->pages >= 7); // a title page and six sections, each from a new page
        QCOMPARE(static_cast<int>(pages.size()), read->pages);

        // The title page: the title, the date and who prepared it.
        QCOMPARE(firstLine(pages.front()), options.title);
        QVERIFY2(pages.front().contains(QStringLiteral("14 March 2026")), qPrintable(pages.front()));
        QVERIFY2(pages.front().contains(QStringLiteral("Prepared by Ada Lovelace")), qPrintable(pages.front()));

        // Every section heading opens a page of its own.
        const QStringList headings = {proposalsections::executiveSummary(), proposalsections::billOfMaterials(),
                                      proposalsections::topology(),         proposalsections::charts(),
                                      proposalsections::modelVersions(),    proposalsections::assumptions()};
        for (const QString &heading : headings)
            QVERIFY2(std::any_of(pages.begin(), pages.end(), [&](const QString &p) { return firstLine(p) == heading; }),
                     qPrintable(heading + QStringLiteral(" opens no page")));

        // Each heading once: a heading that follows a table is also painted at
        // the foot of the page before it, hidden by the clip but still in the
        // PDF's text (ui/report/proposalwriter.cpp paints every page with a clip
        // whose edges take in the lines lying on the page boundary).
        QStringList repeated;
        for (const QString &heading : headings) {
            const QStringList lines = layout.split(QLatin1Char('\n'));
            if (std::count_if(lines.begin(), lines.end(), [&](const QString &l) { return l.trimmed() == heading; }) > 1)
                repeated << heading;
        }
        QVERIFY2(repeated.isEmpty(),
                 qPrintable(QStringLiteral("in the text twice: ") + repeated.join(QStringLiteral(", "))));

        // "Page N of M" on every page, M being the PDF's page count.
        for (int page = 1; page <= read->pages; ++page) {
            const QString footer = QStringLiteral("Page %1 of %2").arg(page).arg(read->pages);
            QVERIFY2(pages.at(page - 1).contains(footer), qPrintable(footer + QStringLiteral(" missing on its page")));
        }

        // The bill of materials: every priced line's name and total, each scenario's
        // capital (with "≥" when parts have no price) and monthly figures.
        const std::vector<ScenarioEstimate> estimates = evaluatePlan(plan);
        const QString bom = sectionText(pages, proposalsections::billOfMaterials(), proposalsections::topology());
        QVERIFY(!bom.isEmpty());
        int pricedLines = 0;
        for (size_t i = 0; i < plan.scenarios.size(); ++i) {
            const ScenarioBill bill = billOf(plan.scenarios[i], plan.parts);
            QVERIFY2(bom.contains(QString::fromStdString(plan.scenarios[i].name)),
                     quote(QString::fromStdString(plan.scenarios[i].name), bom));
            for (const BillLine &line : bill.parts) {
                if (!line.totalUsd)
                    continue;
                ++pricedLines;
                const QStringList row = {QString::fromStdString(line.name), usd(*line.totalUsd)};
                QVERIFY2(anyLineHolds(bom, row), quote(row.join(QStringLiteral(" … ")), bom));
            }
            if (!bill.parts.empty()) {
                // The capital is the cost model's (onPremCost, the plan's estimate).
                QCOMPARE(bill.capexUsd,
                         onPremCost(onPremBuildOf(plan.scenarios[i].topology, plan.parts), plan.scenarios[i].costs, {})
                             .capexUsd);
                QCOMPARE(bill.capexUsd, estimates[i].cost.capexUsd);
                const QString capex = (bill.capexIsLowerBound ? QStringLiteral("≥ ") : QString()) + usd(bill.capexUsd);
                QVERIFY2(anyLineHolds(bom, {QStringLiteral("Total capital"), capex}), quote(capex, bom));
            }
            for (const CloudBillLine &line : bill.instances) {
                QVERIFY(line.monthlyUsd);
                const QStringList row = {QString::fromStdString(line.name), usd(*line.monthlyUsd)};
                QVERIFY2(anyLineHolds(bom, row), quote(row.join(QStringLiteral(" … ")), bom));
            }
            const CostEstimate &cost = estimates[i].cost;
            const QString monthly = (cost.unpricedParts.empty() ? QString() : QStringLiteral("≥ "))
                                    + usd(cost.monthlyTotalUsd);
            QVERIFY2(anyLineHolds(bom, {QStringLiteral("Monthly total"), monthly}),
                     quote(QStringLiteral("Monthly total ") + monthly, bom));
        }
        // The sample prices the GPUs (8 x H100 = 240,000 USD) and the adapters of its
        // 8 NDR ports (8 x 2,188 USD); the CPUs, memory, drives and chassis have no price.
        QCOMPARE(pricedLines, 2);
        QVERIFY(anyLineHolds(bom, {QStringLiteral("NVIDIA H100 SXM5 80GB"), QStringLiteral("240,000")}));
        QVERIFY(anyLineHolds(bom, {QStringLiteral("ConnectX-7 1x400G NDR"), QStringLiteral("17,504")}));

        // The executive summary recommends the scenario chooseScenario picks.
        const ScenarioChoice choice = chooseScenario(estimates);
        QVERIFY(choice.recommended);
        const QString summary = simplified(sectionText(pagesOf(read->plain), proposalsections::executiveSummary(),
                                                       proposalsections::billOfMaterials()));
        const QString recommended = QStringLiteral("We recommend “%1”")
                                        .arg(QString::fromStdString(estimates[*choice.recommended].name));
        QVERIFY2(summary.contains(recommended), quote(recommended, summary));
        // ... with what it costs: its capital and monthly total, "≥" where parts have no price.
        const ScenarioEstimate &best = estimates[*choice.recommended];
        const ScenarioBill bestBill = billOf(plan.scenarios[*choice.recommended], plan.parts);
        const QString capital = bestBill.capexIsLowerBound
                                    ? QStringLiteral("Capital: at least %1 USD").arg(usd(bestBill.capexUsd))
                                    : QStringLiteral("Capital: %1 USD.").arg(usd(bestBill.capexUsd));
        QVERIFY2(summary.contains(capital), quote(capital, summary));
        const QString inAll = QStringLiteral("In all %1%2 USD a month")
                                  .arg(best.cost.unpricedParts.empty() ? QString() : QStringLiteral("≥ "),
                                       usd(best.cost.monthlyTotalUsd));
        QVERIFY2(summary.contains(inAll), quote(inAll, summary));

        // The model versions table: each version's output tokens/s on every scenario.
        const QString versions = sectionText(pages, proposalsections::modelVersions(), proposalsections::assumptions());
        QVERIFY(!versions.isEmpty());
        for (const ScenarioEstimate &e : estimates)
            for (const VersionEstimate &v : e.versions) {
                QVERIFY(v.speed);
                const QString tokens = QLocale(QLocale::English, QLocale::UnitedStates)
                                           .toString(v.speed->nominal.outputTokensPerSecond, 'f', 0);
                const QStringList row = {QString::fromStdString(v.modelName), tokens};
                QVERIFY2(anyLineHolds(versions, row), quote(row.join(QStringLiteral(" … ")), versions));
            }
    }

    // In the currency of Preferences: the bill of materials and the monthly
    // costs converted at the user's rate, the rate stated, and the prices'
    // own table left in the USD their sources quote.
    // A heading or a figure's caption never ends a page (its text follows on
    // the next); checked on a plan of 20 scenarios, where the bill of
    // materials' per-scenario headings fall on many page ends.
    void noHeadingEndsAPage()
    {
        const Plan sample = samplePlan("cloud-vs-onprem-llama-3.1-70b");
        Plan plan = sample;
        plan.scenarios.clear();
        for (size_t i = 0; i < 20; ++i) {
            Scenario s = sample.scenarios[i % sample.scenarios.size()];
            s.name += " #" + std::to_string(i + 1);
            plan.scenarios.push_back(std::move(s));
        }
        const ProposalContent content = buildProposalContent(plan, evaluatePlan(plan), {}, {});
        QPdfWriter device(QStringLiteral("/dev/null"));
        int moved = 0;
        // Pages of three heights, so headings fall on page ends somewhere.
        for (double share : {1.0, 0.9, 0.8}) {
            const QSizeF page(device.width(), device.height() * share);
            const std::unique_ptr<QTextDocument> document = buildProposalDocument(content, &device, page);
            // The page of a block's first line (a heading's top margin may lie
            // on the page before); a line at a page's top is on it, though the
            // layout's fixed-point positions may put it a fraction above.
            const auto pageOf = [&document](const QTextBlock &b) {
                const double top = document->documentLayout()->blockBoundingRect(b).top() + b.layout()->lineAt(0).y();
                return static_cast<int>(std::floor((top + 0.5) / document->pageSize().height()));
            };
            for (QTextBlock b = document->begin(); b.isValid() && b.next().isValid(); b = b.next())
                if (b.blockFormat().headingLevel() > 0) {
                    QVERIFY2(pageOf(b) == pageOf(b.next()), qPrintable(b.text() + QStringLiteral(" ends a page")));
                    // A subsection that was moved to the next page to stay with its text.
                    moved += b.blockFormat().headingLevel() == 2
                             && (b.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore);
                }
            QVERIFY(document->pageCount() > 20);
        }
        QVERIFY(moved > 0);
    }

    void amountsInTheChosenCurrency()
    {
        const Plan plan = samplePlan("cloud-vs-onprem-llama-3.1-70b");
        const std::vector<ScenarioEstimate> estimates = evaluatePlan(plan);
        setDisplayCurrency({"CNY", 7.0, "2026-11-20"});
        const auto restore = qScopeGuard([] { setDisplayCurrency(Currency{}); });
        const ProposalContent content = buildProposalContent(plan, estimates, {}, {});

        const auto tableWith = [&content](const QString &header) -> const ProposalTable * {
            for (const ProposalBlock &block : content.blocks)
                if (block.kind == ProposalBlock::Kind::Table && block.table.headers.contains(header))
                    return &block.table;
            return nullptr;
        };
        const auto hasRow = [](const ProposalTable &table, const QStringList &cells) {
            return std::any_of(table.rows.begin(), table.rows.end(), [&cells](const QStringList &row) {
                return std::all_of(cells.begin(), cells.end(),
                                   [&row](const QString &cell) { return row.contains(cell); });
            });
        };
        // 8 x H100 SXM5 at 30,000 USD (the sample's only priced part) at 7 CNY per USD.
        const ProposalTable *bom = tableWith(QStringLiteral("Unit price (CNY)"));
        QVERIFY(bom);
        QVERIFY(hasRow(
            *bom, {QStringLiteral("NVIDIA H100 SXM5 80GB"), QStringLiteral("210,000"), QStringLiteral("1,680,000")}));
        const ScenarioBill bill = billOf(plan.scenarios.front(), plan.parts);
        QVERIFY(hasRow(*bom, {QStringLiteral("Total capital"),
                              (bill.capexIsLowerBound ? QStringLiteral("≥ ") : QString()) + usd(bill.capexUsd * 7.0)}));
        const ProposalTable *monthly = tableWith(QStringLiteral("Monthly cost"));
        QVERIFY(monthly);
        const CostEstimate &onPrem = estimates.front().cost;
        QVERIFY(hasRow(*monthly, {QStringLiteral("Maintenance"), usd(onPrem.monthlyMaintenanceUsd * 7.0)}));
        const ProposalTable *prices = tableWith(QStringLiteral("Price (USD)"));
        QVERIFY(prices);
        QVERIFY(hasRow(*prices, {QStringLiteral("NVIDIA H100 SXM5 80GB"), QStringLiteral("30,000")}));
        // A long source is cut short in the bill of materials, with its date;
        // the prices table gives it whole.
        const std::string &source = plan.parts.gpus.front().source;
        QVERIFY(source.size() > 200);
        const auto h100 = std::find_if(bom->rows.begin(), bom->rows.end(), [](const QStringList &row) {
            return row.front() == QLatin1String("NVIDIA H100 SXM5 80GB");
        });
        QVERIFY(h100 != bom->rows.end());
        QVERIFY2(h100->last().size() < 160
                     && h100->last().endsWith(QStringLiteral("(2026-05; in full under “Prices and their dates”)")),
                 qPrintable(h100->last()));
        QVERIFY(hasRow(*prices, {QString::fromStdString(source)}));

        const QString rate = QStringLiteral("Amounts in CNY at the user's rate of 7 CNY per USD (2026-11-20)");
        QVERIFY(std::any_of(content.blocks.begin(), content.blocks.end(),
                            [&rate](const ProposalBlock &block) { return block.text.contains(rate); }));
        QCOMPARE(monthly->headers.last(), QStringLiteral("CNY / month"));
    }

    void aChineseTitle()
    {
        if (!mHavePoppler)
            QSKIP("pdftotext is not installed (Debian: poppler-utils, see packaging/install-deps.sh)");
        if (QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty())
            QSKIP("no font for Simplified Chinese is installed (Debian: fonts-wqy-microhei)");
        Plan plan = samplePlan("deepseek-r1-8x-h200");
        plan.name = "DeepSeek 部署方案";
        const std::optional<Readback> read = writeAndRead(plan, {}, mDir.filePath(QStringLiteral("chinese.pdf")));
        QVERIFY(read);
        const QString name = QString::fromStdString(plan.name);
        QCOMPARE(firstLine(pagesOf(read->layout).front()), name); // the title page
        QVERIFY2(read->plain.contains(name), quote(name, read->plain));
    }

    // The assumptions say which draft and which prefix cache the speeds assume.
    void theDraftAndThePrefixCacheAreStated()
    {
        if (!mHavePoppler)
            QSKIP("pdftotext is not installed (Debian: poppler-utils, see packaging/install-deps.sh)");
        Plan plan = samplePlan("deepseek-r1-8x-h200");
        plan.workload.prefixCacheHitRate = 0.56;
        for (Scenario &scenario : plan.scenarios)
            scenario.deployment.speculative = "mtp";
        const std::optional<Readback> read = writeAndRead(plan, {}, mDir.filePath(QStringLiteral("draft.pdf")));
        QVERIFY(read);
        const QString plain = QString(read->plain).simplified();
        for (const QString &expected : {QStringLiteral("56 % of each prompt, not computed again"),
                                        QStringLiteral("MTP draft of 1 token, 1.875 tokens a step")})
            QVERIFY2(plain.contains(expected), quote(expected, plain));
    }

    void aFailedExportNamesThePathAndKeepsTheOldFile()
    {
        const Plan plan = samplePlan("r1-distill-qwen-32b-2x-rtx4090");

        // A folder that does not exist, and one that is a regular file: open fails.
        const QString missing = mDir.filePath(QStringLiteral("no-such-folder/proposal.pdf"));
        QString error = writeProposalPdf(plan, *mCatalogue, {}, missing);
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(QDir::toNativeSeparators(missing)), qPrintable(error));
        QVERIFY(!QFile::exists(missing));

        const QString notAFolder = mDir.filePath(QStringLiteral("plain-file"));
        {
            QFile f(notAFolder);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a folder");
        }
        const QString underAFile = notAFolder + QStringLiteral("/proposal.pdf");
        error = writeProposalPdf(plan, *mCatalogue, {}, underAFile);
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(QDir::toNativeSeparators(underAFile)), qPrintable(error));

        // An earlier proposal in a read-only folder stays as it was. (Root writes
        // anyway: then this part cannot fail the export and is left out.)
        const QString folder = mDir.filePath(QStringLiteral("read-only"));
        QVERIFY(QDir().mkpath(folder));
        const QString earlier = folder + QStringLiteral("/proposal.pdf");
        const QByteArray before = "%PDF-1.4 an earlier proposal";
        {
            QFile f(earlier);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(before);
        }
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadUser | QFile::ExeUser));
        QFile::setPermissions(earlier, QFile::ReadOwner | QFile::ReadUser);
        const bool blocked = !QFileInfo(folder).isWritable();
        if (blocked) {
            error = writeProposalPdf(plan, *mCatalogue, {}, earlier);
            QVERIFY(!error.isEmpty());
            QVERIFY2(error.contains(QDir::toNativeSeparators(earlier)), qPrintable(error));
            QFile f(earlier);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), before);
        }
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile::setPermissions(earlier, QFile::ReadOwner | QFile::WriteOwner);

#ifdef Q_OS_UNIX
        // A write that fails part-way at a writable path (a file size limit binds
        // root too): the earlier file there is left whole, and no half file remains.
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        rlimit small = old;
        small.rlim_cur = 4096; // far less than any proposal (hundreds of KB)
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        error = writeProposalPdf(plan, *mCatalogue, {}, earlier);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &old), 0);
        std::signal(SIGXFSZ, oldHandler);
        QVERIFY2(!error.isEmpty(), "a write past the file size limit reported success");
        QVERIFY2(error.contains(QDir::toNativeSeparators(earlier)), qPrintable(error));
        QFile f(earlier);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("proposal.pdf")});
#endif
        if (!blocked)
            qInfo("running as root: a read-only folder does not stop the write, so that case was left out");
    }
};

QTEST_MAIN(TestProposal)
#include "test_proposal.moc"
