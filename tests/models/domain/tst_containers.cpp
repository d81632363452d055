#include "domain/chunkedlist.h"
#include "domain/workshopanswers.h"
#include "io/vmuuidindex.h"

#include <QTest>

using namespace landfall;

namespace {

QList<int> itemsOf(const ChunkedList<int> &list)
{
    QList<int> items;
    for (int item : list)
        items.append(item);
    return items;
}

} // namespace

/** The small containers an import keeps 100,000 VMs in: they must behave as the plain ones they
    replace, only smaller. */
class TestContainers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chunkedListIndexesAcrossChunks()
    {
        ChunkedList<int> list;
        list.appendChunk({1, 2, 3});
        list.appendChunk({}); // dropped: an empty chunk would stop the iteration
        list.appendChunk({4});
        list.appendChunk({5, 6});
        QCOMPARE(list.size(), 6);
        QCOMPARE(itemsOf(list), (QList<int>{1, 2, 3, 4, 5, 6}));
        for (int i = 0; i < list.size(); ++i)
            QCOMPARE(list[i], i + 1);
    }

    void chunkedListRemovesAcrossChunks()
    {
        ChunkedList<int> list;
        list.appendChunk({1, 2});
        list.appendChunk({3});
        list.appendChunk({4, 5});
        list.removeAt(2); // the whole middle chunk
        QCOMPARE(itemsOf(list), (QList<int>{1, 2, 4, 5}));
        QCOMPARE(list[2], 4);
        list.removeAt(0);
        QCOMPARE(itemsOf(list), (QList<int>{2, 4, 5}));
        QCOMPARE(list[2], 5);
        list.removeAt(2);
        list.removeAt(1);
        list.removeAt(0);
        QVERIFY(list.isEmpty());
        QCOMPARE(itemsOf(list), QList<int>());
        list.append(7); // a list emptied by removal takes items again
        QCOMPARE(itemsOf(list), QList<int>{7});
    }

    void chunkedListFromAPlainList()
    {
        const ChunkedList<int> one = QList<int>{3, 4};
        QCOMPARE(itemsOf(one), (QList<int>{3, 4}));
        ChunkedList<int> empty = QList<int>();
        QVERIFY(empty.isEmpty());
        QCOMPARE(empty.begin() == empty.end(), true);
        ChunkedList<int> list{1};
        list.append(2);
        QCOMPARE(itemsOf(list), (QList<int>{1, 2}));
        const QList<QList<int>> chunks = list.takeChunks();
        QCOMPARE(chunks, (QList<QList<int>>{{1, 2}}));
        QVERIFY(list.isEmpty());
    }

    void uuidIndexFindsAVmWithinItsVcenter()
    {
        VmUuidIndex index;
        QVERIFY(index.isEmpty());
        const QString uuid = QStringLiteral("4207a1b2-0c3d-4e5f-8a9b-0c1d2e3f4a5b");
        index.insert(QStringLiteral("VC1.example.com"), uuid, 7);
        index.insert(QStringLiteral("vc2.example.com"), uuid, 8); // the same UUID in another vCenter is another VM
        QVERIFY(!index.isEmpty());
        QCOMPARE(index.value(QStringLiteral("vc1.example.com"), uuid.toUpper()), 7);
        QCOMPARE(index.value(QStringLiteral("VC2.EXAMPLE.COM"), uuid), 8);
        QCOMPARE(index.value(QStringLiteral("vc3.example.com"), uuid), -1);
        QCOMPARE(index.value(QStringLiteral("vc1.example.com"), QStringLiteral("4207a1b2-0c3d-4e5f-8a9b-0c1d2e3f4a5c")),
                 -1);
        index.insert(QStringLiteral("vc1.example.com"), uuid, 9); // the first value stays
        QCOMPARE(index.value(QStringLiteral("vc1.example.com"), uuid), 7);
    }

    void uuidIndexKeepsOtherFormsAsText()
    {
        VmUuidIndex index;
        index.insert(QString(), QStringLiteral("Not-A-Uuid"), 1);
        index.insert(QString(), QStringLiteral("00000000-0000-0000-0000-000000000000"), 2);
        QVERIFY(!index.isEmpty());
        QCOMPARE(index.value(QString(), QStringLiteral("not-a-uuid")), 1);
        QCOMPARE(index.value(QString(), QStringLiteral("00000000-0000-0000-0000-000000000000")), 2);
        QCOMPARE(index.value(QStringLiteral("vc"), QStringLiteral("not-a-uuid")), -1);
    }

    void workshopAnswersKeepEveryAllowedValue()
    {
        for (WorkshopAnswers::Attribute attribute : WorkshopAnswers::attributes()) {
            WorkshopAnswers answers;
            QVERIFY(answers.isUnknown(attribute));
            QCOMPARE(answers.value(attribute), WorkshopAnswers::unknownValue(attribute));
            for (const QString &allowed : WorkshopAnswers::allowedValues(attribute)) {
                QVERIFY(answers.setValue(attribute, QLatin1String("  ") + allowed.toUpper() + QLatin1String(" ")));
                QCOMPARE(answers.value(attribute), allowed);
                QCOMPARE(answers.isUnknown(attribute), allowed == WorkshopAnswers::unknownValue(attribute));
            }
            QVERIFY(!answers.setValue(attribute, QStringLiteral("maybe")));
            QCOMPARE(answers.value(attribute), WorkshopAnswers::unknownValue(attribute)); // unchanged
        }
        WorkshopAnswers answered;
        QVERIFY(answered.isAllUnknown());
        QVERIFY(answered.setValue(WorkshopAnswers::Attribute::Role, QStringLiteral("web")));
        QVERIFY(!answered.isAllUnknown());
        QVERIFY(answered != WorkshopAnswers());
    }
};

QTEST_GUILESS_MAIN(TestContainers)
#include "tst_containers.moc"
