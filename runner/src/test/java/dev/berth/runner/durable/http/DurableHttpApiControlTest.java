package dev.berth.runner.durable.http;

import dev.berth.runner.durable.RuntimeStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/// The changing routes: raise event, terminate / suspend / resume / rewind, purge (one and by filter) and
/// start, with Azure's codes (202, 400, 404, 409, 410), plus wrong methods and unknown paths.
class DurableHttpApiControlTest {
    private static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");

    private DurableApiServer api;

    @BeforeEach
    void start() throws Exception {
        api = new DurableApiServer(new FakeDurableControl("Chain", "Approval"));
        api.control.put("running", "Approval", RuntimeStatus.RUNNING, T0, null, null);
        api.control.put("done", "Chain", RuntimeStatus.COMPLETED, T0.plusSeconds(60), null, "1");
        api.control.put("failed", "Chain", RuntimeStatus.FAILED, T0.plusSeconds(120), null, null);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void raiseEvent_runningInstance_answers202AndDeliversTheJson() throws Exception {
        var answer = api.post("instances/running/raiseEvent/approval", "{\"approved\": true}");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body()).isEmpty();
        assertThat(api.control.calls).containsExactly("raise running approval {\"approved\": true}");
    }

    @Test
    void raiseEvent_emptyBody_deliversNull() throws Exception {
        assertThat(api.post("instances/running/raiseEvent/go", "").status()).isEqualTo(202);

        assertThat(api.control.calls).containsExactly("raise running go null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{approved: true}", "{\"a\":1} trailing", "[1,"})
    void raiseEvent_malformedJson_answers400SayingWhereAndDeliversNothing(String body) throws Exception {
        var answer = api.post("instances/running/raiseEvent/approval", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).contains("event 'approval'").contains("is not JSON").contains("line 1")
                .contains("Fix:");
        assertThat(api.control.calls).isEmpty();
    }

    @Test
    void raiseEvent_unknownInstance_answers404() throws Exception {
        var answer = api.post("instances/ghost/raiseEvent/approval", "true");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.message()).contains("ghost");
    }

    @Test
    void raiseEvent_finishedInstance_answers410WithTheReason() throws Exception {
        var answer = api.post("instances/done/raiseEvent/approval", "true");

        assertThat(answer.status()).isEqualTo(410);
        assertThat(answer.message()).contains("Completed").contains("Fix:");
    }

    @Test
    void terminate_withReason_answers202AndTheReasonBecomesTheOutputString() throws Exception {
        assertThat(api.post("instances/running/terminate?reason=no%20longer%20needed", "").status()).isEqualTo(202);

        assertThat(api.control.calls).containsExactly("terminate running \"no longer needed\"");
        var status = api.get("instances/running");
        assertThat(status.json().path("runtimeStatus").asText()).isEqualTo("Terminated");
        assertThat(status.json().path("output").asText()).isEqualTo("no longer needed");
    }

    @ParameterizedTest
    @CsvSource({"terminate,ghost,404", "terminate,done,410", "suspend,running,202", "suspend,ghost,404",
            "suspend,done,410", "resume,running,202", "resume,failed,410", "rewind,failed,202", "rewind,running,410",
            "rewind,ghost,404"})
    void operation_answersAzuresCode(String operation, String id, int code) throws Exception {
        var answer = api.post("instances/" + id + "/" + operation + "?reason=test", "");

        assertThat(answer.status()).as(answer.body()).isEqualTo(code);
        if (code == 202) assertThat(api.control.calls).containsExactly(operation + " " + id + " test");
        else assertThat(answer.message()).contains(id);
    }

    @Test
    void suspendThenResume_changesTheStatusBothWays() throws Exception {
        api.post("instances/running/suspend", "");
        assertThat(api.get("instances/running").json().path("runtimeStatus").asText()).isEqualTo("Suspended");

        api.post("instances/running/resume", "");
        assertThat(api.get("instances/running").json().path("runtimeStatus").asText()).isEqualTo("Running");
    }

    @Test
    void purge_finishedInstance_answers200WithOneDeletedAndThen404() throws Exception {
        var answer = api.delete("instances/done");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("instancesDeleted").asInt()).isEqualTo(1);
        assertThat(api.delete("instances/done").status()).isEqualTo(404);
        assertThat(api.get("instances/done").status()).isEqualTo(404);
    }

    @Test
    void purge_runningInstance_isRefusedWith410() throws Exception {
        var answer = api.delete("instances/running");

        assertThat(answer.status()).isEqualTo(410);
        assertThat(answer.message()).contains("terminate it first");
    }

    @Test
    void purgeByFilter_deletesMatchingFinishedInstancesOnly() throws Exception {
        var answer = api.delete("instances?createdTimeFrom=2024-05-01T00:00:00Z&runtimeStatus=Completed,Failed");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("instancesDeleted").asInt()).isEqualTo(2);
        assertThat(api.get("instances/running").status()).isEqualTo(202);
        assertThat(api.delete("instances?createdTimeFrom=2024-05-01T00:00:00Z").status()).isEqualTo(404);
    }

    @Test
    void purgeByFilter_createdTimeToBoundsIt() throws Exception {
        var answer = api.delete("instances?createdTimeFrom=2024-05-01&createdTimeTo=2024-05-01T09:01:30Z");

        assertThat(answer.json().path("instancesDeleted").asInt()).isEqualTo(1);
        assertThat(api.get("instances/failed").status()).isEqualTo(200);
    }

    @Test
    void purgeByFilter_withoutCreatedTimeFrom_answers400WithAnExample() throws Exception {
        var answer = api.delete("instances?runtimeStatus=Completed");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).contains("needs createdTimeFrom").contains("createdTimeFrom=2024-01-01T00:00:00Z");
        assertThat(api.control.calls).isEmpty();
    }

    @Test
    void purgeByFilter_unfinishedStatus_answers400() throws Exception {
        var answer = api.delete("instances?createdTimeFrom=2024-05-01&runtimeStatus=Completed,Running");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).contains("not Running").contains("terminate");
    }

    @Test
    void start_declaredOrchestration_answers202WithTheManagementPayloadAndHeaders() throws Exception {
        var answer = api.post("orchestrators/Chain", "{\"city\":\"Tokyo\"}");

        assertThat(answer.status()).isEqualTo(202);
        var id = answer.json().path("id").asText();
        assertThat(api.control.calls).containsExactly("start default Chain " + id + " {\"city\":\"Tokyo\"}");
        var expected = ManagementUrls.of(api.base(), id);
        assertThat(answer.json().path("statusQueryGetUri").asText()).isEqualTo(expected.statusQueryGetUri());
        assertThat(answer.json().path("sendEventPostUri").asText()).isEqualTo(expected.sendEventPostUri());
        assertThat(answer.json().fieldNames()).toIterable().containsExactly("id", "statusQueryGetUri",
                "sendEventPostUri", "terminatePostUri", "rewindPostUri", "purgeHistoryDeleteUri", "suspendPostUri",
                "resumePostUri");
        assertThat(answer.headers().firstValue("Location")).contains(expected.statusQueryGetUri());
        assertThat(answer.headers().firstValue("Retry-After")).contains("10");
    }

    @Test
    void start_locationLeadsToTheNewInstancesStatus() throws Exception {
        var location = api.post("orchestrators/Chain/my%20id", "").headers().firstValue("Location").orElseThrow();

        var status = api.get(location.substring((api.base() + ManagementUrls.PREFIX).length()));

        assertThat(status.status()).isEqualTo(202);
        assertThat(status.json().path("instanceId").asText()).isEqualTo("my id");
        assertThat(status.json().path("runtimeStatus").asText()).isEqualTo("Pending");
    }

    @Test
    void start_unknownOrchestration_answers400ListingTheDeclaredOnes() throws Exception {
        var answer = api.post("orchestrators/Chian", "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).contains("'Chian'").contains("Chain, Approval").contains("orchestrationTrigger");
    }

    @Test
    void start_idStillRunning_answers409() throws Exception {
        var answer = api.post("orchestrators/Approval/running", "");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.message()).contains("still Running");
    }

    @Test
    void start_idOfFinishedInstance_startsItAgain() throws Exception {
        assertThat(api.post("orchestrators/Chain/done", "").status()).isEqualTo(202);

        assertThat(api.get("instances/done").json().path("runtimeStatus").asText()).isEqualTo("Pending");
    }

    @Test
    void start_malformedInput_answers400() throws Exception {
        var answer = api.post("orchestrators/Chain", "{'city': 'Tokyo'}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).contains("input of orchestration 'Chain'").contains("is not JSON");
        assertThat(api.control.calls).isEmpty();
    }

    @Test
    void start_inAnotherTaskHub_namesTheHubInEveryLink() throws Exception {
        var answer = api.post("orchestrators/Chain/x1?taskHub=blue", "");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(api.control.calls).containsExactly("start blue Chain x1 null");
        assertThat(answer.json().path("statusQueryGetUri").asText()).endsWith("/instances/x1?taskHub=blue");
        assertThat(answer.json().path("terminatePostUri").asText()).endsWith("/instances/x1/terminate?reason={text}&taskHub=blue");
    }

    @ParameterizedTest
    @CsvSource({"PUT,instances/running,'GET, DELETE'", "GET,instances/running/terminate,POST",
            "DELETE,orchestrators/Chain,POST", "POST,instances,'GET, DELETE'"})
    void wrongMethod_answers405WithAllow(String method, String path, String allow) throws Exception {
        var answer = api.send(method, path, method.equals("GET") || method.equals("DELETE") ? null : "");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).contains(allow);
        assertThat(answer.message()).contains("takes " + allow + ", not " + method);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "entities/x", "instances/running/pause", "instances/running/raiseEvent",
            "orchestrators", "instances//terminate"})
    void unknownPath_answers404NamingTheRoutes(String path) throws Exception {
        var answer = api.get(path);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.message()).contains("No durable management route").contains("orchestrators/{name}");
    }

    @Test
    void managementUrls_encodeTheIdAndKeepAzuresPlaceholders() {
        var urls = ManagementUrls.of(URI.create("http://127.0.0.1:7071/"), "a b/c");

        assertThat(urls.id()).isEqualTo("a b/c");
        var instance = "http://127.0.0.1:7071/runtime/webhooks/durabletask/instances/a%20b%2Fc";
        assertThat(urls.statusQueryGetUri()).isEqualTo(instance);
        assertThat(urls.sendEventPostUri()).isEqualTo(instance + "/raiseEvent/{eventName}");
        assertThat(urls.terminatePostUri()).isEqualTo(instance + "/terminate?reason={text}");
        assertThat(urls.rewindPostUri()).isEqualTo(instance + "/rewind?reason={text}");
        assertThat(urls.suspendPostUri()).isEqualTo(instance + "/suspend?reason={text}");
        assertThat(urls.resumePostUri()).isEqualTo(instance + "/resume?reason={text}");
        assertThat(urls.purgeHistoryDeleteUri()).isEqualTo(instance);
    }
}
