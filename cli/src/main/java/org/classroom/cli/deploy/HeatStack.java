package org.classroom.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classroom.cli.support.UserError;
import org.classroom.common.format.Json;

/** One Heat stack through the OpenStack CLI: show, preview, create or update (waiting, with Heat's events shown). */
final class HeatStack {

    private final OpenStackCli openstack;
    private final String name;

    HeatStack(OpenStackCli openstack, String name) {
        this.openstack = openstack;
        this.name = name;
    }

    /** What {@code stack show} says, or empty when there is no such stack. */
    Optional<Shown> show() throws InterruptedException, IOException {
        OpenStackCli.Output output = openstack.run(true, line -> { }, List.of("stack", "show", name, "-f", "json"));
        if (output.exitCode() != 0) {
            if (output.text().toLowerCase(java.util.Locale.ROOT).contains("not found")) {
                return Optional.empty();
            }
            throw new UserError("openstack stack show " + name + " failed:\n" + output.text().strip());
        }
        return Optional.of(new Shown(Json.mapper().readTree(output.text())));
    }

    /**
     * Whether an update with this template and environment would touch any resource, from Heat's preview
     * ({@code stack update --dry-run}): its added, deleted, replaced and updated lists.
     */
    boolean updateWouldChange(Path template, Path environment) throws InterruptedException, IOException {
        JsonNode preview = Json.mapper().readTree(openstack.run("stack", "update", "--existing", "--dry-run",
                "-t", template.toString(), "-e", environment.toString(), name, "-f", "json").text());
        for (String kind : List.of("added", "deleted", "replaced", "updated")) {
            JsonNode list = preview.path(kind);
            // heatclient prints each list as a JSON string inside the JSON; newer ones as a list.
            if (list.isTextual()) {
                list = Json.mapper().readTree(list.asText());
            }
            if (list.size() > 0) {
                return true;
            }
        }
        return false;
    }

    void create(Path template, Path environment, Progress progress) throws InterruptedException {
        openstack.run(false, progress::detail, List.of("stack", "create", "--wait",
                "-t", template.toString(), "-e", environment.toString(), name));
    }

    /** Updates, keeping every parameter the environment does not name ({@code --existing}). */
    void update(Path template, Path environment, Progress progress) throws InterruptedException {
        update(template, environment, List.of(), progress);
    }

    /**
     * Updates, keeping every parameter the environment does not name except {@code cleared}: parameters the stack
     * was made with that the template no longer declares, which Heat would otherwise refuse as unknown.
     */
    void update(Path template, Path environment, List<String> cleared, Progress progress) throws InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("stack", "update", "--existing", "--wait"));
        cleared.forEach(parameter -> args.addAll(List.of("--clear-parameter", parameter)));
        args.addAll(List.of("-t", template.toString(), "-e", environment.toString(), name));
        openstack.run(false, progress::detail, args);
    }

    /** The parts of {@code stack show -f json} this command reads. */
    record Shown(JsonNode json) {

        String status() {
            return json.path("stack_status").asText();
        }

        String parameter(String key) {
            return json.path("parameters").path(key).asText(null);
        }

        Map<String, String> outputs() {
            Map<String, String> outputs = new LinkedHashMap<>();
            json.path("outputs").forEach(output ->
                    outputs.put(output.path("output_key").asText(), output.path("output_value").asText()));
            return outputs;
        }
    }
}
