package org.classroom.localcloud.edge;


/** Error replies in each service's own wire format, so the SDK turns them into the right exception. */
public final class ErrorReplies {

    private ErrorReplies() {
    }

    public static EdgeResponse unavailable(Service service) {
        return error(service, 503, "ServiceUnavailable", "the local " + service + " is stopped or not ready yet");
    }

    public static EdgeResponse error(Service service, int status, String code, String message) {
        if (service == Service.S3) {
            return s3Error(status, code, message, null);
        }
        EdgeResponse reply = EdgeResponse.of(status, "application/x-amz-json-1.0",
                "{\"__type\":\"" + code + "\",\"message\":\"" + jsonEscape(message) + "\"}");
        reply.header("x-amzn-ErrorType", code);
        return reply;
    }

    public static EdgeResponse s3Error(int status, String code, String message, String resource) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + xmlEscape(message) + "</Message>"
                + (resource == null ? "" : "<Resource>" + xmlEscape(resource) + "</Resource>")
                + "<RequestId>local</RequestId></Error>";
        return EdgeResponse.of(status, "application/xml", xml);
    }

    public static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    public static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
