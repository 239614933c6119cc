package dev.berth.app.cli;

import dev.berth.runner.timer.CronFormatException;
import dev.berth.runner.timer.TimerSchedule;
import dev.berth.runner.timer.TimerZones;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/// `berth cron "<expr>"`: the next occurrences of a timer schedule, in local time and UTC, so a schedule can
/// be checked before it is deployed. Runs on picocli's thread; the clock and local zone are injectable for tests.
@Command(name = "cron", description = {
        "Show the next occurrences of an Azure Functions timer schedule.",
        "NCRONTAB has 6 fields, seconds first: {second} {minute} {hour} {day} {month} {day-of-week};"
                + " a TimeSpan such as 00:05:00 is a fixed interval."})
final class CronCommand implements Callable<Integer> {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE uuuu-MM-dd HH:mm:ss xxx", Locale.ENGLISH);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("EEE uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH);

    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "SCHEDULE", description = "e.g. \"0 */5 * * * *\" (quote it).") String expression;
    @Option(names = "--next", paramLabel = "N", defaultValue = "10", description = "How many occurrences (default: ${DEFAULT-VALUE}).")
    int next;
    @Option(names = "--tz", paramLabel = "ZONE", description = {"Time zone the schedule runs in, as WEBSITE_TIME_ZONE"
            + " (IANA id or Windows name); default UTC, as in Azure.",
            "The local column shows this zone when given, else this machine's zone."})
    String zone;

    private final Clock clock;
    private final ZoneId machineZone;

    CronCommand() {
        this(Clock.systemUTC(), ZoneId.systemDefault());
    }

    CronCommand(Clock clock, ZoneId machineZone) {
        this.clock = clock;
        this.machineZone = machineZone;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (next < 1 || next > 1000) {
            err.println("--next " + next + " is out of range: give 1-1000 occurrences, e.g. --next 10.");
            err.flush();
            return 2;
        }
        TimerSchedule schedule;
        try {
            var runZone = TimerZones.resolve(zone);
            schedule = TimerSchedule.parse(expression, runZone, Map.of());
        } catch (CronFormatException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        var shownZone = zone == null ? machineZone : schedule.zone();
        out.printf("Next %d occurrences of \"%s\" (schedule zone %s):%n", next, expression.strip(), zoneName(schedule.zone()));
        var t = clock.instant();
        for (int i = 0; i < next; i++) {
            t = schedule.next(t);
            out.printf("  %s   %s%n", LOCAL.format(t.atZone(shownZone)), UTC.format(t.atZone(ZoneOffset.UTC)));
        }
        out.flush();
        return 0;
    }

    private static String zoneName(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
