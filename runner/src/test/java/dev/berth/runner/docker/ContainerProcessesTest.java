package dev.berth.runner.docker;

import com.github.dockerjava.api.command.TopContainerResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerProcessesTest {
    private static TopContainerResponse top(String[] titles, String[][] processes) throws Exception {
        var response = new TopContainerResponse();
        set(response, "titles", titles);
        set(response, "processes", processes);
        return response;
    }

    private static void set(Object target, String name, Object value) throws Exception {
        Field field = TopContainerResponse.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }

    @Test
    void pids_readThePidColumnWhereverItIs() throws Exception {
        var response = top(new String[] {"UID", "PID", "PPID", "CMD"},
                new String[][] {{"10001", "4242", "4200", "python3 -u handler.py"}, {"10001", "4243", "4242", "sh"}});

        assertThat(ContainerProcesses.pids(response)).isEqualTo(Set.of(4242L, 4243L));
    }

    @Test
    void pids_noPidColumnOrNothingListed_isEmpty() throws Exception {
        assertThat(ContainerProcesses.pids(top(new String[] {"UID", "CMD"}, new String[][] {{"0", "sh"}}))).isEmpty();
        assertThat(ContainerProcesses.pids(new TopContainerResponse())).isEmpty();
    }

    @Test
    void pids_rowWithSomethingElseInThePidColumn_isSkipped() throws Exception {
        var response = top(new String[] {"PID"}, new String[][] {{"?"}, {"77"}, {}});

        assertThat(ContainerProcesses.pids(response)).containsExactly(77L);
    }
}
