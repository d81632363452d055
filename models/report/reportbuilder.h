#pragma once

#include "reporterror.h"
#include "reportinputs.h"
#include "reportmodel.h"

#include "domain/result.h"

#include <functional>

namespace landfall {

class ProjectStore;

/** Builds the report's content from a project: the sections, tables and chart data of
    ReportModel. Split in two so the GUI can read the store on its own thread and run the
    density engine (the slow part) on a worker: gather() reads, build() computes. */
class ReportBuilder {
public:
    /** Progress from 0 to 100; build() may call it from its worker threads, so it must be thread-safe. */
    using Progress = std::function<void(int percent)>;

    /** Reads the project, classifying it first when its decisions do not cover every VM. */
    static Result<ReportInputs, ReportError> gather(ProjectStore &store, const ReportOptions &options);
    /** Runs every scenario and lays out the content; touches no store, so any thread will do. */
    static Result<ReportModel, ReportError> build(const ReportInputs &inputs, const Progress &progress = {});

    /** "Containerize", "Cloud native", ...: the words the report and the exports use for a path. */
    static QString pathLabel(MigrationPath path);
    /** A whole number with thousands separators, as the report prints counts. */
    static QString count(qint64 value);
};

} // namespace landfall
