package dev.berth.runner.doctor;

/// One line of `berth doctor`: what was checked (`name`), how it went, what was found, and what to do
/// about it (`fix` is empty when nothing needs doing). Immutable.
public record Finding(String name, Status status, String found, String fix) {
    /// OK and INFO need nothing; WARN limits some projects; FAIL stops Berth from running anything.
    public enum Status { OK, INFO, WARN, FAIL }

    public static Finding ok(String name, String found) { return new Finding(name, Status.OK, found, ""); }

    public static Finding info(String name, String found, String fix) { return new Finding(name, Status.INFO, found, fix); }

    public static Finding warn(String name, String found, String fix) { return new Finding(name, Status.WARN, found, fix); }

    public static Finding fail(String name, String found, String fix) { return new Finding(name, Status.FAIL, found, fix); }
}
