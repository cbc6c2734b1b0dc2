// A separate process that saves plans the way the planner does
// (database/planfile.h, writePlanFile), for the fault tests in
// tests/database/test_savefaults.cpp, which kill it mid-write or run it where
// it cannot write.
//
//   fault_savehelper SOURCE TARGET             save SOURCE's plan to TARGET once
//   fault_savehelper SOURCE TARGET --loop      save it again and again, the
//                                              name alternating "… A" / "… B"
//   --as-nobody   when run as root, drop to user and group 65534 first, so a
//                 read-only folder refuses the write as it would a user's.
//
// Exit status: 0 saved, 1 the save failed (the planner's message on stderr),
// 2 bad arguments or an unreadable SOURCE.
#include "database/planfile.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>
#include <grp.h>
#include <sys/prctl.h>
#include <unistd.h>

using namespace planner;

namespace {

bool dropToNobody()
{
    if (geteuid() != 0)
        return true;
    constexpr gid_t kNobodyGroup = 65534;
    constexpr uid_t kNobody = 65534;
    if (setgroups(0, nullptr) != 0 || setgid(kNobodyGroup) != 0 || setuid(kNobody) != 0)
        return false;
    // Changing user makes the process undumpable, and LeakSanitizer (in the
    // sanitizer build) cannot then inspect it at exit.
    return prctl(PR_SET_DUMPABLE, 1) == 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    const bool loop = arguments.removeAll(QStringLiteral("--loop")) > 0;
    const bool asNobody = arguments.removeAll(QStringLiteral("--as-nobody")) > 0;
    if (arguments.size() != 2) {
        std::fprintf(stderr, "usage: fault_savehelper SOURCE TARGET [--loop] [--as-nobody]\n");
        return 2;
    }
    if (asNobody && !dropToNobody()) {
        std::perror("fault_savehelper: cannot drop to nobody");
        return 2;
    }
    const PlanFileResult read = readPlanFile(arguments.at(0));
    if (!read.ok()) {
        std::fprintf(stderr, "fault_savehelper: %s\n", qPrintable(read.error));
        return 2;
    }
    Plan plan = *read.plan;
    const std::string name = plan.name;
    for (long round = 0;; ++round) {
        if (loop)
            plan.name = name + (round % 2 == 0 ? " A" : " B");
        const QString error = writePlanFile(plan, arguments.at(1));
        if (!error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        if (!loop)
            return 0;
        if (round == 0) {
            std::puts("saving"); // the test waits for this before it starts killing
            std::fflush(stdout);
        }
    }
}
