#include "ui/deploy/launchexportdialog.h"

#include "core/deploy/launchexport.h"
#include "core/memory/engineprofile.h"
#include "database/wholefile.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace planner {

namespace {

enum OutputKind { ShellScript, KubernetesManifest };

} // namespace

LaunchExportDialog::LaunchExportDialog(const Plan &plan, size_t scenario, QWidget *parent)
    : QDialog(parent)
    , mPlan(plan)
    , mScenario(scenario)
{
    const QString scenarioName = scenario < plan.scenarios.size()
                                     ? QString::fromStdString(plan.scenarios[scenario].name)
                                     : QString();
    setWindowTitle(tr("Export Launch Command — %1").arg(scenarioName));

    mModel = new QComboBox(this);
    mModel->setObjectName(QStringLiteral("launchModelBox"));
    for (const std::string &id : plan.modelIds) {
        const ModelSpec *model = plan.parts.model(id);
        mModel->addItem(model ? QString::fromStdString(model->displayName) : QString::fromStdString(id),
                        QString::fromStdString(id));
    }
    mEngine = new QComboBox(this);
    mEngine->setObjectName(QStringLiteral("launchEngineBox"));
    for (const std::string &id : launchExportEngines()) {
        const std::optional<EngineProfile> engine = findEngineProfile(id);
        mEngine->addItem(QString::fromStdString(engine ? engine->name : id), QString::fromStdString(id));
    }
    if (scenario < plan.scenarios.size())
        mEngine->setCurrentIndex(
            std::max(0, mEngine->findData(QString::fromStdString(plan.scenarios[scenario].deployment.engineId))));
    mKind = new QComboBox(this);
    mKind->setObjectName(QStringLiteral("launchKindBox"));
    mKind->addItem(tr("Shell script"), ShellScript);
    mKind->addItem(tr("Kubernetes manifest"), KubernetesManifest);

    auto *form = new QFormLayout;
    form->addRow(tr("&Model version"), mModel);
    form->addRow(tr("&Engine"), mEngine);
    form->addRow(tr("&Output"), mKind);

    mProblem = new QLabel(this);
    mProblem->setWordWrap(true);
    mProblem->setStyleSheet(QStringLiteral("color: #b3261e"));
    mPreview = new QPlainTextEdit(this);
    mPreview->setObjectName(QStringLiteral("launchPreview"));
    mPreview->setReadOnly(true);
    mPreview->setLineWrapMode(QPlainTextEdit::NoWrap);
    mPreview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // The export wraps its comments at about 100 columns: show them whole.
    const QFontMetrics metrics(mPreview->font());
    mPreview->setMinimumSize(metrics.horizontalAdvance(QString(106, QLatin1Char('M'))), metrics.lineSpacing() * 28);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    mSave = buttons->addButton(tr("&Save…"), QDialogButtonBox::ActionRole);
    mCopy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(mSave, &QPushButton::clicked, this, &LaunchExportDialog::save);
    connect(mCopy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(text()); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(mProblem);
    layout->addWidget(mPreview, 1);
    layout->addWidget(buttons);

    for (QComboBox *box : {mModel, mEngine, mKind})
        connect(box, &QComboBox::currentIndexChanged, this, &LaunchExportDialog::refresh);
    refresh();
}

QString LaunchExportDialog::text() const
{
    return mProblem->text().isEmpty() ? mPreview->toPlainText() : QString();
}

QString LaunchExportDialog::problem() const
{
    return mProblem->text();
}

void LaunchExportDialog::refresh()
{
    const LaunchExportResult result = exportLaunch(mPlan, mScenario, mModel->currentData().toString().toStdString(),
                                                   mEngine->currentData().toString().toStdString());
    const bool noManifest = result.ok() && mKind->currentData().toInt() == KubernetesManifest
                            && result.launch->kubernetesManifest.empty();
    const bool ok = result.ok() && !noManifest;
    mProblem->setText(ok           ? QString()
                      : noManifest ? tr("No Kubernetes manifest for a prefill/decode pair: the shell script serves "
                                        "it (roles prefill, decode and router).")
                                   : tr("Cannot export: %1").arg(QString::fromStdString(result.error)));
    mProblem->setVisible(!ok);
    mPreview->setPlainText(!ok ? QString()
                               : QString::fromStdString(mKind->currentData().toInt() == KubernetesManifest
                                                            ? result.launch->kubernetesManifest
                                                            : result.launch->script));
    mSave->setEnabled(ok);
    mCopy->setEnabled(ok);
}

QString LaunchExportDialog::saveTo(const QString &path) const
{
    const bool script = mKind->currentData().toInt() == ShellScript;
    if (const QString reason = writeWholeFile(path, text().toUtf8(), script); !reason.isEmpty())
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason);
    return {};
}

void LaunchExportDialog::save()
{
    const bool script = mKind->currentData().toInt() == ShellScript;
    const QString suggested = mModel->currentData().toString() + QLatin1Char('-') + mEngine->currentData().toString()
                              + (script ? QStringLiteral(".sh") : QStringLiteral(".yaml"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Launch Command"), suggested,
                                                      script ? tr("Shell scripts (*.sh)")
                                                             : tr("Kubernetes manifests (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    if (const QString error = saveTo(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Cannot save"), error);
}

} // namespace planner
