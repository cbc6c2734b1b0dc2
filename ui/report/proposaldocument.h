#pragma once
// The proposal's content laid out as a QTextDocument for a paged device: a
// title page, then each section from a new page; tables whose header row
// repeats on every page they run over and whose long cells wrap; figures as
// vector inline objects (ui/report/figuretextobject.h). Headings, captions
// and table titles are kept on the page of what follows them.

#include "ui/report/proposalcontent.h"

#include <QSizeF>

#include <memory>

class QPaintDevice;
class QTextDocument;

namespace planner {

// `device` sets the resolution fonts and spacing are laid out at; `pageSize`
// (in that device's pixels) is the text area of one page.
std::unique_ptr<QTextDocument> buildProposalDocument(const ProposalContent &content, QPaintDevice *device,
                                                     const QSizeF &pageSize);

} // namespace planner
