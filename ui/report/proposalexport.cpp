#include "ui/report/proposalexport.h"

#include "ui/report/proposalwriter.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <stop_token>

namespace planner {

namespace {

class ProposalExportText
{
    Q_DECLARE_TR_FUNCTIONS(ProposalExportText)
};

// Waits for `future` with the event loop turning: the window repaints and
// the progress dialog's Cancel is heard.
template <typename T>
T resultWhenDone(const QFuture<T> &future)
{
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    return future.result();
}

} // namespace

ProposalExport exportProposalWithProgress(QWidget *parent, const Plan &plan, const Catalogue &catalogue,
                                          const ProposalOptions &options, const QString &path)
{
    QProgressDialog progress(ProposalExportText::tr("Simulating the serving load of each model version…"),
                             ProposalExportText::tr("Cancel"), 0, 0, parent);
    progress.setWindowTitle(ProposalExportText::tr("Exporting the proposal"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400); // a quick export shows no dialog at all
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    std::stop_source stop;
    // Its Cancel button or closing it (canceled), or Escape (rejected).
    QObject::connect(&progress, &QProgressDialog::canceled, &progress, [&stop] { stop.request_stop(); });
    QObject::connect(&progress, &QDialog::rejected, &progress, [&stop] { stop.request_stop(); });
    // A worker of its own: the simulations spread over Qt's global pool, which
    // a task of that pool must not wait on.
    QThreadPool worker;
    worker.setMaxThreadCount(1);

    const std::stop_token token = stop.get_token();
    const ProposalInputs inputs = resultWhenDone(
        QtConcurrent::run(&worker, [&plan, token] { return proposalInputs(plan, token); }));
    if (token.stop_requested())
        return {false, true, {}};

    // Charts and topology pictures: the GUI thread's part, a fraction of a second.
    progress.setLabelText(ProposalExportText::tr("Drawing the charts…"));
    QCoreApplication::processEvents();
    const ProposalContent content = proposalContent(plan, catalogue, options, inputs);
    if (token.stop_requested())
        return {false, true, {}};

    progress.setLabelText(ProposalExportText::tr("Laying out and writing the pages…"));
    const auto pageDone = [&progress](int page, int pages) {
        QMetaObject::invokeMethod(
            &progress,
            [&progress, page, pages] {
                progress.setMaximum(pages);
                progress.setValue(page);
            },
            Qt::QueuedConnection);
    };
    const QString error = resultWhenDone(QtConcurrent::run(
        &worker, [&content, &path, token, pageDone] { return paintProposalPdf(content, path, token, pageDone); }));
    if (error.isEmpty())
        return {true, false, {}}; // written, even where Cancel came too late to stop it
    if (token.stop_requested())
        return {false, true, {}};
    return {false, false, error};
}

} // namespace planner
