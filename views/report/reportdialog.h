#pragma once

#include "pdfreportwriter.h"

#include "report/reportoptions.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QListWidget;

namespace landfall {

/** File > Report...: who the report is for, the paper, and the scenarios to compare. The
    consultant's name and the logo are remembered for the next report. */
class ReportDialog : public QDialog {
    Q_OBJECT
public:
    /** The dialog's outcome beside Rejected: preview on screen, or save straight to a PDF. */
    enum Outcome { Preview = 2, Save = 3 };
    static constexpr const char *kLogoKey = "report/logo";
    static constexpr const char *kConsultantKey = "report/consultant";

    ReportDialog(const QStringList &scenarios, QWidget *parent = nullptr);

    ReportOptions options() const;
    PdfReportWriter::Paper paper() const;

private:
    void remember() const;

    QLineEdit *m_customer;
    QLineEdit *m_consultant;
    QLineEdit *m_logo;
    QComboBox *m_paper;
    QListWidget *m_scenarios;
};

} // namespace landfall
