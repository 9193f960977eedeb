package org.classroom.localcloud.s3lifecycle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.classroom.localcloud.edge.EdgeRequest;
import org.classroom.localcloud.edge.EdgeResponse;
import org.classroom.localcloud.edge.Forwarder;

/** Lists and deletes a bucket's objects with ordinary S3 requests to the S3 stand-in. */
public final class BucketObjects {

    private static final XmlMapper XML = new XmlMapper();

    private final Supplier<URI> backend;
    private final Forwarder forwarder;

    /** One listed object. */
    public record Listed(String key, Instant lastModified) {
    }

    public BucketObjects(Supplier<URI> backend, Forwarder forwarder) {
        this.backend = backend;
        this.forwarder = forwarder;
    }

    /** Every object whose key starts with {@code prefix}, page by page (ListObjectsV2). */
    public List<Listed> list(String bucket, String prefix) {
        List<Listed> objects = new ArrayList<>();
        String token = null;
        do {
            // URL-encoded keys: local-s3 miscounts the length of a listing with non-ASCII keys (see ListingKeys).
            String query = "list-type=2&encoding-type=url&prefix=" + encode(prefix)
                    + (token == null ? "" : "&continuation-token=" + encode(token));
            EdgeResponse reply = forwarder.forward(new EdgeRequest("GET", "/" + bucket, query, Map.of(), new byte[0]),
                    backend.get());
            byte[] body = reply.bufferBody();
            if (!reply.successful()) {
                throw new IllegalStateException("listing s3://" + bucket + "/" + prefix + " failed with HTTP " + reply.status());
            }
            Page page = read(body);
            if (page.contents != null) {
                for (Contents object : page.contents) {
                    objects.add(new Listed(URLDecoder.decode(object.key, StandardCharsets.UTF_8), Instant.parse(object.lastModified)));
                }
            }
            token = page.isTruncated ? page.nextContinuationToken : null;
        } while (token != null);
        return objects;
    }

    /** DeleteObject; true when the stand-in deleted it (or it was already gone). */
    public boolean delete(String bucket, String key) {
        EdgeResponse reply = forwarder.forward(
                new EdgeRequest("DELETE", "/" + bucket + "/" + encode(key).replace("%2F", "/"), null, Map.of(), new byte[0]),
                backend.get());
        reply.bufferBody();
        return reply.successful() || reply.status() == 404;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Page read(byte[] xml) {
        try {
            return XML.readValue(xml, Page.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the S3 stand-in's listing could not be read", e);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Page {
        @JacksonXmlElementWrapper(useWrapping = false)
        @JacksonXmlProperty(localName = "Contents")
        public List<Contents> contents;
        @JacksonXmlProperty(localName = "IsTruncated")
        public boolean isTruncated;
        @JacksonXmlProperty(localName = "NextContinuationToken")
        public String nextContinuationToken;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Contents {
        @JacksonXmlProperty(localName = "Key")
        public String key;
        @JacksonXmlProperty(localName = "LastModified")
        public String lastModified;
    }
}
