package app;

import com.microsoft.durabletask.TaskActivity;
import com.microsoft.durabletask.TaskActivityContext;

/// The activity: sends the alert. Here it prints it; a real app would send a mail or a chat message.
public final class SendAlert implements TaskActivity {
    @Override
    public Object run(TaskActivityContext ctx) {
        var message = ctx.getInput(String.class);
        System.out.println("SendAlert: " + message);
        return null;
    }
}
