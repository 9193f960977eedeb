package org.classroom.localcloud.s3events;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.classroom.localcloud.edge.ErrorReplies;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads and writes S3's {@code NotificationConfiguration} XML (queue configurations only). */
public final class NotificationXml {

    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    private NotificationXml() {
    }

    /**
     * The queue configurations in a PutBucketNotificationConfiguration body.
     *
     * @throws IllegalArgumentException when the XML is malformed or asks for topics or functions,
     *                                  which the local cloud cannot deliver to
     */
    public static List<QueueNotification> parse(byte[] xml) {
        if (xml.length == 0) {
            return List.of();
        }
        Document document = document(xml);
        Element root = document.getDocumentElement();
        List<QueueNotification> queues = new ArrayList<>();
        for (Element child : children(root)) {
            switch (child.getLocalName()) {
                case "QueueConfiguration" -> queues.add(queue(child));
                case "EventBridgeConfiguration" -> {
                    // Nothing to deliver locally; accepted so that tools sending it still work.
                }
                default -> throw new IllegalArgumentException("the local cloud delivers S3 notifications to SQS queues only, not "
                        + child.getLocalName());
            }
        }
        return queues;
    }

    public static String write(List<QueueNotification> queues) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NotificationConfiguration xmlns=\"")
                .append(NAMESPACE).append("\">");
        for (QueueNotification queue : queues) {
            xml.append("<QueueConfiguration><Id>").append(ErrorReplies.xmlEscape(queue.id())).append("</Id><Queue>")
                    .append(ErrorReplies.xmlEscape(queue.queueArn())).append("</Queue>");
            for (String event : queue.events()) {
                xml.append("<Event>").append(ErrorReplies.xmlEscape(event)).append("</Event>");
            }
            if (queue.prefix() != null || queue.suffix() != null) {
                xml.append("<Filter><S3Key>");
                rule(xml, "prefix", queue.prefix());
                rule(xml, "suffix", queue.suffix());
                xml.append("</S3Key></Filter>");
            }
            xml.append("</QueueConfiguration>");
        }
        return xml.append("</NotificationConfiguration>").toString();
    }

    private static void rule(StringBuilder xml, String name, String value) {
        if (value != null) {
            xml.append("<FilterRule><Name>").append(name).append("</Name><Value>")
                    .append(ErrorReplies.xmlEscape(value)).append("</Value></FilterRule>");
        }
    }

    private static QueueNotification queue(Element element) {
        String id = null;
        String arn = null;
        List<String> events = new ArrayList<>();
        String prefix = null;
        String suffix = null;
        for (Element child : children(element)) {
            switch (child.getLocalName()) {
                case "Id" -> id = child.getTextContent().trim();
                case "Queue" -> arn = child.getTextContent().trim();
                case "Event" -> events.add(child.getTextContent().trim());
                case "Filter" -> {
                    for (Element s3Key : children(child)) {
                        for (Element rule : children(s3Key)) {
                            String name = null;
                            String value = null;
                            for (Element part : children(rule)) {
                                if (part.getLocalName().equals("Name")) {
                                    name = part.getTextContent().trim();
                                } else if (part.getLocalName().equals("Value")) {
                                    value = part.getTextContent();
                                }
                            }
                            if ("prefix".equalsIgnoreCase(name)) {
                                prefix = value;
                            } else if ("suffix".equalsIgnoreCase(name)) {
                                suffix = value;
                            } else {
                                throw new IllegalArgumentException("unknown filter rule name: " + name);
                            }
                        }
                    }
                }
                default -> {
                    // other elements carry nothing the local cloud uses
                }
            }
        }
        if (arn == null || !arn.startsWith("arn:") || arn.split(":").length < 6) {
            throw new IllegalArgumentException("a QueueConfiguration needs a Queue ARN (arn:aws:sqs:region:account:name), got " + arn);
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a QueueConfiguration needs at least one Event");
        }
        for (String event : events) {
            if (!event.startsWith("s3:")) {
                throw new IllegalArgumentException("the event name is not valid: " + event);
            }
        }
        return new QueueNotification(id == null || id.isEmpty() ? UUID.randomUUID().toString() : id, arn, events, prefix, suffix);
    }

    private static Document document(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalArgumentException("the XML you provided was not well-formed: " + e.getMessage());
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
