#include "pdfoutlinewriter.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <vector>

namespace landfall {

namespace {

using Object = QPDFObjectHandle;

/** The pages of a document with their heights, for turning top-down positions into PDF's
    bottom-up ones. */
struct Pages {
    explicit Pages(QPDF &pdf)
    {
        for (QPDFPageObjectHelper &page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            const Object::Rectangle box = page.getMediaBox().getArrayAsRectangle();
            objects.push_back(page.getObjectHandle());
            tops.push_back(box.ury);
            lefts.push_back(box.llx);
        }
    }
    bool contains(int page) const { return page >= 0 && size_t(page) < objects.size(); }
    /** Shows `page` with `top` at the window's top, keeping the viewer's zoom and left edge. */
    Object destination(int page, qreal top) const
    {
        return Object::newArray({objects[size_t(page)], Object::newName("/XYZ"), Object::newNull(),
                                 Object::newReal(tops[size_t(page)] - top, 2), Object::newNull()});
    }
    double y(int page, qreal top) const { return tops[size_t(page)] - top; }
    double x(int page, qreal left) const { return lefts[size_t(page)] + left; }

    std::vector<Object> objects;
    std::vector<double> tops;
    std::vector<double> lefts;
};

/** Builds the outline tree: each item knows its parent, first and last child and its
    neighbours, and counts its descendants (all shown open). */
Object outline(QPDF &pdf, const Pages &pages, const QList<PdfOutlineWriter::Bookmark> &bookmarks)
{
    Object root = pdf.makeIndirectObject(Object::newDictionary());
    root.replaceKey("/Type", Object::newName("/Outlines"));
    struct Node {
        Object item;
        int parent = -1; ///< -1: the root
        std::vector<size_t> children;
        int descendants = 0;
        int level = 0;
    };
    std::vector<Node> nodes;
    std::vector<size_t> topLevel;
    std::vector<size_t> open; // the chain of nodes the next one may nest under
    for (const PdfOutlineWriter::Bookmark &bookmark : bookmarks) {
        Node node;
        node.level = bookmark.level;
        node.item = pdf.makeIndirectObject(Object::newDictionary());
        node.item.replaceKey("/Title", Object::newUnicodeString(bookmark.title.toStdString()));
        node.item.replaceKey("/Dest", pages.destination(bookmark.page, bookmark.top));
        while (!open.empty() && nodes[open.back()].level >= bookmark.level)
            open.pop_back();
        const size_t index = nodes.size();
        node.parent = open.empty() ? -1 : int(open.back());
        nodes.push_back(node);
        if (open.empty())
            topLevel.push_back(index);
        else
            nodes[open.back()].children.push_back(index);
        for (size_t ancestor : open)
            ++nodes[ancestor].descendants;
        open.push_back(index);
    }
    const auto link = [&nodes](Object &parent, const std::vector<size_t> &children) {
        if (children.empty())
            return;
        parent.replaceKey("/First", nodes[children.front()].item);
        parent.replaceKey("/Last", nodes[children.back()].item);
        for (size_t i = 0; i < children.size(); ++i) {
            Object &item = nodes[children[i]].item;
            item.replaceKey("/Parent", parent);
            if (i > 0)
                item.replaceKey("/Prev", nodes[children[i - 1]].item);
            if (i + 1 < children.size())
                item.replaceKey("/Next", nodes[children[i + 1]].item);
        }
    };
    link(root, topLevel);
    for (Node &node : nodes) {
        link(node.item, node.children);
        if (node.descendants > 0)
            node.item.replaceKey("/Count", Object::newInteger(node.descendants));
    }
    root.replaceKey("/Count", Object::newInteger(qint64(nodes.size())));
    return root;
}

void addLink(QPDF &pdf, const Pages &pages, const PdfOutlineWriter::Link &link)
{
    Object annotation = pdf.makeIndirectObject(Object::newDictionary());
    annotation.replaceKey("/Type", Object::newName("/Annot"));
    annotation.replaceKey("/Subtype", Object::newName("/Link"));
    const QRectF &r = link.rect;
    annotation.replaceKey(
        "/Rect", Object::newArray(Object::Rectangle(pages.x(link.page, r.left()), pages.y(link.page, r.bottom()),
                                                    pages.x(link.page, r.right()), pages.y(link.page, r.top()))));
    annotation.replaceKey("/Border",
                          Object::newArray({Object::newInteger(0), Object::newInteger(0), Object::newInteger(0)}));
    annotation.replaceKey("/Dest", pages.destination(link.targetPage, link.targetTop));
    Object page = pages.objects[size_t(link.page)];
    if (!page.getKey("/Annots").isArray())
        page.replaceKey("/Annots", Object::newArray());
    page.getKey("/Annots").appendItem(annotation);
}

} // namespace

Result<QByteArray, QString> PdfOutlineWriter::apply(const QByteArray &pdf, const QList<Bookmark> &bookmarks,
                                                    const QList<Link> &links)
{
    try {
        QPDF document;
        document.setSuppressWarnings(true);
        document.processMemoryFile("report.pdf", pdf.constData(), size_t(pdf.size()));
        const Pages pages(document);
        for (const Bookmark &bookmark : bookmarks) {
            if (!pages.contains(bookmark.page))
                return QStringLiteral("the bookmark \"%1\" names page %2 of a PDF of %3 pages")
                    .arg(bookmark.title)
                    .arg(bookmark.page + 1)
                    .arg(pages.objects.size());
        }
        for (const Link &link : links) {
            if (!pages.contains(link.page) || !pages.contains(link.targetPage))
                return QStringLiteral("a link from page %1 to page %2 of a PDF of %3 pages")
                    .arg(link.page + 1)
                    .arg(link.targetPage + 1)
                    .arg(pages.objects.size());
        }
        Object catalog = document.getRoot();
        if (!bookmarks.isEmpty()) {
            catalog.replaceKey("/Outlines", outline(document, pages, bookmarks));
            catalog.replaceKey("/PageMode", Object::newName("/UseOutlines"));
        }
        for (const Link &link : links)
            addLink(document, pages, link);

        QPDFWriter writer(document);
        writer.setOutputMemory();
        // The page content is copied as QPdfWriter compressed it: decoding and re-encoding every
        // stream would cost more than the whole outline.
        writer.setDecodeLevel(qpdf_dl_none);
        writer.write();
        const std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
        return QByteArray(reinterpret_cast<const char *>(buffer->getBuffer()), qsizetype(buffer->getSize()));
    } catch (const std::exception &error) {
        return QStringLiteral("the PDF's outline could not be added: %1").arg(QString::fromLocal8Bit(error.what()));
    }
}

} // namespace landfall
