package org.classroom.localcloud.s3lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads and writes S3's {@code LifecycleConfiguration} XML, as far as the local cloud carries it out:
 * Expiration in Days, filtered by a key prefix (in {@code Filter}, in the older {@code Prefix} beside it,
 * or an empty filter for the whole bucket).
 */
public final class LifecycleXml {

    private static final XmlMapper XML = XmlMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final int MAX_RULES = 1000;
    private static final int MAX_ID_LENGTH = 255;

    private LifecycleXml() {
    }

    /** Why a configuration was refused, with the S3 error code to answer. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String code;

        Refused(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    /** The rules in a PutBucketLifecycleConfiguration body, checked as S3 checks them. */
    public static List<ExpiryRule> parse(byte[] xml) {
        Configuration configuration;
        try {
            configuration = XML.readValue(xml, Configuration.class);
        } catch (UnrecognizedPropertyException e) {
            // Transitions, tag filters, dates...: valid S3, but nothing the local cloud would carry out.
            throw new Refused(501, "NotImplemented", "the local cloud's lifecycle rules support Expiration in Days with a "
                    + "Prefix filter only, not " + e.getPropertyName());
        } catch (IOException e) {
            throw new Refused(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against "
                    + "our published schema");
        }
        if (configuration == null || configuration.rules == null || configuration.rules.isEmpty()) {
            throw new Refused(400, "MalformedXML", "a lifecycle configuration needs at least one Rule");
        }
        if (configuration.rules.size() > MAX_RULES) {
            throw new Refused(400, "InvalidRequest", "a lifecycle configuration has at most " + MAX_RULES + " rules");
        }
        List<ExpiryRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Rule rule : configuration.rules) {
            ExpiryRule checked = check(rule);
            if (!ids.add(checked.id())) {
                throw new Refused(400, "InvalidArgument", "Rule ID must be unique. Found same ID for more than one rule");
            }
            rules.add(checked);
        }
        return rules;
    }

    public static String write(List<ExpiryRule> rules) {
        Configuration configuration = new Configuration();
        configuration.rules = rules.stream().map(LifecycleXml::element).toList();
        try {
            // S3's namespace as a default one on the root: Jackson would give the root a namespace and reset
            // it to none on each child (xmlns=""), leaving the rules outside S3's namespace.
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + XML.writeValueAsString(configuration)
                    .replaceFirst("^<LifecycleConfiguration>", "<LifecycleConfiguration xmlns=\"" + NAMESPACE + "\">");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write lifecycle rules", e);
        }
    }

    private static ExpiryRule check(Rule rule) {
        String id = rule.id == null || rule.id.isBlank() ? UUID.randomUUID().toString() : rule.id;
        if (id.length() > MAX_ID_LENGTH) {
            throw new Refused(400, "InvalidArgument", "ID length should not exceed allowed limit of " + MAX_ID_LENGTH);
        }
        if (!"Enabled".equals(rule.status) && !"Disabled".equals(rule.status)) {
            throw new Refused(400, "MalformedXML", "a rule's Status is Enabled or Disabled, not " + rule.status);
        }
        if (rule.prefix != null && rule.filter != null) {
            throw new Refused(400, "MalformedXML", "a rule has either a Filter or a Prefix, not both");
        }
        if (rule.expiration == null || rule.expiration.days == null) {
            throw new Refused(400, "InvalidRequest", "At least one action needs to be specified in a rule");
        }
        if (rule.expiration.days <= 0) {
            throw new Refused(400, "InvalidArgument", "'Days' for Expiration action must be a positive integer");
        }
        String prefix = rule.filter != null ? rule.filter.prefix : rule.prefix;
        return new ExpiryRule(id, "Enabled".equals(rule.status), prefix, rule.expiration.days);
    }

    private static Rule element(ExpiryRule rule) {
        Rule element = new Rule();
        element.id = rule.id();
        element.status = rule.enabled() ? "Enabled" : "Disabled";
        element.filter = new Filter();
        element.filter.prefix = rule.prefix();
        element.expiration = new Expiration();
        element.expiration.days = rule.days();
        return element;
    }

    @JacksonXmlRootElement(localName = "LifecycleConfiguration")
    static final class Configuration {
        @JacksonXmlElementWrapper(useWrapping = false)
        @JacksonXmlProperty(localName = "Rule")
        public List<Rule> rules;
    }

    static final class Rule {
        @JacksonXmlProperty(localName = "ID")
        public String id;
        @JacksonXmlProperty(localName = "Filter")
        public Filter filter;
        /** The rule's prefix in the configuration's first version, before Filter. */
        @JacksonXmlProperty(localName = "Prefix")
        public String prefix;
        @JacksonXmlProperty(localName = "Status")
        public String status;
        @JacksonXmlProperty(localName = "Expiration")
        public Expiration expiration;
    }

    static final class Filter {
        @JacksonXmlProperty(localName = "Prefix")
        public String prefix;
    }

    static final class Expiration {
        @JacksonXmlProperty(localName = "Days")
        public Integer days;
    }
}
