#pragma once

#include "cellparser.h"
#include "importissue.h"
#include "recordsource.h"

#include "domain/vm.h"

#include <QSet>

#include <functional>
#include <optional>

namespace landfall {

/** What one inventory row turned out to be. */
struct MappedRow {
    enum class Kind { Vm, Template, SrmPlaceholder };
    Kind kind = Kind::Vm;
    Vm vm;
    qint64 row = 0;
    QSet<QString> presentFields; ///< the Landfall field names this row gave a value for
};

/** One cell's value, parsed by the kind of its column. */
struct Cell {
    QString text;
    double number = 0;
    bool flag = false;
    PowerState power = PowerState::Unknown;
};

enum class CellKind { Text, Count, Size, Percent, Flag, Power, Answer };

/** How one column of a format maps into a Vm. */
struct ColumnSpec {
    QString field; ///< Landfall's name for the value, e.g. "vcpu"
    QStringList
        aliases; ///< header spellings, in order of preference; matched as InventoryFormatDetector normalises them
    CellKind kind = CellKind::Text;
    bool mandatory = false;
    double toMiB = 1; ///< for sizes: MiB per unit of the file
    std::function<void(MappedRow &, const Cell &)> apply;
    std::optional<WorkshopAnswers::Attribute> attribute = std::nullopt; ///< for CellKind::Answer
};

/** A format's columns, the known ones it ignores, and what it does once a row is read. */
struct FormatMapping {
    QString formatName;
    QList<ColumnSpec> columns;
    QSet<QString> ignoredColumns; ///< normalised names of standard columns Landfall has no use for
    std::function<void(MappedRow &)> finish;
    bool tracksPresentFields = false; ///< rows are laid over existing VMs, so which cells had a value matters
};

/** Maps the records of one file into VMs by a FormatMapping: finds the columns by name
    (never by position), parses and checks every cell, and collects every problem. */
class RowMapper {
public:
    RowMapper(FormatMapping mapping, QString fileName, QChar decimalMark);

    /** Finds the columns in the header; the issues name missing mandatory ones. */
    QList<ImportIssue> bind(const QStringList &header);
    /** Which columns the reader must convert: the bound ones and the custom attributes. */
    std::vector<bool> wantedColumns() const;
    /** The row as a VM, or nothing when it has problems (added to `issues`). The record's cells
        are moved into the VM: the record is spent. */
    std::optional<MappedRow> map(Record &record, QList<ImportIssue> &issues) const;

private:
    static qsizetype filledWidth(const Record &record); ///< the cells up to the last one with a value
    static bool endsBefore(const Record &record, qsizetype filledWidth, int column);
    std::optional<Cell> parse(const ColumnSpec &spec, QString text, qint64 row, const QString &header,
                              QList<ImportIssue> &issues) const;

    FormatMapping m_mapping;
    QString m_fileName;
    CellParser m_parser;
    QStringList m_header;
    std::vector<int> m_columnOfSpec;  ///< header index per spec, -1 when absent
    std::vector<int> m_customColumns; ///< header indexes kept as custom attributes
};

} // namespace landfall
