package org.classroom.installer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;

/** Every name a CloudFormation template refers to: Ref, Fn::GetAtt, Fn::Sub and DependsOn. */
final class CloudFormationReferences {

    private final Set<String> parameters = new TreeSet<>();
    private final Set<String> resources = new TreeSet<>();
    private final Set<String> unresolved = new TreeSet<>();
    private final Set<String> used = new TreeSet<>();

    CloudFormationReferences(JsonNode template) {
        template.path("Parameters").fieldNames().forEachRemaining(parameters::add);
        template.path("Resources").fieldNames().forEachRemaining(resources::add);
        Templates.forEachObject(template, this::visit);
        template.path("Resources").forEach(resource ->
                Templates.strings(resource.path("DependsOn")).forEach(name -> resolve(name, Set.of(), false)));
    }

    /** Parameters some Ref or Fn::Sub uses. */
    Set<String> usedParameters() {
        return used;
    }

    /** References that name no parameter, resource, pseudo parameter or Fn::Sub variable, e.g. "Ref Hots". */
    Set<String> unresolved() {
        return unresolved;
    }

    private void visit(JsonNode node) {
        if (node.has("Ref")) {
            resolve(node.path("Ref").asText(), Set.of(), true);
        }
        if (node.has("Fn::GetAtt")) {
            JsonNode target = node.path("Fn::GetAtt");
            resolve(target.isArray() ? target.get(0).asText() : target.asText().split("\\.")[0], Set.of(), false);
        }
        if (node.has("Fn::Sub")) {
            JsonNode sub = node.path("Fn::Sub");
            String text = sub.isArray() ? sub.get(0).asText() : sub.asText();
            Set<String> variables = new TreeSet<>();
            if (sub.isArray()) {
                sub.get(1).fieldNames().forEachRemaining(variables::add);
            }
            FnSub.names(text).forEach(name -> resolve(name.split("\\.")[0], variables, !name.contains(".")));
        }
    }

    private void resolve(String name, Set<String> variables, boolean parameterAllowed) {
        if (variables.contains(name) || name.startsWith("AWS::") || resources.contains(name)) {
            return;
        }
        if (parameterAllowed && parameters.contains(name)) {
            used.add(name);
            return;
        }
        unresolved.add(name);
    }
}
