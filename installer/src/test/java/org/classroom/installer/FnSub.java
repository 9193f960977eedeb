package org.classroom.installer;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CloudFormation's Fn::Sub string syntax: {@code ${Name}} is replaced, {@code ${!Text}} stands for a literal {@code ${Text}}. */
final class FnSub {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");

    private FnSub() {
    }

    /** The names the string substitutes, in order of first use. */
    static Set<String> names(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(template);
        while (matcher.find()) {
            if (matcher.group(1).isEmpty()) {
                names.add(matcher.group(2));
            }
        }
        return names;
    }

    /** The string as CloudFormation would hand it over, each name given its value by {@code values}. */
    static String render(String template, Function<String, String> values) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String replacement = matcher.group(1).isEmpty() ? values.apply(matcher.group(2)) : "${" + matcher.group(2) + "}";
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }
}
