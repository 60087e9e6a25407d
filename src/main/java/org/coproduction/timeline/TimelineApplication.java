package org.coproduction.timeline;

import org.coproduction.timeline.admin.cli.RebuildCommandLine;
import org.coproduction.timeline.admin.cli.SealStoreCommandLine;
import org.coproduction.timeline.interchange.cli.InterchangeCommandLine;
import org.coproduction.timeline.report.cli.ReportCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TimelineApplication {

    public static void main(String[] args) {
        if (InterchangeCommandLine.handles(args)) {
            System.exit(InterchangeCommandLine.run(TimelineApplication.class, args));
        }
        if (SealStoreCommandLine.handles(args)) {
            System.exit(SealStoreCommandLine.run(TimelineApplication.class, args));
        }
        if (RebuildCommandLine.handles(args)) {
            System.exit(RebuildCommandLine.run(TimelineApplication.class, args));
        }
        if (ReportCommandLine.handles(args)) {
            System.exit(ReportCommandLine.run(TimelineApplication.class, args));
        }
        SpringApplication.run(TimelineApplication.class, args);
    }
}
