package app;

import berth.functions.Invocation;
import berth.functions.TriggerFunction;

import java.util.Map;

/// Each Event Grid event that a subscription in eventgrid.yaml sends here: logs its type and subject.
public final class LogEvent implements TriggerFunction {
    @Override
    public Object handle(Object trigger, Invocation invocation) {
        var event = (Map<?, ?>) trigger;
        invocation.log(event.get("eventType") + " on " + event.get("subject"));
        return null;
    }
}
