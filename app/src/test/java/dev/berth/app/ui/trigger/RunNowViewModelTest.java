package dev.berth.app.ui.trigger;

import dev.berth.app.ui.fakes.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunNowViewModelTest {
    private static final URI INGRESS = URI.create("http://127.0.0.1:7071");
    private final List<String> calls = new ArrayList<>();

    private RunNowViewModel model(String preselected, ManualRun client) {
        return new RunNowViewModel(Apps.orderPipeline().functions(), preselected, INGRESS, client,
                new SameThreadTaskExecutor());
    }

    @Test
    void preselectedHttpFunction_prefillsARequestForItsRoute() {
        var model = model("orders", (i, f, in) -> null);
        assertThat(model.functionProperty().get().name()).isEqualTo("orders");
        assertThat(model.inputProperty().get()).isEqualTo("{\"method\":\"GET\",\"path\":\"orders\",\"query\":{},\"body\":\"\"}");
    }

    @Test
    void choosingAnotherFunction_prefillsItsTriggersExample() {
        var model = model(null, (i, f, in) -> null);
        assertThat(model.functionProperty().get().name()).isEqualTo("orders");
        model.functionProperty().set(Apps.orderPipeline().function("tick").orElseThrow());
        assertThat(model.inputProperty().get()).isEqualTo("{}");
        model.functionProperty().set(Apps.orderPipeline().function("process").orElseThrow());
        assertThat(model.inputProperty().get()).contains("message");
    }

    @Test
    void run_sendsInputToIngressAndShowsStatusLogsAndBody() {
        var model = model("process", (ingress, function, input) -> {
            calls.add(ingress + " " + function + " " + input);
            return new ManualRun.Result("inv-9", "shop-r1-a1", 200, "", List.of("processing 1", "done"), "ok");
        });
        model.inputProperty().set("{\"id\": 7}");
        model.run();
        assertThat(calls).containsExactly("http://127.0.0.1:7071 process {\"id\": 7}");
        assertThat(model.statusProperty().get()).contains("200").contains("inv-9").contains("shop-r1-a1");
        assertThat(model.failedProperty().get()).isFalse();
        assertThat(model.logsProperty().get()).isEqualTo("processing 1\ndone");
        assertThat(model.bodyProperty().get()).isEqualTo("ok");
        assertThat(model.canRunProperty().get()).isTrue();
    }

    @Test
    void run_sessionUnreachable_showsFailureNamingTheIngress() {
        var model = model("tick", (i, f, in) -> { throw new IOException("Connection refused"); });
        model.run();
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).contains("tick").contains("127.0.0.1:7071").contains("Connection refused");
    }

    @Test
    void run_functionFails_marksFailedWithItsError() {
        var model = model("tick", (i, f, in) -> new ManualRun.Result("inv-1", "r", 500, "handler crashed", List.of(), ""));
        model.run();
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).contains("500").contains("handler crashed");
    }
}
