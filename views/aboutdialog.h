#pragma once

#include <QMessageBox>

namespace landfall {

/** Help > About: which Landfall this is (LANDFALL_VERSION) and on which Qt, for support calls. */
class AboutDialog : public QMessageBox {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace landfall
