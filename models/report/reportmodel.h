#pragma once

#include "density/densityresult.h"
#include "density/nodesizesweep.h"
#include "density/scenario.h"
#include "reportoptions.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace landfall {

/** A table of the report: plain text cells, laid out by the writer; widths are relative. */
struct ReportTable {
    QStringList header;
    QList<double> columnWeights; ///< one per column; the writer shares the width in these proportions
    QList<QStringList> rows;
};

/** A headline number with its label, shown as a tile in the executive summary. */
struct ReportFigure {
    QString value;
    QString label;
};

/** One piece of a section, in reading order. Text is plain: the writer never interprets it. */
struct ReportBlock {
    enum class Kind { Heading, Paragraph, Bullets, Figures, Table, Chart, Note };
    enum class Chart { PathDonut, ScenarioComparison, NodeSizeSweep, WaveGantt };

    Kind kind = Kind::Paragraph;
    QString text; ///< heading, paragraph, note, or the caption of a table or chart
    QStringList items;
    QList<ReportFigure> figures;
    ReportTable table;
    Chart chart = Chart::PathDonut;
    int scenarioIndex = 0; ///< the node-size sweep's scenario in ReportModel::scenarios
};

/** A numbered section of the report: one table-of-contents entry. */
struct ReportSection {
    QString title;
    QList<ReportBlock> blocks;
    bool appendix = false; ///< after the body: the body is what the page limit counts
};

/** One wave as the Gantt chart draws it. */
struct GanttBar {
    int wave = 0;
    QDate start;
    QDate end;
    int vms = 0;
    bool overLimit = false;
};

/** One scenario as the report shows it: its parameters, its result and its node-size sweep. */
struct ScenarioOutcome {
    Scenario scenario;
    DensityResult result;
    QList<NodeSizePoint> sweep;
};

/** A count of VMs on one migration path, for the donut and the summary table. */
struct PathCount {
    QString key;   ///< migrationPathKey()
    QString label; ///< "Containerize"
    int vms = 0;
};

/** The report's whole content, built from a project by ReportBuilder: everything the PDF
    shows, as plain data, so that the writer only lays it out and tests read it directly. */
struct ReportModel {
    QString title;
    QString subtitle;
    QString customer;
    QString consultant;
    QDate date;
    QString projectFile;
    QString logoPath;
    QString primaryColour; ///< "#RRGGBB", empty: the house colour
    QString accentColour;
    QString recommended; ///< the scenario the consultant marked, empty when none
    QString annexFile;   ///< the annex workbook's file name, which the report names; empty for none

    int vmsInScope = 0;
    int excludedTemplates = 0;
    int excludedSrmPlaceholders = 0;
    QList<PathCount> pathCounts;
    QList<ScenarioOutcome> scenarios; ///< in the order asked for
    int headline = 0;                 ///< index in `scenarios`: the recommended one, else the first
    QList<GanttBar> waves;            ///< the wave plan, in wave order

    QList<ReportSection> sections;
};

} // namespace landfall
