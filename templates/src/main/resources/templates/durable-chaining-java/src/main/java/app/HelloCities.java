package app;

import berth.durable.DurableLog;
import com.microsoft.durabletask.TaskOrchestration;
import com.microsoft.durabletask.TaskOrchestrationContext;

import java.util.ArrayList;
import java.util.List;

/// Function chaining: calls SayHello once per city, each call only after the previous result is in,
/// and returns the greetings in order. The input is a JSON array of cities; none means Tokyo, Seattle
/// and London.
///
/// Each `await()` is a checkpoint: the orchestrator stops there, and when the activity's result is
/// recorded it runs again from the top, replaying the results it already has. So it must make the same
/// calls in the same order on every run: no clock, random numbers or I/O here, only in activities.
public final class HelloCities implements TaskOrchestration {
    static final List<String> DEFAULT_CITIES = List.of("Tokyo", "Seattle", "London");

    @Override
    public void run(TaskOrchestrationContext ctx) {
        String[] input = ctx.getInput(String[].class);
        var cities = input == null || input.length == 0 ? DEFAULT_CITIES : List.of(input);
        var greetings = new ArrayList<String>();
        for (var city : cities) {
            DurableLog.log(ctx, "calling SayHello(" + city + ")");
            greetings.add(ctx.callActivity("SayHello", city, String.class).await());
        }
        DurableLog.log(ctx, "done: " + greetings);
        ctx.complete(greetings);
    }
}
