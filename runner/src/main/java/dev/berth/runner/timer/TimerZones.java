package dev.berth.runner.timer;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/// Resolves the `WEBSITE_TIME_ZONE` app setting. Linux plans take IANA ids (`Europe/Berlin`); Windows plans
/// take Windows names (`W. Europe Standard Time`), so projects written for either keep working. Stateless.
public final class TimerZones {
    /// The app setting Azure Functions reads the timer time zone from.
    public static final String SETTING = "WEBSITE_TIME_ZONE";

    // The Windows zones people actually use for timers, mapped as CLDR's windowsZones.xml maps them (territory 001).
    private static final Map<String, String> WINDOWS = Map.ofEntries(
            Map.entry("utc", "UTC"),
            Map.entry("gmt standard time", "Europe/London"),
            Map.entry("greenwich standard time", "Atlantic/Reykjavik"),
            Map.entry("w. europe standard time", "Europe/Berlin"),
            Map.entry("central europe standard time", "Europe/Budapest"),
            Map.entry("romance standard time", "Europe/Paris"),
            Map.entry("central european standard time", "Europe/Warsaw"),
            Map.entry("e. europe standard time", "Europe/Chisinau"),
            Map.entry("fle standard time", "Europe/Kiev"),
            Map.entry("gtb standard time", "Europe/Bucharest"),
            Map.entry("russian standard time", "Europe/Moscow"),
            Map.entry("turkey standard time", "Europe/Istanbul"),
            Map.entry("israel standard time", "Asia/Jerusalem"),
            Map.entry("south africa standard time", "Africa/Johannesburg"),
            Map.entry("arabian standard time", "Asia/Dubai"),
            Map.entry("india standard time", "Asia/Calcutta"),
            Map.entry("china standard time", "Asia/Shanghai"),
            Map.entry("singapore standard time", "Asia/Singapore"),
            Map.entry("tokyo standard time", "Asia/Tokyo"),
            Map.entry("korea standard time", "Asia/Seoul"),
            Map.entry("aus eastern standard time", "Australia/Sydney"),
            Map.entry("new zealand standard time", "Pacific/Auckland"),
            Map.entry("eastern standard time", "America/New_York"),
            Map.entry("central standard time", "America/Chicago"),
            Map.entry("mountain standard time", "America/Denver"),
            Map.entry("us mountain standard time", "America/Phoenix"),
            Map.entry("pacific standard time", "America/Los_Angeles"),
            Map.entry("alaskan standard time", "America/Anchorage"),
            Map.entry("hawaiian standard time", "Pacific/Honolulu"),
            Map.entry("atlantic standard time", "America/Halifax"),
            Map.entry("e. south america standard time", "America/Sao_Paulo"),
            Map.entry("sa pacific standard time", "America/Bogota"),
            Map.entry("central standard time (mexico)", "America/Mexico_City"));

    private TimerZones() {}

    /// The zone named by `value` (blank: UTC, Azure's default), or [CronFormatException] naming the fix.
    public static ZoneId resolve(String value) {
        if (value == null || value.isBlank()) return ZoneOffset.UTC;
        var name = value.strip();
        var windows = WINDOWS.get(name.toLowerCase(Locale.ROOT));
        if (windows != null) return ZoneId.of(windows);
        try {
            // Region ids only: "EST" and friends are ambiguous abbreviations that Azure does not accept either.
            if (name.contains("/") || name.equals("UTC") || name.equals("GMT") || name.startsWith("UTC+")
                    || name.startsWith("UTC-") || name.equals("Z")) {
                return ZoneId.of(name);
            }
        } catch (DateTimeException e) {
            // falls through to the message below, which says what would work
        }
        throw new CronFormatException(SETTING + " \"" + name + "\" is not a time zone: set it in local.settings.json"
                + " Values to an IANA id such as \"Europe/Berlin\" or a Windows name such as \"W. Europe Standard Time\".");
    }
}
