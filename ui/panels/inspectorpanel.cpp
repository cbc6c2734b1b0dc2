#include "ui/panels/inspectorpanel.h"

#include "ui/format/money.h"

#include "database/catalogue.h"
#include "ui/document/plandocument.h"
#include "ui/document/planedits.h"
#include "ui/format/coremessage.h"
#include "ui/format/memoryunit.h"

#include <QComboBox>
#include <QDate>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <cmath>

namespace planner {

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString perDirection(const LinkPath &path)
{
    return QObject::tr("%1 GB/s per direction, %2 µs")
        .arg(units::inGBPerSecond(path.bandwidth), 0, 'f', 1)
        .arg(units::inSeconds(path.latency) * 1e6, 0, 'f', 1);
}

} // namespace

InspectorPanel::InspectorPanel(PlanDocument &document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mRedraw(this, [this] {
        if (mStale)
            refresh();
    })
{
    mForm = new QFormLayout(this);
    mForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // At the next turn of the event loop (an editor's own signal may have
    // caused the change, and refresh() replaces the editors), on screen.
    const auto markStale = [this] {
        mStale = true;
        mRedraw.schedule();
    };
    for (auto signal : {&PlanDocument::selectionChanged, &PlanDocument::currentScenarioChanged})
        connect(&mDocument, signal, this, markStale);
    // A server move changes nothing the Inspector shows.
    connect(&mDocument, &PlanDocument::planChanged, this, [markStale](const PlanChange &change) {
        if (!change.onlyLayout())
            markStale();
    });
    refresh();
}

void InspectorPanel::refresh()
{
    mStale = false;
    const Topology &t = mDocument.scenario().topology;
    if (mDocument.selection().size() != 1) {
        showTextRows(summaryRows());
        return;
    }
    clearForm();
    const int id = *mDocument.selection().begin();
    if (const TopologyNode *n = t.node(id))
        n->kind == NodeKind::Server ? showServer(id) : showPart(id);
    else if (t.link(id))
        showLink(id);
    showIssues(id);
}

void InspectorPanel::clearForm()
{
    while (mForm->rowCount() > 0)
        mForm->removeRow(0);
    mTextRows.clear();
}

std::vector<InspectorPanel::TextRow> InspectorPanel::summaryRows() const
{
    std::vector<TextRow> rows;
    const size_t index = mDocument.currentScenario();
    if (!mDocument.selection().empty())
        rows.push_back({{},
                        mDocument.selection().size() == 1
                            ? tr("1 item selected.")
                            : tr("%1 items selected.").arg(mDocument.selection().size())});
    if (index < mDocument.estimates().size()) {
        const ScenarioEstimate &e = mDocument.estimates()[index];
        rows.push_back({tr("Scenario"), qs(e.name)});
        const Cluster &c = e.cluster;
        if (!c.problem.empty()) {
            rows.push_back({tr("Cluster"), translated(c.problem)});
        } else if (c.cpuOnly) {
            rows.push_back({tr("Runs on"), tr("%1 with %2 of memory at %3 GB/s (no GPU: llama.cpp on the CPU)")
                                               .arg(qs(c.gpu->name), memoryText(c.gpu->usableMemory, 0))
                                               .arg(std::lround(units::inGBPerSecond(c.gpu->memoryBandwidth)))});
        } else {
            rows.push_back(
                {tr("GPUs"), c.servers == 1
                                 ? tr("%1 × %2 in 1 server").arg(c.gpuCount).arg(qs(c.gpu->name))
                                 : tr("%1 × %2 in %3 servers").arg(c.gpuCount).arg(qs(c.gpu->name)).arg(c.servers)});
            rows.push_back({tr("Inside a server"), perDirection(c.links.tensorParallel)});
            if (c.gpusPerDomain > c.gpusPerServer)
                rows.push_back({tr("NVLink domain"),
                                tr("%1 GPUs across servers, %2").arg(c.gpusPerDomain).arg(perDirection(c.domain))});
            if (c.fleet)
                rows.push_back({tr("Between servers"),
                                tr("nothing drawn: %1 identical servers, each a replica of its own behind a load "
                                   "balancer")
                                    .arg(c.servers)});
            else if (c.servers > 1)
                rows.push_back({tr("Between servers"), perDirection(c.links.pipeline) + tr(" per GPU")});
        }
        // Each model version's layers and why its cache is the size it is.
        for (const VersionEstimate &v : e.versions) {
            QStringList lines{translated(v.layers)};
            for (const Message &note : v.cacheNotes)
                lines << translated(note);
            rows.push_back({qs(v.modelName), lines.join(u'\n')});
        }
        if (!e.issues.empty())
            rows.push_back({tr("Problems"), e.issues.size() == 1
                                                ? tr("1 problem: hover the red badge")
                                                : tr("%1 problems: hover the red badges").arg(e.issues.size())});
    }
    if (mDocument.selection().empty())
        rows.push_back({{}, tr("Select a server, part or link to see and edit it.")});
    return rows;
}

void InspectorPanel::showTextRows(const std::vector<TextRow> &rows)
{
    // The same rows as on show: only their texts change (an edit elsewhere on
    // a large plan), so the labels stay and the form is not laid out anew.
    const bool sameRows = rows.size() == mTextRows.size()
                          && std::equal(
                              rows.begin(), rows.end(), mTextRows.begin(),
                              [](const TextRow &row, const ShownRow &shown) { return row.label == shown.label; });
    if (sameRows) {
        for (size_t i = 0; i < rows.size(); ++i)
            if (mTextRows[i].text->text() != rows[i].text)
                mTextRows[i].text->setText(rows[i].text);
        return;
    }
    clearForm();
    for (const TextRow &row : rows) {
        QLabel *text = wrapped(row.text, this);
        if (row.label.isEmpty())
            mForm->addRow(text);
        else
            mForm->addRow(row.label, text);
        mTextRows.push_back({row.label, text});
    }
}

void InspectorPanel::showServer(int id)
{
    const TopologyNode *n = mDocument.scenario().topology.node(id);
    auto *name = new QLineEdit(qs(n->name), this);
    name->setObjectName(QStringLiteral("serverName"));
    connect(name, &QLineEdit::editingFinished, this, [this, id, name] { edits::rename(mDocument, id, name->text()); });
    mForm->addRow(tr("Server"), name);
    const PartSnapshot &parts = mDocument.plan().parts;
    if (const CloudInstance *instance = parts.instance(n->cloudInstanceId)) {
        mForm->addRow(tr("Cloud instance"), wrapped(tr("%1 %2, %3 (prices of %4)")
                                                        .arg(qs(instance->provider), qs(instance->name),
                                                             qs(instance->region), qs(instance->priceDate)),
                                                    this));
        const std::optional<double> hourly = hourlyPrice(*instance, mDocument.scenario().cloudTier);
        addPriceEditor(PricedKind::Instance, instance->id,
                       hourly ? OptionalPrice(Price{*hourly, instance->priceDate, {}}) : OptionalPrice(),
                       tr(" an hour"));
    } else if (const ServerTemplate *made = parts.server(n->catalogueId)) {
        mForm->addRow(tr("Template"), wrapped(qs(made->name) + QStringLiteral("\n") + qs(made->source), this));
        addPriceEditor(PricedKind::Chassis, made->id, made->chassisPrice, tr(" a chassis"));
    }
    for (const TopologyNode *part : mDocument.scenario().topology.partsOf(id))
        mForm->addRow(QString::fromStdString(std::string(toString(part->kind))).toUpper(),
                      wrapped(tr("%1 × %2").arg(part->count).arg(qs(part->name)), this));
}

void InspectorPanel::addCountEditor(int id, int count, const QString &label)
{
    auto *box = new QSpinBox(this);
    box->setObjectName(QStringLiteral("countBox"));
    box->setRange(1, 4096);
    box->setValue(count);
    box->setKeyboardTracking(false);
    connect(box, &QSpinBox::valueChanged, this, [this, id](int value) { edits::setCount(mDocument, id, value); });
    mForm->addRow(label, box);
}

void InspectorPanel::addPriceEditor(PricedKind kind, const std::string &id, const OptionalPrice &catalogue,
                                    const QString &unit)
{
    const UserPrice *mine = findUserPrice(mDocument.plan().userPrices, kind, id);
    auto *amount = new QDoubleSpinBox(this);
    amount->setObjectName(QStringLiteral("userPriceBox"));
    amount->setRange(0, 1e9);
    amount->setDecimals(kind == PricedKind::Instance ? 2 : 0);
    amount->setGroupSeparatorShown(true);
    amount->setSuffix(QLatin1Char(' ') + currencyCode() + unit);
    amount->setSpecialValueText(catalogue ? tr("catalogue's: %1").arg(moneyText(catalogue->usd, amount->decimals()))
                                          : tr("none in the catalogue"));
    amount->setValue(mine ? inDisplayCurrency(mine->usd) : 0);
    amount->setKeyboardTracking(false);
    amount->setToolTip(tr("A price you were quoted, used in place of the catalogue's in every scenario and in the "
                          "proposal's bill of materials; 0 goes back to the catalogue's"));
    auto *note = new QLineEdit(mine ? qs(mine->note) : QString(), this);
    note->setObjectName(QStringLiteral("userPriceNote"));
    note->setPlaceholderText(tr("where it comes from, e.g. vendor quote Q-77"));
    note->setEnabled(mine != nullptr);
    const auto commit = [this, kind, id, amount, note] {
        if (!(amount->value() > 0)) {
            edits::setUserPrice(mDocument, kind, id, std::nullopt);
            return;
        }
        const UserPrice *current = findUserPrice(mDocument.plan().userPrices, kind, id);
        const double usd = usdFromDisplayCurrency(amount->value());
        // An unchanged amount keeps its exact figure and date.
        const bool sameAmount = current && std::abs(inDisplayCurrency(current->usd) - amount->value()) < 0.005;
        edits::setUserPrice(
            mDocument, kind, id,
            UserPrice{kind, id, sameAmount ? current->usd : usd,
                      sameAmount ? current->date : QDate::currentDate().toString(Qt::ISODate).toStdString(),
                      note->text().trimmed().toStdString()});
    };
    connect(amount, &QDoubleSpinBox::valueChanged, this, commit);
    connect(note, &QLineEdit::editingFinished, this, commit);
    mForm->addRow(tr("Your price"), amount);
    mForm->addRow(tr("Quoted by"), note);
}

void InspectorPanel::showPart(int id)
{
    const TopologyNode *n = mDocument.scenario().topology.node(id);
    const PartSnapshot &parts = mDocument.plan().parts;
    mForm->addRow(tr("Part"), wrapped(qs(n->name), this));
    addCountEditor(id, n->count, tr("Count"));
    switch (n->kind) {
    case NodeKind::Gpu:
        if (const GpuSpec *gpu = parts.gpu(n->catalogueId))
            addPriceEditor(PricedKind::Gpu, gpu->id, gpu->price, tr(" each"));
        break;
    case NodeKind::Cpu:
        if (const CpuSpec *cpu = parts.cpu(n->catalogueId))
            addPriceEditor(PricedKind::Cpu, cpu->id, cpu->price, tr(" each"));
        break;
    case NodeKind::Memory:
        if (const MemoryModuleSpec *module = parts.memoryModule(n->catalogueId))
            addPriceEditor(PricedKind::Memory, module->id, module->price, tr(" each"));
        break;
    case NodeKind::Storage:
        if (const StorageSpec *device = parts.storageDevice(n->catalogueId))
            addPriceEditor(PricedKind::Storage, device->id, device->price, tr(" each"));
        break;
    default: break;
    }
    if (n->kind != NodeKind::Gpu)
        return;
    if (const GpuSpec *gpu = parts.gpu(n->catalogueId)) {
        mForm->addRow(tr("Memory"), wrapped(tr("%1 GB %2 at %3 GB/s (%4 GiB usable)")
                                                .arg(units::inGB(gpu->memory), 0, 'f', 0)
                                                .arg(qs(gpu->memoryType))
                                                .arg(units::inGBPerSecond(gpu->memoryBandwidth), 0, 'f', 0)
                                                .arg(units::inGiB(gpu->usableMemory), 0, 'f', 1),
                                            this));
        mForm->addRow(tr("Compute"), wrapped(tr("%1 TFLOPS BF16, %2 TFLOPS FP8 (dense)")
                                                 .arg(units::inTeraflopsPerSecond(gpu->bf16), 0, 'f', 0)
                                                 .arg(units::inTeraflopsPerSecond(gpu->fp8), 0, 'f', 0),
                                             this));
        mForm->addRow(tr("Source"), wrapped(qs(gpu->source), this));
    }
    // The fabric among this group's GPUs.
    auto *fabric = new QComboBox(this);
    fabric->setObjectName(QStringLiteral("fabricBox"));
    fabric->addItem(tr("PCIe through the host"), QString());
    for (const LinkSpec &link : mDocument.catalogue().list<LinkSpec>())
        if (link.kind == LinkKind::NvLink || link.kind == LinkKind::NvSwitch || link.kind == LinkKind::InfinityFabric)
            fabric->addItem(qs(link.name), qs(link.id));
    fabric->setCurrentIndex(std::max(0, fabric->findData(qs(n->fabricLinkId))));
    connect(fabric, &QComboBox::currentIndexChanged, this,
            [this, id, fabric] { edits::setFabric(mDocument, id, fabric->currentData().toString()); });
    mForm->addRow(tr("GPU fabric"), fabric);
}

void InspectorPanel::showLink(int id)
{
    const TopologyLink *l = mDocument.scenario().topology.link(id);
    const LinkSpec *spec = mDocument.plan().parts.link(l->linkId);
    mForm->addRow(tr("Link"), wrapped(spec ? qs(spec->name) : qs(l->linkId), this));
    if (spec)
        mForm->addRow(
            tr("Bandwidth"),
            wrapped(tr("%1 GB/s per direction per link").arg(units::inGBPerSecond(spec->bandwidthPerDirection)), this));
    addCountEditor(id, l->count, tr("Parallel links"));
    if (!spec)
        return;
    // What the link is bought as, each with a price the user may type.
    const PartSnapshot &parts = mDocument.plan().parts;
    const auto pricedPart = [this](const QString &label, PricedKind kind, const auto *part) {
        if (!part)
            return;
        mForm->addRow(label, wrapped(qs(part->name), this));
        addPriceEditor(kind, part->id, part->price, tr(" each"));
    };
    pricedPart(tr("Adapter"), PricedKind::Nic, parts.adapterFor(*spec));
    pricedPart(tr("Cable"), PricedKind::Cable, parts.cableFor(*spec));
    pricedPart(tr("Switch"), PricedKind::Switch, parts.switchFor(*spec));
}

void InspectorPanel::showIssues(int id)
{
    const size_t index = mDocument.currentScenario();
    if (index >= mDocument.estimates().size())
        return;
    for (const TopologyIssue &issue : mDocument.estimates()[index].issues)
        if (issue.nodeId == id || issue.linkId == id) {
            QLabel *label = wrapped(issueText(issue), this);
            label->setStyleSheet(QStringLiteral("color: #c0392b;"));
            mForm->addRow(tr("Problem"), label);
        }
}

} // namespace planner
