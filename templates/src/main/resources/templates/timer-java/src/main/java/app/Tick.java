package app;

import berth.functions.Invocation;
import berth.functions.TriggerFunction;

import java.util.Map;

/// Every 10 seconds (schedule in tick/function.json): logs that the timer fired and whether it is late.
public final class Tick implements TriggerFunction {
    @Override
    public Object handle(Object trigger, Invocation invocation) {
        var timer = (Map<?, ?>) trigger;
        invocation.log("tick; past due: " + (Boolean.TRUE.equals(timer.get("IsPastDue")) ? "yes" : "no"));
        return null;
    }
}
