package app;

import com.microsoft.durabletask.TaskActivity;
import com.microsoft.durabletask.TaskActivityContext;

/// The activity: greets one city. Activities do the real work (I/O, clocks, anything); the Durable Task
/// runtime records each result, and runs an activity at least once, so make them safe to repeat.
public final class SayHello implements TaskActivity {
    @Override
    public Object run(TaskActivityContext ctx) {
        var city = ctx.getInput(String.class);
        System.out.println("SayHello " + city);
        return "Hello " + city + "!";
    }
}
