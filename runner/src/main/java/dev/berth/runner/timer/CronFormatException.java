package dev.berth.runner.timer;

/// A timer schedule that Azure Functions would refuse. The message is meant for the user as is: it quotes
/// the expression, names the bad field with its allowed range, and shows what would work.
public final class CronFormatException extends IllegalArgumentException {
    public CronFormatException(String message) {
        super(message);
    }
}
