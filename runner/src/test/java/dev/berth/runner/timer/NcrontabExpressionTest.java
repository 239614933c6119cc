package dev.berth.runner.timer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NcrontabExpressionTest {

    @ParameterizedTest(name = "{0} after {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0 */5 * * * *          | 2026-03-10T10:03:27Z | 2026-03-10T10:05:00Z
            0 */5 * * * *          | 2026-03-10T10:05:00Z | 2026-03-10T10:10:00Z
            */10 * * * * *         | 2026-03-10T10:00:05Z | 2026-03-10T10:00:10Z
            * * * * * *            | 2026-03-10T10:00:05.400Z | 2026-03-10T10:00:06Z
            0 0 * * * *            | 2026-03-10T10:59:59Z | 2026-03-10T11:00:00Z
            0 30 9 * * *           | 2026-03-10T09:30:00Z | 2026-03-11T09:30:00Z
            0 30 9 * * 1-5         | 2026-03-13T10:00:00Z | 2026-03-16T09:30:00Z
            0 30 9 * * Mon-Fri     | 2026-03-13T10:00:00Z | 2026-03-16T09:30:00Z
            0 0 12 * * sat,SUN     | 2026-03-10T00:00:00Z | 2026-03-14T12:00:00Z
            0 0 12 * * 0           | 2026-03-10T00:00:00Z | 2026-03-15T12:00:00Z
            0 0 0 1 Jan *          | 2026-03-10T00:00:00Z | 2027-01-01T00:00:00Z
            0 0 0 1 jan-mar/2 *    | 2026-01-01T00:00:00Z | 2026-03-01T00:00:00Z
            0 0 0 29 2 *           | 2026-03-10T00:00:00Z | 2028-02-29T00:00:00Z
            0 0 0 31 * *           | 2026-04-01T00:00:00Z | 2026-05-31T00:00:00Z
            0 0 0 13 * 5           | 2026-01-01T00:00:00Z | 2026-02-13T00:00:00Z
            5,10,15 0 0 * * *      | 2026-03-10T00:00:05Z | 2026-03-10T00:00:10Z
            0 10-12/2 * * * *      | 2026-03-10T00:10:30Z | 2026-03-10T00:12:00Z
            0 50/5 * * * *         | 2026-03-10T00:51:00Z | 2026-03-10T00:55:00Z
            0 50/5 * * * *         | 2026-03-10T00:55:00Z | 2026-03-10T01:50:00Z
            0 0 9-17 * * *         | 2026-03-10T17:00:00Z | 2026-03-11T09:00:00Z
            """)
    void next_validExpressionsInUtc_matchNcrontab(String expression, String after, String expected) {
        var cron = NcrontabExpression.parse(expression);

        assertThat(cron.next(Instant.parse(after), ZoneOffset.UTC)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void parse_extraWhitespace_isTrimmedAndAccepted() {
        assertThat(NcrontabExpression.parse("  0  */5 *\t* * *  ").text()).isEqualTo("0  */5 *\t* * *");
    }

    @Test
    void parse_fiveFields_isRejectedWithTheSixFieldForm() {
        assertThatThrownBy(() -> NcrontabExpression.parse("*/5 * * * *"))
                .isInstanceOf(CronFormatException.class)
                .hasMessage("\"*/5 * * * *\" has 5 fields; Azure Functions timers take 6, seconds first: \"0 */5 * * * *\".");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ''                  | has 0 fields; Azure Functions timers take 6: {second} {minute} {hour} {day} {month} {day-of-week}
            '0 0 * * * * *'     | has 7 fields; Azure Functions timers take 6
            '60 * * * * *'      | second field (1 of 6, allowed 0-59): 60 is outside the allowed range 0-59
            '0 75 * * * *'      | minute field (2 of 6, allowed 0-59): 75 is outside the allowed range 0-59
            '0 0 24 * * *'      | hour field (3 of 6, allowed 0-23): 24 is outside the allowed range 0-23
            '0 0 0 0 * *'       | day field (4 of 6, allowed 1-31): 0 is outside the allowed range 1-31
            '0 0 0 32 * *'      | day field (4 of 6, allowed 1-31): 32 is outside the allowed range 1-31
            '0 0 0 * 13 *'      | month field (5 of 6, allowed 1-12): 13 is outside the allowed range 1-12
            '0 0 0 * * 7'       | day-of-week field (6 of 6, allowed 0-6): 7 is outside the allowed range 0-6; Sunday is 0
            '0 0 0 * Foo *'     | month field (5 of 6, allowed 1-12): "Foo" is not a month name; use one of January, February
            '0 0 0 * * Funday'  | day-of-week field (6 of 6, allowed 0-6): "Funday" is not a day-of-week name
            '0 0 x * * *'       | hour field (3 of 6, allowed 0-23): value "x" in "x" is not a number 0-23
            '0 */0 * * * *'     | minute field (2 of 6, allowed 0-59): step "*/0" must be 1 or more
            '0 */a * * * *'     | minute field (2 of 6, allowed 0-59): step "a" in "*/a" is not a number 0-59
            '0 30-10 * * * *'   | minute field (2 of 6, allowed 0-59): range "30-10" runs backwards
            '0 1,,2 * * * *'    | minute field (2 of 6, allowed 0-59): "1,,2" has an empty list item
            '0 0 0 ? * *'       | day field (4 of 6, allowed 1-31): value "?" in "?" is not a number 1-31
            '0 0 0 L * *'       | day field (4 of 6, allowed 1-31): value "L" in "L" is not a number 1-31
            '0 0 0 30 2 *'      | day field (4 of 6, allowed 1-31): no month given has day 30, so the schedule never fires
            '0 0 0 31 4,6 *'    | pick a day that exists in April, June
            """)
    void parse_malformedExpression_namesTheFieldAndItsRange(String expression, String messagePart) {
        assertThatThrownBy(() -> NcrontabExpression.parse(expression))
                .isInstanceOf(CronFormatException.class)
                .hasMessageContaining(messagePart)
                .hasMessageContaining("\"" + expression.strip() + "\"");
    }

    @Test
    void parse_badField_messageListsTheFieldLayout() {
        assertThatThrownBy(() -> NcrontabExpression.parse("0 0 25 * * *"))
                .hasMessage("\"0 0 25 * * *\": hour field (3 of 6, allowed 0-23): 25 is outside the allowed range 0-23."
                        + " Fields: {second} {minute} {hour} {day} {month} {day-of-week}.");
    }
}
