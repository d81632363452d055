#pragma once

#include "reporterror.h"
#include "reportinputs.h"
#include "reportmodel.h"

#include "density/densityresult.h"
#include "domain/decision.h"
#include "domain/result.h"
#include "domain/vm.h"
#include "io/tablewriters.h"

#include <QList>
#include <QStringList>

namespace landfall {

class ProjectStore;

/** The report's annex: every VM of the plan as a workbook the customer's team can filter and
    sort, where the PDF carries only the exceptions. A Summary sheet (the paths with their VMs,
    vCPU, memory and storage), then one sheet per migration path with a row per VM; headers are
    in words, with their units ("Memory (GiB)"). Each VM is on exactly one path sheet. Storage
    used that the inventory did not give reads "unknown", never 0; the Summary sums the known
    values and counts the VMs without one. */
class AnnexWorkbook {
public:
    static inline const QString kSummarySheet = QStringLiteral("Summary");
    /** The sheet of the VMs without a decision (none once the project is classified). */
    static inline const QString kUnclassifiedSheet = QStringLiteral("Not classified");

    /** The sheets; `results` carry their placement, each adds a node pool and a node column. */
    static QList<XlsxSheet> build(const QList<Vm> &vms, const QList<Decision> &decisions,
                                  const QList<DensityResult> &results);
    /** Reads the project (classifying when needed) and places the VMs under the scenarios; with
        no names, every scenario of the project, or "default" when it has none. */
    static Result<QList<XlsxSheet>, ReportError> fromStore(ProjectStore &store, const QStringList &scenarios = {});
    /** The annex of a report: its VMs and decisions, placed as the report's own scenario runs
        placed them, so that the workbook and the PDF agree (touches no store). */
    static QList<XlsxSheet> fromReport(const ReportInputs &inputs, const ReportModel &model);
    /** Why the annex of these inputs cannot be written as an .xlsx (a cell over Excel's limit,
        row and column named), or nothing: known before the report is built, so that a report
        names only an annex it writes. */
    static std::optional<QString> refusal(const ReportInputs &inputs, const QString &path);
    /** Where a report writes its annex: beside the PDF, "assessment.pdf" -> "assessment-annex.xlsx". */
    static QString pathBeside(const QString &pdfPath);
};

} // namespace landfall
