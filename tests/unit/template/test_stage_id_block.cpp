// Issue #14: the host IDs debootstrap's second stage runs as belong to no
// host account, or the build is refused (such an account could trace it).
#include "template/contained_stage.h"

#include <QtTest/QtTest>

using namespace berth::templates;

class TestStageIdBlock : public QObject {
    Q_OBJECT

private slots:
    void accounts()
    {
        const std::string first = std::to_string(kStageIdBase);
        const std::string last = std::to_string(kStageIdBase + kStageIdCount - 1);
        const std::string after = std::to_string(kStageIdBase + kStageIdCount);
        const std::string passwd = "root:x:0:0:root:/root:/bin/bash\n"
                                   "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
                                   "squatter:x:" +
                                   first +
                                   ":100::/:/bin/sh\n"
                                   "next:x:" +
                                   after +
                                   ":100::/:/bin/sh\n"
                                   "broken:x:" +
                                   first +
                                   "x:100::/:/bin/sh\n"
                                   "short:x\n";
        const std::string group = "root:x:0:\nlastgroup:x:" + last + ":\nempty::" + "\n";
        QCOMPARE(accountsInStageBlock(passwd, group), (std::vector<std::string>{"squatter", "lastgroup"}));
        QCOMPARE(accountsInStageBlock("root:x:0:0::/:/bin/sh", ""), std::vector<std::string>{});
    }
};

QTEST_GUILESS_MAIN(TestStageIdBlock)
#include "test_stage_id_block.moc"
