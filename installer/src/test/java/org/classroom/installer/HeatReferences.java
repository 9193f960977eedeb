package org.classroom.installer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * As much of {@code openstack orchestration template validate} as can be done offline: every get_param names a
 * parameter, every get_resource / get_attr / depends_on a resource, every condition and get_file exists, and a
 * resource that exists only under a condition is referred to only where that condition holds (in a resource or
 * output with the same condition, or in the true branch of an {@code if} on it).
 */
final class HeatReferences {

    /** Parameters Heat supplies itself. */
    static final Set<String> PSEUDO_PARAMETERS = Set.of("OS::stack_name", "OS::stack_id", "OS::project_id");

    private static final Set<String> CONDITION_FUNCTIONS = Set.of("equals", "not", "and", "or", "contains");

    private final Path folder;
    private final Set<String> parameters = new TreeSet<>();
    private final Set<String> conditions = new TreeSet<>();
    private final Map<String, String> resourceConditions = new java.util.HashMap<>();
    private final Set<String> usedParameters = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();

    HeatReferences(JsonNode template, Path folder) {
        this.folder = folder;
        template.path("parameters").fieldNames().forEachRemaining(parameters::add);
        template.path("conditions").fieldNames().forEachRemaining(conditions::add);
        template.path("resources").fields().forEachRemaining(resource ->
                resourceConditions.put(resource.getKey(), resource.getValue().path("condition").asText(null)));

        template.path("conditions").fields().forEachRemaining(condition ->
                checkCondition(condition.getValue(), "conditions/" + condition.getKey()));
        template.path("resources").fields().forEachRemaining(resource -> {
            String where = "resources/" + resource.getKey();
            Set<String> holding = holding(resource.getValue(), where);
            Templates.strings(resource.getValue().path("depends_on")).forEach(target -> checkResource(target, holding, where));
            walk(resource.getValue().path("properties"), holding, where);
        });
        template.path("outputs").fields().forEachRemaining(output -> {
            String where = "outputs/" + output.getKey();
            walk(output.getValue().path("value"), holding(output.getValue(), where), where);
        });
    }

    List<String> problems() {
        return problems;
    }

    Set<String> usedParameters() {
        return usedParameters;
    }

    private Set<String> holding(JsonNode resourceOrOutput, String where) {
        Set<String> holding = new HashSet<>();
        if (resourceOrOutput.has("condition")) {
            String condition = resourceOrOutput.path("condition").asText();
            if (!conditions.contains(condition)) {
                problems.add(where + ": undeclared condition " + condition);
            }
            holding.add(condition);
        }
        return holding;
    }

    private void walk(JsonNode node, Set<String> holding, String where) {
        if (node.isArray()) {
            node.forEach(item -> walk(item, holding, where));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.size() == 1 && node.has("if")) {
            JsonNode arguments = node.path("if");
            String condition = arguments.path(0).asText();
            if (!arguments.isArray() || arguments.size() != 3 || !conditions.contains(condition)) {
                problems.add(where + ": if on an undeclared condition, or not [condition, then, else]: " + arguments);
                return;
            }
            Set<String> then = new HashSet<>(holding);
            then.add(condition);
            walk(arguments.get(1), then, where);
            walk(arguments.get(2), holding, where);
            return;
        }
        if (node.has("get_param")) {
            JsonNode argument = node.path("get_param");
            String name = argument.isArray() ? argument.path(0).asText() : argument.asText();
            checkParameter(name, where);
        }
        if (node.has("get_resource")) {
            checkResource(node.path("get_resource").asText(), holding, where);
        }
        if (node.has("get_attr")) {
            checkResource(node.path("get_attr").path(0).asText(), holding, where);
        }
        if (node.has("get_file") && !Files.isRegularFile(folder.resolve(node.path("get_file").asText()))) {
            problems.add(where + ": get_file of a missing file " + node.path("get_file").asText());
        }
        node.elements().forEachRemaining(child -> walk(child, holding, where));
    }

    private void checkParameter(String name, String where) {
        if (parameters.contains(name)) {
            usedParameters.add(name);
        } else if (!PSEUDO_PARAMETERS.contains(name)) {
            problems.add(where + ": get_param of undeclared " + name);
        }
    }

    private void checkResource(String name, Set<String> holding, String where) {
        if (!resourceConditions.containsKey(name)) {
            problems.add(where + ": refers to undeclared resource " + name);
            return;
        }
        String needed = resourceConditions.get(name);
        if (needed != null && !holding.contains(needed)) {
            problems.add(where + ": refers to " + name + ", which exists only when " + needed + " holds, outside that condition");
        }
    }

    /** A condition body: the condition functions, get_param, and names of other conditions as arguments. */
    private void checkCondition(JsonNode node, String where) {
        if (node.isTextual()) {
            if (!conditions.contains(node.asText())) {
                problems.add(where + ": names undeclared condition " + node.asText());
            }
            return;
        }
        if (node.isArray()) {
            node.forEach(item -> checkCondition(item, where));
            return;
        }
        if (!node.isObject() || node.size() != 1) {
            problems.add(where + ": not a condition function: " + node);
            return;
        }
        String function = node.fieldNames().next();
        JsonNode argument = node.path(function);
        if (function.equals("equals") || function.equals("contains")) {
            // Values, not conditions: literals and get_param.
            Templates.forEachObject(argument, value -> {
                if (value.has("get_param")) {
                    checkParameter(value.path("get_param").asText(), where);
                } else if (value.has("get_resource") || value.has("get_attr")) {
                    problems.add(where + ": conditions cannot depend on resources: " + value);
                }
            });
        } else if (CONDITION_FUNCTIONS.contains(function)) {
            checkCondition(argument, where);
        } else {
            problems.add(where + ": unknown condition function " + function);
        }
    }
}
