// The parts palette over the shipped catalogue (with a temporary user layer):
// one tab per part kind with every catalogue row, key figures with units,
// search across all tabs with counts in the tab titles, drags that carry the
// versioned part reference, and a decoder that refuses anything else.
//
// Set PLANNER_PALETTE_SCREENSHOT=/tmp/palette.png to also write the palette,
// rendered at dock size (360x700), to that file for a look.

#include "database/catalogue.h"
#include "ui/format/money.h"
#include "ui/palette/partlistmodel.h"
#include "ui/palette/partmimedata.h"
#include "ui/palette/partspalette.h"

#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <set>

using namespace planner;

Q_DECLARE_METATYPE(planner::PaletteKind)

namespace {

constexpr PaletteKind kAllKinds[] = {PaletteKind::Gpu,  PaletteKind::Cpu,    PaletteKind::Memory,  PaletteKind::Storage,
                                     PaletteKind::Link, PaletteKind::Server, PaletteKind::Instance};

int catalogueCount(const Catalogue &catalogue, PaletteKind kind)
{
    switch (kind) {
    case PaletteKind::Gpu: return static_cast<int>(catalogue.list<GpuSpec>().size());
    case PaletteKind::Cpu: return static_cast<int>(catalogue.list<CpuSpec>().size());
    case PaletteKind::Memory: return static_cast<int>(catalogue.list<MemoryModuleSpec>().size());
    case PaletteKind::Storage: return static_cast<int>(catalogue.list<StorageSpec>().size());
    case PaletteKind::Link: return static_cast<int>(catalogue.list<LinkSpec>().size());
    case PaletteKind::Server: return static_cast<int>(catalogue.list<ServerTemplate>().size());
    case PaletteKind::Instance: return static_cast<int>(catalogue.list<CloudInstance>().size());
    }
    return -1;
}

// What the view shows for one column of its (filtered) model.
QStringList visible(const PartsPalette &palette, PaletteKind kind, int role)
{
    QStringList values;
    const QAbstractItemModel *model = palette.view(kind)->model();
    for (int row = 0; row < model->rowCount(); ++row)
        values << model->index(row, 0).data(role).toString();
    return values;
}

QString tabText(const PartsPalette &palette, PaletteKind kind)
{
    return palette.tabs()->tabText(palette.tabs()->indexOf(palette.view(kind)));
}

bool isH100(const std::string &gpuId)
{
    return QString::fromStdString(gpuId).startsWith(QLatin1String("h100"));
}

QMimeData *mimeWith(const QString &format, const QByteArray &payload)
{
    auto *mime = new QMimeData;
    mime->setData(format, payload);
    return mime;
}

} // namespace

class TestPartsPalette : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    std::unique_ptr<Catalogue> mCatalogue;

private slots:
    void initTestCase()
    {
        // Figures are formatted in the user's locale; pin one so the expected
        // strings below ("3,350 GB/s") are stable on every machine.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(mDir.isValid());
        Catalogue::OpenResult opened = Catalogue::open(mDir.filePath(QStringLiteral("catalogue.sqlite")));
        QVERIFY2(opened.catalogue, qPrintable(opened.error));
        mCatalogue = std::move(opened.catalogue);
    }

    void everyTabListsItsCatalogueTable_data()
    {
        QTest::addColumn<PaletteKind>("kind");
        QTest::addColumn<QString>("title");
        QTest::newRow("gpu") << PaletteKind::Gpu << QStringLiteral("GPUs");
        QTest::newRow("cpu") << PaletteKind::Cpu << QStringLiteral("CPUs");
        QTest::newRow("memory") << PaletteKind::Memory << QStringLiteral("Memory");
        QTest::newRow("storage") << PaletteKind::Storage << QStringLiteral("Storage");
        QTest::newRow("link") << PaletteKind::Link << QStringLiteral("Network");
        QTest::newRow("server") << PaletteKind::Server << QStringLiteral("Servers");
        QTest::newRow("instance") << PaletteKind::Instance << QStringLiteral("Cloud");
    }

    void everyTabListsItsCatalogueTable()
    {
        QFETCH(PaletteKind, kind);
        QFETCH(QString, title);
        PartsPalette palette(*mCatalogue);
        const int expected = catalogueCount(*mCatalogue, kind);
        QVERIFY(expected > 0);
        QCOMPARE(palette.visibleCount(kind), expected);
        QCOMPARE(palette.view(kind)->model()->rowCount(), expected);
        QCOMPARE(tabText(palette, kind), title); // counts only while searching

        // Every row has an id, a name, a figures line and a source tooltip.
        for (int row = 0; row < expected; ++row) {
            const QModelIndex index = palette.view(kind)->model()->index(row, 0);
            QVERIFY(!index.data(PartListModel::IdRole).toString().isEmpty());
            QVERIFY(!index.data(Qt::DisplayRole).toString().isEmpty());
            QVERIFY2(!index.data(PartListModel::FiguresRole).toString().isEmpty(),
                     qPrintable(index.data(PartListModel::IdRole).toString()));
            QCOMPARE(index.data(PartListModel::KindRole).toInt(), static_cast<int>(kind));
            QVERIFY(index.data(Qt::ToolTipRole).toString().contains(QLatin1String("Source:")));
            QVERIFY(index.flags() & Qt::ItemIsDragEnabled);
        }

        QListView *view = palette.view(kind);
        QVERIFY(view->dragEnabled());
        QCOMPARE(view->dragDropMode(), QAbstractItemView::DragOnly);
        QVERIFY(view->uniformItemSizes());
        QVERIFY(!view->objectName().isEmpty());
    }

    void gpuRowsShowFiguresWithUnits()
    {
        PartsPalette palette(*mCatalogue);
        const QStringList figures = visible(palette, PaletteKind::Gpu, PartListModel::FiguresRole);
        const QStringList ids = visible(palette, PaletteKind::Gpu, PartListModel::IdRole);
        // Memory is in decimal GB as datasheets print it, never a bare number.
        const QRegularExpression capacity(QStringLiteral("^[0-9.,]+ GB "));
        for (const QString &line : figures)
            QVERIFY2(capacity.match(line).hasMatch(), qPrintable(line));

        // NVIDIA H100 SXM5 datasheet: 80 GB HBM3, 3.35 TB/s, 989 TFLOPS dense
        // BF16, 700 W (resources/catalogue/gpus.csv, row h100-sxm).
        const qsizetype h100 = ids.indexOf(QStringLiteral("h100-sxm"));
        QVERIFY(h100 >= 0);
        const QString line = figures.at(h100);
        QVERIFY2(line.startsWith(QLatin1String("80 GB HBM3")), qPrintable(line));
        QVERIFY2(line.contains(QLatin1String("3,350 GB/s")), qPrintable(line));
        QVERIFY2(line.contains(QLatin1String("989 TFLOPS BF16")), qPrintable(line));
        QVERIFY2(line.contains(QLatin1String("700 W")), qPrintable(line));
        const std::optional<GpuSpec> gpu = mCatalogue->find<GpuSpec>(QStringLiteral("h100-sxm"));
        QVERIFY(gpu && gpu->price);
        const QString price = QLocale().toString(gpu->price->usd, 'f', 0) + QStringLiteral(" USD");
        QVERIFY2(line.endsWith(price), qPrintable(line + QStringLiteral(" lacks ") + price));
    }

    // In the currency of Preferences: the catalogue's USD price times the
    // user's rate.
    void pricesShowInTheChosenCurrency()
    {
        setDisplayCurrency({"CNY", 7.0, "2026-11-23"});
        const auto restore = qScopeGuard([] { setDisplayCurrency(Currency{}); });
        PartsPalette palette(*mCatalogue);
        const QStringList ids = visible(palette, PaletteKind::Gpu, PartListModel::IdRole);
        const QString line = visible(palette, PaletteKind::Gpu, PartListModel::FiguresRole)
                                 .at(ids.indexOf(QStringLiteral("h100-sxm")));
        const std::optional<GpuSpec> gpu = mCatalogue->find<GpuSpec>(QStringLiteral("h100-sxm"));
        QVERIFY(gpu && gpu->price);
        const QString price = QLocale().toString(gpu->price->usd * 7.0, 'f', 0) + QStringLiteral(" CNY");
        QVERIFY2(line.endsWith(price), qPrintable(line + QStringLiteral(" lacks ") + price));
        const QStringList instances = visible(palette, PaletteKind::Instance, PartListModel::IdRole);
        const QString instance = visible(palette, PaletteKind::Instance, PartListModel::FiguresRole)
                                     .at(instances.indexOf(QStringLiteral("aws-p5.48xlarge")));
        // AWS p5.48xlarge on demand, 55.04 USD an hour (resources/catalogue/instances.csv).
        QVERIFY2(instance.contains(QStringLiteral("385.28 CNY/h on demand")), qPrintable(instance));
    }

    void otherKindsShowFiguresWithUnits_data()
    {
        QTest::addColumn<PaletteKind>("kind");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("expected");
        // resources/catalogue/*.csv rows.
        QTest::newRow("cpu") << PaletteKind::Cpu << QStringLiteral("epyc-7543")
                             << QStringList{QStringLiteral("32 cores / 64 threads"), QStringLiteral("8 ch DDR4-3200"),
                                            QStringLiteral("128 lanes PCIe 4.0"), QStringLiteral("225 W")};
        QTest::newRow("memory") << PaletteKind::Memory << QStringLiteral("ddr4-3200-rdimm-32gb")
                                << QStringList{QStringLiteral("DDR4 RDIMM"), QStringLiteral("3,200 MT/s"),
                                               QStringLiteral("32 GB")};
        QTest::newRow("storage") << PaletteKind::Storage << QStringLiteral("samsung-pm9a3-7.68tb")
                                 << QStringList{QStringLiteral("7.68 TB"), QStringLiteral("6.5 GB/s read")};
        QTest::newRow("link") << PaletteKind::Link << QStringLiteral("pcie5-x16")
                              << QStringList{QStringLiteral("PCIe"), QStringLiteral("63 GB/s per direction")};
        QTest::newRow("server") << PaletteKind::Server << QStringLiteral("dgx-h100")
                                << QStringList{QStringLiteral("8x H100 SXM5 80GB"),
                                               QStringLiteral("2x xeon-platinum-8480c")};
        QTest::newRow("instance") << PaletteKind::Instance << QStringLiteral("aws-p5.48xlarge")
                                  << QStringList{QStringLiteral("AWS"), QStringLiteral("8x H100 SXM5 80GB"),
                                                 QStringLiteral("us-east-1"),
                                                 QStringLiteral("55.04 USD/h on demand (2026-08-26)")};
    }

    void otherKindsShowFiguresWithUnits()
    {
        QFETCH(PaletteKind, kind);
        QFETCH(QString, id);
        QFETCH(QStringList, expected);
        PartsPalette palette(*mCatalogue);
        const qsizetype row = visible(palette, kind, PartListModel::IdRole).indexOf(id);
        QVERIFY2(row >= 0, qPrintable(id));
        const QString line = visible(palette, kind, PartListModel::FiguresRole).at(row);
        for (const QString &part : expected)
            QVERIFY2(line.contains(part), qPrintable(line + QStringLiteral(" lacks ") + part));
    }

    void searchFiltersEveryTabAndCounts()
    {
        PartsPalette palette(*mCatalogue);
        QTest::keyClicks(palette.searchBox(), QStringLiteral("h100"));
        QCOMPARE(palette.searchBox()->text(), QStringLiteral("h100"));

        // GPUs: only the H100 variants, all of them.
        const QStringList gpuNames = visible(palette, PaletteKind::Gpu, Qt::DisplayRole);
        QVERIFY(!gpuNames.isEmpty());
        for (const QString &name : gpuNames)
            QVERIFY2(name.contains(QLatin1String("H100")), qPrintable(name));
        int h100Gpus = 0;
        for (const GpuSpec &gpu : mCatalogue->list<GpuSpec>())
            h100Gpus += QString::fromStdString(gpu.name).contains(QLatin1String("H100")) ? 1 : 0;
        QCOMPARE(gpuNames.size(), h100Gpus);

        // Servers and instances: every one built on an H100 is still there,
        // and nothing that does not mention an H100.
        const QStringList serverIds = visible(palette, PaletteKind::Server, PartListModel::IdRole);
        for (const ServerTemplate &server : mCatalogue->list<ServerTemplate>()) {
            if (isH100(server.gpu.id))
                QVERIFY2(serverIds.contains(QString::fromStdString(server.id)), server.id.c_str());
        }
        QVERIFY(!serverIds.contains(QStringLiteral("dgx-b200")));
        const QStringList instanceIds = visible(palette, PaletteKind::Instance, PartListModel::IdRole);
        for (const CloudInstance &instance : mCatalogue->list<CloudInstance>()) {
            if (isH100(instance.gpuId))
                QVERIFY2(instanceIds.contains(QString::fromStdString(instance.id)), instance.id.c_str());
        }
        QVERIFY(instanceIds.contains(QStringLiteral("aws-p5.48xlarge")));
        QVERIFY(!instanceIds.contains(QStringLiteral("aws-p5en.48xlarge"))); // H200
        for (PaletteKind kind : {PaletteKind::Server, PaletteKind::Instance}) {
            for (const QString &text : visible(palette, kind, PartListModel::SearchTextRole))
                QVERIFY2(text.contains(QLatin1String("h100"), Qt::CaseInsensitive), qPrintable(text));
        }
        QCOMPARE(palette.visibleCount(PaletteKind::Memory), 0);

        // Every tab title carries its count.
        QCOMPARE(tabText(palette, PaletteKind::Gpu), QStringLiteral("GPUs (%1)").arg(h100Gpus));
        QCOMPARE(tabText(palette, PaletteKind::Server),
                 QStringLiteral("Servers (%1)").arg(palette.visibleCount(PaletteKind::Server)));
        QCOMPARE(tabText(palette, PaletteKind::Memory), QStringLiteral("Memory (0)"));

        // Words combine in any order: "PCIe H100" is the one PCIe card.
        palette.searchBox()->setText(QStringLiteral("PCIe   H100"));
        QCOMPARE(visible(palette, PaletteKind::Gpu, PartListModel::IdRole), QStringList{QStringLiteral("h100-pcie")});

        // Clearing restores every row and the full counts.
        palette.searchBox()->clear();
        for (PaletteKind kind : kAllKinds)
            QCOMPARE(palette.visibleCount(kind), catalogueCount(*mCatalogue, kind));
        QCOMPARE(tabText(palette, PaletteKind::Memory), QStringLiteral("Memory"));
        QCOMPARE(tabText(palette, PaletteKind::Gpu), QStringLiteral("GPUs"));
    }

    void searchMatchesIdsAndFigures()
    {
        PartsPalette palette(*mCatalogue);
        palette.searchBox()->setText(QStringLiteral("MI300X")); // id and name
        QCOMPARE(palette.visibleCount(PaletteKind::Gpu), 1);
        palette.searchBox()->setText(QStringLiteral("HBM3e")); // figures only
        for (const QString &line : visible(palette, PaletteKind::Gpu, PartListModel::FiguresRole))
            QVERIFY2(line.contains(QLatin1String("HBM3e"), Qt::CaseInsensitive), qPrintable(line));
        QVERIFY(palette.visibleCount(PaletteKind::Gpu) > 1);
        palette.searchBox()->setText(QStringLiteral("no such part at all"));
        for (PaletteKind kind : kAllKinds)
            QCOMPARE(palette.visibleCount(kind), 0);
    }

    void searchShowsATabWithMatches()
    {
        PartsPalette palette(*mCatalogue);
        palette.tabs()->setCurrentWidget(palette.view(PaletteKind::Gpu));
        // Only memory modules are ECC RDIMMs (a CPU row names the RDIMMs it takes): the GPU tab would be empty.
        palette.searchBox()->setText(QStringLiteral("ECC RDIMM"));
        QCOMPARE(palette.visibleCount(PaletteKind::Gpu), 0);
        QVERIFY(palette.visibleCount(PaletteKind::Memory) > 0);
        QCOMPARE(palette.tabs()->currentWidget(), palette.view(PaletteKind::Memory));
        // A tab that still has matches stays on show.
        palette.searchBox()->setText(QStringLiteral("DDR5"));
        QCOMPARE(palette.tabs()->currentWidget(), palette.view(PaletteKind::Memory));
        // Nothing anywhere: stay put.
        palette.searchBox()->setText(QStringLiteral("no such part at all"));
        QCOMPARE(palette.tabs()->currentWidget(), palette.view(PaletteKind::Memory));
    }

    void reloadPicksUpUserParts()
    {
        PartsPalette palette(*mCatalogue);
        palette.searchBox()->setText(QStringLiteral("lab"));
        const int before = palette.visibleCount(PaletteKind::Gpu);
        const int total = catalogueCount(*mCatalogue, PaletteKind::Gpu);

        GpuSpec gpu;
        gpu.id = "lab-accelerator";
        gpu.name = "Lab accelerator";
        gpu.vendor = "Example";
        gpu.memory = units::gigabytes(64);
        gpu.usableMemory = usableGpuMemory(64, std::nullopt);
        gpu.memoryBandwidth = units::gigabytesPerSecond(2000);
        gpu.bf16 = units::teraflopsPerSecond(400);
        gpu.tdp = units::watts(500);
        gpu.source = "our procurement quote Q-1234";
        const CatalogueStatus saved = mCatalogue->save(gpu);
        QVERIFY2(saved.ok(), qPrintable(saved.error));

        palette.reload(*mCatalogue);
        QCOMPARE(palette.visibleCount(PaletteKind::Gpu), before + 1); // the search stays applied
        palette.searchBox()->clear();
        QCOMPARE(palette.visibleCount(PaletteKind::Gpu), total + 1);
        palette.searchBox()->setText(QStringLiteral(" ")); // blank is no search
        QCOMPARE(tabText(palette, PaletteKind::Gpu), QStringLiteral("GPUs"));
        QCOMPARE(palette.visibleCount(PaletteKind::Gpu), total + 1);

        QVERIFY(mCatalogue->remove<GpuSpec>(QStringLiteral("lab-accelerator")).ok());
        palette.reload(*mCatalogue);
        QCOMPARE(palette.visibleCount(PaletteKind::Gpu), total);
    }

    void dragCarriesThePartReference_data()
    {
        QTest::addColumn<PaletteKind>("kind");
        for (PaletteKind kind : kAllKinds)
            QTest::newRow(qPrintable(toString(kind))) << kind;
    }

    void dragCarriesThePartReference()
    {
        QFETCH(PaletteKind, kind);
        PartsPalette palette(*mCatalogue);
        palette.searchBox()->setText(QStringLiteral("e")); // through the proxy, as a drag is
        QAbstractItemModel *model = palette.view(kind)->model();
        QVERIFY(model->rowCount() > 0);
        const QModelIndex index = model->index(model->rowCount() - 1, 0);
        const QString id = index.data(PartListModel::IdRole).toString();

        QVERIFY(model->mimeTypes().contains(QLatin1String(kPartMimeType)));
        QVERIFY(model->supportedDragActions() & Qt::CopyAction);
        std::unique_ptr<QMimeData> mime(model->mimeData({index}));
        QVERIFY(mime);
        QVERIFY(mime->hasFormat(QLatin1String(kPartMimeType)));
        QCOMPARE(mime->text(), id);
        const std::optional<PartReference> part = decodePartReference(mime.get());
        QVERIFY(part);
        QCOMPARE(toString(part->kind), toString(kind)); // planner::toString shadows QTest::toString for PaletteKind
        QCOMPARE(part->id, id);
    }

    void encodeDecodeRoundTrip_data()
    {
        QTest::addColumn<PaletteKind>("kind");
        QTest::addColumn<QString>("name");
        QTest::newRow("gpu") << PaletteKind::Gpu << QStringLiteral("gpu");
        QTest::newRow("cpu") << PaletteKind::Cpu << QStringLiteral("cpu");
        QTest::newRow("memory") << PaletteKind::Memory << QStringLiteral("memory");
        QTest::newRow("storage") << PaletteKind::Storage << QStringLiteral("storage");
        QTest::newRow("link") << PaletteKind::Link << QStringLiteral("link");
        QTest::newRow("server") << PaletteKind::Server << QStringLiteral("server");
        QTest::newRow("instance") << PaletteKind::Instance << QStringLiteral("instance");
    }

    void encodeDecodeRoundTrip()
    {
        QFETCH(PaletteKind, kind);
        QFETCH(QString, name);
        QCOMPARE(toString(kind), name);
        const PartReference part{kind, QStringLiteral("some-id.48xlarge")};
        std::unique_ptr<QMimeData> mime(encodePartReference(part));
        const QJsonObject payload = QJsonDocument::fromJson(mime->data(QLatin1String(kPartMimeType))).object();
        QCOMPARE(payload.value(QLatin1String("version")).toInt(), 1);
        QCOMPARE(payload.value(QLatin1String("kind")).toString(), name);
        QCOMPARE(payload.value(QLatin1String("id")).toString(), part.id);
        QCOMPARE(mime->text(), part.id);
        QCOMPARE(decodePartReference(mime.get()), std::optional<PartReference>(part));
    }

    void decodeRefusesWhatIsNotOurs_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("accepted");
        const QString ours = QString::fromLatin1(kPartMimeType);
        QTest::newRow("valid") << ours << QByteArray(R"({"version":1,"kind":"gpu","id":"h100-sxm"})") << true;
        QTest::newRow("valid, other key order")
            << ours << QByteArray(R"({"id":"ib-ndr","kind":"link","version":1})") << true;
        QTest::newRow("newer version") << ours << QByteArray(R"({"version":2,"kind":"gpu","id":"h100-sxm"})") << false;
        QTest::newRow("version zero") << ours << QByteArray(R"({"version":0,"kind":"gpu","id":"h100-sxm"})") << false;
        QTest::newRow("version as text") << ours << QByteArray(R"({"version":"1","kind":"gpu","id":"h100-sxm"})")
                                         << false;
        QTest::newRow("no version") << ours << QByteArray(R"({"kind":"gpu","id":"h100-sxm"})") << false;
        QTest::newRow("unknown kind") << ours << QByteArray(R"({"version":1,"kind":"toaster","id":"x"})") << false;
        QTest::newRow("kind in capitals") << ours << QByteArray(R"({"version":1,"kind":"GPU","id":"x"})") << false;
        QTest::newRow("empty id") << ours << QByteArray(R"({"version":1,"kind":"gpu","id":""})") << false;
        QTest::newRow("blank id") << ours << QByteArray(R"({"version":1,"kind":"gpu","id":"  "})") << false;
        QTest::newRow("no id") << ours << QByteArray(R"({"version":1,"kind":"gpu"})") << false;
        QTest::newRow("id a number") << ours << QByteArray(R"({"version":1,"kind":"gpu","id":100})") << false;
        QTest::newRow("malformed json") << ours << QByteArray(R"({"version":1,"kind":"gpu","id":)") << false;
        QTest::newRow("json array") << ours << QByteArray(R"([1,"gpu","h100-sxm"])") << false;
        QTest::newRow("empty payload") << ours << QByteArray() << false;
        QTest::newRow("foreign mime type")
            << QStringLiteral("text/plain") << QByteArray(R"({"version":1,"kind":"gpu","id":"h100-sxm"})") << false;
        QTest::newRow("lookalike mime type") << QStringLiteral("application/x-llm-planner-part-v2")
                                             << QByteArray(R"({"version":1,"kind":"gpu","id":"h100-sxm"})") << false;
    }

    void decodeRefusesWhatIsNotOurs()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, payload);
        QFETCH(bool, accepted);
        std::unique_ptr<QMimeData> mime(mimeWith(format, payload));
        QCOMPARE(decodePartReference(mime.get()).has_value(), accepted);
    }

    void decodeRefusesNothing()
    {
        QVERIFY(!decodePartReference(nullptr));
        QMimeData empty;
        QVERIFY(!decodePartReference(&empty));
    }

    void rendersAtDockSize()
    {
        PartsPalette palette(*mCatalogue);
        palette.resize(360, 700);
        palette.show();
        QVERIFY(QTest::qWaitForWindowExposed(&palette));
        palette.searchBox()->setFocus();

        QListView *gpus = palette.view(PaletteKind::Gpu);
        const QRect first = gpus->visualRect(gpus->model()->index(0, 0));
        const QRect second = gpus->visualRect(gpus->model()->index(1, 0));
        // Two text lines at least per item, items stacked without overlap, and
        // the item as wide as the view (no horizontal scrolling).
        QVERIFY(first.height() >= 2 * gpus->fontMetrics().height());
        QCOMPARE(second.top(), first.bottom() + 1);
        QVERIFY(first.width() <= gpus->viewport()->width());
        QVERIFY(palette.searchBox()->isVisible());
        QVERIFY(palette.searchBox()->isClearButtonEnabled());
        QCOMPARE(palette.searchBox()->placeholderText(), QStringLiteral("Search parts"));

        const QString path = qEnvironmentVariable("PLANNER_PALETTE_SCREENSHOT");
        if (!path.isEmpty()) {
            // path, then path-<kind>.png for every other tab, then
            // path-search.png with "h100" typed on the Cloud tab.
            const auto sibling = [&path](const QString &suffix) {
                const QFileInfo info(path);
                return info.dir().filePath(info.completeBaseName() + QLatin1Char('-') + suffix
                                           + QStringLiteral(".png"));
            };
            QVERIFY(palette.grab().save(path));
            for (PaletteKind kind : kAllKinds) {
                if (kind == PaletteKind::Gpu)
                    continue;
                palette.tabs()->setCurrentWidget(palette.view(kind));
                QVERIFY(palette.grab().save(sibling(toString(kind))));
            }
            palette.searchBox()->setText(QStringLiteral("h100"));
            QVERIFY(palette.grab().save(sibling(QStringLiteral("search"))));
        }
    }
};

QTEST_MAIN(TestPartsPalette)
#include "test_partspalette.moc"
