#include "ui/models/importmodeldialog.h"

#include "core/model/parametercount.h"
#include "core/model/precision.h"
#include "core/model/weightbytes.h"
#include "ui/format/coremessage.h"
#include "ui/format/memoryunit.h"
#include "ui/models/modelversiontablemodel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace planner {

namespace {

constexpr int kPathRole = Qt::UserRole;

QString sizeText(std::int64_t bytes)
{
    if (bytes < 0)
        return ImportModelDialog::tr("size unknown");
    if (bytes == 0)
        return ImportModelDialog::tr("no weights");
    return memoryText(units::bytes(static_cast<double>(bytes)), 1);
}

QString html(const std::string &text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

// The experts line of a mixture-of-experts model.
QString expertsText(const ModelSpec &spec)
{
    const MoeSpec &moe = *spec.moe;
    QString text =
        ImportModelDialog::tr("%1 routed experts, %2 per token").arg(moe.routedExperts).arg(moe.expertsPerToken);
    if (moe.sharedExperts > 0)
        text += ImportModelDialog::tr(", %1 shared").arg(moe.sharedExperts);
    return text;
}

// What the weights take at the checkpoint's own format, or why that is unknown.
QString checkpointText(const ModelSpec &spec)
{
    const std::optional<WeightFormat> format = findWeightFormat(spec.checkpointFormat);
    if (!format)
        return ImportModelDialog::tr("%1 (no planner weight format describes it: weight memory unknown until you pick "
                                     "one in the workload)")
            .arg(html(spec.checkpointFormat));
    return ImportModelDialog::tr("%1, %2 of weights")
        .arg(html(format->name), memoryText(checkpointBytes(spec, *format), 1));
}

} // namespace

ImportModelDialog::ImportModelDialog(std::vector<ModelStore> stores,
                                     std::function<QString(const QString &id)> describeExisting, QWidget *parent)
    : QDialog(parent)
    , mStores(std::move(stores))
    , mDescribeExisting(std::move(describeExisting))
{
    setWindowTitle(tr("Import Model"));

    mLocal = new QTreeWidget(this);
    mLocal->setObjectName(QStringLiteral("localModels"));
    mLocal->setHeaderLabels({tr("Model"), tr("Format"), tr("On disk")});
    mLocal->setRootIsDecorated(true);
    mLocal->setUniformRowHeights(true);
    mLocal->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    mLocal->header()->setStretchLastSection(false);
    mLocal->setMinimumHeight(180);
    connect(mLocal, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, kPathRole).toString().isEmpty())
            choosePath(item->data(0, kPathRole).toString());
    });

    auto *file = new QPushButton(tr("Choose &File…"), this);
    file->setToolTip(tr("A config.json, a .safetensors file or index, or a .gguf file"));
    connect(file, &QPushButton::clicked, this, &ImportModelDialog::browseFile);
    auto *folder = new QPushButton(tr("Choose F&older…"), this);
    folder->setToolTip(tr("A model folder holding config.json (and safetensors files, whose headers then count)"));
    connect(folder, &QPushButton::clicked, this, &ImportModelDialog::browseFolder);
    auto *rescan = new QPushButton(tr("&Scan Again"), this);
    connect(rescan, &QPushButton::clicked, this, &ImportModelDialog::scan);
    auto *pick = new QHBoxLayout;
    pick->addWidget(file);
    pick->addWidget(folder);
    pick->addStretch();
    pick->addWidget(rescan);

    mPathLabel = new QLabel(this);
    mPathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mPathLabel->setWordWrap(true);
    mPreview = new QLabel(this);
    mPreview->setObjectName(QStringLiteral("importPreview"));
    mPreview->setTextFormat(Qt::RichText);
    mPreview->setWordWrap(true);
    mPreview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mPreview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    mPreview->setMinimumHeight(120);
    mFamily = new QLineEdit(this);
    mFamily->setToolTip(tr("The family the workload panel lists it under; versions of one family are compared side "
                           "by side"));
    mCompare = new QCheckBox(tr("&Compare it in this plan"), this);
    mCompare->setChecked(true);
    mCompare->setToolTip(tr("Also add it to the model versions the plan compares (switching to its family)"));

    auto *readBox = new QGroupBox(tr("What the planner reads"), this);
    auto *read = new QVBoxLayout(readBox);
    read->addWidget(mPathLabel);
    read->addWidget(mPreview, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Famil&y:"), mFamily);
    form->addRow(QString(), mCompare);
    read->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    mImport = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    mImport->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    auto *found = new QLabel(tr("&Models found on this computer (only their headers are read):"), this);
    found->setBuddy(mLocal);
    layout->addWidget(found);
    layout->addWidget(mLocal, 1);
    layout->addLayout(pick);
    layout->addWidget(readBox, 1);
    layout->addWidget(buttons);
    resize(760, 640);

    scan();
    showPreview();
}

void ImportModelDialog::scan()
{
    mLocal->clear();
    const std::vector<LocalModel> models = scanModelStores(mStores);
    for (const ModelStore &store : mStores) {
        const bool present = QFileInfo(store.path).isDir();
        auto *top = new QTreeWidgetItem(mLocal, {QStringLiteral("%1 — %2").arg(store.name, store.path)});
        top->setFlags(Qt::ItemIsEnabled);
        top->setFirstColumnSpanned(true);
        int found = 0;
        for (const LocalModel &m : models) {
            if (m.store != store.name)
                continue;
            auto *item = new QTreeWidgetItem(top, {m.name, m.format, sizeText(m.bytes)});
            item->setData(0, kPathRole, m.path);
            item->setToolTip(0, m.path);
            item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
            ++found;
        }
        if (!present)
            top->setText(0, tr("%1 — %2 (not on this computer)").arg(store.name, store.path));
        else if (found == 0)
            top->setText(0, tr("%1 — %2 (no models)").arg(store.name, store.path));
        top->setExpanded(found > 0);
        top->setDisabled(found == 0);
    }
    mLocal->resizeColumnToContents(1);
    mLocal->resizeColumnToContents(2);
}

void ImportModelDialog::browseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import Model"), mPath, tr("Model files (config.json *.json *.safetensors *.gguf);;All files (*)"));
    if (!path.isEmpty())
        choosePath(path);
}

void ImportModelDialog::browseFolder()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Import Model Folder"), mPath);
    if (!path.isEmpty())
        choosePath(path);
}

void ImportModelDialog::choosePath(const QString &path)
{
    mPath = path;
    mResult = importModelFromPath(path);
    mFamily->setText(mResult.ok() ? QString::fromStdString(mResult.spec->family) : QString());
    showPreview();
}

void ImportModelDialog::showPreview()
{
    mPathLabel->setText(mPath.isEmpty() ? tr("Pick a model above, or choose a file or folder.") : mPath);
    mImport->setEnabled(mResult.ok());
    mFamily->setEnabled(mResult.ok());
    mCompare->setEnabled(mResult.ok());
    if (mPath.isEmpty()) {
        mPreview->clear();
        return;
    }
    if (!mResult.ok()) {
        mPreview->setText(QStringLiteral("<p style='color:#b3261e'>%1</p>").arg(mResult.error.toHtmlEscaped()));
        return;
    }
    const ModelSpec &spec = *mResult.spec;
    const ParameterBreakdown counted = countParameters(spec);
    const QLocale locale;
    QStringList lines;
    lines << tr("<b>%1</b> (id <tt>%2</tt>)").arg(html(spec.displayName), html(spec.id));
    lines << tr("Layers: %1").arg(translated(describeLayers(spec)).toHtmlEscaped());
    if (spec.isMoe())
        lines << tr("Mixture of experts: %1").arg(expertsText(spec));
    if (counted.active() < counted.total())
        lines << tr("Parameters: %1 in total, %2 active per token")
                     .arg(parameterLabel(counted.total()), parameterLabel(counted.active()));
    else
        lines << tr("Parameters: %1, every one active per token").arg(parameterLabel(counted.total()));
    if (counted.mtp() > 0)
        lines
            << tr("The checkpoint also stores %1 in multi-token-prediction modules").arg(parameterLabel(counted.mtp()));
    if (counted.vision > 0)
        lines << tr("The checkpoint also stores %1 in the image encoder").arg(parameterLabel(counted.vision));
    lines << tr("Context: up to %1 tokens").arg(locale.toString(static_cast<qlonglong>(spec.maxContext)));
    lines << tr("Checkpoint format: %1").arg(checkpointText(spec));
    if (mResult.header)
        lines << tr("The %1 header holds %2 in %3")
                     .arg(mResult.header->format, parameterLabel(mResult.header->parameters),
                          sizeText(mResult.header->tensorBytes));
    if (const QString existing = mDescribeExisting ? mDescribeExisting(QString::fromStdString(spec.id)) : QString();
        !existing.isEmpty())
        lines << QStringLiteral("<span style='color:#8a5300'>%1</span>")
                     .arg(tr("Importing replaces %1 with this id.").arg(existing).toHtmlEscaped());
    mPreview->setText(lines.join(QStringLiteral("<br>")));
}

std::optional<ModelSpec> ImportModelDialog::importedModel() const
{
    if (!mResult.ok())
        return std::nullopt;
    ModelSpec spec = *mResult.spec;
    if (const QString family = mFamily->text().trimmed(); !family.isEmpty())
        spec.family = family.toStdString();
    return spec;
}

bool ImportModelDialog::compareInScenario() const
{
    return mCompare->isChecked();
}

QString ImportModelDialog::previewText() const
{
    return mPreview->text();
}

} // namespace planner
